"""Faults an analyst found on invented pages: participles, negated and purpose cues that say
nothing, spans around relative clauses and quotation marks, appositive and anaphoric speakers,
a medium after "told", a trailing circumstance after "said", and claims (clock times, "tens of
thousands", measures with a rate, vote shares, "put the toll at N")."""
from __future__ import annotations

import pytest

from newsgraph.nlp import get_nlp
from newsgraph.quotes import extract_quotes
from newsgraph.quotes.lexicon import attribution
from newsgraph.records import Article, Entity, Mention

from quotes_helpers import find, run


def _claims(text: str, entities=()):
    article = Article(id="t1", source="test", text=text, published="2023-03-01")
    return extract_quotes(article, get_nlp()(text), list(entities))[1]


def _claim(text: str, number: str):
    start = text.index(number)
    found = [c for c in _claims(text) if c.start <= start < c.end]
    assert found, f"no claim at {number!r}"
    return found[0]


@pytest.fixture
def silent_reports(monkeypatch):
    """attribution.json's silent_reports switched on (off by default, see there)."""
    monkeypatch.setitem(attribution(), "silent_reports", {"negated_cues": True, "participles_on_nouns": True})


def test_silent_reports_are_off_by_default():
    assert run("The army did not say where the two soldiers were hit.")


def test_participle_on_a_noun_is_no_speech_act(silent_reports):
    quotes = run("The senate adopted a charter denouncing the blockade of the port.")
    assert not [q for q in quotes if q.cue == "denouncing"]


def test_statement_saying_still_reports(silent_reports):
    quotes = run("The army issued a statement saying that the convoy had reached the border.")
    assert find(quotes, "the convoy had reached the border")


def test_negated_cue_reports_nothing(silent_reports):
    quotes = run("Two soldiers were wounded on Friday. The army did not say where they were hit.")
    assert not [q for q in quotes if q.cue == "say"]


def test_negated_announcement_reports_nothing(silent_reports):
    assert not run("The electoral board has not announced a date for the runoff.")


def test_purpose_infinitive_is_no_speech():
    quotes = run("Hundreds of farmers drove their tractors to the capital to protest against new fuel taxes.")
    assert not [q for q in quotes if q.cue == "protest"]


def test_relative_clause_report_starts_after_the_cue():
    quotes = run("The council debated a plan which residents say will destroy the old market.")
    quote = find(quotes, "will destroy the old market")
    assert quote.text == "will destroy the old market"


def test_quoted_words_at_the_end_keep_their_closing_mark():
    quotes = run('Officials said the fire was started by "people who wanted the land cleared".')
    quote = find(quotes, "the fire was started")
    assert quote.text.endswith('cleared"')


def test_person_in_apposition_to_an_office_speaks():
    quotes = run("The European Commissioner for Trade, Maria Lindqvist, warned the two sides to resume talks.")
    assert find(quotes, "resume talks").speaker.name == "Maria Lindqvist"


def test_medium_named_before_its_noun_is_the_via():
    quotes = run("The border will stay closed until the spring, she told Rudaw television.")
    assert find(quotes, "The border will stay closed").via == "Rudaw"


def test_definite_noun_resolves_to_the_body_named_before():
    text = "The Defence Ministry said on Monday that two drones were shot down. The ministry said debris fell on a farm."
    ministry = Entity(id="t1#e0", name="Defence Ministry", type="ORG",
                      mentions=[Mention("t1", 4, 20, "Defence Ministry")])
    article = Article(id="t1", source="test", text=text, published="2023-03-01")
    quotes = extract_quotes(article, get_nlp()(text), [ministry])[0]
    assert find(quotes, "debris fell on a farm").speaker.entity_id == "t1#e0"


def test_trailing_time_clause_is_not_what_was_said():
    text = ("Rebel fighters shelled a village near the river on Sunday, wounding at least 7 civilians, "
            "the regional governor said, hours before the talks were due to open.")
    article = Article(id="t1", source="test", text=text, published="2023-03-01")
    quotes, claims = extract_quotes(article, get_nlp()(text), [])
    quote = find(quotes, "shelled a village")
    assert "talks" not in quote.text and quote.cue == "said"
    assert not [q for q in quotes if q.text.startswith("hours before")]
    seven = [c for c in claims if c.value == 7]
    assert seven and seven[0].attribution == ["the regional governor"]


def test_clock_time_is_no_claim():
    text = "The shelling stopped at 0430 GMT, the monitor said."
    assert not [c for c in _claims(text) if c.value in (430, 4.3)]


def test_tens_of_thousands_is_ten_thousand():
    assert _claim("Tens of thousands of workers went on strike on Tuesday.", "Tens").value == 10000


def test_measure_with_rate_gives_unit_and_rate():
    claim = _claim("The refinery processes 120,000 barrels a day.", "120,000")
    assert claim.unit == "barrels per day" and claim.what != "day"


def test_party_vote_share():
    text = "Early results showed the Liberals fell to 12.4 percent. The Farmers Union won 9 percent."
    assert _claim(text, "12.4").what == "Liberals vote share"
    assert _claim(text, "9 percent").what == "Farmers Union vote share"


def test_moving_quantity_names_itself():
    assert _claim("Unemployment rose to 7 percent in March.", "7 percent").what == "Unemployment"


def test_toll_put_at_a_number():
    assert _claim("On Monday the police put the death toll at 14.", "14").what == "death toll"


def test_hundreds_of_thousands_is_a_hundred_thousand():
    assert _claim("Hundreds of thousands of residents fled the coast.", "Hundreds").value == 100000


def test_measure_a_subject_falls_to_names_the_subject():
    claim = _claim("The mine's copper output fell to 40,000 tonnes a year in 2022.", "40,000")
    assert claim.unit == "tonnes per year" and claim.what == "mine's copper output"


def test_a_negated_cue_marks_its_quote_negated():
    quotes = run("The ministry did not say how the prisoners died. The governor said the roads would reopen on Monday.")
    flags = {q.text: q.negated for q in quotes}
    assert flags.get("how the prisoners died") is True
    assert flags.get("the roads would reopen on Monday") is False
