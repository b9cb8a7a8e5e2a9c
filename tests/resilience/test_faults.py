"""Faults: a killed import, two imports of one file at once, a busy database."""

import signal
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from articles.models import Article, Issue
from articles.services import workflow

from ..factories import make_article
from .conftest import manage

DEMO = Path(settings.BASE_DIR) / "articles" / "demo_issues" / "qingfeng-2024-03-27.txt"


def synthetic_issues(folder: Path, count: int) -> dict[str, int]:
    """Issues in the demo's layout, each with its own date; returns file name -> articles it holds."""
    text = DEMO.read_text(encoding="utf-8")
    expected = {}
    for n in range(count):
        day = 1 + n % 28
        month = 1 + (n // 28) % 12
        issue = text.replace("2024年 3 月 27 日", f"{2000 + n // 336}年 {month} 月 {day} 日").replace("总第 131 期", f"总第 {1000 + n} 期")
        (folder / f"issue-{n:03d}.txt").write_text(issue, encoding="utf-8")
        expected[f"issue-{n:03d}.txt"] = 3
    return expected


@pytest.mark.slow
def test_an_import_killed_midway_leaves_no_partial_issue_and_a_rerun_completes_it(committed_db, tmp_path):
    expected = synthetic_issues(tmp_path, 60)
    child = manage("import_issues", "--create-papers", tmp_path, wait=False)
    deadline = time.monotonic() + 60
    while Issue.objects.count() < 5 and time.monotonic() < deadline:
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    done = Issue.objects.count()
    assert 0 < done < len(expected), "the import must have been stopped part way"
    for issue in Issue.objects.all():
        assert issue.articles.count() == expected[issue.source_name], issue.source_name
    rerun = manage("import_issues", "--create-papers", tmp_path)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert f"跳过 {done} 个" in rerun.stdout
    assert Issue.objects.count() == len(expected)
    assert Article.objects.count() == sum(expected.values())


@pytest.mark.slow
def test_two_imports_of_the_same_file_at_once_make_one_issue(committed_db):
    children = [manage("import_issues", "--create-papers", DEMO, wait=False) for _ in range(2)]
    outputs = [child.communicate(timeout=120) for child in children]
    assert [child.returncode for child in children] == [0, 0], outputs
    assert Issue.objects.count() == 1 and Article.objects.count() == 3
    messages = "".join(out for out, _ in outputs)
    assert "导入 1 期" in messages and "跳过 1 个" in messages


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's busy handling")
def test_a_writer_waits_for_a_busy_sqlite_database_and_nothing_is_lost(transactional_db, chief_user):
    article = make_article(body="原文。")
    first = threading.Event()

    def hold_the_write_lock():
        from django.db import connections, transaction

        with transaction.atomic():
            Article.objects.filter(pk=article.pk).update(title="甲改的标题")
            first.set()
            time.sleep(1.5)  # another editor's long save holds the write lock
        connections.close_all()

    holder = threading.Thread(target=hold_the_write_lock)
    holder.start()
    first.wait(5)
    started = time.monotonic()
    article.refresh_from_db()
    workflow.article_update(article=article, user=chief_user, expected_version=article.version,
                            data={"body": "乙补充的正文。"})
    waited = time.monotonic() - started
    holder.join()
    article.refresh_from_db()
    assert (article.title, article.body) == ("甲改的标题", "乙补充的正文。")
    assert waited >= 1.0  # it waited for the lock instead of failing


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's busy handling")
def test_a_writer_that_cannot_get_the_sqlite_lock_in_time_is_told_so_and_writes_nothing(client, transactional_db,
                                                                                         chief_user, settings):
    from django.db import connections

    article = make_article(body="原文。")
    client.force_login(chief_user)
    connections["default"].close()
    settings.DATABASES["default"]["OPTIONS"]["timeout"] = 0.2
    release = threading.Event()
    locked = threading.Event()

    def hold_the_write_lock():
        import sqlite3

        other = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        other.execute("BEGIN IMMEDIATE")
        locked.set()
        release.wait(10)
        other.rollback()
        other.close()

    holder = threading.Thread(target=hold_the_write_lock)
    holder.start()
    locked.wait(5)
    try:
        response = client.post(f"/admin/articles/article/{article.pk}/transition/", {"action": "withdraw"})
    finally:
        release.set()
        holder.join()
        connections["default"].close()
        settings.DATABASES["default"]["OPTIONS"]["timeout"] = 20
    assert response.status_code == 503
    assert "数据库繁忙" in response.content.decode()
    article.refresh_from_db()
    assert article.status == "published" and article.version == 1


def test_concurrent_saves_of_one_article_keep_both_texts_recoverable(transactional_db, chief_user):
    article = make_article(body="原文。")
    results = []

    def save(text):
        from django.db import connections

        try:
            workflow.article_update(article=article, user=chief_user, expected_version=1, data={"body": text})
            results.append(("saved", text))
        except workflow.EditConflict:
            results.append(("refused", text))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(f"编辑{i}的正文。",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r[0] for r in results) == ["refused", "refused", "refused", "saved"]
    saved = next(text for state, text in results if state == "saved")
    article.refresh_from_db()
    assert article.body == saved and article.version == 2


def test_a_worker_serving_pages_and_search_never_loads_the_segmenter(committed_db):
    """Search uses character bigrams, not word segmentation: public pages need no jieba."""
    import subprocess
    import sys

    from .conftest import ROOT, database_url

    make_article(title="青枫镇召开会议", body="镇党委书记杜明远出席会议。")
    code = (
        "import os, sys, django; os.environ['DJANGO_SETTINGS_MODULE']='newsroom.settings'; django.setup()\n"
        "from django.test import Client\n"
        "from articles.models import Article\n"
        "c = Client()\n"
        "urls = ['/', '/tags/', '/search/?q=%E6%9D%9C%E6%98%8E', '/api/articles/?q=%E4%BC%9A%E8%AE%AE', '/feed/']\n"
        "urls += [a.get_absolute_url() for a in Article.objects.all()]\n"
        "assert all(c.get(u).status_code == 200 for u in urls)\n"
        "print(sorted(m for m in ('jieba', 'rjieba') if m in sys.modules))\n"
    )
    import os

    env = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_DEBUG": "1", "DJANGO_ALLOWED_HOSTS": "testserver"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
