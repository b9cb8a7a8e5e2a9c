"""Uploading issue files in the admin: preview the split, then confirm the import."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, ImportUpload, Issue, Publication

pytestmark = pytest.mark.django_db

DEMOS = Path(settings.BASE_DIR) / "articles" / "demo_issues"


def upload(client, *names):
    files = [SimpleUploadedFile(name, (DEMOS / name).read_bytes(), content_type="text/plain") for name in names]
    return client.post(reverse("admin:articles_issue_import"), {"files": files})


@pytest.fixture
def papers(db):
    return {"qingfeng": Publication.objects.create(name="青枫社区报", town="青枫镇", district="浦江区", slug="qf"),
            "meiyuan": Publication.objects.create(name="梅园社区报", town="梅园路街道", slug="my")}


@pytest.fixture
def editor(client, papers):
    user = User.objects.create_user("editor", password="pw-123456", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["add_issue", "view_issue", "change_article"]))
    for paper in papers.values():
        paper.staff.add(user)
    client.force_login(user)
    return user


def choices(page: str, chosen: dict[int, str] | None = None) -> dict:
    """The preview's per-file fields as the page fills them in, with `chosen` papers by file index."""
    import re

    data = {}
    for name, value in re.findall(r'<input type="(?:text|date)" name="(file\d+-[a-z_]+)"(?: value="([^"]*)")?', page):
        data[name] = value
    for name, options in re.findall(r'<select name="(file\d+-paper)"[^>]*>(.*?)</select>', page, re.DOTALL):
        selected = re.search(r'<option value="([^"]*)" selected>', options)
        data[name] = selected.group(1) if selected else ""
    for index, value in (chosen or {}).items():
        data[f"file{index}-paper"] = value
    return data


def test_editor_sees_the_split_before_anything_is_written_and_confirms_the_import(client, editor):
    response = upload(client, "qingfeng-2024-03-27.txt", "meiyuan-2023-10-25.txt")
    assert response.status_code == 302
    preview = client.get(response["Location"])
    page = preview.content.decode()
    assert "青枫镇召开2024年工作会议" in page and "守护一江清水" in page
    assert "中间可能缺失文字" in page  # the text-gap warning is shown before import
    assert not Issue.objects.exists()
    confirmed = client.post(response["Location"], choices(page))  # both mastheads print their town
    assert confirmed.status_code == 302
    assert Issue.objects.count() == 2 and Article.objects.count() == 6
    assert set(Issue.objects.values_list("imported_by__username", flat=True)) == {"editor"}
    assert not ImportUpload.objects.exists()


def test_a_bad_file_is_reported_in_the_preview_and_the_good_ones_still_import(client, editor):
    files = [SimpleUploadedFile("scan.txt", b"%PDF-1.4 ...", content_type="text/plain"),
             SimpleUploadedFile("good.txt", (DEMOS / "qingfeng-2024-03-27.txt").read_bytes())]
    response = client.post(reverse("admin:articles_issue_import"), {"files": files})
    page = client.get(response["Location"]).content.decode()
    assert "无法导入 scan.txt" in page and "PDF" in page
    client.post(response["Location"], choices(page))
    assert Issue.objects.count() == 1


def test_publishing_at_import_needs_the_publish_permission(client, editor):
    response = upload(client, "qingfeng-2024-03-27.txt")
    assert "导入后立即发布" not in client.get(response["Location"]).content.decode()
    assert client.post(response["Location"], {"publish": "on"}).status_code == 403
    assert not Issue.objects.exists()


