"""Settings shared by every environment. DATABASE_URL chooses SQLite or PostgreSQL."""

import os
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="dev-insecure-canbo-key-change-me")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "auditlog",
    "axes",
    "csp",
    "huey.contrib.djhuey",
    "canbo.core",
    "canbo.jobs",
    "canbo.accounts",
    "canbo.org",
    "canbo.people",
    "canbo.dossier",
    "canbo.nationaldb",
    "canbo.imports",
    "canbo.reports",
    "canbo.evaluation",
    "canbo.training",
    "canbo.standards",
    "canbo.planning",
    "canbo.movements",
    "canbo.notifications",
    "canbo.discipline",
    "canbo.staffing",
    "canbo.emulation",
    "canbo.feedback",
    "canbo.party",
    "canbo.surveys",
    "canbo.salary",
    "canbo.statforms",
    "canbo.decisions",
    "canbo.profileforms",
    "canbo.legal",
    "canbo.home",
    "canbo.demo",  # no models: its management commands load_demo and demo_logins
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "canbo.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "canbo.core.middleware.AuditlogMiddleware",
    "axes.middleware.AxesMiddleware",
    "csp.middleware.CSPMiddleware",
    "canbo.core.middleware.NoStoreMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "django.template.context_processors.i18n",
                "canbo.accounts.context_processors.roles",
                "canbo.home.context_processors.navigation",
            ],
        },
    },
]

if not env("DATABASE_URL", default=""):
    os.environ.pop("DATABASE_URL", None)  # an empty value means the SQLite default
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'canbo.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compilation costs more than these short aggregate queries save (measured in benchmarks/).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions end after 8 working hours or when the browser closes.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
CSRF_FAILURE_VIEW = "canbo.core.errors.csrf_failure"  # the Vietnamese page, saying what was missing

# Login throttling (django-axes): 5 failures per user and address lock for 30 minutes.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_RESET_ON_SUCCESS = True
# The client's address (throttling, audit rows) is the X-Forwarded-For entry written by the outermost of
# PROXY_COUNT trusted proxies, never one the client wrote; REMOTE_ADDR with no proxy (decision 016).
PROXY_COUNT = env.int("DJANGO_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "canbo.core.client_ip.client_ip"

# Content-Security-Policy on every answer (django-csp): only the app's own files run, no inline script or
# style, no framing (decision 016). The API docs view alone allows its page's one inline <style> block.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

LANGUAGE_CODE = "vi"
# Vietnamese only: a half-translated English interface misled more than it helped (decision 026).
LANGUAGES = [("vi", "Tiếng Việt")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["canbo.core.formats"]
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# WhiteNoise serves /static/ from the app itself (decision 015). Outside production it reads the source folders
# (no collectstatic, new files seen without a restart); production serves the collected, hashed, compressed files.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
MEDIA_URL = "media/"

# Stored files go through Django's storage API (default_storage): the file system under MEDIA_ROOT, or an
# S3-compatible object store when CANBO_STORAGE=s3. Objects are private: no public URL, only short-lived signed
# ones, and a name is never overwritten. `manage.py backup` copies them through the same API.
CANBO_STORAGE = env("CANBO_STORAGE", default="filesystem")
if CANBO_STORAGE == "s3":
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "access_key": env("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "signature_version": "s3v4",
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 300,  # seconds a signed link works
            "custom_domain": None,
            "file_overwrite": False,
        },
    }
elif CANBO_STORAGE == "filesystem":
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
else:
    raise environ.ImproperlyConfigured(f"CANBO_STORAGE must be “filesystem” or “s3”, not “{CANBO_STORAGE}”.")
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads: spreadsheets up to 20 MB; bigger files are refused with a message.
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=20 * 1024 * 1024)
# What a workbook may unpack to, checked on the zip directory before parsing (decompression bombs), and its size.
IMPORT_MAX_PART_BYTES = env.int("IMPORT_MAX_PART_BYTES", default=150 * 1024 * 1024)
IMPORT_MAX_UNCOMPRESSED_BYTES = env.int("IMPORT_MAX_UNCOMPRESSED_BYTES", default=300 * 1024 * 1024)
IMPORT_MAX_RATIO = env.int("IMPORT_MAX_RATIO", default=100)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=500_000)
IMPORT_MAX_COLUMNS = env.int("IMPORT_MAX_COLUMNS", default=200)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://canbo")}

