"""`manage.py import_issues`: writes, skips, replaces, refuses, and never leaves half an issue."""

import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from articles.models import Article, ArticleStatus, ArticleWarning, Issue, Publication

pytestmark = pytest.mark.django_db

DEMOS = Path(settings.BASE_DIR) / "articles" / "demo_issues"
MARKDOWN_DEMO = DEMOS / "qingfeng-2024-03-27.txt"
BARE_DEMO = DEMOS / "meiyuan-2023-10-25.txt"


def run(*args, create_papers=True):
    """The command, allowed to make the papers the mastheads name (the tests start with none)."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    args = [*args, "--create-papers"] if create_papers else list(args)
    try:
        call_command("import_issues", *map(str, args), stdout=out, stderr=err)
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_import_writes_the_issue_and_its_articles_in_print_order():
    code, out, _ = run(MARKDOWN_DEMO)
    assert code == 0
    issue = Issue.objects.get()
    assert (issue.date, issue.number, issue.pages) == (dt.date(2024, 3, 27), 131, 4)
    assert issue.publication.town == "青枫镇" and issue.publication.slug == "qingfeng"
    assert issue.source_text == MARKDOWN_DEMO.read_text(encoding="utf-8")
    titles = list(issue.articles.order_by("position").values_list("title", flat=True))
    assert titles == ["青枫镇召开2024年工作会议", "垃圾分类 从“新时尚”到“好习惯”", "一部电梯 一片温情"]
    first = issue.articles.get(position=1)
    assert first.status == ArticleStatus.DRAFT and first.published_at is None
    assert "## 聚焦民生补短板" in first.body
    assert first.imported_text.startswith("## 青枫镇召开2024年工作会议")
    assert ArticleWarning.objects.filter(article=first, code="text-gap").exists()
    assert "导入 1 期，3 篇文章" in out


def test_dry_run_writes_nothing_and_prints_the_json_contract():
    code, out, _ = run("--dry-run", "--json", MARKDOWN_DEMO, BARE_DEMO)
    assert code == 0
    assert not Issue.objects.exists() and not Publication.objects.exists()
    document = json.loads(out)
    first = document["issues"][0]
    assert set(first) >= {"source", "sha256", "issue", "articles", "leftovers", "warnings"}
    assert first["source"] == MARKDOWN_DEMO.name
    assert set(first["issue"]) >= {"publication", "town", "publisher", "date", "date_precision", "number", "pages",
                                   "next_issue_date", "editorial_board", "contact"}
    article = first["articles"][0]
    assert set(article) >= {"column", "kicker", "title", "subtitle", "blocks", "captions", "warnings"}
    assert article["column"] is None and article["kicker"] is None
    assert {b["type"] for b in article["blocks"]} == {"paragraph", "subhead"}
    assert all(set(w) >= {"code", "message"} for w in article["warnings"])
    second = document["issues"][1]
    assert second["issue"]["editorial_board"] == ["许晴", "王建华", "蒋一鸣"]
    assert second["issue"]["contact"]["email"] == "meiyuanbao@126.com"


def test_the_same_source_is_skipped_when_imported_again():
    run(MARKDOWN_DEMO)
    code, out, _ = run(MARKDOWN_DEMO)
    assert code == 0
    assert "跳过" in out and "已经导入过" in out
    assert Issue.objects.count() == 1 and Article.objects.count() == 3


def test_replace_reimports_an_issue_no_editor_has_touched():
    run(MARKDOWN_DEMO)
    old_ids = set(Article.objects.values_list("pk", flat=True))
    code, _, _ = run("--replace", MARKDOWN_DEMO)
    assert code == 0
    assert Issue.objects.count() == 1 and Article.objects.count() == 3
    assert not old_ids & set(Article.objects.values_list("pk", flat=True))


def test_replace_is_refused_once_an_editor_has_touched_an_article():
    run(MARKDOWN_DEMO)
    article = Article.objects.first()
    article.body += "\n\n编辑补充的一段。"
    article.version += 1
    article.save()
    code, out, _ = run("--replace", MARKDOWN_DEMO)
    assert code == 1
    assert "已有文章被编辑或发布" in out
    assert Article.objects.filter(body__contains="编辑补充的一段").exists()


def test_a_failure_while_writing_leaves_nothing_of_that_issue_and_the_others_still_import(monkeypatch):
    from articles.services import importing

    real = importing.analyse_issue

    def fail_for_meiyuan(issue, *args):
        if issue.publication.town == "梅园路街道":
            raise RuntimeError("disk full")  # after the issue, its articles and their history were written
        return real(issue, *args)

    monkeypatch.setattr(importing, "analyse_issue", fail_for_meiyuan)
    code, out, _ = run(BARE_DEMO, MARKDOWN_DEMO)
    assert code == 1
    assert f"失败 {BARE_DEMO.name}: 写入数据库时出错" in out
    assert list(Issue.objects.values_list("publication__town", flat=True)) == ["青枫镇"]
    assert not Publication.objects.filter(town="梅园路街道").exists()
    assert not Article.history.filter(issue__publication__town="梅园路街道").exists()
    monkeypatch.setattr(importing, "analyse_issue", real)
    code, _, _ = run(BARE_DEMO)
    assert code == 0 and Issue.objects.count() == 2


def test_a_folder_imports_every_txt_file_below_it(tmp_path):
    (tmp_path / "sub").mkdir()
    shutil.copy(MARKDOWN_DEMO, tmp_path / "a.txt")
    shutil.copy(BARE_DEMO, tmp_path / "sub" / "b.TXT")
    (tmp_path / "notes.md").write_text("not an issue", encoding="utf-8")
    code, _, _ = run(tmp_path)
    assert code == 0 and Issue.objects.count() == 2


def test_publication_and_date_can_be_given_and_publish_publishes_through_the_workflow(chief_user):
    paper = Publication.objects.create(name="青枫镇报", town="青枫镇", slug="qf")
    paper.staff.add(chief_user)
    code, out, _ = run("--publication", "qf", "--date", "2024-03-28", "--publish", "--user", chief_user.username,
                       MARKDOWN_DEMO)
    assert code == 0
    issue = Issue.objects.get()
    assert issue.publication == paper and issue.date == dt.date(2024, 3, 28) and issue.date_precision == "day"
    held_back = issue.articles.exclude(status="published")
    published = Article.objects.published()
    assert published.count() == 3 - held_back.count() > 0
    assert all(a.transitions.filter(to_status="published", user=chief_user).exists() for a in published)
    for article in held_back:
        assert f"未发布 {issue}：《{article.title}》" in out


def test_publishing_at_import_needs_a_user_with_the_publish_permission(django_user_model):
    editor = django_user_model.objects.create_user("plain-editor")
    for args in (["--publish"], ["--publish", "--user", editor.username]):
        code, out, err = run(*args, MARKDOWN_DEMO)
        assert code == 1 and "只有主编可以在导入时发布" in out + err
    assert not Issue.objects.exists()


def test_no_paper_is_made_unless_asked_for():
    code, out, err = run(MARKDOWN_DEMO, create_papers=False)
    assert code == 1 and "请选择报纸" in out + err
    assert not Publication.objects.exists() and not Issue.objects.exists()


def _bad_inputs(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7 binary")
    (tmp_path / "noise.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "liar.txt").write_bytes(b"\xff\xfe\x00\xd8")
    (tmp_path / "english.txt").write_text("Minutes of the meeting\n\nNothing in Chinese here.\n", encoding="utf-8")
    return {
        tmp_path / "missing.txt": "找不到",
        tmp_path / "empty.txt": "空",
        tmp_path / "scan.txt": "PDF",
        tmp_path / "noise.txt": "二进制",
        tmp_path / "liar.txt": "无法解码",
        tmp_path / "english.txt": "找不到任何文章",
    }


def test_each_bad_input_gets_one_clear_line_and_nothing_is_written(tmp_path):
    cases = _bad_inputs(tmp_path)
    code, out, _ = run(*cases, MARKDOWN_DEMO)
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith("失败")]
    assert len(lines) == len(cases)
    for path, reason in cases.items():
        assert any(str(path) in line and reason in line for line in lines), (path, reason, lines)
    assert Issue.objects.count() == 1  # the good file still imported


def test_a_file_over_the_size_limit_is_refused(tmp_path, settings):
    settings.IMPORT_MAX_BYTES = 1000
    code, out, _ = run(MARKDOWN_DEMO)
    assert code == 1 and "文件过大" in out and MARKDOWN_DEMO.name in out
    assert not Issue.objects.exists()


def test_failures_in_json_mode_go_to_stderr_and_the_document_lists_them(tmp_path):
    missing = tmp_path / "missing.txt"
    code, out, err = run("--dry-run", "--json", missing)
    assert code == 1
    assert json.loads(out)["errors"] == [{"source": str(missing), "reason": "missing", "message": "找不到这个文件或文件夹"}]
    assert "失败" in err


def test_publishing_at_import_leaves_each_article_its_history_transition_and_index_entry(chief_user):
    from articles.models import RelatedArticle, SearchEntry
    from articles.search import search_articles
    from articles.services.related import related_articles

    paper = Publication.objects.create(name="青枫镇报", town="青枫镇", slug="qf")
    paper.staff.add(chief_user)
    code, _, _ = run("--publication", "qf", "--publish", "--user", chief_user.username, MARKDOWN_DEMO, BARE_DEMO)
    assert code == 0
    published = list(Article.objects.published().order_by("pk"))
    assert published and Article.objects.exclude(status="published").exists()  # some held back by warnings
    for article in published:
        history = list(article.history.order_by("history_id").values_list(
            "history_type", "history_change_reason", "history_user", "status", "version"))
        assert history == [("+", "导入", chief_user.pk, "draft", 1), ("~", "发布", chief_user.pk, "published", 2)]
        assert article.version == 2 and article.last_editor == chief_user
        transition = article.transitions.get()
        assert (transition.from_status, transition.to_status, transition.comment) == ("draft", "published", "导入时发布")
        assert transition.publish_at == article.published_at
        assert SearchEntry.objects.get(pk=article.pk).text.startswith(article.title.lower()[:2])
        assert article in search_articles(article.title[:6])
    for article in Article.objects.exclude(status="published"):
        assert article.import_warnings.filter(resolved_at__isnull=True).exists()
        assert list(article.history.values_list("history_change_reason", flat=True)) == ["导入"]
        assert not SearchEntry.objects.filter(pk=article.pk).exists()
    # Related lists of articles published at import are left to the task worker (queued, not run
    # here), or computed on their first reading.
    assert not RelatedArticle.objects.exists()
    related_articles(published[0])
    assert RelatedArticle.objects.filter(article=published[0]).exists()


def test_the_worker_works_out_the_related_lists_of_what_an_import_published(chief_user, immediate_tasks,
                                                                           django_capture_on_commit_callbacks):
    from articles.models import RelatedArticle

    paper = Publication.objects.create(name="青枫镇报", town="青枫镇", slug="qf")
    paper.staff.add(chief_user)
    with django_capture_on_commit_callbacks(execute=True):
        code, _, _ = run("--publication", "qf", "--publish", "--user", chief_user.username, MARKDOWN_DEMO, BARE_DEMO)
    assert code == 0
    published = set(Article.objects.published().values_list("pk", flat=True))
    assert published
    assert set(RelatedArticle.objects.values_list("article_id", flat=True)) == published


MONTHLY = """青枫镇社区报
第 4 期 2024年6月
主办：中共青枫镇委员会 青枫镇人民政府

