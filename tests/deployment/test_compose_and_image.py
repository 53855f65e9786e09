"""docker-compose.yml and the Dockerfile, read as Docker would read them (no Docker engine here):
one image for web, worker and scheduler, what each service runs and waits for, and the caches and
Elasticsearch as production needs them."""

import re
import shlex
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def instructions(name: str) -> list[str]:
    """The arguments of every `NAME` instruction, continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return [line.split(None, 1)[1] for line in text.splitlines() if line.startswith(f"{name} ")]


@pytest.mark.parametrize(
    "service", ["web", "worker", "builds-worker", "scheduler", "migrate", "search-index"]
)
def test_the_portals_services_run_the_one_image_built_here(service):
    assert SERVICES[service]["build"] == "."
    assert SERVICES[service]["image"] == SERVICES["web"]["image"]
    environment = SERVICES[service]["environment"]
    assert environment["DJANGO_SETTINGS_MODULE"] == "portal.settings.production"
    assert "pip install" not in str(SERVICES[service].get("command", ""))


def test_each_service_runs_its_own_command():
    assert "command" not in SERVICES["web"]  # the image's CMD
    cmd = instructions("CMD")[-1]
    assert cmd.startswith("[") and '"gunicorn", "portal.wsgi"' in cmd and '"--workers", "3"' in cmd
    assert SERVICES["worker"]["command"] == ["python", "manage.py", "db_worker", "--queue-name", "*"]
    assert SERVICES["scheduler"]["command"] == ["python", "-m", "portal.scheduler"]
    assert SERVICES["migrate"]["command"] == ["python", "manage.py", "migrate", "--noinput"]
    assert SERVICES["search-index"]["command"] == ["python", "manage.py", "search_index", "--rebuild"]
    assert (ROOT / "portal" / "scheduler.py").exists()


def test_every_database_task_backend_has_a_worker():
    """A db_worker takes the tasks of one backend only (`--backend`, default "default"): a task
    backend with no worker of its own would queue its tasks for ever (the booklet would never be
    built). Production's backends are the base settings' defaults."""
    from django.utils.module_loading import import_string
    from django_tasks_db.backend import DatabaseBackend

    from portal.settings import base

    database_backends = {
        alias
        for alias, config in base.TASKS.items()
        if issubclass(import_string(config["BACKEND"]), DatabaseBackend)
    }
    served = set()
    for service in SERVICES.values():
        command = service.get("command") or []
        if command[:3] == ["python", "manage.py", "db_worker"]:
            assert command[command.index("--queue-name") + 1] == "*"  # every queue of its backend
            served.add(command[command.index("--backend") + 1] if "--backend" in command else "default")
    assert database_backends == {"default", "builds"}
    assert served == database_backends


def test_web_waits_for_migrations_and_only_for_elasticsearch_and_redis_to_have_started():
    waits = SERVICES["web"]["depends_on"]
    assert waits["migrate"]["condition"] == "service_completed_successfully"
    for optional in ("elasticsearch", "redis", "redis-ratelimit"):
        assert waits[optional]["condition"] == "service_started"
    assert waits.keys() == {"migrate", "elasticsearch", "redis", "redis-ratelimit"}
    for service in ("worker", "builds-worker", "scheduler"):
        assert SERVICES[service]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert SERVICES["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    # Only the index build waits for a healthy cluster, and nothing waits for the index build.
    assert SERVICES["search-index"]["depends_on"]["elasticsearch"]["condition"] == "service_healthy"
    assert not any("search-index" in SERVICES[name].get("depends_on", {}) for name in SERVICES)
    for one_off in ("migrate", "search-index"):
        assert SERVICES[one_off]["restart"] == "no"
    for long_running in (
        "web",
        "worker",
        "builds-worker",
        "scheduler",
        "postgres",
        "elasticsearch",
        "redis",
        "redis-ratelimit",
    ):
        assert SERVICES[long_running]["restart"] == "unless-stopped"


def test_rate_limit_counts_live_in_a_redis_that_evicts_nothing_and_pages_in_one_that_does():
    environment = SERVICES["web"]["environment"]
    assert environment["CACHE_LOCATION"].startswith("redis://redis:")
    assert environment["RATELIMIT_CACHE_LOCATION"].startswith("redis://redis-ratelimit:")
    for variable in ("CACHE_BACKEND", "RATELIMIT_CACHE_BACKEND"):
        assert environment[variable] == "portal.core.shared_cache.FailSoftRedisCache"
    policy = {name: SERVICES[name]["command"] for name in ("redis", "redis-ratelimit")}
    assert policy["redis"][policy["redis"].index("--maxmemory-policy") + 1] == "allkeys-lru"
    assert (
        policy["redis-ratelimit"][policy["redis-ratelimit"].index("--maxmemory-policy") + 1] == "noeviction"
    )


def test_elasticsearch_matches_the_clients_minor_version_and_keeps_its_disk_watermarks():
    image_version = SERVICES["elasticsearch"]["image"].rsplit(":", 1)[1]
    client = version("elasticsearch")
    assert image_version.split(".")[:2] == client.split(".")[:2], (image_version, client)
    assert not any("disk.threshold_enabled" in key for key in SERVICES["elasticsearch"]["environment"])


def test_only_loopback_ports_are_published():
    for name, service in SERVICES.items():
        for port in service.get("ports", []):
            assert port.startswith("127.0.0.1:"), (name, port)


def test_the_image_is_built_from_the_lock_with_weasyprints_libraries_static_files_and_no_root():
    runs = " ".join(instructions("RUN"))
    assert instructions("FROM")[0].startswith("python:3.12")
    assert "scripts/ensure-system-packages" in " ".join(instructions("COPY"))
    assert "/tmp/ensure-system-packages" in runs  # noqa: S108 - a path inside the image
    assert "-c requirements.lock" in runs
    assert "manage.py collectstatic --noinput" in runs
    user = instructions("USER")[-1].strip()
    assert user not in ("root", "0")
    assert (
        f"useradd --system --uid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin {user}"
        in runs
    )
    assert DOCKERFILE.rindex("USER ") > DOCKERFILE.rindex("collectstatic")  # collected as root, read-only
    for package in ("libpango-1.0-0", "libharfbuzz0b", "fonts-liberation"):
        assert package in (ROOT / "scripts" / "ensure-system-packages").read_text()


def test_the_image_leaves_out_the_virtualenv_and_local_data():
    ignored = {line for line in (ROOT / ".dockerignore").read_text().splitlines() if not line.startswith("#")}
    assert {".git", ".venv", "db.sqlite3*", "media", "static"} <= ignored


def test_every_run_instruction_is_valid_shell():
    for run in instructions("RUN"):
        shlex.split(run)  # unbalanced quotes would fail the build
