"""Settings for newsroom, read from the environment.

Development needs nothing: with no variables set and DJANGO_DEBUG=1 (the Makefile writes it to
`.env`), the site runs on an SQLite file beside manage.py. Production sets DJANGO_DEBUG=0,
DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL; see README.md.
"""

import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from dotenv import load_dotenv

BASE_DIR = Path(__file__).resolve().parent.parent

# A developer's `.env` fills in what the real environment leaves unset; it never overrides it.
load_dotenv(BASE_DIR / ".env", override=False)


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set and DJANGO_DEBUG is off: refusing to start. "
            "Set DJANGO_SECRET_KEY in production, or DJANGO_DEBUG=1 for development "
            "(`make run` writes it to .env)."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-used-with-debug-off"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

# --- Proxies and the client address ---------------------------------------------------------
# How many reverse proxies in front of the app append to X-Forwarded-For (nginx: one). The client
# address is the entry that many places from the right (articles.clientaddress); 0 means the
# connecting address, and the header is ignored. DJANGO_BEHIND_PROXY=1 alone means one proxy.
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", False)
TRUSTED_PROXY_HOPS = env_int("DJANGO_TRUSTED_PROXY_HOPS", 1 if BEHIND_PROXY else 0)
if TRUSTED_PROXY_HOPS < 0:
    raise ImproperlyConfigured(f"DJANGO_TRUSTED_PROXY_HOPS must be 0 or more, not {TRUSTED_PROXY_HOPS}")

INSTALLED_APPS = [
    "newsroom.apps.NewsroomAdminConfig",  # django.contrib.admin, its site guarded (newsroom/admin.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "taggit",
    "django_filters",
    "simple_history",
    "newsroom.apps.AxesConfig",  # axes, named in Chinese
    "csp",
    "django_tasks",
    "newsroom.apps.TasksDatabaseConfig",  # django_tasks_db, named in Chinese
    "articles",
]

MIDDLEWARE = [
    "articles.middleware.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "articles.middleware.CleanQueryMiddleware",
    "articles.caching.RequestContentVersion",
    "articles.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"
ASGI_APPLICATION = "newsroom.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite is the embedded default; PostgreSQL is production (DATABASE_URL=postgres://...).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Editors write concurrently: IMMEDIATE transactions take the write lock up front and the
    # busy timeout makes a second writer wait for it instead of failing at once.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A file, not memory: the browser tests' live server answers from other threads. var/ is
    # ignored by git, so a fresh clone has to make it before SQLite can create the file.
    test_name = env_str("DJANGO_TEST_DATABASE_NAME", str(BASE_DIR / "var" / "test.sqlite3"))
    Path(test_name).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["TEST"] = {"NAME": test_name}
else:
    DATABASES["default"]["TEST"] = {"NAME": env_str("DJANGO_TEST_DATABASE_NAME") or None}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
# Pages and figures ("default"): Redis when REDIS_URL is set, else each process's memory, which
# is still correct since every entry is keyed by the content version kept in the database.
# Rate-limit counters ("ratelimit") must be shared by every worker and server: Redis when
# REDIS_URL is set, else a table in the database (created by a migration) with an atomic incr.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsroom",
            "TIMEOUT": env_int("PAGE_CACHE_SECONDS", 300),
        },
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsroom-rl",
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "newsroom",
            "TIMEOUT": env_int("PAGE_CACHE_SECONDS", 300),
        },
        "ratelimit": {
            "BACKEND": "newsroom.cache.CounterCache",
            "LOCATION": "newsroom_ratelimit_cache",
            # A counter lives for its window (at most an hour here); expired rows go first when
            # the table is culled, and the row count is read on every write, so keep it small.
            "TIMEOUT": 3600,
            "OPTIONS": {"MAX_ENTRIES": 20000, "CULL_FREQUENCY": 4},
        },
    }
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0 if DEBUG else 300)

