"""Typed records that stages pass forward (ingest -> clean -> nlp -> entities -> events ->
timex -> quotes -> stories -> store). Field names follow ../shared/contract/SCHEMA.md;
`to_dict` gives the export form. Unknown values are None, never "" or a guess."""
from __future__ import annotations

import dataclasses
import functools
import typing
from dataclasses import dataclass, field
from typing import Any, Callable, Literal, Optional

InputKind = Literal["html", "raw_text", "text"]


def to_dict(record: Any) -> Any:
    """Export form of a record (recursively), dropping private fields that start with '_'."""
    if record is None or isinstance(record, (str, int, float)):
        return record
    if isinstance(record, (list, tuple)):
        return [to_dict(x) for x in record]
    if isinstance(record, dict):
        return {k: to_dict(v) for k, v in record.items()}
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {name: to_dict(getattr(record, name)) for name in public_fields(type(record))}
    return record


@functools.lru_cache(maxsize=None)
def public_fields(cls) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if not f.name.startswith("_"))


@dataclass
class RawDoc:
    """One input document as ingest found it, before cleaning."""
    source: str                      # file path, URL or WARC record id, as given
    kind: InputKind                  # html | raw_text (page dump with chrome) | text (clean body)
    content: str
    id: Optional[str] = None         # given id (annotate input); else derived from source+content
    url: Optional[str] = None
    published: Optional[str] = None
    title: Optional[str] = None
    site_chrome: frozenset[int] = frozenset()   # keys of lines other pages of its site repeat (clean.site)


@dataclass
class Article:
    id: str
    source: str
    text: str
    url: Optional[str] = None
    outlet: Optional[str] = None
    original_outlet: Optional[str] = None
    title: Optional[str] = None
    subtitle: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    published: Optional[str] = None
    language: Optional[str] = None
    removed: list[str] = field(default_factory=list)
    story_id: Optional[str] = None
    duplicate_of: Optional[str] = None
    main_event: Optional[dict] = None
    content_hash: Optional[str] = None


@dataclass
class Mention:
    article_id: str
    start: int
    end: int
    text: str
    kind: str = "name"               # name | alias | acronym | title | pronoun | demonym | metonym


@dataclass
class Role:
    title: str
    organization: Optional[str] = None
    country: Optional[str] = None
    first_seen: Optional[str] = None
    last_seen: Optional[str] = None


@dataclass
class Entity:
    """An entity; inside one article its id is article-local ("<article_id>#e3"), after
    cross-article resolution it is global and `mentions` span articles."""
    id: str
    name: str
    type: str                        # PERSON ORG GPE LOC NORP FAC EVENT WEAPON LAW OTHER
    aliases: list[str] = field(default_factory=list)
    country: Optional[str] = None
    actor_code: Optional[str] = None
    roles: list[Role] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # the text gave no country, a gazetteer did; not exported and not stored (only events reads it, in the pipeline run)
    _country_from_gazetteer: bool = False


@dataclass
class Actor:
    entity_id: Optional[str]
    name: str
    actor_code: Optional[str] = None


@dataclass
class Evidence:
    article_id: str
    start: int
    end: int
    sentence: str


@dataclass
class EventDate:
    value: Optional[str]
    text: Optional[str]
    granularity: Optional[str]       # day week month year decade approx publication


@dataclass
class Place:
    entity_id: Optional[str]
    name: str
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None


@dataclass
class Quantity:
    value: float
    unit: Optional[str]
    what: Optional[str]


@dataclass
class Event:
    id: str
    type: str
    mode: Optional[str]
    cameo: Optional[str]
    source: list[Actor]
    target: list[Actor]
    date: Optional[EventDate]
    place: Optional[Place]
    modality: str
    attribution: Optional[str]
    quantities: list[Quantity]
    evidence: list[Evidence]
    trigger: Optional[str] = None    # the trigger words, for display and merging


@dataclass
class Speaker:
    entity_id: Optional[str]
    name: str


@dataclass
class Quote:
    id: str
    article_id: str
    start: int
    end: int
    text: str
    speaker: Optional[Speaker]
    cue: Optional[str]
    direct: bool
    via: Optional[str] = None
    date: Optional[str] = None
    negated: bool = False      # "did not say how they died": the speaker withheld it, nothing was asserted


@dataclass
class Period:
    start: Optional[str]
    end: Optional[str]


@dataclass
class Claim:
    id: str
    article_id: str
    start: int
    end: int
    value: float
    unit: Optional[str]
    what: Optional[str]
    period: Optional[Period]
    attribution: list[str]
    text: Optional[str] = None       # the sentence-level phrase the number sits in


@dataclass
class Timex:
    article_id: str
    start: int
    end: int
    text: str
    type: str                        # DATE TIME DURATION SET
    value: Optional[str]
    granularity: Optional[str] = None
    anchor: Optional[str] = None     # for event-anchored expressions: the event words ("the coup")


@dataclass
class Story:
    id: str
    title: Optional[str]
    article_ids: list[str]
    entity_ids: list[str] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)


@dataclass
class ArticleFacts:
    """One article's quotes, claims and time expressions as the knowledge base keeps them
    (speakers resolved across articles, anchored dates resolved)."""
    article_id: str
    quotes: list[Quote]
    claims: list[Claim]
    timexes: list[Timex]


@dataclass
class Analysis:
    """Everything extracted from one article, before cross-article resolution."""
    article: Article
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    timings: dict = field(default_factory=dict)   # seconds per stage, for `make bench`; not exported
    story_features: Any = None    # stories.StoryFeatures from the workers, for StoryIndex.add; not exported or stored


def from_dict(cls, data: Any):
    """Rebuild a record (and its nested records) from its `to_dict` form."""
    if data is None or not dataclasses.is_dataclass(cls):
        return data
    return _build(cls, data)


def _build(cls, data: dict):
    kwargs = {}
    for name, convert in field_converters(cls):
        if name in data:
            value = data[name]
            kwargs[name] = convert(value) if convert is not None and value is not None else value
    return cls(**kwargs)


@functools.lru_cache(maxsize=None)
def field_converters(cls) -> tuple[tuple[str, Optional[Callable[[Any], Any]]], ...]:
    """(field name, converter of its stored form or None for as-is) of a record class, worked
    out once from the resolved type hints: `get_type_hints` compiles the annotations' strings
    on every call, and a per-value type walk is what makes reading a store slow."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, converter(hints[f.name])) for f in dataclasses.fields(cls))


def converter(hint) -> Optional[Callable[[Any], Any]]:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Union:
        inner = [a for a in args if a is not type(None)]
        return converter(inner[0]) if len(inner) == 1 else None
    if origin is list and args and dataclasses.is_dataclass(args[0]):
        item = args[0]
        return lambda values: [_build(item, v) for v in values]
    if dataclasses.is_dataclass(hint):
        return lambda value: _build(hint, value)
    return None
