"""Gunicorn's settings for `make serve` (decision 015); gunicorn also reads this file by itself from the cwd.

HOST:PORT to bind (127.0.0.1:8000: the reverse proxy in front terminates TLS); WEB_CONCURRENCY workers, else
2 × CPUs + 1; GUNICORN_TIMEOUT seconds per request (60). The access log goes to stdout, errors to stderr, for
the service manager (systemd, a container runtime) to collect.
"""

import os


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the CPUs this process may use (containers, taskset)
    except AttributeError:
        return os.cpu_count() or 1


wsgi_app = "config.wsgi:application"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * _cpus() + 1)
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# A worker is replaced after about a thousand requests, so a slow leak cannot grow for weeks.
max_requests = 1000
max_requests_jitter = 100
accesslog = "-"
errorlog = "-"
# The usual combined format, then the time spent in milliseconds.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
