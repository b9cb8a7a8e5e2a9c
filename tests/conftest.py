from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = (ROOT.parent / "shared" / "samples").resolve()


def pytest_report_header(config):
    from django.conf import settings

    db = settings.DATABASES["default"]
    engine = db["ENGINE"].rsplit(".", 1)[-1]
    where = db.get("HOST") or db.get("NAME")
    return [f"database: {engine} ({where})", f"samples: {SAMPLES if SAMPLES.exists() else 'not present'}"]


@pytest.fixture(scope="session", autouse=True)
def _say_which_database(django_db_setup, django_db_blocker):
    """Print the server the suite really talked to, read from the live connection."""
    from django.db import connection

    with django_db_blocker.unblock():
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("select version()")
            else:
                cursor.execute("select 'SQLite ' || sqlite_version()")
            version = cursor.fetchone()[0]
    print(f"\n[database under test] {connection.vendor}: {version}")
    yield


# Pure Python, no database: the PostgreSQL run of .ci/run leaves these out.
PURE_DIRS = ("tests/importer/", "tests/simulator/")


def pytest_collection_modifyitems(config, items):
    from django.test import TransactionTestCase

    for item in items:
        path = item.nodeid.split("::")[0]
        cls = getattr(item, "cls", None)
        uses_db = item.get_closest_marker("django_db") or (cls and issubclass(cls, TransactionTestCase))
        if path.startswith(PURE_DIRS) and uses_db:
            raise pytest.UsageError(f"{item.nodeid} uses the database, but {PURE_DIRS} run on SQLite only (.ci/run)")
    # Browser tests start a live server and Chromium; run them last so failures elsewhere show first.
    items.sort(key=lambda item: 1 if item.get_closest_marker("browser") else 0)



@pytest.fixture
def chief_user(db):
    from django.contrib.auth.models import Group, User

    from .factories import put_on_desk

    user = User.objects.create_user("chief-editor", password="pw-Ab3456789", is_staff=True)
    user.groups.add(Group.objects.get(name="主编"))
    return put_on_desk(user)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: cached public pages must not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def restore_seed_data():
    """The rows the migrations seed (vocabulary, roles). A transactional test's flush removes
    them; every test that uses the database gets them back."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group

    from articles.search import index_in_step, rebuild_index

    if not index_in_step():  # a flush empties the model tables, not SQLite's FTS table
        rebuild_index()
    if Group.objects.filter(name="主编").exists():
        return
    for module, function in [("0004_seed_vocabulary", "seed"), ("0006_roles", "create_roles"),
                             ("0017_seed_topics", "seed"), ("0018_topic_cue_permissions", "grant"),
                             ("0023_error_report_permissions", "grant")]:
        getattr(importlib.import_module(f"articles.migrations.{module}"), function)(apps, None)


@pytest.fixture(autouse=True)
def _seed_data(request):
    names = set(request.fixturenames)
    if names & {"db", "transactional_db", "live_server"} or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("transactional_db" if names & {"transactional_db", "live_server"} else "db")
        restore_seed_data()


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded PDFs, page images and photos written under this test's own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def immediate_tasks(settings):
    """The task queue runs each task as soon as it is enqueued (after the transaction commits)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
