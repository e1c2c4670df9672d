"""The cross-article knowledge base: from every article's own analysis to one resolved
whole. Entities are resolved across articles, time expressions anchored on another event
("a week before the coup") are dated from that event, events are re-dated and merged across
articles, and quotes/claims/stories point at the resolved records. Pure: analyses in, KB out."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Optional

from newsgraph.records import Analysis, Entity, Event, EventDate, Quote, Speaker, Story, Timex

PRECISE = {"day", "week", "month", "year", "decade", "approx"}


@dataclass
class KnowledgeBase:
    entities: list[Entity] = field(default_factory=list)
    entity_map: dict[str, str] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)


def build(analyses: Iterable[Analysis]) -> KnowledgeBase:
    from newsgraph.entities import resolve_entities
    from newsgraph.events import merge_events

    analyses = [without_body(a) for a in analyses]   # extractions are kept, article bodies are not
    kb = KnowledgeBase()
    kb.entities, kb.entity_map = resolve_entities([a.entities for a in analyses])
    by_id = {e.id: e for e in kb.entities}
    local_events = [v for a in analyses for v in a.events]
    for a in analyses:
        date_anchored(a, local_events)
        kb.timexes.extend(a.timexes)
        kb.quotes.extend(remap_quote(q, kb.entity_map, by_id) for q in a.quotes)
        kb.claims.extend(a.claims)
    kb.events = merge_events(local_events, kb.entity_map, by_id)
    return kb


def without_body(analysis: Analysis) -> Analysis:
    """The analysis with its article's text and removed lines dropped: the KB needs neither."""
    return replace(analysis, article=replace(analysis.article, text="", removed=[]))


def remap_quote(quote: Quote, entity_map: dict[str, str], by_id: dict[str, Entity]) -> Quote:
    sp = quote.speaker
    if sp is None or sp.entity_id is None or sp.entity_id not in entity_map:
        return quote
    ent = by_id.get(entity_map[sp.entity_id])
    return replace(quote, speaker=Speaker(entity_map[sp.entity_id], ent.name if ent else sp.name))


def date_anchored(analysis: Analysis, candidates: list[Event]) -> None:
    """Resolve "a week before the coup"-style timexes of one article against the dated
    event the anchor names (same article first, then any article), and re-date the
    events that took their date from such a timex. Unresolvable ones stay value None."""
    from newsgraph.timex import resolve_anchored

    for i, tx in enumerate(analysis.timexes):
        if not tx.anchor or tx.value:
            continue
        anchor_event = find_anchor_event(tx.anchor, analysis.article.id, candidates)
        if anchor_event is None:
            continue
        resolved = resolve_anchored(tx, anchor_event.date.value)
        analysis.timexes[i] = resolved
        for ev in analysis.events:
            if ev.date and ev.date.text == tx.text and (not ev.date.value or ev.date.granularity == "publication"):
                ev.date = EventDate(resolved.value, tx.text, resolved.granularity or "approx")


def anchor_words(anchor: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", anchor.lower()) if w not in {"the", "a", "an", "of", "its", "their", "this", "that"}}


def find_anchor_event(anchor: str, article_id: str, events: list[Event]) -> Optional[Event]:
    """The best dated event whose mode or trigger shares the anchor's head word."""
    words = anchor_words(anchor)
    best, best_rank = None, None
    for ev in events:
        if not ev.date or not ev.date.value or ev.date.granularity not in PRECISE - {"approx"}:
            continue
        names = anchor_words(" ".join(x for x in (ev.mode, ev.trigger) if x))
        if not words & names:
            continue
        same_article = any(e.article_id == article_id for e in ev.evidence)
        rank = (not same_article, {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}.get(ev.date.granularity, 5))
        if best_rank is None or rank < best_rank:
            best, best_rank = ev, rank
    return best


def story_records(stories: list[Story], kb: KnowledgeBase) -> list[Story]:
    """Stories with resolved entity ids (most central first) and merged events in time order."""
    out = []
    for st in stories:
        arts = set(st.article_ids)
        ents = list(dict.fromkeys(kb.entity_map.get(e, e) for e in st.entity_ids))
        evs = [v for v in kb.events if any(x.article_id in arts for x in v.evidence)]
        evs.sort(key=lambda v: (v.date.value if v.date and v.date.value else "9999"))
        out.append(replace(st, entity_ids=ents, event_ids=[v.id for v in evs]))
    return out
