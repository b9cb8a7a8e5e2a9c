"""Editorial integrity in the browser: review of live changes, nothing lost, undo, per-file import."""

import re

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from articles.models import Article, ArticleStatus, Issue, TagSuggestion

from ..factories import make_article, make_issue, make_publication
from .conftest import DEMOS, restore_seed_data
from .test_editor import PASSWORD, login


@pytest.fixture
def newsroom(transactional_db):
    restore_seed_data()
    paper = make_publication()
    users = {}
    for name, role in [("editor", "编辑"), ("chief", "主编")]:
        user = User.objects.create_user(name, password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        paper.staff.add(user)
        users[name] = user
    return paper, users


@pytest.fixture
def browser_page(chromium):
    page = chromium.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    page.close()
    assert errors == []


def logout(page, base):
    page.goto(base + "/admin/")
    with page.expect_navigation(url=re.compile(r"/admin/logout/$")):
        page.evaluate("document.querySelector('#logout-form').submit()")


def test_an_editors_change_to_a_live_article_waits_for_the_chief_while_the_public_sees_the_old_text(
        live_server, newsroom, browser_page, shot):
    page, base = browser_page, live_server.url
    live = make_article(title="青枫镇召开居民区工作会议", body="原来的第一段。\n\n原来的第二段。")
    login(page, base, "editor")
    page.goto(f"{base}/admin/articles/article/{live.pk}/change/")
    page.fill("#id_body", "原来的第一段。\n\n原来的第二段。\n\n编辑加上的第三段。")
    page.locator("input[name=_continue]").click()
    page.wait_for_load_state()
    assert "你的修改正在等待主编审核" in page.content()
    shot(page, "integrity-1-pending-revision")
    page.goto(f"{base}/articles/{live.pk}/")
    assert "编辑加上的第三段" not in page.locator(".article-body").inner_text()
    logout(page, base)
    login(page, base, "chief")
    page.goto(f"{base}/admin/articles/article/{live.pk}/change/")
    page.get_by_role("link", name="查看与线上文字的对比并处理").click()
    assert page.locator("#revision-diff ins").first.inner_text().startswith("编辑加上的第三段")
    shot(page, "integrity-2-chief-diff")
    page.get_by_role("button", name="发布修订").click()
    page.wait_for_load_state()
    page.goto(f"{base}/articles/{live.pk}/")
    assert "编辑加上的第三段" in page.locator(".article-body").inner_text()


def test_adopt_a_tag_then_save_keeps_it(live_server, newsroom, browser_page, shot):
    page, base = browser_page, live_server.url
    draft = make_article(status="draft", published_at=None, title="垃圾分类推进会", body="垃圾分类。")
    TagSuggestion.objects.create(article=draft, name="垃圾分类", score=3.0)
    login(page, base, "editor")
    page.goto(f"{base}/admin/articles/article/{draft.pk}/change/")
    page.locator(".suggestion-form button", has_text="采用").click()
    expect(page.locator("#id_tags")).to_have_value(re.compile("垃圾分类"))
    shot(page, "integrity-3-tag-adopted")
    page.locator("input[name=_continue]").click()
    page.wait_for_load_state()
    assert list(Article.objects.get(pk=draft.pk).tags.names()) == ["垃圾分类"]
    assert page.locator("#id_tags").input_value() == "垃圾分类"


def test_typing_then_pressing_submit_saves_the_typing_first(live_server, newsroom, browser_page, shot):
    page, base = browser_page, live_server.url
    draft = make_article(status="draft", published_at=None, title="防汛演练", body="抢险队伍抵达现场。")
    login(page, base, "editor")
    page.goto(f"{base}/admin/articles/article/{draft.pk}/change/")
    page.fill("#id_body", "抢险队伍抵达现场。\n\n刚刚输入、尚未保存的一段。")
    page.locator('button[data-action="submit"]').click()
    page.wait_for_load_state()
    assert "修改已保存" in page.content()
    shot(page, "integrity-4-submitted-with-edits")
    draft.refresh_from_db()
    assert draft.status == ArticleStatus.REVIEW and draft.body.endswith("刚刚输入、尚未保存的一段。")


def test_merge_with_confirmation_then_undo(live_server, newsroom, browser_page, shot):
    page, base = browser_page, live_server.url
    issue = make_issue()
    first = make_article(issue, status="draft", published_at=None, title="前半篇", body="会议开始。")
    second = make_article(issue, status="draft", published_at=None, title="后半篇", body="会议结束。")
    login(page, base, "editor")
    page.goto(f"{base}/admin/articles/issue/{issue.pk}/desk/")
    page.get_by_role("button", name="并入本文").first.click()
    page.wait_for_load_state()
    assert "确认合并" in page.content() and page.locator("#merge-diff ins").inner_text() == "会议结束。"
    shot(page, "integrity-5-merge-confirm")
    page.locator("#confirm-merge").click()
    page.wait_for_load_state()
    assert Article.objects.get(pk=second.pk).status == ArticleStatus.MERGED
    page.get_by_role("link", name="撤销这次合并").click()
    shot(page, "integrity-6-undo-confirm")
    page.locator("#confirm-undo").click()
    page.wait_for_load_state()
    assert Article.objects.get(pk=first.pk).body == "会议开始。"
    assert Article.objects.get(pk=second.pk).status == ArticleStatus.DRAFT
    assert "已撤销" in page.content()
    shot(page, "integrity-7-undone")


def test_a_file_without_masthead_goes_into_the_paper_chosen_in_the_preview(live_server, newsroom, browser_page, shot,
                                                                           tmp_path):
    page, base = browser_page, live_server.url

    other = make_publication("梅园路街道", name="梅园社区报")
    other.staff.add(User.objects.get(username="editor"))
    bare = tmp_path / "no-masthead.txt"
    bare.write_text("\n".join((DEMOS / "qingfeng-2024-03-27.txt").read_text(encoding="utf-8").splitlines()[12:]),
                    encoding="utf-8")
    login(page, base, "editor")
    page.goto(base + "/admin/articles/issue/import/")
    page.set_input_files("input[type=file]", str(bare))
    page.get_by_role("button", name="上传并预览").click()
    page.wait_for_url(re.compile(r"/import/[0-9a-f-]+/$"))
    assert page.locator("#id_file0-paper").input_value() == ""  # nothing guessed for the editor
    assert "按文中地名推断" in page.content()
    page.get_by_role("button", name=re.compile("确认导入")).click()
    page.wait_for_load_state()
    assert not Issue.objects.exists()  # a paper must be chosen
    page.select_option("#id_file0-paper", str(other.pk))
    shot(page, "integrity-8-import-choose-paper")
    page.get_by_role("button", name=re.compile("确认导入")).click()
    page.wait_for_url(re.compile(r"/admin/articles/issue/\d+/change/"))
    assert Issue.objects.get().publication == other


def test_repair_a_bad_split_with_the_desk_tools(live_server, newsroom, browser_page, shot):
    page, base = browser_page, live_server.url
    issue = make_issue(leftovers=["遗留的一段文字。"])
    lumped = make_article(issue, status="draft", published_at=None, title="第一篇",
                          body="第一篇的正文。\n\n第二篇标题\n\n第二篇的正文。\n\n第三篇的正文。", captions=["第三篇标题"])
    login(page, base, "editor")
    page.goto(f"{base}/admin/articles/issue/{issue.pk}/desk/")
    page.get_by_role("link", name="修补…").click()
    page.locator('#repair-cuts input[name="cut"][value="1"]').check()
    page.locator('#repair-cuts input[name="cut"][value="3"]').check()
    page.select_option('select[name="caption-3"]', "0")
    shot(page, "integrity-9-repair-cuts")
    page.get_by_role("button", name="按所选拆分").click()
    page.wait_for_load_state()
    page.get_by_label("遗留的一段文字。").check()
    page.keyboard.press("Tab")
    page.get_by_role("button", name="并入本文").click()
    page.wait_for_load_state()
    titles = list(Article.objects.filter(issue=issue).order_by("position").values_list("title", flat=True))
    assert titles == ["第一篇", "第二篇标题", "第三篇标题"]
    assert Article.objects.get(pk=lumped.pk).body == "第一篇的正文。\n\n遗留的一段文字。"
    page.goto(f"{base}/admin/articles/issue/{issue.pk}/desk/")
    shot(page, "integrity-10-repaired-desk")
    assert page.get_by_role("link", name="撤销…").count() == 2
