"""Resident memory of a web worker that serves pages, and of one that has the segmenter loaded.

    .venv/bin/python bench/memory.py          (uses the benchmark database, built by bench_public.py)
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORKER = r"""
import json, sys
sys.path.insert(0, {bench!r})
from _django import setup
setup(fresh=False)
from django.test import Client
from articles.models import Article
client = Client()
pages = ["/", "/tags/", "/search/?q=%E5%9E%83%E5%9C%BE%E5%88%86%E7%B1%BB", "/api/articles/?q=%E9%95%87"]
pages += [f"/articles/{{pk}}/" for pk in Article.objects.values_list("pk", flat=True)[:20]]
for url in pages:
    assert client.get(url).status_code == 200, url
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
served = rss()
loaded = {{name: name in sys.modules for name in ("jieba", "rjieba")}}
result = {{"after_serving_pages_MiB": round(served, 1), "segmenter_modules_loaded": loaded}}
if {load!r}:
    from articles.textintel import segmenter
    from articles.textintel.keywords import general_idf
    segmenter.cut("镇党委书记卞晓清出席会议")
    result["with_rjieba_MiB"] = round(rss(), 1)
    general_idf()
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    result["with_rjieba_and_jieba_MiB"] = round(rss(), 1)
print(json.dumps(result))
"""


def run(load: bool) -> dict:
    code = WORKER.format(bench=str(ROOT / "bench"), load=load)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    report = {"pages_only": run(False), "segmenter_loaded": run(True)}
    print(json.dumps(report, indent=1))
    (ROOT / "bench" / "out" / "memory.json").write_text(json.dumps(report, indent=1))
