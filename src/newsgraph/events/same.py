"""When two event records describe one real-world event, and how to fold them into one:
same type, compatible modes, actors, dates and modality. Used within an article (repeated
mentions) and across articles (merge.py)."""
from __future__ import annotations

from typing import Optional

from newsgraph.records import Actor, Event, EventDate
from .lexicon import cues


def actor_key(a: Actor) -> str:
    return a.entity_id or (a.actor_code or "") + "|" + a.name.lower()


def _country(a: Actor) -> Optional[str]:
    country = (a.actor_code or "")[:3]
    return None if not country or country == "---" else country


def actors_compatible(xs: list[Actor], ys: list[Actor]) -> bool:
    """Either side unknown, or some actor in common (same entity, name or country)."""
    if not xs or not ys:
        return True
    for x in xs:
        for y in ys:
            if x.entity_id and x.entity_id == y.entity_id:
                return True
            if x.name.lower() == y.name.lower():
                return True
            if x.entity_id and y.entity_id:
                continue          # two different named actors
            if x.actor_code and (x.actor_code == y.actor_code or _is_country(x) and _country(x) == _country(y)
                                 or _is_country(y) and _country(x) == _country(y)):
                return True
    return False


def _is_country(a: Actor) -> bool:
    return bool(a.actor_code) and len(a.actor_code) == 3


def modes_compatible(a: Optional[str], b: Optional[str], loose: bool) -> bool:
    if a == b or a is None or b is None:
        return True
    consult = set(cues()["consult_modes"])
    return loose and a in consult and b in consult


def dates_compatible(a: Optional[EventDate], b: Optional[EventDate]) -> bool:
    if a is None or b is None or not a.value or not b.value:
        return True
    if a.granularity == "publication" or b.granularity == "publication":
        return True
    x, y = a.value[:10], b.value[:10]
    return x.startswith(y) or y.startswith(x)


def better_date(a: Optional[EventDate], b: Optional[EventDate]) -> Optional[EventDate]:
    """The more precise of two compatible dates (a real timex beats the publication date)."""
    if a is None or not a.value:
        return b
    if b is None or not b.value:
        return a
    if (a.granularity == "publication") != (b.granularity == "publication"):
        return b if a.granularity == "publication" else a
    return b if len(b.value) > len(a.value) else a


def same_event(a: Event, b: Event, loose: bool = True) -> bool:
    return (a.type == b.type and a.modality == b.modality
            and modes_compatible(a.mode, b.mode, loose)
            and actors_compatible(a.source, b.source) and actors_compatible(a.target, b.target)
            and dates_compatible(a.date, b.date)
            and (not loose or counts_compatible(a, b))
            and (a.mode is not None or bool(shared(a, b))))


def counts_compatible(a: Event, b: Event) -> bool:
    """Within one article, '12 killed' and '40 killed' are two happenings."""
    counts_a = {(q.what, q.value) for q in a.quantities}
    whats_a = {w for w, _ in counts_a}
    return all((q.what, q.value) in counts_a for q in b.quantities if q.what in whats_a)


def shared(a: Event, b: Event) -> set[str]:
    ka = {actor_key(x) for x in a.source + a.target}
    kb = {actor_key(x) for x in b.source + b.target}
    return ka & kb


def union_actors(xs: list[Actor], ys: list[Actor]) -> list[Actor]:
    out = list(xs)
    for y in ys:
        if not any(actor_key(y) == actor_key(x) or (y.entity_id is None and same_group(x, y)) for x in out):
            out.append(y)
    return out


def same_group(x: Actor, y: Actor) -> bool:
    """One unnamed group told twice: '7 suspected militants' / 'seven suspected militants',
    'the militants' / 'seven suspected militants' (same code, same head noun, one name
    the tail of the other once numbers are written alike)."""
    if x.entity_id is not None or y.entity_id is not None or (x.actor_code or "") != (y.actor_code or ""):
        return False
    a, b = name_words(x.name), name_words(y.name)
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return bool(short) and long_[-len(short):] == short and not any(w.isdigit() for w in short)


def name_words(name: str) -> list[str]:
    """Lower-cased words of a group's name, numbers as digits, without a leading article."""
    numbers = cues()["number_words"]
    words = [str(numbers.get(w, w)) for w in name.lower().replace(",", "").split()]
    return words[1:] if words and words[0] in {"the", "a", "an"} else words


def fold(into: Event, other: Event, keep_evidence_per_article: bool = True) -> Event:
    """Fold other into `into` (in place): actors, date, place, quantities, evidence."""
    into.source = union_actors(into.source, other.source)
    into.target = union_actors(into.target, other.target)
    into.date = better_date(into.date, other.date)
    into.place = into.place or other.place
    into.mode = into.mode if into.mode and (into.mode != "meet" or not other.mode) else other.mode or into.mode
    into.cameo = into.cameo or other.cameo
    into.attribution = into.attribution or other.attribution
    for q in other.quantities:
        if not any(q.value == p.value and q.what == p.what for p in into.quantities):
            into.quantities.append(q)
    have = {e.article_id for e in into.evidence}
    for ev in other.evidence:
        if not keep_evidence_per_article or ev.article_id not in have:
            into.evidence.append(ev)
            have.add(ev.article_id)
    return into


def is_bare(ev: Event) -> bool:
    return not ev.source and not ev.target


def dedupe(events: list[Event], loose: bool = True) -> list[Event]:
    """Fold repeated mentions. Events with actors are folded first; a bare mention ('the
    visit') then joins the nearest earlier event it fits, else the nearest later one."""
    out: list[Event] = []
    for ev in (e for e in events if not is_bare(e)):
        match = next((o for o in out if same_event(o, ev, loose)), None)
        if match is None:
            out.append(ev)
        else:
            fold(match, ev)
    for ev in (e for e in events if is_bare(e)):
        pos = ev.evidence[0].start if ev.evidence else 0
        fits = [o for o in out if same_event(o, ev, loose)]
        earlier = [o for o in fits if o.evidence and o.evidence[0].start <= pos]
        match = max(earlier, key=lambda o: o.evidence[0].start) if earlier else (fits[0] if fits else None)
        if match is None:
            out.append(ev)
        else:
            fold(match, ev)
    return sorted(out, key=lambda e: e.evidence[0].start if e.evidence else 0)
