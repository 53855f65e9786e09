"""The fault drills, in order (a) to (f). Every loop is bounded in count and in time."""

import re
import time
import uuid

import pytest
import redis

from .conftest import EMAIL_TIMEOUT_SECONDS, Load, Stack, Visitor, drill, in_parallel

pytestmark = pytest.mark.drills

WRONG_PASSWORD = "and password didn"  # Wagtail's "Your username and password didn't match"
ANSWERS_PER_CHECK = 12  # over 3 workers, every worker answers some of them
LISTED_WITHIN_SECONDS = 10  # the builds worker's poll (1 s) and a build, with room for a slow machine
AFTER_RECOVERY_ANSWERS = 20  # answers to a restarted database's clients that drill (e) judges


def _first_resource(stack: Stack) -> tuple[int, str]:
    """The first resource in the bank's listing: its page id and URL."""
    listing = Visitor(stack.url).get("/resources/").text
    url = re.search(r'href="(/resources/(?!benchmarks/|feed/)[a-z0-9-]+/)"', listing).group(1)
    page_id = stack.query(
        f"from wagtail.models import Page\nprint(json.dumps(Page.objects.get(url_path__endswith={url!r}).id))"
    )
    return int(page_id), url


def _answered_by(stack: Stack, since: int) -> int:
    return len(set(stack.worker_pids(since)))


def test_a_wrong_sign_ins_spread_over_the_workers_reach_the_password_check_ten_times(stack: Stack):
    with drill("a", "30 wrong sign-ins over 3 workers") as notes:
        visitor = Visitor(stack.url, "198.51.100.10")
        token = visitor.form_token("/admin/login/")
        mark = stack.access_log.stat().st_size

        def attempt():
            fields = {"username": "demo.reporting@example.org", "password": "not-the-password"}
            return visitor.post("/admin/login/", fields, token)

        responses = in_parallel([attempt] * 30)
        checked = sum(r.status_code == 200 and WRONG_PASSWORD in r.text for r in responses)
        blocked = sum(r.status_code == 429 for r in responses)
        workers = _answered_by(stack, mark)
        notes.append(
            f"{checked} reached the password check, {blocked} got 429, answered by {workers} workers"
        )
        assert workers >= 2, "every attempt went to one worker: the drill proves nothing"
        assert checked == 10 and blocked == 20, notes[-1]


def test_b_once_a_publish_or_unpublish_returns_no_worker_serves_the_old_page(stack: Stack):
    """The page itself is new in every worker's first answer, and so is a listing that must leave
    an unpublished page out. A listing that must add a published page is answered from the previous
    facet index until the builds worker has shared the new one (docs/background-builds.md): until
    then its answers are sent `no-cache`, so nothing keeps them, and every worker lists the page
    within LISTED_WITHIN_SECONDS."""
    with drill("b", "publish and unpublish seen by every worker") as notes:
        page_id, url = _first_resource(stack)
        public = Visitor(stack.url, "198.51.100.20")

        def answers(path: str) -> tuple[list, int]:
            mark = stack.access_log.stat().st_size
            return in_parallel([lambda: public.get(path)] * ANSWERS_PER_CHECK), _answered_by(stack, mark)

        def listing_is_new(listed: bool) -> tuple[bool, int]:
            """Whether every answer lists (or leaves out) the page; a stale one must not be kept."""
            listings, workers = answers("/resources/")
            stale = [r for r in listings if (f'href="{url}"' in r.text) != listed]
            kept = [r for r in stale if "no-cache" not in r.headers.get("Cache-Control", "")]
            assert not kept, f"{len(kept)} old listing answers were sent to be kept"
            assert workers >= 2, "one worker answered every listing: the drill proves nothing"
            return not stale, len(stale)

        assert listing_is_new(listed=True)[0]  # cached everywhere first
        editor = Visitor(stack.url, "198.51.100.21")
        assert editor.sign_in("demo.editor@example.org", stack.env["DEMO_ADMIN_PASSWORD"]).status_code == 302
        for action, status, listed in (("unpublish", 404, False), ("publish", 200, True)):
            path = f"/admin/bulk/wagtailcore/page/{action}/?id={page_id}"
            done = editor.post(path, {}, editor.form_token(path))
            returned = time.monotonic()
            assert done.status_code == 302, f"{action}: {done.status_code}"
            pages, workers = answers(url)
            wrong = [r.status_code for r in pages if r.status_code != status]
            assert not wrong, f"after {action}: {len(wrong)} of {len(pages)} page answers were old"
            assert workers >= 2, "one worker answered every page: the drill proves nothing"
            new, stale = listing_is_new(listed)
            if not listed:
                assert new, f"after {action}: {stale} listing answers still listed the page"
            while not new:
                assert time.monotonic() - returned < LISTED_WITHIN_SECONDS, (
                    f"after {action}: {stale} listing answers still without the page after {LISTED_WITHIN_SECONDS} s"
                )
                time.sleep(0.1)
                new, stale = listing_is_new(listed)
            waited = "at once" if listed is False else f"within {time.monotonic() - returned:.1f} s"
            notes.append(f"after {action}: every page answer new at once, every listing {waited}")


