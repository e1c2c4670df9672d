"""What a story shows: its most representative headline, its actors ranked by centrality in
the entity co-occurrence graph (networkx), its events in date order."""
from __future__ import annotations

from collections import Counter
from itertools import combinations

import networkx as nx

from newsgraph.records import Entity, Event, Story
from newsgraph.stories.keys import NAME_TYPES, entity_name
from newsgraph.stories.vectors import OnlineIdf, tokens, weigh

MAX_ACTORS_PER_ARTICLE = 30


def actor_entries(entities: list[Entity]) -> tuple[list[str], dict[str, str]]:
    """The named entities an article brings: one key each (at most MAX_ACTORS_PER_ARTICLE),
    and each key's first entity id."""
    keys: list[str] = []
    first_ids: dict[str, str] = {}
    for ent in entities:
        if ent.type not in NAME_TYPES or not ent.name:
            continue
        key = f"{ent.type}:{entity_name(ent)}"
        first_ids.setdefault(key, ent.id)
        if key not in keys:
            keys.append(key)
    return keys[:MAX_ACTORS_PER_ARTICLE], first_ids


def event_entries(events: list[Event]) -> list[list]:
    """[date value, event id] per event, as a story's timeline keeps them."""
    return [[ev.date.value if ev.date and ev.date.value else None, ev.id] for ev in events]


def ranked_actors(story) -> list[str]:
    """Entity keys, most central first: weighted degree in the co-occurrence graph, then
    how many articles name them, then first appearance."""
    graph = nx.Graph()
    seen: Counter[str] = Counter()
    first: dict[str, int] = {}
    for keys in story.actors:
        for key in keys:
            seen[key] += 1
            first.setdefault(key, len(first))
            graph.add_node(key)
        for a, b in combinations(keys, 2):
            weight = graph[a][b]["weight"] + 1 if graph.has_edge(a, b) else 1
            graph.add_edge(a, b, weight=weight)
    degree = dict(graph.degree(weight="weight"))
    return sorted(graph.nodes, key=lambda k: (-degree[k], -seen[k], first[k]))


def timeline(story) -> list[str]:
    """Event ids in date order; undated events last, in the order they came."""
    indexed = list(enumerate(story.events))
    indexed.sort(key=lambda item: (item[1][0] is None, item[1][0] or "", item[0]))
    return [event_id for _, (_, event_id) in indexed]


def best_title(story, idf: OnlineIdf) -> str | None:
    """The headline closest to the story's word centroid."""
    best, best_score = None, -1.0
    for _, title in story.titles:
        score = story.centroids["title"].cosine(weigh(Counter(tokens(title)), idf)) if tokens(title) else 0.0
        if score > best_score:
            best, best_score = title, score
    return best


def story_record(story, idf: OnlineIdf) -> Story:
    return Story(id=story.id, title=best_title(story, idf), article_ids=list(story.article_ids),
                 entity_ids=[story.entity_ids[k] for k in ranked_actors(story)],
                 event_ids=timeline(story))
