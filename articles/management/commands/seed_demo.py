from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from ...services.accounts import ensure_local_accounts
from ...services.demo import demo_site_setup


class Command(BaseCommand):
    help = "Set up a local site: demo issues (and the shared samples if given), and local accounts."

    def add_arguments(self, parser):
        parser.add_argument("--samples", type=Path, help="a folder of sample issue texts to import as well")
        parser.add_argument("--address", default="127.0.0.1:8000", help="where the server will listen, for the links printed")

    def handle(self, *args, samples=None, address, **options):
        passwords = ensure_local_accounts(accounts=[("admin", None, True), ("editor", "编辑", False),
                                                    ("chief", "主编", False)])
        editor = get_user_model().objects.get(username="editor")
        chief = get_user_model().objects.get(username="chief")
        for outcome in demo_site_setup(samples=samples, editor=editor, chief=chief):
            for failure in outcome.failed:
                self.stderr.write(f"失败 {failure.line()}")
            if outcome.imported:
                self.stdout.write(outcome.summary)
        self.stdout.write("")
        self.stdout.write("本地账号（仅限开发环境）：")
        roles = {"admin": "管理员", "editor": "编辑", "chief": "主编"}
        for username, password in passwords.items():
            self.stdout.write(f"  {username:<8} 密码 {password}   （{roles[username]}）")
        self.stdout.write(f"网站 http://{address}/   编辑后台 http://{address}/admin/")
