"""What the story stage reads from one article without looking at the index: its words
counted per channel (no idf yet), the numbers, the copy fingerprint and MinHash sketch, the
entity keys and the actors its story's summary gets. A pure function of the article and its
entities, so the analysis workers compute it (pipeline stage "stories") and the parent's
`StoryIndex.add` only does the stateful part (idf counts, copy lookup, story placement).
What depends on events and timexes (event keys, periods, the article's day) is left to
`add`: it is cheap, and annotate re-dates anchored events after the workers are done.
Everything here pickles as plain tuples, lists, arrays and one small numpy array."""
from __future__ import annotations

from array import array
from collections import Counter
from dataclasses import dataclass

import numpy as np

from newsgraph.records import Article, Entity
from newsgraph.stories import summary
from newsgraph.stories.dupes import fingerprint, text_sketch
from newsgraph.stories.keys import (
    entity_keys,
    entity_name,
    number_keys,
    protagonist_keys,
)
from newsgraph.stories.vectors import tokens

Counted = tuple[tuple[str, ...], array]      # terms (first-seen order) and their counts


@dataclass(slots=True)
class StoryFeatures:
    """One article's index-free story features; `made_with` is the (body_chars, title_repeat,
    lead_words) they were computed with (`add` recomputes them under other Params)."""
    made_with: tuple[int, int, int]
    counts: dict[str, Counted]        # text, title, persons, numbers, protagonists
    entity_keys: list[str]            # the `keys` channel before its event keys
    prints: list[str]                 # copy fingerprint (entity names, numbers, quote openings)
    sketch: np.ndarray | None         # MinHash of the body's shingles (uint32), None when too short
    actors: list[str]
    first_ids: dict[str, str]


def made_with(params) -> tuple[int, int, int]:
    return (params.body_chars, params.title_repeat, params.lead_words)


def counted(items: Counter | list[str]) -> Counted:
    """Terms with repeats (or a Counter) as terms and counts, in the Counter's order."""
    counts = items if isinstance(items, Counter) else Counter(items)
    return tuple(counts), array("I", counts.values())


def story_features(article: Article, entities: list[Entity], params=None) -> StoryFeatures:
    """The story features of one article (`params`: the index's Params, default Params())."""
    if params is None:
        from newsgraph.stories.index import Params
        params = Params()
    lead = (article.text or "")[: params.body_chars]
    body = tokens(lead)
    numbers = number_keys(body)
    title = tokens(article.title) if article.title else []
    text = Counter(title * params.title_repeat)
    text.update(body[: params.lead_words])
    text.update(body)
    keys = entity_keys(entities)
    names = sorted({entity_name(e) for e in entities if e.name})
    actors, first_ids = summary.actor_entries(entities)
    counts = {
        "text": counted(text),
        "title": counted(title),
        "persons": counted([k for k in keys if k.startswith("PERSON:")]),
        "numbers": counted(numbers),
        "protagonists": counted(protagonist_keys(entities, article.title)),
    }
    return StoryFeatures(made_with(params), counts, keys, sorted(fingerprint(names, numbers, lead)),
                         text_sketch(body), actors, first_ids)
