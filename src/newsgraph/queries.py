"""Read-side queries over the store's knowledge base, shared by the CLI, the API and the UI:
events by actor/type/country/date, quotes by speaker/word, claims by topic/source, stories."""
from __future__ import annotations

from typing import Optional

from newsgraph.records import Claim, Event, Quote, Story, from_dict
from newsgraph.store import Store


def fold(s: Optional[str]) -> str:
    return (s or "").casefold()


def entity_ids_matching(store: Store, name: Optional[str]) -> Optional[set[str]]:
    """Ids of the entities a user's name refers to (name or alias, exact, else substring)."""
    if not name:
        return None
    want = fold(name)
    ents = list(store.entities())
    exact = {e.id for e in ents if want == fold(e.name) or any(want == fold(a) for a in e.aliases)}
    return exact or {e.id for e in ents if want in fold(e.name) or any(want in fold(a) for a in e.aliases)}


def in_range(value: Optional[str], since: Optional[str], until: Optional[str]) -> bool:
    if not since and not until:
        return True
    if not value:
        return False
    v = value[:10]
    return (not since or v >= since[: len(v)]) and (not until or v[: len(until)] <= until)


def events(store: Store, actor: Optional[str] = None, type_: Optional[str] = None, country: Optional[str] = None,
           since: Optional[str] = None, until: Optional[str] = None, story: Optional[str] = None) -> list[Event]:
    ids = entity_ids_matching(store, actor)
    story_events = None
    if story:
        st = find_story(store, story)
        story_events = set(st.event_ids) if st else set()
    out = []
    for ev in store.events():
        actors = ev.source + ev.target
        if ids is not None and not any(a.entity_id in ids for a in actors) and not any(fold(actor) == fold(a.name) for a in actors):
            continue
        if type_ and fold(ev.type) != fold(type_) and fold(ev.mode) != fold(type_):
            continue
        if country and not (any((a.actor_code or "")[:3] == country.upper() for a in actors) or (ev.place and ev.place.country == country.upper())):
            continue
        if not in_range(ev.date.value if ev.date else None, since, until):
            continue
        if story_events is not None and ev.id not in story_events:
            continue
        out.append(ev)
    return out


def quotes(store: Store, speaker: Optional[str] = None, about: Optional[str] = None,
           since: Optional[str] = None) -> list[Quote]:
    ids = entity_ids_matching(store, speaker)
    out = []
    for q in (from_dict(Quote, r) for r in store.get_state("quotes") or []):
        sp = q.speaker
        if speaker and not (sp and ((ids and sp.entity_id in ids) or fold(speaker) in fold(sp.name))):
            continue
        if about and fold(about) not in fold(q.text):
            continue
        if since and not in_range(q.date, since, None):
            continue
        out.append(q)
    return out


def claims(store: Store, about: Optional[str] = None, source: Optional[str] = None) -> list[Claim]:
    out = []
    for c in (from_dict(Claim, r) for r in store.get_state("claims") or []):
        if about and fold(about) not in fold(c.what) and fold(about) not in fold(c.text) and fold(about) not in fold(c.unit):
            continue
        if source and not any(fold(source) in fold(s) for s in c.attribution):
            continue
        out.append(c)
    return out


def stories(store: Store) -> list[Story]:
    return [from_dict(Story, r) for r in store.get_state("story_records") or []]


def find_story(store: Store, story_id: str) -> Optional[Story]:
    return next((s for s in stories(store) if s.id == story_id or s.id.startswith(story_id)), None)
