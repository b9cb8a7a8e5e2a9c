"""Import benchmark: N synthetic issues through the pipeline alone and into the database (tags,
people, name checks, history and the search index included), against one plain jieba.cut pass
over the same text, all in one run.

    .venv/bin/python bench/bench_import.py --issues 1000

The machine is shared, so its speed drifts over a run. The issues are therefore taken in rounds
(100 issues each by default): in every round the same files are cut by jieba, parsed, and
imported, one after the other, and each figure is the sum over the rounds. A slow spell then
weighs on all three alike instead of on whichever happened to run during it. Process CPU time
is reported beside wall time: it is what the work cost, whatever the neighbours did.
"""

import argparse
import json
import shutil
import time

from _django import OUT, setup


class Clock:
    """Wall and process CPU time, summed over the spans it timed."""

    def __init__(self):
        self.wall = self.cpu = 0.0

    def __enter__(self):
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall += time.perf_counter() - self._wall
        self.cpu += time.process_time() - self._cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--issues", type=int, default=1000)
    parser.add_argument("--round", type=int, default=100, help="issues per round")
    args = parser.parse_args()
    vendor = setup()

    from corpus import write_issues
    from django.contrib.auth.models import Group, User

    from articles.importer import parse_issue
    from articles.services.batch import import_sources
    from articles.services.importing import Source

    folder = OUT / f"issues-{args.issues}"
    shutil.rmtree(folder, ignore_errors=True)
    size = write_issues(folder, args.issues)
    files = sorted(folder.glob("*.txt"))
    # Publishing at import is a chief editor's, who also makes the papers of towns not yet known.
    chief = User.objects.create_user("bench-chief", is_staff=True)
    chief.groups.add(Group.objects.get(name="主编"))

    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    cut, pipeline, imported = Clock(), Clock(), Clock()
    tokens = articles = 0
    for start in range(0, len(files), args.round):
        batch = files[start:start + args.round]
        datas = [p.read_bytes() for p in batch]
        texts = [d.decode("utf-8") for d in datas]
        with cut:
            tokens += sum(len(list(jieba.cut(text))) for text in texts)
        with pipeline:
            articles += sum(len(parse_issue(d, source=p.name).articles) for d, p in zip(datas, batch, strict=True))
        with imported:
            outcome = import_sources([Source(str(p), d) for p, d in zip(batch, datas, strict=True)], publish=True,
                                     user=chief, create_papers=True)
        assert not outcome.failed and not outcome.skipped, (outcome.failed[:3], outcome.skipped[:3])

    from articles.models import Article, ArticleStatus, Mention, SearchEntry, TagSuggestion

    result = {
        "database": vendor, "issues": len(files), "rounds": -(-len(files) // args.round),
        "megabytes": round(size / 1e6, 2), "articles": articles, "jieba_tokens": tokens,
        "jieba_cut_s": round(cut.wall, 2), "pipeline_s": round(pipeline.wall, 2), "import_s": round(imported.wall, 2),
        "pipeline_vs_cut": round(pipeline.wall / cut.wall, 2),
        "import_vs_cut": round(imported.wall / cut.wall, 2),
        # What the import adds to the pipeline: text intelligence, database writes, history, index, publishing.
        "beyond_pipeline_vs_cut": round((imported.wall - pipeline.wall) / cut.wall, 2),
        "cpu": {"jieba_cut_s": round(cut.cpu, 2), "pipeline_s": round(pipeline.cpu, 2),
                "import_s": round(imported.cpu, 2), "import_vs_cut": round(imported.cpu / cut.cpu, 2)},
        "stored": {"articles": Article.objects.count(),
                   "published": Article.objects.filter(status=ArticleStatus.PUBLISHED).count(),
                   "indexed": SearchEntry.objects.count(),
                   "suggestions": TagSuggestion.objects.count(), "mentions": Mention.objects.count()},
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))
    (OUT / f"import-{vendor}-{args.issues}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
