"""Shared helpers of the timex tests: run the timex stage on one text, find one expression."""
from __future__ import annotations

from newsgraph.records import Article
from newsgraph.timex import extract_timexes


def tag(nlp, text, published="2021-06-23"):
    """The time expressions of `text` as one article published on `published`."""
    art = Article(id="t1", source="test", text=text, published=published)
    return extract_timexes(art, nlp(text))


def one(nlp, text, phrase, published="2021-06-23"):
    """The expression tagged with exactly the text `phrase` (the test fails when there is none)."""
    found = [t for t in tag(nlp, text, published) if t.text == phrase]
    assert found, f"{phrase!r} not tagged in {text!r}: {[t.text for t in tag(nlp, text, published)]}"
    return found[0]
