"""Text-intelligence benchmark: tagging, people extraction and the name check per MB, against one
plain jieba.cut pass (and rjieba's) over the same article text, in one run.

    .venv/bin/python bench/bench_textintel.py --issues 1000
"""

import argparse
import json
import time
from collections import Counter

from _django import OUT, setup


def rate(megabytes, seconds):
    return round(megabytes / seconds, 2) if seconds else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--issues", type=int, default=1000)
    args = parser.parse_args()
    setup()
    from corpus import IssueWriter, load_source

    from articles.importer import parse_text
    from articles.services.intel import article_text, ensure_vocabulary
    from articles.textintel import segmenter
    from articles.textintel.keywords import TermStats, rank_terms
    from articles.textintel.names import NameIndex, NameUse
    from articles.textintel.people import office, read_mentions
    from articles.textintel.tags import read_article, suggest

    writer = IssueWriter(load_source())
    articles = []
    for number in range(1, args.issues + 1):
        name, text = writer.issue(number)
        parsed = parse_text(text, source=name)
        for article in parsed.articles:
            articles.append((parsed.meta, article.title + " " + (article.subtitle or ""),
                             "\n\n".join(b.text for b in article.blocks)))
    texts = [article_text(title, None, [body]) for _, title, body in articles]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    lexicon = ensure_vocabulary(force=True)
    segmenter.cut("预热")

    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    started, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        list(jieba.cut(text))
    jieba_s, jieba_cpu = time.perf_counter() - started, time.process_time() - cpu

    started = time.perf_counter()
    for text in texts:
        segmenter.cut(text)
    rjieba_s = time.perf_counter() - started

    started, cpu = time.perf_counter(), time.process_time()
    readings = [read_article(title, body, lexicon) for _, title, body in articles]
    df = Counter(term for r in readings for term in r.terms)
    stats = TermStats(len(readings), df)
    tags = [suggest(r, lexicon, documents=stats.documents, df=stats.df) for r in readings]
    keywords = [rank_terms(r.terms, stats)[:10] for r in readings]
    tagging_s, tagging_cpu = time.perf_counter() - started, time.process_time() - cpu

    started = time.perf_counter()
    mentions = [read_mentions(text) for text in texts]
    people_s = time.perf_counter() - started

    started = time.perf_counter()
    index = NameIndex()
    for (meta, _, _), found in zip(articles, mentions, strict=True):
        for m in found:
            for role in m.roles:
                index.add(NameUse(m.name, office(role, meta.town), meta.town or "", str(meta.number), meta.date))
    suspects = index.suspects()
    names_s = time.perf_counter() - started

    result = {
        "articles": len(articles), "megabytes": round(megabytes, 2),
        "jieba_cut_s": round(jieba_s, 2), "rjieba_cut_s": round(rjieba_s, 2),
        "tagging_s": round(tagging_s, 2), "people_s": round(people_s, 2), "name_check_s": round(names_s, 3),
        "MB_per_s": {"jieba.cut": rate(megabytes, jieba_s), "rjieba cut": rate(megabytes, rjieba_s),
                     "tagging": rate(megabytes, tagging_s), "people": rate(megabytes, people_s),
                     "name check": rate(megabytes, names_s)},
        "vs_jieba_cut": {"tagging": round(tagging_s / jieba_s, 3), "people": round(people_s / jieba_s, 3),
                         "name check": round(names_s / jieba_s, 4)},
        # CPU time, which other work on a shared machine disturbs less than wall time.
        "cpu_s": {"jieba.cut": round(jieba_cpu, 2), "tagging": round(tagging_cpu, 2),
                  "tagging_vs_jieba_cut": round(tagging_cpu / jieba_cpu, 3)},
        "found": {"tags": sum(map(len, tags)), "articles_without_tags": sum(not t for t in tags),
                  "keywords": sum(map(len, keywords)), "mentions": sum(map(len, mentions)), "suspects": len(suspects)},
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))
    (OUT / f"textintel-{args.issues}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
