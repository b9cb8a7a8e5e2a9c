from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = ("Run the task queue's worker (PDF imports: pages and photos): the database queue's "
            "db_worker, or RQ's worker when REDIS_URL is set.")

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="run what is queued, then stop")

    def handle(self, *args, batch=False, **options):
        backend = settings.TASKS["default"]["BACKEND"]
        if backend.startswith("django_tasks_rq"):
            call_command("rqworker", "default", job_class="django_tasks_rq.Job", burst=batch, with_scheduler=True)
        else:
            call_command("db_worker", batch=batch, reload=False, verbosity=options["verbosity"])
