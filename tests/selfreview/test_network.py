"""The council's network heatmap on a known set of reviews: exact shares, no figure under 5
schools (nor an "All phases" figure that would give the hidden schools away), a trend by term,
and CSV downloads of the same tables for dashboard users only."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from portal.taxonomy.models import School
from selfreview import network
from selfreview.models import SelfReview
from tests.publishing.factories import editor, reporter, user

from .factories import review_in, school, this_term

pytestmark = pytest.mark.django_db
HIDDEN = network.SUPPRESSED


@pytest.fixture
def reviews(db):
    """This term: 6 secondary schools (Benchmark 1 met by 4, Benchmark 2 by 1), 2 primary schools
    (both meet Benchmark 1), 3 post-16 colleges. Last term: 5 secondary schools, 3 meeting
    Benchmark 1. Another term two years ago has nobody in the trend window's way."""
    term = this_term()
    secondary = [school(f"Secondary {n}", f"9009{n:02d}") for n in range(6)]
    primary = [school(f"Primary {n}", f"9008{n:02d}", School.Phase.PRIMARY) for n in range(2)]
    colleges = [school(f"College {n}", f"9007{n:02d}", School.Phase.POST_16) for n in range(3)]
    for n, each in enumerate(secondary):
        met = {1} if n < 4 else set()
        review_in(term, each, met=met | ({2} if n == 0 else set()))
    for each in primary:
        review_in(term, each, met={1, 2})
    for each in colleges:
        review_in(term, each, met={8})
    for n, each in enumerate(secondary[:5]):
        review_in(term.previous(), each, met={1} if n < 3 else set())
    return term


def test_the_heatmap_is_exact_and_hides_cells_under_5(reviews):
    table = network.heatmap(reviews)
    columns = table.columns
    rows = {row[0]: dict(zip(columns, row, strict=True)) for row in table.rows}
    taking_part = rows["Schools that took part"]
    assert (taking_part["Secondary"], taking_part["Primary"], taking_part["Sixth form or college"]) == (
        6,
        2,
        3,
    )
    assert taking_part["All phases"] == 11

    b1 = rows["1. A stable careers programme"]
    assert b1["Secondary"] == Decimal("66.7")  # 4 of 6
    assert b1["Primary"] == HIDDEN  # 2 schools, both met: never shown
    assert b1["Sixth form or college"] == HIDDEN
    assert b1["Special"] == HIDDEN  # none at all
    assert b1["All phases"] == Decimal("54.5")  # 6 of 11: the 5 hidden schools are not "fewer than 5"
    b2 = rows["2. Learning from career and labour market information"]
    assert b2["Secondary"] == Decimal("16.7")
    assert b2["All phases"] == Decimal("27.3")  # 3 of 11


def test_all_phases_is_hidden_when_subtraction_would_reveal_a_small_group(reviews):
    SelfReview.objects.filter(
        school__urn__in=["900700", "900701"], academic_year=reviews.year.start_year
    ).delete()
    # Now 6 secondary + 2 primary + 1 college: the hidden phases hold 3 schools.
    rows = {row[0]: row for row in network.heatmap(reviews).rows}
    assert rows["Schools that took part"][-1] == 9
    assert rows["1. A stable careers programme"][-1] == HIDDEN
    assert rows["1. A stable careers programme"][2] == Decimal("66.7")  # secondary still shown


def test_the_trend_shows_each_term(reviews):
    table = network.trend(network.recent_terms(reviews))
    assert table.columns == ["Gatsby Benchmark", reviews.previous().label, reviews.label]
    rows = {row[0]: row[1:] for row in table.rows}
    assert rows["Schools that took part"] == [5, 11]
    assert rows["1. A stable careers programme"] == [Decimal("60.0"), Decimal("54.5")]


def test_a_term_with_nobody_has_no_rows(reviews):
    assert network.heatmap(reviews.following()).rows == []


def test_the_page_and_csv_agree_and_need_the_dashboard(client, reviews):
    url = reverse("selfreview_network") + f"?term={reviews.code}"
    client.force_login(user("nobody-special", "Council team members"))
    for refused in (client.get(url), client.get(reverse("selfreview_network_csv", args=["heatmap"]))):
        assert refused.status_code in (302, 403)  # Wagtail's admin redirects a refusal home
        assert "66.7" not in refused.content.decode()

    client.force_login(reporter())
    html = client.get(url).content.decode()
    assert "66.7%" in html and HIDDEN in html
    assert "Secondary 0" not in html  # no school is ever named
    response = client.get(reverse("selfreview_network_csv", args=["heatmap"]) + f"?term={reviews.code}")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Gatsby Benchmark"
    b1 = next(row for row in rows if row[0].startswith("1."))
    assert b1[rows[0].index("Secondary")] == "66.7"
    assert b1[rows[0].index("Primary")] == HIDDEN
    assert client.get(reverse("selfreview_network_csv", args=["nothing"])).status_code == 404


def test_an_editor_sees_the_report_in_the_menu(client, reviews):
    client.force_login(editor())
    assert client.get(reverse("selfreview_network")).status_code == 200
