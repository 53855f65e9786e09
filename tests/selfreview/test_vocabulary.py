import datetime

from events.dates import Term
from portal.taxonomy.vocabulary import BENCHMARK_NUMBERS
from selfreview.vocabulary import MET, NOT_YET, PARTLY, STATEMENT_CODES, STATEMENTS, rate, statements_for


def test_every_benchmark_has_statements_with_unique_codes():
    assert {s.benchmark for s in STATEMENTS} == BENCHMARK_NUMBERS
    assert len(STATEMENT_CODES) == len(STATEMENTS)
    assert all(len(statements_for(n)) >= 3 for n in BENCHMARK_NUMBERS)


def test_a_benchmark_is_met_only_when_every_statement_is():
    assert rate([MET, MET, MET]) == (MET, 100)
    assert rate([MET, MET, PARTLY]) == (PARTLY, 83)
    assert rate([NOT_YET, PARTLY, NOT_YET]) == (PARTLY, 17)
    assert rate([NOT_YET, NOT_YET, NOT_YET]) == (NOT_YET, 0)


def test_terms_follow_the_school_year():
    assert Term.of(datetime.date(2026, 9, 1)).code == "2026-autumn"
    assert Term.of(datetime.date(2026, 12, 31)).code == "2026-autumn"
    assert Term.of(datetime.date(2027, 1, 1)).code == "2026-spring"
    assert Term.of(datetime.date(2027, 4, 1)).code == "2026-summer"
    assert Term.of(datetime.date(2027, 8, 31)).label == "Summer 2027"
    autumn = Term.parse("2026-autumn")
    assert autumn.previous().code == "2025-summer"
    assert autumn.following().following().following().code == "2027-autumn"
    assert Term.parse("2026-winter") is None
    assert sorted([Term.parse("2027-spring"), autumn, Term.parse("2025-summer")])[0].code == "2025-summer"
