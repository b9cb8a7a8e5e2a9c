"""The production setup behind a real reverse proxy: Debian's nginx in front of gunicorn.

    .venv/bin/python bench/proxy_check.py            # or: make proxy-check (installs nginx if missing)

Starts gunicorn (two workers, DJANGO_BEHIND_PROXY=1: one trusted hop) on a throw-away database
and nginx in front of it, both on loopback with a throw-away configuration in a temporary
folder, then checks what the hardening promises:

- every X-Forwarded-For form a client may send (two addresses, none, garbage) is answered, never 500;
- wrong passwords from one client lock that client out for that user name, while the same user
  logs in from another client; the lockout records the client's address, not the proxy's;
- a burst of searches from one client stops at the limit, across both workers, though each request
  forges a different X-Forwarded-For;
- absolute URLs name the configured origin, whatever Host the request sent.

The clients are told apart by their source address (127.0.0.2, 127.0.0.3, ...: all loopback), so
nginx sees each as the real client it is. DATABASE_URL selects the database (a temporary SQLite
file by default); PROXY_CHECK_PORT the port nginx listens on (the app takes the next one). Exits
non-zero, naming what failed, if any check does not hold; stops both servers in any case.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("PROXY_CHECK_PORT", "8140"))
APP_PORT = PORT + 1
LIMIT = 20  # searches per minute per client, for this check
NGINX_CONF = """
{user}
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {tmp}/nginx-access.log;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    client_max_body_size 25m;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://127.0.0.1:{app_port};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
    }}
}}
"""
FORWARDED_FORMS = {
    "two addresses": "203.0.113.9, 198.51.100.1",
    "none": None,
    "empty": "",
    "garbage": "garbage, \u00ff\u00fe, ,,, 999.1.1.1",
    "an address and a port": "[2001:db8::1]:8443",
    "very long": ",".join(["203.0.113.9"] * 500),
}


class Client:
    """An HTTP client with its own loopback source address and cookies."""

    def __init__(self, source: str):
        self.source, self.cookies = source, {}

    def request(self, method, path, *, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30, source_address=(self.source, 0))
        headers = {"Host": f"127.0.0.1:{PORT}", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            body = urllib.parse.urlencode(body).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Content-Length"] = str(len(body))
        try:
            # putheader takes bytes as they are: a header value outside Latin-1 is a client's to send.
            connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            for name, value in headers.items():
                connection.putheader(name, value.encode("latin-1", "replace") if isinstance(value, str) else value)
            connection.endheaders(body)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response, content

    def login(self, username, password):
        status, _, page = self.request("GET", "/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not token:
            return status, page
        status, _, page = self.request("POST", "/admin/login/?next=/admin/", body={
            "csrfmiddlewaretoken": token.group(1), "username": username, "password": password, "next": "/admin/"})
        return status, page


class Checks:
    def __init__(self):
        self.held, self.failed = [], []

    def check(self, what: str, ok: bool, detail=""):
        (self.held if ok else self.failed).append(what)
        print(f"  {'ok  ' if ok else 'FAIL'} {what}{'' if ok else f'  ({detail})'}", flush=True)


def production_env(tmp: Path, database_url: str) -> dict:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DJANGO_", "PAGE_CACHE", "RATELIMIT", "AXES_", "REDIS_URL", "GUNICORN_"))}
    env.update({
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "proxy-check-" + "k" * 60,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SITE_URL": f"http://127.0.0.1:{PORT}",
        "DJANGO_BEHIND_PROXY": "1",
        # Plain HTTP on loopback: no TLS terminator here.
        "DJANGO_SECURE_SSL_REDIRECT": "0", "DJANGO_SESSION_COOKIE_SECURE": "0", "DJANGO_CSRF_COOKIE_SECURE": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_STATIC_ROOT": str(tmp / "static"),
        "RATELIMIT_SEARCH": f"{LIMIT}/m",
        "RATELIMIT_API": f"{LIMIT}/m",
        "GUNICORN_BIND": f"127.0.0.1:{APP_PORT}",
        "GUNICORN_WORKERS": "2",
        "PYTHONUNBUFFERED": "1",
    })
    return env


def manage(env, *args):
    if args[0] == "shell":
        args = (*args, "--no-imports", "-v0")
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True, timeout=600)


def prepare(env):
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "shell", "-c", (
        "from django.contrib.auth.models import Group, User\n"
        "from axes.models import AccessAttempt\n"
        "from django.core.cache import caches\n"
        "AccessAttempt.objects.all().delete()\n"
        "caches['ratelimit'].clear()\n"
        "User.objects.filter(username='chief').delete()\n"
        "user = User.objects.create_user('chief', password='proxy-Check-8140', is_staff=True)\n"
        "user.groups.add(Group.objects.get(name='主编'))\n"))
    # The chief imports and publishes (publishing at import is a chief's), making the demo's papers.
    manage(env, "import_issues", "--publish", "--user", "chief", "--create-papers",
           str(ROOT / "articles" / "demo_issues"))


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        raise SystemExit("nginx is not installed: `make proxy-check` installs Debian's nginx-light")
    return found


def wait_for(what, probe, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if probe():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{what} did not come up")


def ok_health(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
        return connection.getresponse().status == 200
    finally:
        connection.close()


def wait_for_a_fresh_window(client_address: str, group: str):
    """Start the burst early in the rate limit's window, so that the whole burst falls in one."""
    sys.path.insert(0, str(ROOT))
    from django_ratelimit.core import _get_window  # the library's own window arithmetic

    ends = _get_window(client_address, 60)
    left = ends - time.time()
    if left < 15:
        time.sleep(left + 1)
    return group


