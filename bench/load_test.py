"""Load test: wrk from a second process on loopback against gunicorn on PostgreSQL with 100,000
articles, a mix of home, issue, article, tag, search and API requests, 50 concurrent clients
for 60 seconds.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench \\
        .venv/bin/python bench/bench_public.py --sizes 100000      # builds the archive, once
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench \\
        .venv/bin/python bench/load_test.py [--redis] [--no-page-cache]
"""

import argparse
import json
import os
import random
import re
import subprocess
import urllib.parse
from pathlib import Path

from _django import OUT, setup
from _server import PORT, production_env, start, stop

MIX = {"home": 8, "issue": 12, "article": 40, "tag": 12, "search": 18, "api": 10}


def write_urls(path: Path, rng: random.Random, count: int = 3000) -> None:
    from bench_public import search_queries

    from articles.models import Article, Issue, Tag

    articles = list(Article.objects.order_by("?").values_list("pk", flat=True)[:2000])
    issues = [i.get_absolute_url() for i in Issue.objects.select_related("publication").order_by("?")[:500]]
    tags = [t.get_absolute_url() for t in Tag.objects.order_by("?")[:500]]
    queries = [q for _ in range(6) for q in search_queries(rng)]
    kinds = [k for k, w in MIX.items() for _ in range(w)]
    lines = []
    for _ in range(count):
        kind = rng.choice(kinds)
        if kind == "home":
            lines.append("/")
        elif kind == "issue":
            lines.append(rng.choice(issues))
        elif kind == "article":
            lines.append(f"/articles/{rng.choice(articles)}/")
        elif kind == "tag":
            lines.append(rng.choice(tags))
        elif kind == "search":
            lines.append("/search/?q=" + urllib.parse.quote(rng.choice(queries)))
        else:
            lines.append("/api/articles/?q=" + urllib.parse.quote(rng.choice(queries)))
    path.write_text("\n".join(lines) + "\n")


def wrk(urls: Path, seconds: int, connections: int) -> dict:
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency",
                          "-s", str(Path(__file__).parent / "load" / "mix.lua"), f"http://127.0.0.1:{PORT}",
                          "--", str(urls)], capture_output=True, text=True, check=True).stdout

    def ms(label):
        match = re.search(rf"{label}\s+([\d.]+)(us|ms|s)\b", out)
        value, unit = float(match.group(1)), match.group(2)
        return round(value / 1000 if unit == "us" else value * 1000 if unit == "s" else value, 2)

    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "requests": requests,
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "latency_ms": {"p50": ms("50%"), "p75": ms("75%"), "p90": ms("90%"), "p99": ms("99%")},
        "errors": {"non_2xx_3xx": int(non_2xx.group(1)) if non_2xx else 0,
                   "socket": sum(map(int, socket.groups())) if socket else 0},
        "raw": out,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=5)
    parser.add_argument("--redis", action="store_true", help="share the cache through Redis")
    parser.add_argument("--no-page-cache", action="store_true",
                        help="render every page (aggregate caches stay on): the cost of a cold cache")
    args = parser.parse_args()
    database = os.environ.get("BENCH_DATABASE_URL")
    if not database or not database.startswith("postgres"):
        raise SystemExit("set BENCH_DATABASE_URL to the PostgreSQL benchmark database")
    setup(database, fresh=False)
    from articles.models import Article

    articles = Article.objects.published().count()
    urls = OUT / "load-urls.txt"
    write_urls(urls, random.Random(11))
    page_cache = 0 if args.no_page_cache else 300
    server = start(production_env(database, redis=args.redis, workers=args.workers, page_cache_seconds=page_cache))
    try:
        wrk(urls, 10, args.connections)  # warm-up: caches fill as they would after an issue comes out
        result = wrk(urls, args.seconds, args.connections)
    finally:
        stop(server)
    raw = result.pop("raw")
    result.update({"articles": articles, "workers": args.workers, "connections": args.connections,
                   "seconds": args.seconds, "cache": "redis" if args.redis else "local memory", "page_cache_seconds": page_cache,
                   "mix": MIX})
    print(raw)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    name = "load" + ("-redis" if args.redis else "") + ("-uncached" if args.no_page_cache else "") + ".json"
    (OUT / name).write_text(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
