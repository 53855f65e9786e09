"""The portal's scheduled jobs, and a small loop that runs them: `python -m portal.scheduler`.

docker-compose's `scheduler` service runs the loop. Where systemd timers or Kubernetes CronJobs
run the jobs instead, `python -m portal.scheduler --crontab` prints the same schedule as cron
lines (the README's "Scheduled jobs" table is this list too; a test keeps them the same).

Each job runs as its own `manage.py` process, so a job that crashes, leaks or hangs cannot take
the loop with it: it is killed after its time limit, its exit status is logged, and a job still
running when it is due again is not started twice. Times are the machine's clock (UTC in the
image). Run one scheduler per deployment: every job is safe to repeat, but there is no need to.
This module imports nothing from Django: the loop stays small and never touches the database."""

import argparse
import datetime
import logging
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
logger = logging.getLogger("portal.scheduler")


@dataclass(frozen=True)
class Job:
    """`manage.py` arguments, when to run them (a cron expression) and for how long at most."""

    arguments: tuple[str, ...]
    cron: str
    limit_seconds: int
    why: str

    @property
    def name(self) -> str:
        """The arguments as a shell would need them (a crontab line passes through a shell)."""
        return shlex.join(self.arguments)


JOBS: tuple[Job, ...] = (
    Job(("publish_scheduled",), "*/5 * * * *", 240, "Wagtail's scheduled publishing"),
    Job(
        ("requeue_email",),
        "*/5 * * * *",
        240,
        "queues email whose task was lost (a worker killed mid-task); safe to run anywhere, any time",
    ),
    Job(
        ("requeue_stale_tasks",),
        "*/10 * * * *",
        240,
        "queues again any other task whose worker was lost; fails one that has lost three",
    ),
    Job(
        ("purge_unconfirmed_alerts",),
        "15 * * * *",
        600,
        "privacy: email alerts and reminders not confirmed within 48 hours, and past reminders",
    ),
    Job(
        ("prebuild",),
        "5 0 * * *",
        600,
        "queues every facet index and booklet build: the date changes what listings show",
    ),
    Job(
        ("purge_placement_requests",),
        "10 2 * * *",
        3600,
        "retention: contact details of old requests for places",
    ),
    Job(("purge_shortlist_packs",), "25 2 * * *", 600, "storage: shortlist packs built more than 7 days ago"),
    Job(
        ("purge_referral_enquiries",),
        "20 2 * * *",
        3600,
        "retention: contact details of old referral enquiries",
    ),
    Job(("purge_host_applications",), "35 2 * * *", 3600, "retention: declined employers' applications"),
    Job(("purge_contributor_requests",), "30 2 * * *", 3600, "retention: account requests never approved"),
    Job(("prune_search_terms",), "40 2 * * *", 3600, "retention: old anonymous search-term counts"),
    Job(("purge_outbox",), "50 2 * * *", 3600, "retention: sent and given-up email"),
    Job(
        ("prune_db_task_results", "--queue-name", "*"),
        "55 2 * * *",
        3600,
        "deletes finished task rows after 14 days",
    ),
    Job(("send_alert_digests",), "0 6 * * *", 3600, "queues the daily and weekly digests of email alerts"),
    Job(
        ("send_host_team_reminders",),
        "30 7 * * *",
        3600,
        "reminds host teams of listings to confirm and requests waiting 5 working days",
    ),
    Job(
        ("send_event_reminders",),
        "0 9,12,15,18 * * *",
        900,
        "queues tomorrow's event and open-day reminders; later runs catch reminders confirmed that day",
    ),
    Job(
        ("send_feedback_requests",),
        "0 8 * * *",
        3600,
        "emails feedback links for placements and encounters that have ended",
    ),
    Job(
        ("search_index", "--check"),
        "0 3 * * *",
        3600,
        "exits 1 when the index has drifted; `--rebuild` repairs it",
    ),
)


def _field_matches(spec: str, value: int) -> bool:
    """One cron field: `*`, `*/N`, `N` or a comma list of those."""
    for part in spec.split(","):
        if part == "*" or (part.startswith("*/") and value % int(part[2:]) == 0):
            return True
        if part.isdigit() and int(part) == value:
            return True
    return False


def is_due(cron: str, moment: datetime.datetime) -> bool:
    minute, hour, day, month, weekday = cron.split()
    return (
        _field_matches(minute, moment.minute)
        and _field_matches(hour, moment.hour)
        and _field_matches(day, moment.day)
        and _field_matches(month, moment.month)
        and _field_matches(weekday, moment.isoweekday() % 7)
    )


@dataclass
class Scheduler:
    jobs: Sequence[Job] = JOBS
    command: Sequence[str] = (sys.executable, str(ROOT / "manage.py"))
    running: dict[str, tuple[subprocess.Popen, float]] = field(default_factory=dict)

    def tick(self, moment: datetime.datetime) -> list[str]:
        """Reap finished jobs, kill overdue ones, start the jobs due at this minute; the names started."""
        self.reap()
        started = []
        for job in self.jobs:
            if not is_due(job.cron, moment):
                continue
            if job.name in self.running:
                logger.warning("%s: still running from its last start, not started again", job.name)
                continue
            process = subprocess.Popen([*self.command, *job.arguments], cwd=ROOT)  # noqa: S603
            self.running[job.name] = (process, time.monotonic() + job.limit_seconds)
            logger.info("%s: started (pid %d)", job.name, process.pid)
            started.append(job.name)
        return started

    def reap(self) -> dict[str, int]:
        """Exit statuses of the jobs that have finished (or were killed over their limit)."""
        finished = {}
        for name, (process, deadline) in list(self.running.items()):
            if process.poll() is None and time.monotonic() > deadline:
                logger.error("%s: over its time limit, killed", name)
                process.kill()
                process.wait()
            if process.returncode is None:
                continue
            del self.running[name]
            finished[name] = process.returncode
            if process.returncode:
                logger.error("%s: failed with exit status %d", name, process.returncode)
            else:
                logger.info("%s: done", name)
        return finished

    def stop(self, grace_seconds: float = 30) -> None:
        """Let running jobs finish for a while, then kill what is left."""
        deadline = time.monotonic() + grace_seconds
        for name, (process, _) in list(self.running.items()):
            try:
                process.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                logger.error("%s: still running at shutdown, killed", name)
                process.kill()
                process.wait()
        self.reap()


def crontab(jobs: Sequence[Job] = JOBS, prefix: str = "cd /app && python manage.py") -> str:
    return "\n".join(f"{job.cron} {prefix} {job.name}" for job in jobs)


def run_forever(scheduler: Scheduler) -> None:
    stopping = False

    def request_stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    logger.info("Scheduler started: %d jobs", len(scheduler.jobs))
    last = None
    while not stopping:
        now = datetime.datetime.now().replace(second=0, microsecond=0)
        if now != last:  # each minute once, even if a tick is late or the clock steps back
            scheduler.tick(now)
            last = now
        else:
            scheduler.reap()
        time.sleep(1)
    scheduler.stop()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--crontab", action="store_true", help="print the schedule as cron lines and exit")
    options = parser.parse_args(argv)
    if options.crontab:
        print(crontab())
        return 0
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    run_forever(Scheduler())
    return 0


if __name__ == "__main__":
    sys.exit(main())