def _public_forms(stack: Stack) -> list[tuple[str, dict[str, str]]]:
    """Two public forms that send email: a referral enquiry on a service's page, and a request for
    a contributor account (each sending gets its own address, so each makes its own email)."""
    service_url, school = stack.query(
        "from directory.models import ServicePage\n"
        "from portal.taxonomy.models import School\n"
        "print(json.dumps([ServicePage.objects.live().order_by('pk').first().url,"
        " School.objects.filter(is_open=True).order_by('pk').first().pk]))"
    )
    enquiry = {
        "school": "not-listed",
        "school_name": "Drill Nursery",
        "contact_name": "A Teacher",
        "contact_role": "SENCO",
        "phone": "01632 960 010",
        "support_sought": "A pupil with speech and language needs, not known to the service.",
        "no_pupil_details": "on",
    }
    account = {"name": "Drill Teacher", "school": str(school), "role_at_school": "Careers leader"}
    return [(service_url, enquiry), ("/contributors/request-account/", account)]


def _send_form(stack: Stack, path: str, answers: dict[str, str], number: int) -> tuple[float, int]:
    """Fills in and sends a form as a new visitor; the seconds the sending took, and its status."""
    visitor = Visitor(stack.url, f"192.0.2.{number % 250 + 1}")  # its own rate limit
    fields = {**visitor.hidden_fields(path), **answers, "email": f"drill-{uuid.uuid4().hex[:10]}@example.org"}
    start = time.monotonic()
    answer = visitor.request("POST", path, data=fields)
    return time.monotonic() - start, answer.status_code


def _outbox(stack: Stack, after_id: int) -> dict[str, int]:
    """How many emails queued since `after_id` are in each state."""
    return stack.query(
        "from django.db.models import Count\n"
        "from portal.outbox.models import OutgoingEmail\n"
        f"rows = OutgoingEmail.objects.filter(id__gt={after_id}).values('status').annotate(n=Count('id'))\n"
        "print(json.dumps({row['status']: row['n'] for row in rows}))"
    )


def _last_outbox_id(stack: Stack) -> int:
    return stack.query(
        "from django.db.models import Max\n"
        "from portal.outbox.models import OutgoingEmail\n"
        "print(json.dumps(OutgoingEmail.objects.aggregate(m=Max('id'))['m'] or 0))"
    )


def _message_ids(stack: Stack, after_id: int) -> list[str]:
    """Message-IDs received of the emails queued after outbox row `after_id` (the outbox names
    each message `<outbox-ID.…>`; emails queued earlier may still arrive during a drill)."""
    with stack.mail.lock:
        ids = [message["Message-ID"] for message in stack.mail.messages]
    return [i for i in ids if (m := re.match(r"<outbox-(\d+)\.", i or "")) and int(m.group(1)) > after_id]


