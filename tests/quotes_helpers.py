"""Shared helpers of the quotes tests: run the quotes stage on one text, find a quote by its words."""
from __future__ import annotations

from newsgraph.nlp import get_nlp
from newsgraph.quotes import extract_quotes
from newsgraph.records import Article


def run(text: str, published: str = "2023-03-01"):
    """The quotes of `text` as one article, without entities."""
    article = Article(id="t1", source="test", text=text, published=published)
    return extract_quotes(article, get_nlp()(text), [])[0]


def find(quotes, words):
    """The first quote whose text holds `words` (the test fails when there is none)."""
    found = [q for q in quotes if words in q.text]
    assert found, f"no quote with {words!r} in {[q.text for q in quotes]}"
    return found[0]
