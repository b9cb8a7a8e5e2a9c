"""A PDF uploaded in the admin: previewed like a text file, imported by the worker, followed in the admin."""

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import ImportJob, Issue, JobStatus

from .factories import make_publication
from .printed import broken_pdf, encrypted_pdf, issue_pdf, scanned_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", password="pw-123456", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["add_issue", "view_issue", "change_article"]))
    client.force_login(user)
    return user


def upload(client, name, data):
    return client.post(reverse("admin:articles_issue_import"),
                       {"files": [SimpleUploadedFile(name, data, content_type="application/pdf")]})


def test_the_upload_form_offers_pdfs(client, editor):
    page = client.get(reverse("admin:articles_issue_import")).content.decode()
    assert ".pdf" in page and "PDF" in page


def test_a_pdf_is_previewed_then_imported_by_the_worker_with_its_pages(client, editor, media_root, immediate_tasks,
                                                                        django_capture_on_commit_callbacks):
    typeset = issue_pdf()
    assert typeset.pages == 4
    response = upload(client, "issue.pdf", typeset.pdf)
    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(response["Location"]).content.decode()
    assert "正在后台读取 issue.pdf" in waiting and 'value="确认导入' not in waiting
    preview = client.get(response["Location"]).content.decode()
    assert typeset.expected["articles"][0]["title"] in preview and 'value="确认导入' in preview
    assert not Issue.objects.exists()
    # The editor's desk holds a paper; the preview asks which paper this file goes into.
    paper = make_publication()
    paper.staff.add(editor)
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(response["Location"], {"file0-paper": str(paper.pk), "file0-date": ""})
    assert confirmed["Location"] == reverse("admin:articles_importjob_changelist")
    job = ImportJob.objects.get()
    assert job.status == JobStatus.DONE and job.created_by == editor
    assert job.issue.print_pages.count() == typeset.pages
    listing = client.get(confirmed["Location"]).content.decode()
    assert "已完成" in listing and 'value="100"' in listing


def test_the_preview_of_a_pdf_answers_at_once_and_refreshes_itself_while_the_worker_reads_it(client, editor):
    response = upload(client, "issue.pdf", issue_pdf().pdf)
    page = client.get(response["Location"]).content.decode()  # no worker runs here
    assert "正在后台读取 issue.pdf" in page and 'http-equiv="refresh"' in page
    assert not Issue.objects.exists()


def test_a_scanned_pdf_is_refused_in_the_preview_with_one_line(client, editor, media_root, immediate_tasks,
                                                              django_capture_on_commit_callbacks):
    response = upload(client, "scan.pdf", scanned_pdf())
    with django_capture_on_commit_callbacks(execute=True):
        client.get(response["Location"])
    preview = client.get(response["Location"]).content.decode()
    assert preview.count("没有文字层") == 1
    assert not Issue.objects.exists() and not ImportJob.objects.exists()


def test_a_running_job_page_refreshes_itself_until_it_is_done(client, editor, media_root):
    from articles.services.importing import Source
    from articles.services.jobs import jobs_create

    job = jobs_create(source=Source("issue.pdf", issue_pdf().pdf), user=editor, enqueue=False)
    page = client.get(reverse("admin:articles_importjob_change", args=[job.pk])).content.decode()
    assert 'http-equiv="refresh"' in page and "排队中" in page


@pytest.mark.parametrize(("make", "says"), [(encrypted_pdf, "加密"), (broken_pdf, "损坏")])
def test_an_encrypted_or_broken_pdf_is_refused_in_the_first_preview_with_one_line(client, editor, make, says):
    response = upload(client, "bad.pdf", make())
    page = client.get(response["Location"]).content.decode()
    assert page.count("无法导入 bad.pdf") == 1 and says in page and "正在后台读取" not in page
