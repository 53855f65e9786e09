# One image for docker-compose's web, worker and scheduler services: Python 3.12, WeasyPrint's
# system libraries, the locked runtime packages (requirements.lock pins every version; the dev
# tools in it are not installed), the code, and static files collected at build time. Runs as an
# unprivileged user that can write only to /srv/media (uploads) and /tmp.
#
#   docker build -t stockton-careers-portal .
FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PATH=/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=portal.settings.production \
    STATIC_ROOT=/app/static \
    MEDIA_ROOT=/srv/media \
    XDG_CACHE_HOME=/tmp/cache

# Pango, HarfBuzz, fontconfig and a metric-compatible Arial for the booklet PDF: the same list as
# `make run` checks for (scripts/ensure-system-packages installs whatever is missing as root).
COPY scripts/ensure-system-packages /tmp/ensure-system-packages
RUN /tmp/ensure-system-packages \
    && rm -rf /var/lib/apt/lists/* /tmp/ensure-system-packages

# Dependencies first, so a code change does not reinstall them: the runtime dependencies named in
# pyproject.toml, at exactly the versions in requirements.lock.
WORKDIR /app
COPY pyproject.toml requirements.lock /app/
RUN python -m venv /venv \
    && python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/runtime.txt \
    && /venv/bin/pip install --quiet -c requirements.lock -r /tmp/runtime.txt \
    && rm /tmp/runtime.txt

COPY . /app

# Static files into the image (hashed names, compressed copies; served by whitenoise). The
# production settings insist on a secret key and shared caches: throwaway values, only for this
# step (collectstatic signs nothing and connects to nothing).
RUN SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(60))')" \
    CACHE_BACKEND=portal.core.shared_cache.FailSoftRedisCache \
    CACHE_LOCATION=redis://build-only-cache:6379/0 \
    RATELIMIT_CACHE_BACKEND=portal.core.shared_cache.FailSoftRedisCache \
    RATELIMIT_CACHE_LOCATION=redis://build-only-ratelimit:6379/0 \
    python manage.py collectstatic --noinput --verbosity 0 \
    && python -m compileall -q /app \
    && useradd --system --uid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin portal \
    && mkdir -p /srv/media \
    && chown portal:portal /srv/media

USER portal
EXPOSE 8000
# Sync workers: each request is short (anything slow runs as a task in the worker service).
CMD ["gunicorn", "portal.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "30", "--access-logfile", "-"]