def run_checks(env, tmp: Path, checks: Checks):
    print("X-Forwarded-For forms (from 127.0.0.2):")
    forms_client = Client("127.0.0.2")
    for name, value in FORWARDED_FORMS.items():
        headers = {} if value is None else {"X-Forwarded-For": value}
        for path in ["/search/?q=%E4%BC%9A%E8%AE%AE", "/api/articles/?q=%E4%BC%9A%E8%AE%AE", "/"]:
            status, _, _ = forms_client.request("GET", path, headers=headers)
            checks.check(f"{name}: {path} answers 200", status == 200, f"status {status}")

    print("absolute URLs name the configured origin:")
    status, _, body = forms_client.request("GET", "/api/articles/?page_size=1", headers={"Host": "127.0.0.1:9999"})
    checks.check("a forged Host is refused or ignored", status == 400 or (
        status == 200 and json.loads(body)["next"].startswith(f"http://127.0.0.1:{PORT}/")), f"{status} {body[:120]}")
    status, _, body = forms_client.request("GET", "/api/articles/?page_size=1")
    checks.check("the API's next link is on the site's origin",
                 status == 200 and json.loads(body)["next"].startswith(f"http://127.0.0.1:{PORT}/"), body[:120])

    print("wrong passwords from one client (127.0.0.4), the right one from another (127.0.0.5):")
    stranger, chief = Client("127.0.0.4"), Client("127.0.0.5")
    codes = [stranger.login("chief", f"wrong-{i}")[0] for i in range(5)]
    checks.check("the fifth wrong password locks the stranger out", codes == [200] * 4 + [429], codes)
    checks.check("the stranger stays locked out, even with the right password",
                 stranger.login("chief", "proxy-Check-8140")[0] == 429)
    status, _ = chief.login("chief", "proxy-Check-8140")
    checks.check("the chief still logs in from another address", status == 302, f"status {status}")
    status, _, page = chief.request("GET", "/admin/")
    checks.check("and reaches the admin", status == 200 and "编辑工作台" in page, f"status {status}")
    attempts = manage(env, "shell", "-c", "from axes.models import AccessAttempt\n"
                      "print(sorted(set(AccessAttempt.objects.values_list('ip_address', flat=True))))").stdout.strip()
    checks.check("the lockout names the client's address, not the proxy's", attempts == "['127.0.0.4']", attempts)

    print(f"a burst of searches from one client (127.0.0.3), limit {LIMIT}/m, a forged X-Forwarded-For each:")
    burst = Client("127.0.0.3")
    wait_for_a_fresh_window("127.0.0.3", "search")
    statuses = [burst.request("GET", f"/search/?q=%E9%95%87{i}", headers={"X-Forwarded-For": f"203.0.113.{i}"})[0]
                for i in range(LIMIT + 10)]
    checks.check(f"exactly {LIMIT} answered, the rest refused (429)",
                 statuses.count(200) == LIMIT and statuses.count(429) == 10, statuses)
    workers = set(re.findall(r"^<(\d+)> GET /search/\?q=%E9%95%87", (tmp / "gunicorn-access.log").read_text(), re.M))
    checks.check("both gunicorn workers answered the burst (the counter is shared)", len(workers) == 2, workers)
    status, _, _ = forms_client.request("GET", "/search/?q=%E9%95%87")
    checks.check("another client is not limited by the first one's burst", status == 200, f"status {status}")


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="newsroom-proxy-check-"))
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{tmp / 'db.sqlite3'}"
    env = production_env(tmp, database_url)
    print(f"proxy check: nginx on 127.0.0.1:{PORT} -> gunicorn (2 workers) on 127.0.0.1:{APP_PORT}; "
          f"database {database_url.split('@')[-1]}", flush=True)
    started = time.perf_counter()
    gunicorn = nginx = None
    checks = Checks()
    try:
        prepare(env)
        gunicorn = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "newsroom/gunicorn.py",
             "--access-logfile", str(tmp / "gunicorn-access.log"),
             "--access-logformat", "%(p)s %(r)s %(s)s",
             "newsroom.wsgi"],
            cwd=ROOT, env=env, stdout=open(tmp / "gunicorn.log", "w"), stderr=subprocess.STDOUT)
        wait_for("gunicorn", lambda: ok_health(APP_PORT))
        conf = tmp / "nginx.conf"
        user = "user root root;" if os.geteuid() == 0 else ""
        conf.write_text(NGINX_CONF.format(user=user, tmp=tmp, port=PORT, app_port=APP_PORT))
        nginx = subprocess.Popen([nginx_binary(), "-p", str(tmp), "-c", str(conf), "-g", "daemon off;"],
                                 stdout=open(tmp / "nginx.out", "w"), stderr=subprocess.STDOUT)
        wait_for("nginx", lambda: ok_health(PORT))
        run_checks(env, tmp, checks)
        errors = (tmp / "gunicorn.log").read_text()
        checks.check("no request raised an error in the app", "Internal Server Error" not in errors
                     and "Traceback" not in errors, errors[-500:])
    finally:
        for process in (nginx, gunicorn):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
    if checks.failed:
        print(f"proxy check: {len(checks.failed)} of {len(checks.held) + len(checks.failed)} checks FAILED; "
              f"logs in {tmp}", flush=True)
        return 1
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"proxy check: all {len(checks.held)} checks held in {time.perf_counter() - started:.0f} s; "
          "nginx and gunicorn stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