# --- Auth -----------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin logins: five failures per user name and address lock that pair out for 15 minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_CLIENT_IP_CALLABLE = "articles.clientaddress.client_ip"

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
# Chinese for the packages that ship none (django-axes, django-tasks-db).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# Uploaded PDFs, page images and photos: local files by default; S3-compatible object storage
# (django-storages) when NEWSROOM_S3_BUCKET is set. They are never served from MEDIA_URL directly:
# articles.views.pages streams them, so an unpublished issue's pages stay private.
MEDIA_ROOT = Path(env_str("NEWSROOM_MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
MEDIA_URL = "/media/"
S3_BUCKET = env_str("NEWSROOM_S3_BUCKET")
if S3_BUCKET:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("NEWSROOM_S3_ENDPOINT_URL") or None,
            "region_name": env_str("NEWSROOM_S3_REGION") or None,
            "access_key": env_str("NEWSROOM_S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("NEWSROOM_S3_SECRET_ACCESS_KEY") or None,
            "location": env_str("NEWSROOM_S3_PREFIX", "newsroom"),
            "default_acl": None,
            "file_overwrite": False,
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

# Uploads of issue text: a file over this size is refused while it is being received (the
# upload handler stops keeping it at the limit), with a clear message; the importer checks again.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 20 * 1024 * 1024)
FILE_UPLOAD_HANDLERS = [
    "articles.uploadlimits.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
FILE_UPLOAD_MAX_MEMORY_SIZE = IMPORT_MAX_BYTES + 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

# --- Background work -----------------------------------------------------------------------
# Reading a PDF, rendering its pages and taking out its photos run in a worker (`manage.py
# worker`, which `make run` starts), never in a web request. The queue is a database table by
# default; with REDIS_URL, RQ in Redis, so the workers of several machines share one queue.
if REDIS_URL:
    INSTALLED_APPS[INSTALLED_APPS.index("articles"):0] = ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 1800}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# --- Security -------------------------------------------------------------------------------
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("DJANGO_CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if BEHIND_PROXY:
    # The proxy terminates TLS and says so; it passes the Host header on (proxy_set_header Host
    # $host), so X-Forwarded-Host, which a client could write, is not trusted.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Where the site is, for every absolute URL it writes (API links, feeds, sitemap, canonical and
# Open Graph tags): never taken from a request's Host or X-Forwarded-Host, so no request can put
# another origin into a page that is cached for every reader. In production it defaults to the
# first allowed host; in development, with it unset, the request's own origin is used (and is
# part of the page cache's key).
SITE_URL = env_str("DJANGO_SITE_URL").strip().rstrip("/")
if not SITE_URL and not DEBUG and ALLOWED_HOSTS:
    if ALLOWED_HOSTS[0] == "*" or ALLOWED_HOSTS[0].startswith("."):
        raise ImproperlyConfigured(
            f"DJANGO_ALLOWED_HOSTS starts with the pattern {ALLOWED_HOSTS[0]!r}: set DJANGO_SITE_URL "
            "(e.g. https://news.example.org), the origin absolute URLs are written with.")
    SITE_URL = f"{'https' if SECURE_SSL_REDIRECT else 'http'}://{ALLOWED_HOSTS[0]}"
if SITE_URL and not re.fullmatch(r"https?://[^/?#\s]+", SITE_URL):
    raise ImproperlyConfigured(f"DJANGO_SITE_URL must be an origin such as https://news.example.org, not {SITE_URL!r}")

# Everything the pages need is served by the site itself: no CDN, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Rate limits for the public search and API, per client address (the one the login lockouts
# use), counted in the cache every worker shares.
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
RATELIMIT_SEARCH = env_str("RATELIMIT_SEARCH", "60/m")
RATELIMIT_API = env_str("RATELIMIT_API", "120/m")
# 报告错误: a reader with several corrections sends several; a robot is stopped soon.
RATELIMIT_REPORT = env_str("RATELIMIT_REPORT", "6/h")
RATELIMIT_VIEW = "articles.views.errors.ratelimited"
RATELIMIT_USE_CACHE = "ratelimit"
RATELIMIT_IP_META_KEY = "articles.clientaddress.client_ip"

# --- Tags -----------------------------------------------------------------------------------
TAGGIT_CASE_INSENSITIVE = True
TAGGIT_TAGS_FROM_STRING = "articles.tagparsing.tags_from_string"
TAGGIT_STRING_FROM_TAGS = "articles.tagparsing.tags_to_string"

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"client": {"()": "articles.clientaddress.ClientLogFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(client)s] %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["client"]}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "newsroom": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING"), "propagate": False},
    },
}

LOGIN_URL = "admin:login"
SITE_NAME = env_str("NEWSROOM_SITE_NAME", "社区报数字档案")
