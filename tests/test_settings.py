"""The settings module, loaded in a fresh interpreter with a controlled environment."""

import os
import secrets
import subprocess
import sys

from django.conf import settings

ROOT = settings.BASE_DIR


def run_python(code, **env):
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    base.update(env)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=base, capture_output=True,
                          text=True, timeout=120)


SETUP = "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='newsroom.settings'; django.setup(); "

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
}


def test_site_refuses_to_start_with_debug_off_and_no_secret_key():
    result = run_python(SETUP + "print('started')", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
    assert "started" not in result.stdout


def test_site_starts_with_debug_off_when_a_secret_key_is_set():
    result = run_python(SETUP + "from django.conf import settings; print(settings.DEBUG, settings.LANGUAGE_CODE,"
                        " settings.TIME_ZONE, settings.USE_TZ)", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "zh-hans", "Asia/Shanghai", "True"]


def test_development_runs_without_a_secret_key_when_debug_is_on():
    result = run_python(SETUP + "from django.conf import settings; print(settings.DEBUG)", DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_database_url_selects_the_database():
    code = SETUP + "from django.conf import settings; d=settings.DATABASES['default']; print(d['ENGINE'], d['NAME'])"
    result = run_python(code, DJANGO_DEBUG="1", DATABASE_URL="postgres://postgres@db.example:5432/archive")
    assert result.stdout.split() == ["django.db.backends.postgresql", "archive"]
    default = run_python(code, DJANGO_DEBUG="1")
    assert default.stdout.split()[0] == "django.db.backends.sqlite3"


def test_check_deploy_reports_nothing_with_production_variables():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(PRODUCTION)
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_no_model_change_lacks_a_migration():
    result = subprocess.run([sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "DJANGO_DEBUG": "1"})
    assert result.returncode == 0, result.stdout + result.stderr


SHOW = SETUP + "from django.conf import settings; print(settings.SITE_URL, settings.TRUSTED_PROXY_HOPS)"


def test_absolute_urls_default_to_the_first_allowed_host_in_production():
    result = run_python(SHOW, **PRODUCTION)
    assert result.stdout.split() == ["https://news.example.org", "0"], result.stderr
    plain = run_python(SHOW, **PRODUCTION, DJANGO_SECURE_SSL_REDIRECT="0")
    assert plain.stdout.split()[0] == "http://news.example.org"
    chosen = run_python(SHOW, **PRODUCTION, DJANGO_SITE_URL="https://archive.example.org/")
    assert chosen.stdout.split()[0] == "https://archive.example.org"


def test_an_origin_that_is_not_one_or_a_wildcard_first_host_is_refused_at_start():
    for env in ({"DJANGO_SITE_URL": "news.example.org"}, {"DJANGO_SITE_URL": "https://news.example.org/path"},
                {"DJANGO_ALLOWED_HOSTS": ".example.org"}, {"DJANGO_ALLOWED_HOSTS": "*"}):
        result = run_python(SHOW, **{**PRODUCTION, **env})
        assert result.returncode != 0 and "DJANGO_SITE_URL" in result.stderr, env


def test_trusted_proxy_hops_default_to_none_and_to_one_behind_a_proxy():
    assert run_python(SHOW, DJANGO_DEBUG="1").stdout.split()[-1] == "0"
    assert run_python(SHOW, DJANGO_DEBUG="1", DJANGO_BEHIND_PROXY="1").stdout.split()[-1] == "1"
    assert run_python(SHOW, DJANGO_DEBUG="1", DJANGO_BEHIND_PROXY="1",
                      DJANGO_TRUSTED_PROXY_HOPS="2").stdout.split()[-1] == "2"
    refused = run_python(SHOW, DJANGO_DEBUG="1", DJANGO_TRUSTED_PROXY_HOPS="-1")
    assert refused.returncode != 0 and "DJANGO_TRUSTED_PROXY_HOPS" in refused.stderr


def test_check_deploy_reports_nothing_behind_a_proxy_either():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(PRODUCTION, DJANGO_BEHIND_PROXY="1", DJANGO_TRUSTED_PROXY_HOPS="2")
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
