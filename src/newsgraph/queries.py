"""Read-side queries over the store's knowledge base, shared by the CLI, the API and the UI:
events by actor/type/country/date, quotes by speaker/word, claims by topic/source, stories."""
from __future__ import annotations

from typing import Iterator, Optional

from newsgraph.records import Claim, Entity, Event, Quote, Story
from newsgraph.store import Store


def fold(s: Optional[str]) -> str:
    return (s or "").casefold()


def entities_matching(store: Store, name: str) -> list[Entity]:
    """The entities a user's name refers to: by name or alias, exact, else as a substring."""
    want = fold(name)
    exact: list[Entity] = []
    partial: list[Entity] = []
    for e in store.entities():
        names = [fold(e.name)] + [fold(a) for a in e.aliases]
        if want in names:
            exact.append(e)
        elif any(want in n for n in names):
            partial.append(e)
    return exact or partial


def entity_ids_matching(store: Store, name: Optional[str]) -> Optional[set[str]]:
    """Ids of the entities a user's name refers to; None when no name is given."""
    return {e.id for e in entities_matching(store, name)} if name else None


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
           since: Optional[str] = None) -> Iterator[Quote]:
    ids = entity_ids_matching(store, speaker)
    for q in store.quotes():
        sp = q.speaker
        if speaker and not (sp and ((ids and sp.entity_id in ids) or fold(speaker) in fold(sp.name))):
            continue
        if about and fold(about) not in fold(q.text):
            continue
        if since and not in_range(q.date, since, None):
            continue
        yield q


def claims(store: Store, about: Optional[str] = None, source: Optional[str] = None) -> Iterator[Claim]:
    for c in store.claims():
        if about and fold(about) not in fold(c.what) and fold(about) not in fold(c.text) and fold(about) not in fold(c.unit):
            continue
        if source and not any(fold(source) in fold(s) for s in c.attribution):
            continue
        yield c


def stories(store: Store) -> Iterator[Story]:
    return store.stories()


def find_story(store: Store, story_id: str) -> Optional[Story]:
    return store.story(story_id)
