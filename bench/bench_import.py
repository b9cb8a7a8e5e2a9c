"""Import benchmark: N synthetic issues through the pipeline alone and into the database (tags,
people, name checks, history and the search index included), against one plain jieba.cut pass
over the same text, all in one run.

    .venv/bin/python bench/bench_import.py --issues 1000
"""

import argparse
import json
import shutil
import time

from _django import OUT, setup


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--issues", type=int, default=1000)
    args = parser.parse_args()
    vendor = setup()

    from corpus import write_issues

    from articles.importer import parse_issue
    from articles.services.batch import import_paths

    folder = OUT / f"issues-{args.issues}"
    shutil.rmtree(folder, ignore_errors=True)
    size = write_issues(folder, args.issues)
    files = sorted(folder.glob("*.txt"))
    datas = [p.read_bytes() for p in files]
    texts = [d.decode("utf-8") for d in datas]

    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    started = time.perf_counter()
    tokens = sum(len(list(jieba.cut(text))) for text in texts)
    cut_seconds = time.perf_counter() - started

    started = time.perf_counter()
    articles = sum(len(parse_issue(d, source=p.name).articles) for d, p in zip(datas, files))
    pipeline_seconds = time.perf_counter() - started

    started = time.perf_counter()
    outcome = import_paths([folder], publish=True)
    import_seconds = time.perf_counter() - started
    assert not outcome.failed, outcome.failed[:3]

    from articles.models import Article, Mention, SearchEntry, TagSuggestion

    result = {
        "database": vendor, "issues": len(files), "megabytes": round(size / 1e6, 2), "articles": articles,
        "jieba_tokens": tokens, "jieba_cut_s": round(cut_seconds, 2), "pipeline_s": round(pipeline_seconds, 2),
        "import_s": round(import_seconds, 2),
        "pipeline_vs_cut": round(pipeline_seconds / cut_seconds, 2),
        "import_vs_cut": round(import_seconds / cut_seconds, 2),
        "stored": {"articles": Article.objects.count(), "indexed": SearchEntry.objects.count(),
                   "suggestions": TagSuggestion.objects.count(), "mentions": Mention.objects.count()},
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))
    (OUT / f"import-{vendor}-{args.issues}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
