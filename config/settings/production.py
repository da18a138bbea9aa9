"""Production: every secret from the environment; passes `manage.py check --deploy` with no warning.

Required: DJANGO_SECRET_KEY (50+ random characters), DJANGO_ALLOWED_HOSTS, DATABASE_URL (PostgreSQL).
The app runs behind a reverse proxy that terminates TLS and sets X-Forwarded-Proto and X-Forwarded-For.
"""

from .base import *  # noqa: F403
from .base import DATABASES, env

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
# A load balancer on the private network asks /healthz over plain HTTP: answer it, do not redirect it.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# One trusted proxy in front: login throttling and the audit rows read the address it appended to
# X-Forwarded-For (canbo.core.client_ip), not the proxy's own and not one the client wrote.
PROXY_COUNT = env.int("DJANGO_PROXY_COUNT", default=1)

CACHES = {"default": env.cache("CACHE_URL", default="filecache:///tmp/canbo-cache")}
# Static files: `collectstatic` writes hashed, compressed copies to STATIC_ROOT (DJANGO_STATIC_ROOT) and a strict
# manifest (a missing referenced file fails the build, not the pages); WhiteNoise lists them once at start-up and
# serves them with far-future cache headers (decision 015).
STORAGES = {
    "default": DEFAULT_STORAGE,  # noqa: F405 - base.py: the file system, or S3 when CANBO_STORAGE=s3
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

if "replica" in DATABASES:  # DATABASE_REPLICA_URL: the same persistent connections as the primary
    DATABASES["replica"]["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False
