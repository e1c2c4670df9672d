"""The timex stage: tags every time expression in an article's text and normalizes it to TIMEX3
(type DATE/TIME/DURATION/SET, ISO-like value) against the article's publication date in the
page's own zone, using the tense of the governing verb for direction ("on Wednesday" in a past
sentence is the Wednesday before publication). Event-anchored expressions ("a week before the
coup") carry `anchor` and no value until `resolve_anchored` is given the anchor event's date.

Public interface:
    extract_timexes(article, doc) -> list[Timex]
    governing_timex(doc, trigger_token_i, timexes) -> Timex | None
    resolve_anchored(timex, anchor_date) -> Timex
"""
from __future__ import annotations

import dataclasses
import re
from typing import Optional

from spacy.tokens import Doc

from newsgraph.records import Article, Timex
from newsgraph.timex import calendar as cal
from newsgraph.timex.anchored import find_anchored, offset_of_text, shift_value
from newsgraph.timex.extract import find_timexes
from newsgraph.timex.govern import governing_timex
from newsgraph.timex.mentions import anchor_date_in_text

__all__ = ["extract_timexes", "governing_timex", "resolve_anchored", "preload"]


def preload() -> None:
    """Compile the grammar and load the lexicon now (before worker processes fork)."""
    from newsgraph.timex.anchored import anchored_patterns, measure_gate
    from newsgraph.timex.grammar import compiled_gates, compiled_rules
    for load in (compiled_rules, compiled_gates, anchored_patterns, measure_gate):
        load()


def extract_timexes(article: Article, doc: Optional[Doc] = None) -> list[Timex]:
    """Every time expression in article.text, with char offsets, type, TIMEX3 value and granularity."""
    text = article.text or ""
    found = find_timexes(text, article.published, doc)
    timexes = [Timex(article.id, f.start, f.end, text[f.start:f.end], f.type, f.value, cal.granularity_of(f.value))
               for f in found]
    return merge_anchored(article.id, text, timexes, doc)


def merge_anchored(article_id: str, text: str, timexes: list[Timex], doc: Optional[Doc] = None) -> list[Timex]:
    """Replace the measure part of anchored phrases ("a week" in "a week before the coup") by the
    whole anchored expression; resolve it at once when the anchor is itself a dated timex, or
    when the phrase renames the date just before it ("March 9, the day before the vote"), or when
    the article dates the anchor event itself ("The truce began on Friday ... a day before the truce")."""
    out = list(timexes)
    for a in find_anchored(text):
        if any(t.start < a.start < t.end for t in out):
            continue
        dated = next((t for t in timexes if t.start <= a.anchor_start < t.end), None)
        if dated is not None and (a.days == 0 or dated.type not in ("DATE", "TIME")):
            continue                                  # "the night of Oct. 23" is Oct. 23 itself
        end = max(a.end, dated.end) if dated else a.end
        out = [t for t in out if not (a.start <= t.start < a.anchor_start)]
        anchor = text[a.anchor_start:end] if dated else a.anchor
        anchored = Timex(article_id, a.start, end, text[a.start:end], "DATE", None, "approx", anchor=anchor)
        if dated is not None and dated.value and dated.value[:1].isdigit():
            anchored = resolve_anchored(anchored, dated.value)
        named = appositive_date(text, timexes, a.start)
        if anchored.value is None and named is not None:
            anchored = dataclasses.replace(anchored, value=named.value, granularity=named.granularity)
        if anchored.value is None and dated is None:
            anchored = resolve_anchored(anchored, anchor_date_in_text(doc, timexes, a.anchor_start, a.end))
        out.append(anchored)
    return sorted(out, key=lambda t: (t.start, t.end))


def appositive_date(text: str, timexes: list[Timex], start: int) -> Optional[Timex]:
    """The calendar date that a definite phrase at `start` stands in apposition to ("Oct. 12, the
    day before the crash"): the dated timex that ends just before it, a comma between them. A
    measure phrase after the comma ("Friday, two months after the raid") is an adverbial of its own."""
    if not re.match(r"(?i)the\s", text[start:start + 4]):
        return None
    for t in timexes:
        if t.end <= start and re.fullmatch(r"\s*,\s*", text[t.end:start]) and cal.granularity_of(t.value) == "day":
            return t
    return None


def resolve_anchored(timex: Timex, anchor_date: Optional[str]) -> Timex:
    """The anchored timex with its value computed from the anchor event's date (offset arithmetic,
    granularity "approx"); unchanged when the anchor date or the offset is unknown."""
    if not anchor_date or timex.anchor is None:
        return timex
    days = offset_of_text(timex.text)
    if days is None:
        return timex
    value = shift_value(anchor_date, days)
    if value is None:
        return timex
    return dataclasses.replace(timex, value=value, granularity="approx")
