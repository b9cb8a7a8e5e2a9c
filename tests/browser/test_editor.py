"""An editor's day: upload an issue, fix a warning, submit; the chief editor publishes; readers see it."""

import re
from unittest import mock

from django.contrib.auth.models import Group, User
from django.core.management import call_command

from articles.models import Article, Publication

from .conftest import DEMOS, restore_seed_data

PASSWORD = "pw-Ab3456789"


def login(page, base, username):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def test_upload_fix_submit_publish_and_read(chromium, live_server, transactional_db, shot):
    restore_seed_data()
    # An earlier issue names the town's Party secretary, so a misread of the name can be caught.
    User.objects.create_superuser("importer", password=PASSWORD)
    call_command("import_issues", "--publish", "--user", "importer", "--create-papers",
                 str(DEMOS / "qingfeng-2024-03-27.txt"), stdout=mock.MagicMock())
    paper = Publication.objects.get()
    for name, role in [("editor", "编辑"), ("chief", "主编")]:
        user = User.objects.create_user(name, password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        paper.staff.add(user)
    base = live_server.url
    page = chromium.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    login(page, base, "editor")
    page.goto(base + "/admin/articles/issue/import/")
    page.set_input_files("input[type=file]", str(DEMOS / "qingfeng-2024-05.txt"))
    shot(page, "editor-1-upload")
    page.get_by_role("button", name="上传并预览").click()
    page.wait_for_url(re.compile(r"/import/[0-9a-f-]+/$"))
    assert page.get_by_text("共建共治 共享家园").count() >= 1
    assert page.get_by_text(re.compile("社明远")).count() >= 1
    page.select_option("#id_file0-paper", str(paper.pk))  # the editor says which paper it is
    shot(page, "editor-2-preview")
    page.get_by_role("button", name=re.compile("确认导入")).click()
    page.wait_for_url(re.compile(r"/admin/articles/issue/\d+/change/"))

    article = Article.objects.get(title="共建共治 共享家园")
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    page.get_by_role("button", name="改为“杜明远”").click()
    page.wait_for_load_state()
    assert "已将“社明远”改为“杜明远”" in page.content()
    shot(page, "editor-3-fixed-warning")
    while page.get_by_role("button", name="已按提示处理").count():  # each other warning read and handled
        page.get_by_role("button", name="已按提示处理").first.click()
        page.wait_for_load_state()
    page.locator('button[data-action="submit"]').click()
    page.wait_for_load_state()
    assert "现在是待审" in page.content()
    assert page.locator('button[data-action="publish"]').count() == 0
    shot(page, "editor-4-submitted")

    # Wait for the logout to land: a login page asked for while still signed in redirects away.
    with page.expect_navigation(url=re.compile(r"/admin/logout/$")):
        page.evaluate("document.querySelector('#logout-form').submit()")
    login(page, base, "chief")
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    page.locator('button[data-action="publish"]').click()
    page.wait_for_load_state()
    assert "现在是已发布" in page.content()
    shot(page, "editor-5-published")

    page.goto(f"{base}/articles/{article.pk}/")
    assert page.locator("h1").inner_text() == "共建共治 共享家园"
    body = page.locator(".article-body").inner_text()
    assert "杜明远" in body and "社明远" not in body
    shot(page, "editor-6-public")
    assert errors == []
