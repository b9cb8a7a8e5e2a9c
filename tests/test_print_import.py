"""An issue's PDF in: its articles with their pages, its pages as images, its photos with their
captions; bad PDFs refused with one line; nothing half written."""

import io
import json
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image

from articles.models import Article, ArticlePhoto, ImportJob, Issue, IssuePage, JobStatus
from articles.services import pages as page_service
from articles.services.importing import Source
from articles.services.jobs import job_run, jobs_create, jobs_retry

from .printed import broken_pdf, encrypted_pdf, issue_pdf, scanned_pdf

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("import_issues", "--create-papers", *map(str, args), stdout=out, stderr=err)
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def pdf_path(tmp_path):
    path = tmp_path / "issue.pdf"
    path.write_bytes(issue_pdf().pdf)
    return path


def stored_files(root) -> list:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".pdf") if root.exists() else []


def test_a_pdf_imports_with_every_article_on_the_page_its_headline_is_on(pdf_path, media_root):
    code, out, _ = run(pdf_path)
    assert code == 0, out
    expected = [a["page"] for a in issue_pdf().expected["articles"]]
    pages = list(Article.objects.order_by("position").values_list("page", flat=True))
    assert pages == expected


def test_a_pdf_keeps_each_page_as_a_thumbnail_and_a_reading_image(pdf_path, media_root):
    run(pdf_path)
    issue = Issue.objects.get()
    pages = list(issue.print_pages.order_by("index"))
    assert [p.index for p in pages] == list(range(issue_pdf().pages))
    for page in pages:
        assert default_storage.exists(page.thumbnail.name) and default_storage.exists(page.image.name)
        assert page.image_height > page.image_width  # a portrait page
        with default_storage.open(page.thumbnail.name) as handle, Image.open(handle) as thumb:
            assert thumb.format == "WEBP" and thumb.width < page.image_width


def test_the_photos_printed_with_an_article_are_kept_with_their_captions(pdf_path, media_root):
    run(pdf_path)
    photos = list(ArticlePhoto.objects.select_related("article"))
    assert photos
    for photo in photos:
        assert photo.caption and photo.caption in photo.article.captions
        assert default_storage.exists(photo.image.name) and photo.width > 0
        assert photo.page.number == photo.article.page or photo.page.issue_id == photo.article.issue_id


def test_the_pdf_itself_is_kept_in_storage(pdf_path, media_root):
    run(pdf_path)
    job = ImportJob.objects.get()
    assert job.status == JobStatus.DONE and job.issue == Issue.objects.get()
    with job.pdf.open("rb") as handle:
        assert handle.read() == pdf_path.read_bytes()


def test_a_folder_is_searched_for_pdfs_too(pdf_path, media_root):
    code, out, _ = run(pdf_path.parent)
    assert code == 0 and Issue.objects.count() == 1, out


def test_the_dry_run_of_a_pdf_prints_its_pages_and_writes_nothing(pdf_path, media_root):
    code, out, _ = run("--dry-run", "--json", pdf_path)
    assert code == 0
    document = json.loads(out)
    assert [a["page"] for a in document["issues"][0]["articles"]] == [
        a["page"] for a in issue_pdf().expected["articles"]]
    assert not Issue.objects.exists() and not ImportJob.objects.exists()
    assert not media_root.exists() or not any(media_root.rglob("*.*"))


@pytest.mark.parametrize(("make", "says"), [
    (scanned_pdf, "没有文字层"),
    (encrypted_pdf, "加密"),
    (broken_pdf, "损坏"),
    (lambda: b"\x89PNG\r\n\x1a\n" + b"\0" * 200, "PNG 图片"),
])
def test_a_bad_pdf_gets_one_clear_line_and_nothing_is_written(tmp_path, media_root, make, says):
    path = tmp_path / "bad.pdf"
    path.write_bytes(make())
    code, out, _ = run(path)
    assert code == 1
    failures = [line for line in out.splitlines() if line.startswith("失败")]
    assert len(failures) == 1 and says in failures[0]
    assert not Issue.objects.exists() and not ImportJob.objects.exists() and not stored_files(media_root)


