"""Work for the task queue's worker (django-tasks; `manage.py worker` runs it)."""

from django_tasks import task


@task()
def run_import_job(job_id: int) -> None:
    """Read an uploaded PDF into an issue with its pages and photos."""
    from .services.jobs import job_run

    job_run(job_id=job_id)
