"""gunicorn settings for production: `gunicorn -c newsroom/gunicorn.py newsroom.wsgi`.

Environment: GUNICORN_BIND (default 127.0.0.1:8000), GUNICORN_WORKERS (default 2 x cores + 1),
GUNICORN_THREADS (default 1), GUNICORN_TIMEOUT (default 30).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# Load Django once in the master: workers share its memory. Nothing opens a database connection
# or loads the segmenter at import time, so forking after it is safe.
preload_app = True
max_requests = 5000
max_requests_jitter = 500
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
