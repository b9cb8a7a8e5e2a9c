"""Tag suggestions against the tags an editor chose: precision@1/3/5, recall@5, the share of junk.

    .venv/bin/python bench/bench_tags.py
    .venv/bin/python bench/bench_tags.py --labels /tmp/shared-labels.json   # also the shared articles

The demo issues (articles/demo_issues/*.txt) are imported into a fresh archive as an editor would
import them, and each article's suggestions (best first) are compared with the tags written for
it in articles/demo_issues/tags.json. With --labels, the shared articles are measured too, read at
run time from ../shared (never copied): the five sample issues are imported, and the articles of
../shared/corpus/real_articles.json are written as articles of their towns and analysed as an
import analyses them. Their labels stay outside the repository, in a file of the form
{"real": {"<index in real_articles.json>": [tags]}, "samples": {"<title>": [tags]}}.

precision@k   over articles shown at least one suggestion: the editor's tags among the first k
              suggestions, divided by how many of the first k there are (an article may be shown
              one suggestion, or none); the mean over articles
recall@5      over articles with at least one editor's tag: their share among the first five
junk          a suggestion that is neither an editor's tag nor a topic of the archive's vocabulary
              (a generic word, a piece of a slogan or compound, a name): its share of the first
              five suggestions of every article, and of everything shown
"""

import argparse
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

from _django import OUT, ROOT, setup

SHARED = ROOT.parent / "shared"


def measure(articles_and_gold, topics):
    precision = {1: [], 3: [], 5: []}
    recall, junk_top5, shown_top5, junk_all, shown_all, empty, untagged_shown = [], 0, 0, 0, 0, 0, 0
    for names, gold in articles_and_gold:
        gold = set(gold)
        for k in precision:
            top = names[:k]
            if top:
                precision[k].append(sum(n in gold for n in top) / len(top))
        if gold:
            recall.append(len(gold & set(names[:5])) / len(gold))
        else:
            untagged_shown += len(names)
        junk = [n not in gold and n not in topics for n in names]
        junk_top5 += sum(junk[:5])
        shown_top5 += len(junk[:5])
        junk_all += sum(junk)
        shown_all += len(junk)
        empty += not names
    mean = lambda values: round(sum(values) / len(values), 3) if values else None  # noqa: E731
    return {
        "articles": len(articles_and_gold), "without_suggestion": empty,
        "suggestions_per_article": round(shown_all / len(articles_and_gold), 2) if articles_and_gold else None,
        "precision@1": mean(precision[1]), "precision@3": mean(precision[3]), "precision@5": mean(precision[5]),
        "recall@5": mean(recall),
        "junk_top5": round(junk_top5 / shown_top5, 3) if shown_top5 else 0.0,
        "junk_all": round(junk_all / shown_all, 3) if shown_all else 0.0,
        "shown_on_untagged_articles": untagged_shown,
    }


def suggested(article):
    from articles.models.intel import SuggestionState

    return list(article.tag_suggestions.filter(state=SuggestionState.SUGGESTED)
                .order_by("-score", "name").values_list("name", flat=True))


def demo_set():
    from articles.models import Issue
    from articles.services.batch import import_paths
    from articles.services.demo import DEMO_DIR, demo_tags

    outcome = import_paths(sorted(DEMO_DIR.glob("*.txt")), create_papers=True)
    assert not outcome.failed, outcome.failed
    chosen = demo_tags()
    rows = []
    for issue in Issue.objects.filter(pk__in=[r.issue.pk for r in outcome.imported]).order_by("pk"):
        for article in issue.articles.order_by("position"):
            labels = chosen[issue.source_name].get(article.title)
            if labels is None:
                # The importer cut this issue otherwise than its expected file: not a tagging question.
                print(f"skipped (not imported as expected): {issue.source_name}: {article.title}")
                continue
            rows.append((article, labels))
    return rows


def shared_sets(labels):
    from articles.models import Article, Issue, Publication
    from articles.services.batch import import_paths
    from articles.services.intel import analyse_articles

    samples = []
    outcome = import_paths([SHARED / "samples"], create_papers=True)
    assert not outcome.failed, outcome.failed
    for result in outcome.imported:
        for article in result.issue.articles.order_by("position"):
            if article.title in labels.get("samples", {}):
                samples.append((article, labels["samples"][article.title]))
    real = []
    items = json.loads((SHARED / "corpus" / "real_articles.json").read_text(encoding="utf-8"))
    for index, item in enumerate(items):
        if str(index) not in labels.get("real", {}):
            continue
        paper, _ = Publication.objects.get_or_create(town=item["town"], defaults={"name": item["town"] + "社区报"})
        date = dt.date(2020, 1, 1) + dt.timedelta(days=index)
        issue = Issue.objects.create(publication=paper, date=date, slug=Issue.free_slug(paper, date),
                                     source_name=f"real-{index}", source_text="",
                                     source_sha256=hashlib.sha256(f"real-article-{index}".encode()).hexdigest())
        article = Article.objects.create(issue=issue, issue_date=date, position=1, title=item["title"][:300],
                                         body=item["body"])
        analyse_articles([article], town=item["town"], issue_date=date)
        real.append((article, labels["real"][str(index)]))
    return {"samples": samples, "real_articles": real}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--labels", type=Path, help="labels for the shared articles (kept outside the repository)")
    parser.add_argument("--show", action="store_true", help="print every article's suggestions")
    args = parser.parse_args()
    vendor = setup()
    from articles.models import VocabularyWord

    sets = {"demo": demo_set()}
    if args.labels:
        if not SHARED.exists():
            sys.exit("../shared is not here: only the demo set can be measured")
        sets.update(shared_sets(json.loads(args.labels.read_text(encoding="utf-8"))))
    topics = set(VocabularyWord.objects.filter(is_topic=True).values_list("word", flat=True))
    result = {"database": vendor}
    for name, rows in sets.items():
        pairs = [(suggested(article), gold) for article, gold in rows]
        result[name] = measure(pairs, topics)
        if args.show:
            for (article, gold), (names, _) in zip(rows, pairs, strict=True):
                marks = " ".join(("+" if n in gold else "-" if n in topics else "?") + n for n in names)
                print(f"{name:13} {article.title[:24]:26} editor: {'、'.join(gold) or '（无）'}  suggested: {marks}")
    if len(sets) > 1:
        pooled = [(suggested(a), g) for rows in sets.values() for a, g in rows]
        result["all"] = measure(pooled, topics)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    (OUT / "tags.json").write_text(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
