"""Anything typed or put in a URL gives a 200 and a sensible answer, on every engine, through the
page and the API."""

import pytest

from .conftest import CORPUS_SIZE

pytestmark = pytest.mark.django_db

HOSTILE_TEXT = [
    '"',
    '""',
    '"unclosed phrase',
    "'",
    "*",
    "placement*",
    "NEAR(",
    "NEAR(placement, 2)",
    "AND (",
    "OR",
    "NOT",
    "-",
    "-placement",
    "placement -",
    "\\",
    '\\"\\',
    "title:placement",
    "{title}: x",
    "placement^2 ~ [x TO y]",
    "(((",
    ")))",
    "%",
    "_",
    "😀",
    "👩‍🏫 placements",
    "عمل تطوعي",
    "עבודה מעשית",
    "\u202eplacement",
    "\ufeffplacement",
    "x" * 2000,
    "placement " * 300,
    "placement\x00",
    "\x00",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "/* placement */",
    "&amp; &lt;",
]


@pytest.mark.parametrize("text", HOSTILE_TEXT, ids=range(len(HOSTILE_TEXT)))
def test_any_text_is_answered_by_the_api_and_the_page(client, engine_name, corpus, text):
    response = client.get("/api/search/", {"q": text})
    assert response.status_code == 200
    data = response.json()
    assert data["engine"] == engine_name and not data["fell_back"]
    assert isinstance(data["total"], int) and len(data["results"]) <= data["page_size"]
    page = client.get("/search/", {"q": text})
    assert page.status_code == 200
    assert b"<script>alert(1)</script>" not in page.content


@pytest.mark.parametrize(
    ("text", "total"),
    [('"', CORPUS_SIZE), ("*", CORPUS_SIZE), ("😀", CORPUS_SIZE), ("-", CORPUS_SIZE), ("xylophone", 0)],
)
def test_text_without_words_lists_everything(client, corpus, text, total):
    assert client.get("/api/search/", {"q": text}).json()["total"] == total


@pytest.mark.parametrize(
    "text", ["-placement", "placement\x00", "\u202eplacement", "placement*", '"placement']
)
def test_words_inside_hostile_text_are_still_found(client, corpus, text):
    data = client.get("/api/search/", {"q": text}).json()
    assert "Library placement with the council" in [r["title"] for r in data["results"]]


@pytest.mark.parametrize(
    "query",
    [
        "q=placement&q=xylophone",
        "benchmark=6&benchmark=6&benchmark=abc&benchmark=",
        "key_stage=KS4&key_stage=%3Cscript%3E&key_stage=" + "K" * 500,
        "page=-1",
        "page=99999999999999",
        "page=2&page=abc",
        "sort=title&sort=relevance",
        "sort=%00",
        "type=" + "&type=".join(str(n) for n in range(100)),
        "tag=%00&tag=" + "t" * 300,
        "places=yes",
        "q=%ZZ",
    ],
)
def test_repeated_and_unknown_parameters(client, engine_name, corpus, query):
    for path in ("/api/search/", "/search/"):
        assert client.get(f"{path}?{query}").status_code == 200
    data = client.get(f"/api/search/?{query}").json()
    assert data["engine"] == engine_name and data["total"] >= 0


def test_the_first_search_text_wins(client, corpus):
    data = client.get("/api/search/?q=placement&q=xylophone").json()
    assert data["query"]["q"] == "placement" and data["total"] > 0


def test_long_text_is_shortened_with_a_message(client, corpus):
    data = client.get("/api/search/", {"q": "placement " * 300}).json()
    assert len(data["query"]["q"]) <= 256
    assert "only its beginning was used" in data["messages"][0]
