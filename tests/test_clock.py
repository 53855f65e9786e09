"""`--clock-ahead DAYS` (make test-future) moves Python's wall clock for the whole run."""

import datetime
import time

import time_machine


def test_the_wall_clock_is_as_far_ahead_as_asked_and_the_monotonic_clock_is_real(pytestconfig):
    days = pytestconfig.getoption("clock_ahead")
    escape = time_machine.escape_hatch
    real = (
        escape.datetime.datetime.now(datetime.UTC)
        if escape.is_travelling()
        else datetime.datetime.now(datetime.UTC)
    )
    moved = datetime.datetime.now(datetime.UTC)
    assert abs(moved - real - datetime.timedelta(days=days)) < datetime.timedelta(minutes=5)
    assert abs(time.time() - moved.timestamp()) < 5
    before = time.monotonic()
    time.sleep(0.01)
    assert 0.005 < time.monotonic() - before < 5
