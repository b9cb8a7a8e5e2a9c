import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def database_url() -> str:
    """The test database, as a URL a child process can use."""
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = db.get("USER") or "postgres"
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}@{host}:{port}/{db['NAME']}"


def manage(*args, wait=True, **popen):
    env = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_DEBUG": "1", "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, str(ROOT / "manage.py"), *map(str, args)]
    if wait:
        return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def committed_db(transactional_db):
    """Data the child processes can see: committed, not inside a test transaction."""
