"""The scheduler loop (portal/scheduler.py): which jobs are due when, each job in its own process,
no job started twice, a job over its time limit killed, and the README's schedule the same."""

import datetime
import re
import sys
import time
from pathlib import Path

import pytest

from portal import scheduler
from portal.scheduler import JOBS, Job, Scheduler, is_due

ROOT = Path(__file__).resolve().parents[2]


def at(hour: int, minute: int, day: int = 7) -> datetime.datetime:
    return datetime.datetime(2026, 12, day, hour, minute)


@pytest.mark.parametrize(
    ("cron", "moment", "due"),
    [
        ("*/5 * * * *", at(10, 15), True),
        ("*/5 * * * *", at(10, 16), False),
        ("10 2 * * *", at(2, 10), True),
        ("10 2 * * *", at(3, 10), False),
        ("0 3 * * 0", at(3, 0, day=6), True),  # 6 December 2026 is a Sunday
        ("0 3 * * 0", at(3, 0, day=7), False),
        ("0,30 * * * *", at(9, 30), True),
    ],
)
def test_cron_expressions(cron, moment, due):
    assert is_due(cron, moment) is due


def test_in_a_day_each_job_is_due_as_often_as_the_readme_says():
    minutes = [at(0, 0) + datetime.timedelta(minutes=n) for n in range(24 * 60)]
    runs = {job.name: sum(is_due(job.cron, moment) for moment in minutes) for job in JOBS}
    assert runs.pop("publish_scheduled") == runs.pop("requeue_email") == 24 * 12
    assert runs.pop("requeue_stale_tasks") == 24 * 6
    assert runs.pop("purge_unconfirmed_alerts") == 24
    assert runs.pop("send_event_reminders") == 4
    assert set(runs.values()) == {1}


def test_each_job_runs_in_its_own_process_and_is_not_started_twice(tmp_path):
    marker = tmp_path / "ran"
    job = Job(
        ("-c", f"import time, pathlib; pathlib.Path({str(marker)!r}).touch(); time.sleep(30)"),
        "* * * * *",
        60,
        "test",
    )
    loop = Scheduler(jobs=[job], command=(sys.executable,))
    assert loop.tick(at(10, 0)) == [job.name]
    for _ in range(100):  # at most ten seconds for the child to start
        if marker.exists():
            break
        time.sleep(0.1)
    assert marker.exists()
    assert loop.tick(at(10, 1)) == []  # still running
    loop.stop(grace_seconds=0)
    assert loop.running == {}


def test_a_job_over_its_limit_is_killed_and_a_failing_job_is_reported(caplog):
    sleeper = Job(("-c", "import time; time.sleep(60)"), "* * * * *", 0, "test")
    failing = Job(("-c", "raise SystemExit(3)"), "* * * * *", 60, "test")
    loop = Scheduler(jobs=[sleeper, failing], command=(sys.executable,))
    loop.tick(at(10, 0))
    finished = {}
    for _ in range(100):  # at most ten seconds
        finished |= loop.reap()
        if len(finished) == 2:
            break
        time.sleep(0.1)
    assert finished[failing.name] == 3
    assert finished[sleeper.name] != 0
    messages = " ".join(record.getMessage() for record in caplog.records)
    assert "over its time limit, killed" in messages and "failed with exit status 3" in messages


def test_the_real_jobs_are_management_commands_that_exist():
    from django.core.management import get_commands

    commands = get_commands()
    for job in JOBS:
        assert job.arguments[0] in commands, job.name


def test_the_readme_lists_the_same_schedule_and_the_crontab_prints_it():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("### Scheduled jobs", 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\| `manage\.py ([^`]+)` \| `([^`]+)` \|", section, re.MULTILINE)
    assert rows == [(job.name, job.cron) for job in JOBS]
    lines = scheduler.crontab().splitlines()
    assert lines[0] == "*/5 * * * * cd /app && python manage.py publish_scheduled"
    assert len(lines) == len(JOBS)
