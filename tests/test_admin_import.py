"""Uploading issue files in the admin: preview the split, then confirm the import."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, ImportUpload, Issue

pytestmark = pytest.mark.django_db

DEMOS = Path(settings.BASE_DIR) / "articles" / "demo_issues"


def upload(client, *names):
    files = [SimpleUploadedFile(name, (DEMOS / name).read_bytes(), content_type="text/plain") for name in names]
    return client.post(reverse("admin:articles_issue_import"), {"files": files})


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", password="pw-123456", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["add_issue", "view_issue", "change_article"]))
    client.force_login(user)
    return user


def test_editor_sees_the_split_before_anything_is_written_and_confirms_the_import(client, editor):
    response = upload(client, "qingfeng-2024-03-27.txt", "meiyuan-2023-10-25.txt")
    assert response.status_code == 302
    preview = client.get(response["Location"])
    page = preview.content.decode()
    assert "青枫镇召开2024年工作会议" in page and "守护一江清水" in page
    assert "中间可能缺失文字" in page  # the text-gap warning is shown before import
    assert not Issue.objects.exists()
    confirmed = client.post(response["Location"], {"publication": "", "date": ""})
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
    client.post(response["Location"], {})
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
