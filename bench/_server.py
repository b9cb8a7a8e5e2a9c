"""Start and stop the production setup (gunicorn, PostgreSQL, optional Redis) for load tests."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = 8765


def production_env(database_url: str, *, redis: bool = False, workers: int = 5, page_cache_seconds: int = 300) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PAGE_CACHE", "RATELIMIT"))}
    env.update({
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "load-test-" + "k" * 60,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Plain HTTP on loopback: no TLS terminator in front of the app here.
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_CONN_MAX_AGE": "60",
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        # Every client of the load test comes from 127.0.0.1: per-address limits would stop it.
        "RATELIMIT_ENABLE": "0",
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        "GUNICORN_WORKERS": str(workers),
    })
    if redis:
        env["REDIS_URL"] = "redis://127.0.0.1:6379/5"
    return env


def start(env: dict) -> subprocess.Popen:
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    log = open(ROOT / "bench" / "out" / "gunicorn.log", "w")
    server = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "-c", "newsroom/gunicorn.py",
                               "newsroom.wsgi"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=2)
            return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("gunicorn did not come up; see bench/out/gunicorn.log")


def stop(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
