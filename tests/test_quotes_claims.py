"""Claims: numbers someone asserts, on news sentences written for these tests."""
from __future__ import annotations

import pytest

from newsgraph.nlp import get_nlp
from newsgraph.quotes import extract_quotes
from newsgraph.quotes.claims import parse_value
from newsgraph.records import Article


def claims_of(text: str):
    article = Article(id="a2", source="test", text=text, published="2022-05-04")
    return extract_quotes(article, get_nlp()(text), [])[1]


def claim(claims, value):
    found = [c for c in claims if c.value == value]
    assert found, f"no claim of {value} in {[(c.value, c.text) for c in claims]}"
    return found[0]


@pytest.mark.parametrize("text, value", [
    ("at least 320", 320), ("more than 1,200", 1200), ("nearly 40%", 40), ("two million", 2_000_000),
    ("$4.5 billion", 4_500_000_000), ("three hundred", 300), ("twenty-five", 25), ("a dozen", 12),
])
def test_parse_value(text, value):
    assert parse_value(text) == value


def test_two_step_source_chain_with_acronym():
    text = ("More than 150 fishermen have been detained since January, according to the Coastal "
            "Workers Solidarity League (CWSL) cited by Agence France-Presse.")
    c = claim(claims_of(text), 150)
    assert c.attribution == ["CWSL", "Agence France-Presse"]
    assert "fishermen" in c.what and "detained" in c.what


def test_percent_with_period_and_data_source():
    text = ("Almost 30% of the grain exported by the region between 2015 and 2020 went to Egypt, "
            "according to figures from the Black Sea Trade Institute (BSTI).")
    c = claim(claims_of(text), 30)
    assert c.unit == "%" and "grain" in c.what
    assert (c.period.start, c.period.end) == ("2015", "2020")
    assert c.attribution == ["BSTI"]


def test_money_and_speaker_attribution():
    text = "The ministry said it had spent $4.5 million on new classrooms."
    c = claim(claims_of(text), 4_500_000)
    assert c.unit == "USD" and c.attribution == ["The ministry"]


def test_words_and_unattributed_claim_is_empty_not_guessed():
    c = claim(claims_of("Two thousand soldiers marched through the capital."), 2000)
    assert c.attribution == [] and "soldiers" in c.what


@pytest.mark.parametrize("text", [
    "The treaty was signed in 1998 in Geneva.",
    "The talks resumed on March 3.",
    "It was the second round of talks.",
    "The air force flies MiG-29 jets.",
    "A 7-year-old girl was hurt.",
    "1. Keep calm.",
])
def test_not_claims(text):
    assert claims_of(text) == []
