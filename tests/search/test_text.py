"""Words, stems, query parsing and highlighting (search/text.py, search/synonyms.py)."""

from search.engines.database import edit_distance
from search.text import (
    MAX_QUERY_CHARS,
    clean_query_text,
    corrected_text,
    find_synonyms,
    highlight,
    index_terms,
    parse,
    snippet,
    stem,
    words,
)


def test_words_fold_case_and_accents_and_split_on_punctuation():
    assert words("Café-Owner's CV_review, KS4!") == ["cafe", "owner", "s", "cv", "review", "ks4"]


def test_plurals_and_verb_forms_share_a_stem():
    assert stem("placements") == stem("placement")
    assert stem("apprenticeships") == stem("apprenticeship")
    assert stem("experiences") == stem("experience")


def test_index_terms_drop_stop_words():
    assert index_terms("The work of the placements") == ["work", "placement"]


def test_clean_query_text_removes_control_characters_and_limits_length():
    text, shortened = clean_query_text("  work\x00 experience\n\t“year 10” ")
    assert (text, shortened) == ('work experience "year 10"', False)
    text, shortened = clean_query_text("placement " * 300)
    assert len(text) <= MAX_QUERY_CHARS and shortened
    # A pasted megabyte: shortened from its start, control characters still removed.
    text, shortened = clean_query_text("careers\x00 fair " + "x" * 1_000_000)
    assert text.startswith("careers fair x") and len(text) == MAX_QUERY_CHARS and shortened


def test_quoted_phrase_is_one_exact_clause_without_synonyms():
    parsed = parse('"work experience" year 10')
    assert parsed.clauses[0].exact
    assert parsed.clauses[0].alternatives == (("work", "experi"),)
    assert [c.words for c in parsed.clauses[1:]] == [("year",), ("10",)]
    assert parsed.phrases == ("work experience",)
    assert parsed.free_text == "year 10"


def test_an_unclosed_quote_is_just_text():
    parsed = parse('"work experience')
    assert not any(c.exact for c in parsed.clauses)
    assert [c.words for c in parsed.clauses] == [("work", "experience")]  # a synonym run


def test_synonyms_expand_single_and_multi_word_terms():
    work = parse("work experience").clauses[0]
    assert set(work.alternatives) == {("work", "experi"), ("work", "placement")}
    bm6 = parse("BM6").clauses[0]
    assert {("bm6",), ("benchmark", "6"), ("gatsbi", "6")} == set(bm6.alternatives)
    send = parse("special educational needs support").clauses
    assert ("send",) in send[0].alternatives and send[1].words == ("support",)
    assert ("colleg",) in parse("post-16").clauses[0].alternatives
    assert ("apprentic",) in parse("apprenticeships").clauses[0].alternatives


def test_corrections_replace_unknown_words_before_synonyms():
    def corrector(found: list[str]) -> dict[str, str]:
        return {"experiance": "experience"} if "experiance" in found else {}

    parsed = parse("work experiance", correct=corrector)
    assert parsed.corrections == {"experiance": "experience"}
    assert ("work", "placement") in parsed.clauses[0].alternatives
    assert corrected_text("Work Experiance", parsed.corrections) == "Work experience"


def test_hostile_input_parses_to_letters_and_digits_only():
    for text in ['"', "*", "NEAR(", "AND (", "-placement", "a\\b", "😀", "عمل", "x" * 2000, "'; DROP TABLE"]:
        parsed = parse(clean_query_text(text)[0])
        for clause in parsed.clauses:
            for phrase in clause.alternatives:
                assert all(term.isalnum() for term in phrase), text


def test_stop_words_only_give_no_clauses():
    assert not parse("the and of").has_terms


def test_highlight_escapes_everything_but_the_marks():
    html = highlight('<b>Placements</b> & "co"', {"placement"})
    assert html == "&lt;b&gt;<mark>Placements</mark>&lt;/b&gt; &amp; &quot;co&quot;"


def test_snippet_finds_the_passage_with_the_words():
    body = " ".join(["filler"] * 50 + ["apprenticeships", "in", "Stockton"] + ["more"] * 50)
    result = snippet(body, {stem("apprenticeship")}, length=10)
    assert "<mark>apprenticeships</mark>" in result
    assert result.startswith("… ") and result.endswith(" …")
    assert snippet(body, {"nothing"}) is None


def test_edit_distance_counts_a_swap_as_one_edit():
    assert edit_distance("carrers", "careers") == 1
    assert edit_distance("experiance", "experience") == 1
    assert edit_distance("form", "from") == 1
    assert edit_distance("", "abc") == 3


def test_plurals_trigger_synonyms_because_they_are_matched_on_stems():
    for typed, other in [("apprentices", ("apprenticeship",)), ("colleges", ("sixth", "form"))]:
        (clause,) = parse(typed).clauses
        assert clause.group is not None and other in clause.alternatives, typed
    (clause,) = parse("work placements").clauses
    assert ("work", "experi") in clause.alternatives


def test_synonym_phrases_are_found_in_indexed_stems():
    stems = index_terms("Plan work experience and sixth form visits for SEND pupils")
    found = [(stems[start : start + length], group) for start, length, group in find_synonyms(stems)]
    assert [words for words, _ in found] == [["work", "experi"], ["sixth", "form"], ["send"]]
    assert len({group for _, group in found}) == 3
    assert parse("work placement").clauses[0].group == found[0][1]
