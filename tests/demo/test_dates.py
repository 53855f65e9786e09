"""Demo date strings: each form, read against fixed days so the tests say what the forms mean
whatever today is."""

import datetime

import pytest

from demo.dates import Calendar, DemoDateError

D = datetime.date


@pytest.mark.parametrize(
    "text,expected",
    [
        ("+21d", D(2026, 12, 22)),
        ("-6w", D(2026, 10, 20)),
        ("+3m", D(2027, 3, 1)),
        ("-2y", D(2024, 12, 1)),
        ("ay:03-08", D(2027, 3, 8)),
        ("ay-1:09-23", D(2025, 9, 24)),  # Wednesday 23 September 2026 is the reference
        ("next:11-07", D(2027, 11, 6)),  # November is past: next year's, on the same weekday
        ("next:02-06", D(2027, 2, 6)),
        ("last:10-08", D(2026, 10, 8)),
        ("last:03-04", D(2026, 3, 5)),  # March is to come: last year's, on the same weekday
        ("2020-09-01", D(2020, 9, 1)),
    ],
)
def test_each_form_of_date(text, expected):
    assert Calendar(D(2026, 12, 1)).date(text) == expected


@pytest.mark.parametrize("today", [D(2026, 12, 1), D(2027, 8, 30), D(2031, 4, 2), D(2040, 1, 1)])
def test_term_dates_keep_their_weekday_and_season_and_next_is_never_past(today):
    calendar = Calendar(today)
    for text, weekday in (("03-08", 0), ("11-07", 5), ("01-20", 2)):
        upcoming = calendar.date(f"next:{text}")
        assert upcoming >= today and upcoming - today < datetime.timedelta(days=366)
        assert upcoming.weekday() == weekday
        assert abs(upcoming.month - int(text[:2])) in (0, 1, 11)  # within three days of the month
        held = calendar.date(f"last:{text}")
        assert held < today and held.weekday() == weekday


def test_a_span_is_read_in_one_academic_year():
    # In February, January's start is next year's: so is the March end, never this year's.
    calendar = Calendar(D(2027, 2, 1))
    start, end = calendar.span("next:01-11", "next:03-29")
    assert (start, end) == (D(2028, 1, 10), D(2028, 3, 27))
    assert calendar.span("+21d", "+60d") == (D(2027, 2, 22), D(2027, 4, 2))


def test_moments_are_aware_and_in_the_sites_time_zone():
    start, end = Calendar(D(2026, 12, 1)).moments("next:03-04 16:00", "next:03-04 19:30")
    assert start.tzinfo is not None and (start.hour, end.hour, end.minute) == (16, 19, 30)
    assert start.date() == D(2027, 3, 4)


def test_text_format_long():
    assert f"{Calendar(D(2026, 12, 1)).date('-6d'):long}" == "25 November 2026"


@pytest.mark.parametrize("text", ["21d", "next:13-01", "soon", "2027-3-8", "ay+x:03-08"])
def test_a_date_that_is_not_a_form_is_refused(text):
    with pytest.raises((DemoDateError, ValueError)):
        Calendar(D(2026, 12, 1)).date(text)


def test_a_span_that_ends_before_it_starts_is_refused():
    with pytest.raises(DemoDateError, match="ends before it starts"):
        Calendar(D(2026, 12, 1)).span("+10d", "+2d")


def test_a_moment_needs_a_time():
    with pytest.raises(DemoDateError, match="needs a time"):
        Calendar(D(2026, 12, 1)).moment("next:03-04")
