"""A PDF uploaded in the admin: how long the web requests take and how much memory the web worker
needs, against the PDF's size; and what the task worker then spends on pages and photos.

    .venv/bin/python bench/bench_pdf_upload.py --pages 4 10 20 40

For each size an issue is typeset (the simulator's reportlab layouts, from the project's own
articles) and handled, each in a fresh process, as the site handles it: the web worker (Django's
test client in a process of its own, the same code a gunicorn worker runs) takes the upload,
answers the preview and the confirmation, which only stores the PDF and queues the job; then the
task worker (`manage.py worker --batch`, the database queue) reads the PDF, renders its pages and
photos and writes the issue. Peak resident memory is the process's own high-water mark
(ru_maxrss), measured from the memory it had once Django was up and the admin page served.
Results in bench/out/pdf_upload.json; the figures are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

WEB = r"""
import json, resource, sys, time
sys.path.insert(0, {bench!r})
from _django import setup
setup({database!r})
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024

user = User.objects.create_superuser("bench", password="bench-pw-123456")
client = Client()
client.force_login(user)
assert client.get(reverse("admin:articles_issue_import")).status_code == 200
base = rss()
data = open({pdf!r}, "rb").read()
t0 = time.perf_counter()
response = client.post(reverse("admin:articles_issue_import"),
                       {{"files": [SimpleUploadedFile("issue.pdf", data, content_type="application/pdf")]}})
assert response.status_code == 302, response.status_code
t1 = time.perf_counter()
preview = client.get(response["Location"])
assert preview.status_code == 200 and "确认导入" in preview.content.decode()
t2 = time.perf_counter()
confirm = client.post(response["Location"], {{"publication": "", "date": "", "publish": "on"}})
assert confirm.status_code == 302
t3 = time.perf_counter()
print(json.dumps({{"upload_s": t1 - t0, "preview_s": t2 - t1, "confirm_s": t3 - t2, "base_mib": base,
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""

WORKER = r"""
import json, resource, sys, time
sys.path.insert(0, {bench!r})
from _django import setup
setup({database!r}, fresh=False)
from django.core.management import call_command
from articles.models import ImportJob, IssuePage, ArticlePhoto
t0 = time.perf_counter()
call_command("worker", batch=True, verbosity=0)
job = ImportJob.objects.get()
print(json.dumps({{"worker_s": time.perf_counter() - t0, "status": job.status, "error": job.error,
                  "pages": IssuePage.objects.count(), "photos": ArticlePhoto.objects.count(),
                  "articles": job.issue.articles.count() if job.issue else 0,
                  "worker_peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
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
        database = f"sqlite:///{folder / f'upload-{pages}.sqlite3'}"
        env = {**os.environ, "NEWSROOM_MEDIA_ROOT": str(folder / f"media-{pages}")}
        web = run(WEB.format(bench=str(ROOT / "bench"), database=database, pdf=str(pdf)), env)
        worker = run(WORKER.format(bench=str(ROOT / "bench"), database=database), env)
        row = {"pages": issue.pages, "mb": len(issue.pdf) / 1e6, **web, **worker,
               "web_growth_mib": web["peak_mib"] - web["base_mib"]}
        rows.append(row)
        print(f"{row['pages']:>3} pages {row['mb']:.2f} MB: upload {row['upload_s']:.2f} s, preview "
              f"{row['preview_s']:.2f} s, confirm {row['confirm_s']:.2f} s, web worker {row['base_mib']:.0f} MiB "
              f"-> peak {row['peak_mib']:.0f} MiB (+{row['web_growth_mib']:.0f}); task worker {row['worker_s']:.1f} s, "
              f"peak {row['worker_peak_mib']:.0f} MiB; {row['status']}: {row['articles']} articles, "
              f"{row['pages']} pages, {row['photos']} photos {row['error']}", flush=True)
    (OUT / "pdf_upload.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
