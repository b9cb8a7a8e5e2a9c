import datetime as dt
import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ...models import Publication
from ...services import batch


class Command(BaseCommand):
    help = "Import issues from extracted text files or the printer's PDFs (files, or folders of *.txt and *.pdf)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="issue text or PDF files, or folders holding them")
        parser.add_argument("--dry-run", action="store_true", help="parse only; write nothing")
        parser.add_argument("--json", action="store_true", help="print the parsed issues as one JSON document")
        parser.add_argument("--replace", action="store_true",
                            help="re-import an issue already imported, if no editor has touched its articles")
        parser.add_argument("--publication", help="the paper (its slug, name or town) instead of the inferred one")
        parser.add_argument("--date", type=dt.date.fromisoformat, help="the issue date (YYYY-MM-DD) instead of the inferred one")
        parser.add_argument("--publish", action="store_true",
                            help="publish the articles at once (back-filling); needs --user with the publish permission")
        parser.add_argument("--user", help="record this user name as the importer (and publisher)")
        parser.add_argument("--create-papers", action="store_true",
                            help="make a paper from the masthead when no paper of its town exists")

    def handle(self, *args, paths, dry_run, json, replace, publication, date, publish, user, create_papers,
               **options):
        paper = _paper(publication) if publication else None
        importer = get_user_model().objects.filter(username=user).first() if user else None
        if user and importer is None:
            raise CommandError(f"没有用户 {user}")
        report = batch.import_paths(
            paths, dry_run=dry_run, replace=replace, publication=paper, date=date, publish=publish,
            user=importer, progress=not json, create_papers=create_papers,
        )
        out = self.stderr if json else self.stdout
        for failure in report.skipped:
            out.write(f"跳过 {failure.line()}\n")
        for failure in report.failed:
            out.write(f"失败 {failure.line()}\n")
        for result in report.imported:
            for reason in result.held_back:
                out.write(f"未发布 {result.issue}：{reason}\n")
        if json:
            self.stdout.write(_json_dump(report))
        out.write(report.summary + "\n")
        if report.failed:
            raise SystemExit(1)


def _paper(value: str) -> Publication:
    for field in ("slug", "name", "town"):
        found = Publication.objects.filter(**{field: value}).first()
        if found:
            return found
    raise CommandError(f"没有这份报纸：{value}")


def _json_dump(report) -> str:
    document = {
        "issues": report.parsed_json,
        "errors": [{"source": f.name, "reason": f.reason, "message": f.message} for f in report.failed],
    }
    return json.dumps(document, ensure_ascii=False, indent=1)