青枫镇召开居民区工作会议

2024年6月15日，青枫镇召开居民区工作会议，部署下半年的重点工作。镇党委书记杜明远出席会议并讲话。
"""


def test_a_month_the_masthead_prints_is_not_an_inferred_date_and_a_month_read_from_the_text_is(tmp_path):
    monthly, undated = tmp_path / "monthly.txt", tmp_path / "undated.txt"
    monthly.write_text(MONTHLY, encoding="utf-8")
    undated.write_text(MONTHLY.replace("第 4 期 2024年6月\n", ""), encoding="utf-8")
    assert run(monthly)[0] == 0 and run(undated)[0] == 0
    printed, inferred = Issue.objects.get(source_name="monthly.txt"), Issue.objects.get(source_name="undated.txt")
    assert (printed.date, printed.date_precision, printed.date_inferred) == (dt.date(2024, 6, 1), "month", False)
    assert (inferred.date.year, inferred.date.month, inferred.date_precision, inferred.date_inferred) == (
        2024, 6, "month", True)


def test_the_issue_page_says_a_date_was_inferred_only_when_it_was(client):
    from tests.factories import make_article, make_issue, make_publication

    paper = make_publication("青枫镇")
    printed = make_issue(paper, dt.date(2024, 6, 1), date_precision="month")
    inferred = make_issue(paper, dt.date(2024, 7, 1), date_precision="month", date_inferred=True)
    for issue in (printed, inferred):
        make_article(issue, title=f"{issue.date}的文章")
    assert "按文中日期推断" not in client.get(printed.get_absolute_url()).content.decode()
    assert "出版日期按文中日期推断" in client.get(inferred.get_absolute_url()).content.decode()
