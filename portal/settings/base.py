"""Settings shared by every environment. Everything deploy-specific is read from the environment;
the README's table lists each variable."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PORTAL_DIR = BASE_DIR / "portal"


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal.core",
    "portal.taxonomy",
    "portal.listings",
    "portal.home",
    "portal.outbox",
    "portal.worker",
    "resources",
    "placements",
    "hosts",
    "directory",
    "stories",
    "events",
    "publishing",
    "selfreview",
    "feedback",
    "search",
    # Email alerts, Atom feeds and reminders (alerts); shortlists and printable packs (shortlists).
    "alerts",
    "shortlists",
    # The demo content and its `load_demo_content` command; no other app imports it.
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.core.middleware.PortalCSPMiddleware",
    "portal.core.middleware.PermissionsPolicyMiddleware",
    # Database down: a plain 503. Inside the header middleware (the 503 keeps its headers), outside
    # everything that may query (sessions, sign-in, redirects, the page cache, the views).
    "portal.core.middleware.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.core.caching.PublicCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A 404 for admin URLs naming another person's draft page or upload by id (publishing.drafts).
    "publishing.drafts.AdminDraftGuard",
    # Turns a blocked rate limit into RATELIMIT_VIEW's 429 page (django-ratelimit).
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite by default so `make run` needs nothing else; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while a request writes (search terms, requests for places), and
    # NORMAL sync is safe with WAL; without it every small write waits for the disk.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    # Every write transaction takes the write lock when it begins (BEGIN IMMEDIATE), so two
    # officers deciding at once queue for up to `timeout` seconds instead of one failing with
    # "database is locked" when a read lock cannot be upgraded.
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    DATABASES["default"]["OPTIONS"]["timeout"] = float(os.environ.get("SQLITE_BUSY_TIMEOUT", "20"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [PORTAL_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": os.environ.get("MEDIA_STORAGE", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Background tasks and email ---------------------------------------------------------------------
# Tasks (email delivery, search-index writes, Wagtail's own index updates, rebuilds) are stored
# in the database by django-tasks-db and run by `manage.py db_worker --queue-name '*'`, as many
# as you like on as many machines (a worker claims a task with SELECT ... FOR UPDATE SKIP LOCKED).
# QUEUES is empty so each app may name its own queue. docs/background-tasks.md explains the rest.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": [],
    },
    # Facet indexes and booklet PDFs (portal.listings.index_builds, directory.booklet): built by the
    # worker and shared through the cache in production. Development keeps its cache in each
    # process, so it builds them in the process that made the change instead (dev.py).
    "builds": {
        "BACKEND": os.environ.get(
            "BUILDS_TASKS_BACKEND", os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
        ),
        "QUEUES": [],
    },
}
# Every email goes through portal.outbox.queue_email: saved with the change it is about, sent by a
# task. A failed attempt is retried OUTBOX_MAX_ATTEMPTS times in all, waiting OUTBOX_RETRY_SECONDS,
# then twice that, and so on (capped at six hours); then editors see it under "Outgoing email".
OUTBOX_MAX_ATTEMPTS = int(os.environ.get("OUTBOX_MAX_ATTEMPTS", "8"))
OUTBOX_RETRY_SECONDS = int(os.environ.get("OUTBOX_RETRY_SECONDS", "60"))
# Sent and abandoned messages (which hold names and addresses) are deleted after this many days by
# `manage.py purge_outbox`, run daily.
OUTBOX_RETENTION_DAYS = int(os.environ.get("OUTBOX_RETENTION_DAYS", "30"))
# How long an attempt may go on before another worker assumes its worker died and sends again
# (requeue_email); 0 means 12 × EMAIL_TIMEOUT + 60 s, longer than any attempt that is still alive.
OUTBOX_LEASE_SECONDS = int(os.environ.get("OUTBOX_LEASE_SECONDS", "0"))
# A task RUNNING for longer than this has lost its worker (killed, machine lost): requeue_stale_tasks
# queues it again, up to TASK_MAX_CLAIMS claims in all. Longer than any task takes (the booklet
# PDFs take a few minutes on a busy machine).
TASK_STALE_MINUTES = int(os.environ.get("TASK_STALE_MINUTES", "30"))
TASK_MAX_CLAIMS = int(os.environ.get("TASK_MAX_CLAIMS", "3"))
# Seconds Django's SMTP backend waits on the mail server per operation (connect, each command).
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "10"))
# Django's mail API queues into the outbox too (Wagtail's notices, password resets); the
# EMAIL_BACKEND variable names the backend that really sends, used by the delivery task.
EMAIL_BACKEND = "portal.outbox.backends.OutboxBackend"
OUTBOX_EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "careers-portal@example.org")

# --- Caching -------------------------------------------------------------------------------------
# Two caches. "default" holds pages, fragments, cards and the content version: anything in it may
# be evicted. "ratelimit" holds django-ratelimit's counters, which must never be evicted (an evicted
# counter is a reset limit), so it is a cache of its own: in production a Redis that evicts nothing
# (docs/deployment.md). Local memory serves one process (`make run`, tests); production refuses it.
# portal.core.shared_cache.FailSoftRedisCache answers as an empty cache while Redis is down.
LOCAL_MEMORY_CACHE = "django.core.cache.backends.locmem.LocMemCache"
FAIL_SOFT_REDIS_CACHE = "portal.core.shared_cache.FailSoftRedisCache"


def cache_from_env(prefix: str, location: str, **fail_soft_options: object) -> dict[str, object]:
    backend = os.environ.get(f"{prefix}_BACKEND", LOCAL_MEMORY_CACHE)
    options = fail_soft_options if backend == FAIL_SOFT_REDIS_CACHE else {}
    if backend == LOCAL_MEMORY_CACHE and prefix == "RATELIMIT_CACHE":
        options = {"MAX_ENTRIES": 1_000_000}  # never culled in practice
    return {
        "BACKEND": backend,
        "LOCATION": os.environ.get(f"{prefix}_LOCATION", location),
        "OPTIONS": options,
    }


CACHES = {
    "default": cache_from_env("CACHE", "portal"),
    # While Redis is down, counts go to each process's memory: limits hold per worker.
    "ratelimit": cache_from_env("RATELIMIT_CACHE", "portal-ratelimit", LOCAL_FALLBACK=True),
}
RATELIMIT_USE_CACHE = "ratelimit"
# If even the fallback fails, forms stay open (logged by the cache) rather than all answering 429.
RATELIMIT_FAIL_OPEN = True
# --- end of caching ------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail runs search-index and reference-index updates as tasks; their INFO lines are noise.
        "django_tasks": {"level": "WARNING"},
        # Wagtail logs every page action at INFO; the audit log in the database keeps them anyway.
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
    },
}

# Security headers. Public pages: no inline script or style at all. Videos play only from
# no-cookie hosts, and only after the visitor asks (see stories).
VIDEO_FRAME_HOSTS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *VIDEO_FRAME_HOSTS],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# The Wagtail admin needs inline styles and scripts; it is only for signed-in staff.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
    }
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# DENY: Wagtail's preview views set SAMEORIGIN on themselves, so live preview still works.
X_FRAME_OPTIONS = "DENY"

# Wagtail
WAGTAIL_SITE_NAME = "Stockton Careers Portal"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Resource files are office documents and PDFs only: no SVG, HTML or archives that could carry script.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "pptx", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_BYTES", str(20 * 1024 * 1024)))
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every document is a download (Content-Disposition: attachment), never a page in the browser.
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: it would send a hash of every officer's email address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Elasticsearch is optional: unset means the database engine answers every search.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "portal")

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Resources, placements and services not reviewed within this many months are reported as stale.
CONTENT_REVIEW_MONTHS = int(os.environ.get("CONTENT_REVIEW_MONTHS", "12"))

# Public forms are rate limited with django-ratelimit (`@ratelimit(key="ip", rate=..., block=True)`);
# a blocked request gets this view's 429 page. Counts live in the "ratelimit" cache (above).
RATELIMIT_VIEW = "portal.core.views.rate_limited"
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
# How many proxies in front of the portal append to X-Forwarded-For (0: trust only REMOTE_ADDR).
TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
RATELIMIT_IP_META_KEY = "portal.core.proxy.client_address"

# Placements (work-placement directory): a listing not confirmed by its host team for
# PLACEMENT_CONFIRM_EVERY_DAYS is flagged to the team in the admin; after PLACEMENT_EXPIRE_AFTER_DAYS
# it leaves the public directory and cannot be requested until confirmed again. Requesters'
# contact details are removed PLACEMENT_REQUEST_RETENTION_MONTHS after the window ends
# (`manage.py purge_placement_requests`, run daily).
PLACEMENT_CONFIRM_EVERY_DAYS = int(os.environ.get("PLACEMENT_CONFIRM_EVERY_DAYS", "90"))
PLACEMENT_EXPIRE_AFTER_DAYS = int(os.environ.get("PLACEMENT_EXPIRE_AFTER_DAYS", "180"))
PLACEMENT_REQUEST_RETENTION_MONTHS = int(os.environ.get("PLACEMENT_REQUEST_RETENTION_MONTHS", "12"))

# Hosts (local employers): declined applications to host are deleted this many days after the
# decision (`manage.py purge_host_applications`). Reports count "two weeks' worth" of experiences
# of work for year groups of this size (docs/encounters.md).
HOST_APPLICATION_RETENTION_DAYS = int(os.environ.get("HOST_APPLICATION_RETENTION_DAYS", "90"))
YEAR_GROUP_SIZE = int(os.environ.get("YEAR_GROUP_SIZE", "2600"))

# Publishing (roles, school contributors, impact dashboard). School staff whose email domain is
# listed here become contributors as soon as they confirm their address; other requests wait for
# an editor. Requests never approved are deleted after CONTRIBUTOR_REQUEST_RETENTION_DAYS by
# `manage.py purge_contributor_requests`.
CONTRIBUTOR_AUTO_APPROVE_DOMAINS = [d.lower() for d in env_list("CONTRIBUTOR_AUTO_APPROVE_DOMAINS")]
CONTRIBUTOR_VERIFY_MAX_AGE_HOURS = int(os.environ.get("CONTRIBUTOR_VERIFY_MAX_AGE_HOURS", "48"))
CONTRIBUTOR_REQUEST_RETENTION_DAYS = int(os.environ.get("CONTRIBUTOR_REQUEST_RETENTION_DAYS", "30"))

# Search (search app): Elasticsearch answers within this many seconds or the database engine does;
# replicas per index (0 suits the single-node docker-compose cluster).
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "1.0"))
# Index writes (rebuilds, bulk writes, alias changes) wait longer and retry; after a connection
# error or timeout a process leaves the cluster alone for ELASTICSEARCH_RETRY_AFTER seconds.
ELASTICSEARCH_WRITE_TIMEOUT = float(os.environ.get("ELASTICSEARCH_WRITE_TIMEOUT", "30"))
ELASTICSEARCH_RETRY_AFTER = float(os.environ.get("ELASTICSEARCH_RETRY_AFTER", "30"))
ELASTICSEARCH_REPLICAS = int(os.environ.get("ELASTICSEARCH_REPLICAS", "0"))
# Daily search-term counts older than this are deleted by `manage.py prune_search_terms`.
SEARCH_TERM_RETENTION_DAYS = int(os.environ.get("SEARCH_TERM_RETENTION_DAYS", "400"))
# /search/ and /api/search/ per address (django-ratelimit's rate), and how many distinct new terms
# one day may add to the search-terms table (docs/security.md).
SEARCH_RATE_LIMIT = os.environ.get("SEARCH_RATE_LIMIT", "120/m")
SEARCH_NEW_TERMS_PER_DAY = int(os.environ.get("SEARCH_NEW_TERMS_PER_DAY", "1000"))

# Anonymous pages: browsers may reuse them for this long, shared caches for five times as long;
# the server-side page cache is invalidated by any change in these apps (portal.core.caching).
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "60"))
CACHE_INVALIDATING_APPS = [
    "portal.taxonomy",
    "portal.home",
    "resources",
    "placements",
    "directory",
    "stories",
    "events",
]

# Directory (services for schools, the booklet, post-16 options, Open Referral UK API). Referral
# enquiries keep the school contact's details for this many months, then
# `manage.py purge_referral_enquiries` (run daily) removes them and keeps the counts.
DIRECTORY_ENQUIRY_RETENTION_MONTHS = int(os.environ.get("DIRECTORY_ENQUIRY_RETENTION_MONTHS", "12"))
# WeasyPrint reports every step of building the booklet PDF at INFO.
LOGGING["loggers"]["weasyprint"] = {"level": "WARNING"}