# Task queue (Huey, decision 014): Redis when REDIS_URL is set (production, CI), else an SQLite file next to the
# database, so a fresh machine needs no broker. `manage.py run_huey` is the worker; it also runs the schedule.
REDIS_URL = env("REDIS_URL", default="")
HUEY_COMMON = {
    "name": "canbo",
    "immediate": env.bool("HUEY_IMMEDIATE", default=False),
    "utc": False,  # crontab hours in TIME_ZONE (Django sets the process's TZ)
    "consumer": {"workers": env.int("HUEY_WORKERS", default=2), "worker_type": "thread"},
}
if REDIS_URL:
    from redis import ConnectionPool

    # Huey refuses a URL together with connection options: the pool carries both (a dead broker fails in 2 s).
    HUEY = {
        **HUEY_COMMON,
        "huey_class": "huey.RedisHuey",
        "connection_pool": ConnectionPool.from_url(REDIS_URL, socket_connect_timeout=2),
    }
else:
    HUEY_SQLITE_PATH = Path(env("HUEY_SQLITE_PATH", default=str(BASE_DIR / "var" / "huey.sqlite3")))
    HUEY_SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)  # Huey creates its tables on start-up
    HUEY = {**HUEY_COMMON, "huey_class": "huey.SqliteHuey", "filename": str(HUEY_SQLITE_PATH)}
# The daily reminders run at this local hour (0–23) and minute.
# The national database of CBCCVC (NĐ 27/2026; canbo.nationaldb): its address (empty: nothing is sent, items
# wait), the seconds to wait for an answer, the items per request, an adapter class instead of the HTTP one, and
# the electronic-signature adapter applied when a batch is approved.
NATIONAL_DB_URL = env("NATIONAL_DB_URL", default="")
NATIONAL_DB_TIMEOUT = env.float("NATIONAL_DB_TIMEOUT", default=10.0)
NATIONAL_DB_BATCH_SIZE = env.int("NATIONAL_DB_BATCH_SIZE", default=200)
NATIONAL_DB_CLIENT = env("NATIONAL_DB_CLIENT", default="")
# the adapter to the national API (canbo.nationaldb.adapter.NationalDbApiClient): credentials, retries, paths
NATIONAL_DB_TOKEN_URL = env("NATIONAL_DB_TOKEN_URL", default="")
NATIONAL_DB_CLIENT_ID = env("NATIONAL_DB_CLIENT_ID", default="")
NATIONAL_DB_CLIENT_SECRET = env("NATIONAL_DB_CLIENT_SECRET", default="")
NATIONAL_DB_RETRIES = env.int("NATIONAL_DB_RETRIES", default=2)
NATIONAL_DB_PATHS = env.json("NATIONAL_DB_PATHS", default={})
NATIONAL_DB_SIGNER = env("NATIONAL_DB_SIGNER", default="canbo.nationaldb.client.NoSignature")

