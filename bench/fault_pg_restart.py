"""Fault: PostgreSQL restarted while the site is under load.

Twenty client threads request pages for 45 seconds; ten seconds in, the PostgreSQL cluster is
stopped, and started again ten seconds later. Every request must end within its timeout with a
clear answer (200, or 503 while the database is away), and the site must serve pages again by
itself once the database is back, without a restart.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench .venv/bin/python bench/fault_pg_restart.py
"""

import json
import os
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

from _django import OUT
from _server import PORT, production_env, start, stop

CLUSTER = Path("/etc/postgresql")


def pg(action: str) -> None:
    version = sorted(p.name for p in CLUSTER.iterdir())[0]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action], check=True)


def main():
    database = os.environ.get("BENCH_DATABASE_URL", "")
    if not database.startswith("postgres"):
        raise SystemExit("set BENCH_DATABASE_URL to the PostgreSQL benchmark database")
    urls = [line for line in (OUT / "load-urls.txt").read_text().splitlines() if line][:400]
    server = start(production_env(database, workers=3))
    log: list[tuple[float, str, float]] = []
    stop_at = time.monotonic() + 45
    started = time.monotonic()

    def client(offset):
        i = offset
        while time.monotonic() < stop_at:
            url = f"http://127.0.0.1:{PORT}{urls[i % len(urls)]}"
            i += 7
            t0 = time.monotonic()
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    outcome = str(response.status)
            except urllib.error.HTTPError as exc:
                outcome = str(exc.code)
            except Exception as exc:  # noqa: BLE001 - a hang or a reset is what this looks for
                outcome = type(exc).__name__
            log.append((t0 - started, outcome, time.monotonic() - t0))

    threads = [threading.Thread(target=client, args=(k,)) for k in range(20)]
    for t in threads:
        t.start()
    time.sleep(10)
    down_at = time.monotonic() - started
    pg("stop")
    time.sleep(10)
    pg("start")
    up_at = time.monotonic() - started
    for t in threads:
        t.join()
    stop(server)

    def phase(t):
        return "before" if t < down_at else "database down" if t < up_at else "after restart"

    summary = {}
    for name in ("before", "database down", "after restart"):
        entries = [(o, d) for t, o, d in log if phase(t) == name]
        summary[name] = {"requests": len(entries), "outcomes": dict(Counter(o for o, _ in entries)),
                         "slowest_s": round(max((d for _, d in entries), default=0), 2)}
    recovered = [t for t, o, _ in log if t > up_at and o == "200"]
    summary["first_200_after_start_s"] = round(min(recovered) - up_at, 2) if recovered else None
    late = [(round(t - up_at, 1), o) for t, o, _ in log if t > up_at + 5 and o != "200"]
    summary["non_200_later_than_5s_after_start"] = len(late)
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    (OUT / "fault-pg-restart.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