def test_a_pdf_over_the_size_limit_is_refused_before_it_is_read(pdf_path, media_root, settings):
    settings.IMPORT_MAX_BYTES = 10_000
    code, out, _ = run(pdf_path)
    assert code == 1 and "文件过大" in out
    assert not Issue.objects.exists() and not ImportJob.objects.exists()


def test_a_failure_while_writing_leaves_no_issue_no_pages_and_no_files(pdf_path, media_root, monkeypatch):
    def fail(**kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(page_service, "print_attach", fail)
    code, out, _ = run(pdf_path)
    assert code == 1 and "disk full" in out
    assert not Issue.objects.exists() and not Article.objects.exists() and not IssuePage.objects.exists()
    assert not stored_files(media_root)
    assert ImportJob.objects.get().status == JobStatus.FAILED


def test_a_job_failing_for_a_passing_reason_is_retried_and_then_imports(media_root, immediate_tasks, monkeypatch,
                                                                        django_capture_on_commit_callbacks):
    real, calls = page_service.print_attach, []

    def flaky(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionError("database went away")
        return real(**kwargs)

    monkeypatch.setattr(page_service, "print_attach", flaky)
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs_create(source=Source("issue.pdf", issue_pdf().pdf), create_paper=True)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.attempts == 2 and len(calls) == 2
    assert Issue.objects.count() == 1 and IssuePage.objects.count() == issue_pdf().pages


def test_a_job_failing_every_time_stops_after_its_last_attempt_with_the_reason(media_root, immediate_tasks, monkeypatch,
                                                                               django_capture_on_commit_callbacks):
    monkeypatch.setattr(page_service, "print_attach", lambda **kwargs: (_ for _ in ()).throw(OSError("disk full")))
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs_create(source=Source("issue.pdf", issue_pdf().pdf), create_paper=True)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.attempts == ImportJob.MAX_ATTEMPTS and "disk full" in job.error
    assert not Issue.objects.exists() and not stored_files(media_root)


def test_a_failed_job_retried_by_an_editor_imports(media_root, monkeypatch):
    monkeypatch.setattr(page_service, "print_attach", lambda **kwargs: (_ for _ in ()).throw(OSError("disk full")))
    job = jobs_create(source=Source("issue.pdf", issue_pdf().pdf), create_paper=True, enqueue=False)
    job_run(job_id=job.pk, retry=False)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    monkeypatch.undo()
    assert jobs_retry(job=job)
    job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.issue.print_pages.count() == issue_pdf().pages


def test_a_scan_uploaded_as_a_job_fails_at_once_with_the_reason_and_is_not_retried(media_root):
    job = jobs_create(source=Source("scan.pdf", scanned_pdf()), enqueue=False)
    job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.attempts == 1 and "没有文字层" in job.error


def test_the_database_worker_runs_a_queued_job(media_root, transactional_db):
    job = jobs_create(source=Source("issue.pdf", issue_pdf().pdf), create_paper=True)
    assert ImportJob.objects.get(pk=job.pk).status == JobStatus.QUEUED and job.pk
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.issue.articles.count() == len(issue_pdf().expected["articles"])


def test_a_pdf_imported_again_with_replace_leaves_no_files_of_the_first_import(pdf_path, media_root,
                                                                             django_capture_on_commit_callbacks):
    run(pdf_path)
    first = {p.name for p in stored_files(media_root)}
    with django_capture_on_commit_callbacks(execute=True):
        code, out, _ = run("--replace", pdf_path)
    assert code == 0, out
    now = {p.name for p in stored_files(media_root)}
    assert len(now) == len(first) and IssuePage.objects.count() == issue_pdf().pages
    names = {n for page in IssuePage.objects.all() for n in (page.thumbnail.name, page.image.name)}
    assert {Path(n).name for n in names} <= now