def test_c_the_mail_server_refuses_then_stalls_then_returns_forms_answer_and_each_email_arrives_once(
    stack: Stack,
):
    with drill("c", "mail server refuses, stalls, comes back") as notes:
        forms = _public_forms(stack)
        first_id = _last_outbox_id(stack)
        timings: list[float] = []
        statuses: list[int] = []
        number = 100
        for fault in ("refuse", "stall"):
            getattr(stack.mail, fault)()
            for _ in range(2):
                for path, answers in forms:
                    took, status = _send_form(stack, path, answers, number := number + 1)
                    timings.append(took)
                    statuses.append(status)
            if fault == "refuse":
                time.sleep(EMAIL_TIMEOUT_SECONDS + 1)  # the worker tries against this fault too
        _until(lambda: stack.mail.stalled_connections > 0, 60)  # and is held by the stalled server
        stalled = stack.mail.stalled_connections
        stack.mail.accept()
        back = time.monotonic()
        waited = _until(lambda: set(_outbox(stack, first_id)) == {"sent"}, 180)
        stack.manage("requeue_email")  # as the scheduler does: nothing is due, nothing sent twice
        time.sleep(3)
        queued = sum(_outbox(stack, first_id).values())
        ids = _message_ids(stack, first_id)
        notes.append(
            f"{len(statuses)} forms answered {sorted(set(statuses))} in at most {max(timings):.2f} s; "
            f"{stalled} deliveries stalled; {queued} emails queued, {len(ids)} delivered "
            f"({len(set(ids))} distinct) {waited:.0f} s after the server came back"
        )
        assert set(statuses) == {302} and max(timings) < 1.0, notes[-1]
        assert len(ids) == len(set(ids)) == queued >= len(statuses), notes[-1]
        assert time.monotonic() - back < 200


def test_d_redis_stopped_under_load_no_error_and_full_service_after_it_restarts(stack: Stack):
    with drill("d", "Redis stopped under load") as notes:
        _, url = _first_resource(stack)
        paths = ["/", "/resources/?benchmark=6", url, "/placements/", "/search/?q=work", "/events/"]
        # The load stops when the drill has seen enough after recovery; `seconds` only bounds it.
        with Load(stack, paths, seconds=300) as load:
            time.sleep(2)
            down = time.monotonic()
            stack.pages.stop()
            stack.limits.stop()
            time.sleep(1)
            editor = Visitor(stack.url, "198.51.100.30")
            signed_in = editor.sign_in("admin", stack.env["DEMO_ADMIN_PASSWORD"]).status_code
            wrong = Visitor(stack.url, "198.51.100.31").sign_in("admin", "not-the-password")
            time.sleep(2)
            stack.pages.start()
            stack.limits.start()
            up = time.monotonic()
            cached_again = _until(lambda: Visitor(stack.url).get("/").headers.get("X-Cache") == "hit", 30)
            time.sleep(1)
        Visitor(stack.url, "198.51.100.32").sign_in("nobody", "not-the-password")
        counted = redis.Redis.from_url(stack.limits.url()).dbsize()
        statuses = [status for _, _, status in load.statuses]
        during = load.between(down, up)
        notes.append(
            f"{len(statuses)} answers ({len(during)} while Redis was down), worst status {max(statuses)}; "
            f"sign-in during the outage {signed_in}, a wrong one {wrong.status_code}; "
            f"pages cached again {cached_again:.1f} s after the restart; {counted} rate-limit counts in Redis"
        )
        assert during and max(statuses) < 500 and 0 not in statuses, notes[-1]
        assert signed_in == 302 and wrong.status_code == 200 and WRONG_PASSWORD in wrong.text
        assert counted > 0


