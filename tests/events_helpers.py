"""Shared helpers of the events tests: run the events stage on one sentence, read its dyads."""
from __future__ import annotations

from newsgraph.entities import extract_entities
from newsgraph.events import extract_events
from newsgraph.nlp import reading
from newsgraph.records import Article


def events_of(nlp, text, published="2024-05-02", with_entities=False, art_id="d1", timexes=None):
    """The events of `text` as one article; with the entities stage's output when asked, and
    the given timexes."""
    art = Article(id=art_id, source="test", text=text, published=published)
    doc = nlp(text)
    with reading(doc):
        entities = extract_entities(art, doc) if with_entities else []
        return extract_events(art, doc, entities, timexes or [])


def dyads(events, typ=None):
    """(source code, target code) pairs of the events (of one PLOVER type)."""
    return {(a.actor_code, b.actor_code) for e in events if typ in (None, e.type) for a in e.source for b in e.target}


def of_type(events, typ):
    """The events of one PLOVER type."""
    return [e for e in events if e.type == typ]
