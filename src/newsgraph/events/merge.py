"""Cross-article merging after entity resolution: rewrite article-local entity ids to
global ones, then fold records of one real-world event (same type and mode, compatible
actors, dates and places) into one whose evidence lists every article. Merged ids are a
hash of the merged key, so they do not depend on input order."""
from __future__ import annotations

import copy
import hashlib
from collections import Counter, defaultdict

from newsgraph.records import Actor, Entity, Event, Place
from .actors import country_of_name
from .lexicon import cues
from .same import actor_key, fold, same_event


def _rewrite_actor(a: Actor, entity_map: dict[str, str], entities_by_id: dict[str, Entity]) -> Actor:
    gid = entity_map.get(a.entity_id, a.entity_id) if a.entity_id else None
    ent = entities_by_id.get(gid) if gid else None
    return Actor(gid, ent.name if ent else a.name, better_code(a.actor_code, ent.actor_code if ent else None))


def better_code(local: str | None, resolved: str | None) -> str | None:
    """The article's own code, unless it lacks the country the resolved entity knows ("---GOV")."""
    if not local or (local.startswith("---") and resolved and not resolved.startswith("---")):
        return resolved or local
    return local


def _rewrite(ev: Event, entity_map: dict[str, str], entities_by_id: dict[str, Entity]) -> Event:
    ev = copy.deepcopy(ev)
    ev.source = [_rewrite_actor(a, entity_map, entities_by_id) for a in ev.source]
    ev.target = [_rewrite_actor(a, entity_map, entities_by_id) for a in ev.target]
    if ev.place is not None and ev.place.entity_id:
        gid = entity_map.get(ev.place.entity_id, ev.place.entity_id)
        ent = entities_by_id.get(gid)
        ev.place.entity_id = gid
        if ent is not None:
            ev.place.name = ent.name
            ev.place.country = ev.place.country or ent.country
    return ev


def _places_compatible(a: Event, b: Event) -> bool:
    """Unknown, the same place, or one of them the whole country the other lies in. Two
    different towns of one country are two places."""
    if a.place is None or b.place is None:
        return True
    if a.place.entity_id and a.place.entity_id == b.place.entity_id:
        return True
    if a.place.name.lower() == b.place.name.lower():
        return True
    same_country = a.place.country is not None and a.place.country == b.place.country
    return same_country and (_is_country_place(a.place) or _is_country_place(b.place))


def _is_country_place(place: Place) -> bool:
    return country_of_name(place.name) == place.country


def _real_date(ev: Event) -> bool:
    return bool(ev.date and ev.date.value and ev.date.granularity != "publication")


def _reported_before(dated: Event, other: Event) -> bool:
    """A dated event cannot be one that another article reported before it happened."""
    published = other.date.value[:10] if other.date and other.date.value and other.date.granularity == "publication" else None
    return published is None or dated.date.value[:10][:len(published)] <= published


def _dates_fit(a: Event, b: Event) -> bool:
    if _real_date(a) and not _real_date(b):
        return _reported_before(a, b)
    if _real_date(b) and not _real_date(a):
        return _reported_before(b, a)
    return True


def _same_named_actor(a: Event, b: Event) -> bool:
    ids_a = {x.entity_id for x in a.source + a.target if x.entity_id}
    return bool(ids_a & {x.entity_id for x in b.source + b.target if x.entity_id})


def _same_day_or_place(a: Event, b: Event) -> bool:
    day = _real_date(a) and _real_date(b) and a.date.granularity == "day" and a.date.value[:10] == b.date.value[:10]
    place = a.place is not None and b.place is not None and _places_compatible(a, b) and not _is_country_place(a.place)
    return bool(day or place)


def _strong_link(a: Event, b: Event) -> bool:
    """Recurrent acts (killings, arrests, protests) happen many times in one country: two
    reports are one happening only with a named actor in common, or the same day or town.
    A coup is not recurrent: one country does not have two in one month."""
    if a.type not in cues()["recurrent_types"] or a.mode in cues()["one_off_modes"]:
        return True
    return _same_named_actor(a, b) or _same_day_or_place(a, b)


def merged_id(ev: Event) -> str:
    key = "|".join([
        ev.type, ev.mode or "", ev.modality,
        ",".join(sorted(actor_key(a) for a in ev.source)),
        ",".join(sorted(actor_key(a) for a in ev.target)),
        (ev.date.value or "") if ev.date else "",
        ",".join(sorted({f"{e.article_id}:{e.start}" for e in ev.evidence})),
    ])
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def merge_events(events: list[Event], entity_map: dict[str, str], entities_by_id: dict[str, Entity]) -> list[Event]:
    """One record per real-world event across articles; evidence lists every article. Only
    events of one type, modality and mode can merge, so each is compared within that block."""
    rewritten = sorted((_rewrite(e, entity_map, entities_by_id) for e in events), key=lambda e: (e.evidence[0].article_id if e.evidence else "", e.evidence[0].start if e.evidence else 0))
    out: list[Event] = []
    blocks: dict[tuple, list[Event]] = defaultdict(list)
    for ev in rewritten:
        block = blocks[(ev.type, ev.modality, ev.mode)]
        match = next((o for o in block if _mergeable(o, ev)), None)
        if match is None:
            out.append(ev)
            block.append(ev)
        else:
            fold(match, ev)
    return distinct_ids(out)


def distinct_ids(events: list[Event]) -> list[Event]:
    """Ids from each event's content; two events alike in every keyed field (one sentence
    read twice) are told apart by their order in the input, which is sorted."""
    seen: Counter = Counter()
    for ev in events:
        base = merged_id(ev)
        ev.id = base if not seen[base] else "ev-" + hashlib.sha1(f"{base}#{seen[base]}".encode()).hexdigest()[:16]
        seen[base] += 1
    return events


def _mergeable(a: Event, b: Event) -> bool:
    arts_a = {e.article_id for e in a.evidence}
    arts_b = {e.article_id for e in b.evidence}
    if arts_a & arts_b:            # within-article folding is extract's job; keep its decisions
        return False
    if a.mode != b.mode or not same_event(a, b, loose=False) or not _places_compatible(a, b):
        return False
    if not _dates_fit(a, b) or not _strong_link(a, b):
        return False
    both_known = (a.source and b.source) or (a.target and b.target)
    both_dated = a.date and b.date and a.date.granularity != "publication" and b.date.granularity != "publication"
    return bool(both_known or both_dated)
