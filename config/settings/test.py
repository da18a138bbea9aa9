from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AXES_ENABLED = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Jobs run eagerly, in the test's own process and database (one CI test runs a real worker on Redis).
HUEY = {**HUEY_COMMON, "huey_class": "huey.MemoryHuey", "immediate": True}  # noqa: F405
# Files that jobs store (uploads, exports) go to a throw-away folder.
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
