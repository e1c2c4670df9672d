"""The cross-article knowledge base: from every article's own analysis to one resolved
whole. Entities are resolved across articles, time expressions anchored on another event
("a week before the coup") are dated from that event, events are re-dated and merged across
articles, and quotes/claims/stories point at the resolved records. Pure: analyses in, KB out.

It streams: `build` reads each analysis once and keeps only what resolution needs (entity
lists, events, and the time expressions of articles that name an anchor); quotes, claims
and time expressions are produced article by article by `article_facts`, in a second pass
the caller streams into its store."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator, Optional

from newsgraph.records import Analysis, Article, ArticleFacts, Entity, Event, EventDate, Quote, Speaker, Story, Timex

PRECISE = {"day", "week", "month", "year", "decade", "approx"}
GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}   # finer first; any other after
ANCHOR_STOPWORDS = frozenset(("the", "a", "an", "of", "its", "their", "this", "that"))
WORD_RE = re.compile(r"[a-z]+")


@dataclass
class KnowledgeBase:
    entities: list[Entity] = field(default_factory=list)
    entity_map: dict[str, str] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    anchored_timexes: dict[str, list[Timex]] = field(default_factory=dict)   # article id -> its timexes, anchors resolved
    entities_by_id: dict[str, Entity] = field(default_factory=dict)


def build(analyses: Iterable[Analysis]) -> KnowledgeBase:
    """Resolve entities and merge events across articles, reading each analysis once."""
    from newsgraph.entities import resolve_entities
    from newsgraph.events import merge_events

    local_entities: list[list[Entity]] = []
    local_events: list[Event] = []
    with_anchors: list[Analysis] = []
    for a in analyses:
        local_entities.append(a.entities)
        local_events.extend(a.events)
        if has_open_anchor(a.timexes):   # the same Event objects: re-dating one re-dates it for the merge
            with_anchors.append(Analysis(article=Article(id=a.article.id, source=a.article.source, text=""),
                                         events=a.events, timexes=a.timexes))
    kb = KnowledgeBase()
    kb.entities, kb.entity_map = resolve_entities(local_entities)
    kb.entities_by_id = {e.id: e for e in kb.entities}
    for a in with_anchors:
        date_anchored(a, local_events)
        kb.anchored_timexes[a.article.id] = a.timexes
    kb.events = merge_events(local_events, kb.entity_map, kb.entities_by_id)
    return kb


def has_open_anchor(timexes: list[Timex]) -> bool:
    return any(tx.anchor and not tx.value for tx in timexes)


def article_facts(analysis: Analysis, kb: KnowledgeBase) -> ArticleFacts:
    """The article's quotes with speakers pointing at resolved entities, its claims, and its
    time expressions with anchors dated by `build`."""
    aid = analysis.article.id
    quotes = [remap_quote(q, kb.entity_map, kb.entities_by_id) for q in analysis.quotes]
    return ArticleFacts(aid, quotes, list(analysis.claims), kb.anchored_timexes.get(aid, analysis.timexes))


def all_facts(analyses: Iterable[Analysis], kb: KnowledgeBase) -> Iterator[ArticleFacts]:
    return (article_facts(a, kb) for a in analyses)


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
    return {w for w in WORD_RE.findall(anchor.lower()) if w not in ANCHOR_STOPWORDS}


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
        rank = (not same_article, GRANULARITY_RANK.get(ev.date.granularity, len(GRANULARITY_RANK)))
        if best_rank is None or rank < best_rank:
            best, best_rank = ev, rank
    return best


def story_records(stories: Iterable[Story], kb: KnowledgeBase) -> Iterator[Story]:
    """Stories with resolved entity ids (most central first) and merged events in time order."""
    events_of_article: dict[str, list[int]] = defaultdict(list)
    for n, ev in enumerate(kb.events):
        for aid in dict.fromkeys(x.article_id for x in ev.evidence):
            events_of_article[aid].append(n)
    for st in stories:
        ents = list(dict.fromkeys(kb.entity_map.get(e, e) for e in st.entity_ids))
        evs = [kb.events[n] for n in sorted({n for aid in st.article_ids for n in events_of_article.get(aid, [])})]
        evs.sort(key=lambda v: (v.date.value if v.date and v.date.value else "9999"))
        yield replace(st, entity_ids=ents, event_ids=[v.id for v in evs])
