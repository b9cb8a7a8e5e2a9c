"""A PDF uploaded in the admin: how long the web requests take and how much memory the web worker
needs, against the PDF's size; and what the task worker then spends on pages and photos.

    .venv/bin/python bench/bench_pdf_upload.py --pages 4 10 20 40

For each size an issue is typeset (the simulator's reportlab layouts, from the project's own
articles) and handled, each step in a fresh process, as the site handles it: the web worker
(Django's test client in a process of its own, the same code a gunicorn worker runs) takes the
upload and answers the first preview, which queues the PDF's reading; the task worker
(`manage.py worker --batch`, the database queue) reads it; the web worker answers the preview and
the confirmation, which only queues the import job; the task worker renders the pages and photos
and writes the issue. Peak resident memory is each process's high-water mark (ru_maxrss); the
web worker's growth is measured from what it had once Django was up and the admin page served.
Results in bench/out/pdf_upload.json; the figures are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

COMMON = r"""
import json, resource, sys, time
sys.path.insert(0, {bench!r})
from _django import setup
setup({database!r}, fresh={fresh!r})
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def web_client():
    user = User.objects.filter(username="bench").first() or User.objects.create_superuser("bench", password="bench-pw-123456")
    client = Client()
    client.force_login(user)
    assert client.get(reverse("admin:articles_issue_import")).status_code == 200
    return client
"""

# The web worker, first request: the upload, and the preview that queues the PDF's reading.
UPLOAD = COMMON + r"""
client = web_client()
base = rss()
data = open({pdf!r}, "rb").read()
t0 = time.perf_counter()
response = client.post(reverse("admin:articles_issue_import"),
                       {{"files": [SimpleUploadedFile("issue.pdf", data, content_type="application/pdf")]}})
assert response.status_code == 302, response.status_code
t1 = time.perf_counter()
waiting = client.get(response["Location"]).content.decode()
assert "正在后台读取" in waiting
t2 = time.perf_counter()
print(json.dumps({{"batch": response["Location"], "upload_s": t1 - t0, "first_preview_s": t2 - t1, "base_mib": base,
                  "peak_mib": peak()}}))
"""

# The web worker, once the worker has read the PDF: the preview, then the confirmation.
CONFIRM = COMMON + r"""
client = web_client()
base = rss()
t0 = time.perf_counter()
preview = client.get({batch!r}).content.decode()
assert 'value="确认导入' in preview
t1 = time.perf_counter()
confirm = client.post({batch!r}, {{"publication": "", "date": "", "publish": "on"}})
assert confirm.status_code == 302
t2 = time.perf_counter()
print(json.dumps({{"preview_s": t1 - t0, "confirm_s": t2 - t1, "base_mib": base, "peak_mib": peak()}}))
"""

WORKER = COMMON + r"""
from articles.models import ImportJob, IssuePage, ArticlePhoto
t0 = time.perf_counter()
call_command("worker", batch=True, verbosity=0)
job = ImportJob.objects.first()
print(json.dumps({{"worker_s": time.perf_counter() - t0, "peak_mib": peak(),
                  "status": job.status if job else None, "error": job.error if job else "",
                  "pages": IssuePage.objects.count(), "photos": ArticlePhoto.objects.count(),
                  "articles": job.issue.articles.count() if job and job.issue else 0}}))
"""


def typeset(pages: int, seed: int):
    """An issue of at least `pages` pages: articles added until the layout runs that long."""
    from tests.simulator.texts import clean_articles
    from tests.simulator.typeset_pdf import typeset_issue

    pool = clean_articles(shared=False)
    n = max(2, pages * 2)
    while True:
        issue = typeset_issue(pool[:n], seed=seed)
        if issue.pages >= pages or n >= len(pool):
            return issue
        n += max(1, (pages - issue.pages))


def run(script: str, env: dict) -> dict:
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[4, 10, 20, 40])
    parser.add_argument("--seed", type=int, default=2)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    folder = OUT / "pdf-upload"
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for pages in args.pages:
        issue = typeset(pages, args.seed)
        pdf = folder / f"issue-{pages}.pdf"
        pdf.write_bytes(issue.pdf)
        where = {"bench": str(ROOT / "bench"), "database": f"sqlite:///{folder / f'upload-{pages}.sqlite3'}"}
        env = {**os.environ, "NEWSROOM_MEDIA_ROOT": str(folder / f"media-{pages}")}
        shutil.rmtree(folder / f"media-{pages}", ignore_errors=True)
        upload = run(UPLOAD.format(**where, fresh=True, pdf=str(pdf)), env)
        reading = run(WORKER.format(**where, fresh=False), env)
        confirm = run(CONFIRM.format(**where, fresh=False, batch=upload["batch"]), env)
        importing = run(WORKER.format(**where, fresh=False), env)
        row = {"pages": issue.pages, "mb": len(issue.pdf) / 1e6, "upload_s": upload["upload_s"],
               "first_preview_s": upload["first_preview_s"], "preview_s": confirm["preview_s"],
               "confirm_s": confirm["confirm_s"],
               "web_base_mib": upload["base_mib"], "web_peak_mib": max(upload["peak_mib"], confirm["peak_mib"]),
               "web_growth_mib": max(upload["peak_mib"] - upload["base_mib"], confirm["peak_mib"] - confirm["base_mib"]),
               "read_s": reading["worker_s"], "import_s": importing["worker_s"],
               "worker_peak_mib": max(reading["peak_mib"], importing["peak_mib"]),
               "status": importing["status"], "error": importing["error"], "articles": importing["articles"],
               "page_images": importing["pages"], "photos": importing["photos"]}
        rows.append(row)
        print(f"{row['pages']:>3} pages {row['mb']:.2f} MB | web: upload {row['upload_s']:.2f} s, first preview "
              f"{row['first_preview_s']:.2f} s, preview {row['preview_s']:.2f} s, confirm {row['confirm_s']:.2f} s, "
              f"memory {row['web_base_mib']:.0f} -> peak {row['web_peak_mib']:.0f} MiB (+{row['web_growth_mib']:.0f}) | "
              f"worker: read {row['read_s']:.1f} s, import {row['import_s']:.1f} s, peak {row['worker_peak_mib']:.0f} MiB | "
              f"{row['status']}: {row['articles']} articles, {row['page_images']} pages, {row['photos']} photos "
              f"{row['error']}", flush=True)
    (OUT / "pdf_upload.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
