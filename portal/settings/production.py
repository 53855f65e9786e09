"""Production: refuses to start without a SECRET_KEY, with DEBUG on or with a per-process cache;
Django's deployment checklist."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CACHES, DEBUG, SECRET_KEY, TRUSTED_PROXIES, env_bool

if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production (unset DEBUG or set DEBUG=false).")
if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set to a random value of at least 50 characters.")

# Caching: several gunicorn workers must share one cache, or each keeps its own content version
# (stale pages after a change) and its own rate-limit counts (each worker allows the full limit).
PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
}
for alias, variable in (("default", "CACHE"), ("ratelimit", "RATELIMIT_CACHE")):
    if CACHES[alias]["BACKEND"] in PER_PROCESS_CACHES:
        raise ImproperlyConfigured(
            f"{variable}_BACKEND is {CACHES[alias]['BACKEND']}, which each process keeps to itself: set "
            f"{variable}_BACKEND=portal.core.shared_cache.FailSoftRedisCache and {variable}_LOCATION "
            "to a Redis URL (see the README)."
        )
if CACHES["ratelimit"]["LOCATION"] == CACHES["default"]["LOCATION"]:
    raise ImproperlyConfigured(
        "RATELIMIT_CACHE_LOCATION must not be the page cache's CACHE_LOCATION: pages would evict the "
        "rate-limit counts. Use a Redis that evicts nothing (see the README)."
    )

# Only a proxy of ours may say the visitor used HTTPS; with none, anyone could send the header.
if TRUSTED_PROXIES > 0:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