def test_staff_without_the_add_issue_permission_cannot_upload_or_confirm(client):
    user = User.objects.create_user("reader", password="pw-123456", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:articles_issue_import")).status_code == 403
    assert upload(client, "qingfeng-2024-03-27.txt").status_code == 403
    assert not ImportUpload.objects.exists()


def test_an_editor_cannot_confirm_another_editors_upload(client, editor):
    response = upload(client, "qingfeng-2024-03-27.txt")
    other = User.objects.create_user("other", password="pw-123456", is_staff=True)
    other.user_permissions.add(Permission.objects.get(codename="add_issue"))
    client.force_login(other)
    client.post(response["Location"], {})
    assert not Issue.objects.exists()


def kept_bytes(monkeypatch):
    """Count what the handlers after the size limit receive, i.e. what Django would keep."""
    from django.core.files import uploadhandler

    kept = {"bytes": 0}
    for handler in (uploadhandler.MemoryFileUploadHandler, uploadhandler.TemporaryFileUploadHandler):
        original = handler.receive_data_chunk

        def counting(self, raw_data, start, original=original):
            if getattr(self, "activated", True):  # the memory handler passes on what it does not keep
                kept["bytes"] += len(raw_data)
            return original(self, raw_data, start)

        monkeypatch.setattr(handler, "receive_data_chunk", counting)
    return kept


def test_a_file_over_the_limit_is_dropped_while_it_is_received_and_named_in_the_message(client, editor, monkeypatch):
    assert settings.IMPORT_MAX_BYTES == 20 * 1024 * 1024
    kept = kept_bytes(monkeypatch)
    big = SimpleUploadedFile("整年合订本.txt", b"x" * (25 * 1024 * 1024), content_type="text/plain")
    response = client.post(reverse("admin:articles_issue_import"), {"files": [big]})
    assert response.status_code == 200
    page = response.content.decode()
    assert "文件“整年合订本.txt”超过 20 MB 的上限，没有保存" in page
    assert kept["bytes"] <= settings.IMPORT_MAX_BYTES  # never the whole 25 MB: it stopped at the limit
    [refused] = response.wsgi_request.refused_uploads
    assert refused.received <= refused.limit == settings.IMPORT_MAX_BYTES
    assert not ImportUpload.objects.exists() and not Issue.objects.exists()


def test_one_file_over_the_limit_keeps_the_whole_upload_out(client, editor, settings):
    settings.IMPORT_MAX_BYTES = 64 * 1024
    good = SimpleUploadedFile("qingfeng-2024-03-27.txt", (DEMOS / "qingfeng-2024-03-27.txt").read_bytes())
    big = SimpleUploadedFile("big.txt", b"y" * (200 * 1024))
    response = client.post(reverse("admin:articles_issue_import"), {"files": [good, big]})
    assert response.status_code == 200
    assert "文件“big.txt”超过 64 KB 的上限" in response.content.decode()
    assert not ImportUpload.objects.exists()
    # Within the limit, the same upload goes on to the preview.
    good.seek(0)
    assert client.post(reverse("admin:articles_issue_import"), {"files": [good]}).status_code == 302
    assert ImportUpload.objects.count() == 1


def test_each_file_gets_its_own_paper_and_date_and_no_paper_is_guessed(client, editor, papers):
    response = upload(client, "qingfeng-2024-03-27.txt", "meiyuan-2023-10-25.txt")
    page = client.get(response["Location"]).content.decode()
    data = choices(page)
    assert data["file0-paper"] and data["file1-paper"]  # both mastheads print their town
    assert "新建报纸" not in page  # an editor cannot make papers
    data.update({"file0-paper": str(papers["meiyuan"].pk), "file0-date": "2024-03-28"})
    client.post(response["Location"], data)
    first = Issue.objects.get(source_name="qingfeng-2024-03-27.txt")
    assert first.publication == papers["meiyuan"] and first.date.isoformat() == "2024-03-28"
    assert Issue.objects.get(source_name="meiyuan-2023-10-25.txt").publication == papers["meiyuan"]


def test_a_file_whose_paper_is_not_chosen_is_not_imported(client, editor):
    response = upload(client, "qingfeng-2024-03-27.txt")
    page = client.get(response["Location"]).content.decode()
    data = choices(page, {0: ""})
    page = client.post(response["Location"], data).content.decode()
    assert "这个字段是必填项" in page or "必填" in page
    assert not Issue.objects.exists()


def test_a_chief_can_make_a_new_paper_filled_in_from_the_inference(client, chief_user):
    client.force_login(chief_user)
    response = upload(client, "linchuan-2024-06-19.txt")
    page = client.get(response["Location"]).content.decode()
    assert "新建报纸" in page
    data = choices(page, {0: "new"})
    assert data["file0-new_town"]  # filled in from the masthead
    client.post(response["Location"], data)
    issue = Issue.objects.get()
    assert issue.publication.town == data["file0-new_town"] and issue.publication.staff.filter(pk=chief_user.pk).exists()


def test_publishing_from_the_preview_records_a_transition_and_holds_back_open_warnings(client, chief_user, papers):
    papers["qingfeng"].staff.add(chief_user)
    client.force_login(chief_user)
    response = upload(client, "qingfeng-2024-03-27.txt")
    page = client.get(response["Location"]).content.decode()
    client.post(response["Location"], {**choices(page), "publish": "on"})
    issue = Issue.objects.get()
    for article in issue.articles.all():
        if article.import_warnings.filter(resolved_at__isnull=True).exists():
            assert article.status == "draft"
        else:
            assert article.transitions.get().user == chief_user and article.status == "published"