REMINDERS_HOUR = env.int("REMINDERS_HOUR", default=6)
REMINDERS_MINUTE = env.int("REMINDERS_MINUTE", default=0)
# A running job whose worker has not signalled for this many seconds is retried or marked failed.
JOB_STALE_SECONDS = env.int("JOB_STALE_SECONDS", default=120)
JOB_MAX_ATTEMPTS = env.int("JOB_MAX_ATTEMPTS", default=2)
# A job is stopped with a message past this time, or when its worker passes this resident memory.
JOB_TIME_LIMIT_SECONDS = env.int("JOB_TIME_LIMIT_SECONDS", default=30 * 60)
JOB_MEMORY_LIMIT_MB = env.int("JOB_MEMORY_LIMIT_MB", default=4096)
# Generated files (exports) are deleted after this many days: they carry personal data.
JOB_RESULT_DAYS = env.int("JOB_RESULT_DAYS", default=7)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "canbo.accounts.tokens.ApiTokenAuthentication",  # programs: one indexed lookup (docs/api-tokens.md)
        "rest_framework.authentication.BasicAuthentication",  # verifies Argon2 on every request: slow
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "canbo.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Canbo API",
    "DESCRIPTION": "API quản lý cán bộ, công chức, viên chức",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = False

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
SPECTACULAR_SETTINGS.update(
    {"SWAGGER_UI_DIST": "SIDECAR", "SWAGGER_UI_FAVICON_HREF": "SIDECAR", "REDOC_DIST": "SIDECAR"}
)
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"] = {
    "PersonStatusEnum": "canbo.people.choices.PersonStatus",
    "AdminLevelEnum": "canbo.org.models.AdminLevel",
    "UnitKindEnum": "canbo.org.models.UnitKind",
    "AppointmentKindEnum": "canbo.movements.choices.AppointmentKind",
    "AppointmentStatusEnum": "canbo.movements.choices.AppointmentStatus",
    "MovementKindEnum": "canbo.movements.choices.MovementKind",
    "PlanStatusEnum": "canbo.training.choices.PlanStatus",
    "StudyStatusEnum": "canbo.training.choices.StudyStatus",
    "EnrolmentResultEnum": "canbo.training.choices.EnrolmentResult",
    "ProgrammeKindEnum": "canbo.training.choices.ProgrammeKind",
    "DisciplineFormEnum": "canbo.discipline.models.DisciplineForm",
    "SalaryChangeKindEnum": "canbo.salary.models.ChangeKind",
    "SalaryAllowanceKindEnum": "canbo.salary.models.AllowanceKind",
    "DisciplineCaseStatusEnum": "canbo.discipline.models.CaseStatus",
    "DeferralReasonEnum": "canbo.discipline.models.DeferralReason",
    "FeedbackChannelEnum": "canbo.feedback.models.Channel",
    "FeedbackStatusEnum": "canbo.feedback.models.FeedbackStatus",
    "FeedbackConclusionEnum": "canbo.feedback.models.Conclusion",
    "SurveyPurposeEnum": "canbo.surveys.choices.SurveyPurpose",
    "SurveyStatusEnum": "canbo.surveys.choices.SurveyStatus",
    "QuestionKindEnum": "canbo.surveys.choices.QuestionKind",
    "RatingLevelEnum": "canbo.evaluation.models.RatingLevel",
    "QuotaKindEnum": "canbo.staffing.choices.QuotaKind",
    "DownsizingReasonEnum": "canbo.staffing.choices.DownsizingReason",
    "DownsizingPolicyEnum": "canbo.staffing.choices.DownsizingPolicy",
    "StreamliningStatusEnum": "canbo.staffing.choices.CaseStatus",
    "PartyStatusEnum": "canbo.party.choices.PartyStatus",
    "AwardFormEnum": "canbo.emulation.choices.AwardForm",
    "RecipientKindEnum": "canbo.emulation.choices.RecipientKind",
    "RatingCampaignStatusEnum": "canbo.evaluation.models.CampaignStatus",
    "RatingSheetStatusEnum": "canbo.evaluation.models.SheetStatus",
}

# A PostgreSQL streaming replica for report runs and list pages (docs/deployment.md, canbo/core/db_router.py):
# unset, nothing changes. Writes, transactions and a browser's reads for DATABASE_REPLICA_PIN_SECONDS after
# it wrote stay on the primary. In tests the alias reads the test database through its own connection (MIRROR
# only swaps the database NAME, so the connection still goes to the replica's host and port).
DATABASE_REPLICA_URL = env("DATABASE_REPLICA_URL", default="")
DATABASE_REPLICA_PIN_SECONDS = env.int("DATABASE_REPLICA_PIN_SECONDS", default=10)
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = env.db_url_config(DATABASE_REPLICA_URL)
    DATABASES["replica"]["ATOMIC_REQUESTS"] = False
    # The primary's connection options (jit=off), unless the replica's URL sets its own.
    DATABASES["replica"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        **DATABASES["replica"].get("OPTIONS", {}),
    }
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["canbo.core.db_router.PrimaryReplicaRouter"]
    MIDDLEWARE.append("canbo.core.db_router.ReadYourWritesMiddleware")
