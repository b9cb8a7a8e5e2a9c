"""Work for the task queue's worker (django-tasks; `manage.py worker` runs it)."""

from django_tasks import task


@task()
def run_import_job(job_id: int) -> None:
    """Read an uploaded PDF into an issue with its pages and photos."""
    from .services.jobs import job_run

    job_run(job_id=job_id)


@task()
def read_pdf_preview(upload_id: int) -> None:
    """Read an uploaded PDF for the admin's preview."""
    from .services.previews import preview_run

    preview_run(upload_id=upload_id)


@task()
def relate_published(article_ids: list[int]) -> None:
    """Related-article lists for articles an import published, and for those they now belong in."""
    from .models import Article
    from .services.related import refresh_related

    refresh_related(articles=list(Article.objects.filter(pk__in=article_ids).only("pk", "status")))