def test_e_postgresql_restarted_under_load_503_then_recovery_and_nothing_accepted_is_lost(stack: Stack):
    with drill("e", "PostgreSQL restarted under load") as notes:
        school = stack.query(
            "from portal.taxonomy.models import School\n"
            "print(json.dumps(School.objects.filter(is_open=True).order_by('pk').first().pk))"
        )
        accepted: list[str] = []
        refused: list[int] = []
        paths = ["/search/?q=work", "/resources/?benchmark=6", "/", "/placements/"]
        # The load stops when the drill has seen enough after recovery; `seconds` only bounds it.
        with Load(stack, paths, seconds=300) as load:
            submitter = Visitor(stack.url, "192.0.2.200")
            token = submitter.form_token("/contributors/request-account/")

            def submit(number: int) -> None:
                email = f"drill-{uuid.uuid4().hex[:12]}@school.example.org"
                fields = {
                    "name": "Drill Teacher",
                    "email": email,
                    "school": school,
                    "role_at_school": "Careers leader",
                }
                submitter.address = f"192.0.2.{number % 250 + 1}"  # its own rate limit each time
                answer = submitter.post("/contributors/request-account/", fields, token)
                if answer.status_code == 302 and answer.headers["Location"].endswith("/sent/"):
                    accepted.append(email)
                else:
                    refused.append(answer.status_code)

            number = 0
            for _ in range(10):
                submit(number := number + 1)
            down = time.monotonic()
            stack.postgres.stop()
            for _ in range(10):
                submit(number := number + 1)
                time.sleep(0.2)
            stack.postgres.start()
            up = time.monotonic()
            recovered = _until(lambda: Visitor(stack.url).get("/search/?q=careers").status_code == 200, 30)
            for _ in range(10):
                submit(number := number + 1)
            # On a busy machine the visitors may still be waiting on answers from before the
            # restart: keep the load going until it has answers from after recovery to judge.
            settled = up + recovered + 1
            _until(lambda: len(load.between(settled, time.monotonic())) >= AFTER_RECOVERY_ANSWERS, 120)
        # db_worker stops on a lost database (at its next poll, within a second or two of the
        # restart); compose's restart policy starts it again.
        time.sleep(3)
        worker_stopped = stack.ensure_worker()
        during = load.between(down, up)
        after = load.between(up + recovered + 1, time.monotonic())
        statuses = [status for _, _, status in load.statuses]
        saved = stack.query(
            "from publishing.models import ContributorRequest\n"
            f"print(json.dumps(ContributorRequest.objects.filter(email__in={accepted!r}).count()))"
        )
        notes.append(
            f"{len(statuses)} answers, {during.count(503)} of {len(during)} were 503 while it was down, "
            f"other statuses {sorted(set(statuses) - {200, 503})}; recovered {recovered:.1f} s after the "
            f"restart; {len(accepted)} submissions accepted, {saved} saved; refused {sorted(set(refused))}; "
            f"the task worker {'stopped and was started again' if worker_stopped else 'kept running'}"
        )
        assert during.count(503) > 0 and 0 not in statuses, notes[-1]
        assert all(status in (200, 503) for status in statuses), notes[-1]
        assert after and all(status == 200 for status in after), notes[-1]
        assert set(refused) <= {503}, notes[-1]
        assert saved == len(accepted) >= 20, notes[-1]


def test_f_a_worker_killed_in_the_middle_of_a_task_its_email_is_sent_once(stack: Stack):
    with drill("f", "a worker killed in the middle of a task") as notes:
        forms = _public_forms(stack)
        stack.ensure_worker()
        first_id = _last_outbox_id(stack)
        stack.mail.stall()
        stalled = stack.mail.stalled_connections
        took, status = _send_form(stack, *forms[1], 240)
        assert status == 302, f"the form answered {status}"
        _until(lambda: stack.mail.stalled_connections > stalled, 60)  # the task is waiting on SMTP
        stack.kill_worker()
        left = _outbox(stack, first_id)
        assert left == {"sending": 1}, f"after the kill: {left}"
        stack.mail.accept()
        stack.start_worker()

        def requeued_and_sent() -> bool:
            # What the scheduler's requeue_email does every 5 minutes: once the dead worker's
            # lease has run out, a fresh task claims the message and sends it.
            stack.manage("requeue_email")
            return _outbox(stack, first_id) == {"sent": 1}

        waited = _until(requeued_and_sent, 240, every=5)
        stack.manage("requeue_email")
        time.sleep(3)
        ids = _message_ids(stack, first_id)
        notes.append(
            f"killed while its task waited on the mail server; sent by a new task {waited:.0f} s later; "
            f"{len(ids)} copy delivered"
        )
        assert len(ids) == 1, notes[-1]


def _until(condition, seconds: float, every: float = 0.2) -> float:
    """Seconds until `condition()` held (checked every `every` s); fails after `seconds`."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > seconds:
            raise AssertionError(f"not recovered within {seconds:.0f} s")
        time.sleep(every)
    return time.monotonic() - start
