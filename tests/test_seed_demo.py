from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles.models import Article


@pytest.mark.django_db
def test_make_runs_set_up_prints_the_accounts_and_the_address_the_server_listens_on():
    out = StringIO()
    call_command("seed_demo", "--address", "127.0.0.1:8765", stdout=out)
    printed = out.getvalue()
    assert "网站 http://127.0.0.1:8765/   编辑后台 http://127.0.0.1:8765/admin/" in printed
    for username in ("admin", "editor", "chief"):
        assert f"  {username}" in printed and get_user_model().objects.filter(username=username).exists()
    assert Article.objects.published().exists()
