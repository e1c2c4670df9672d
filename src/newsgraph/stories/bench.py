"""Throughput of the clustering stage alone (no parsing): articles per second. By default it
measures what runs in the parent process: each article's `story_features` is computed before
the clock starts, as the analysis workers compute it, and only `StoryIndex.add` (idf counts,
copy lookup) and `settle` are timed."""
from __future__ import annotations

import time


def bench(articles, repeat: int = 1, clock=time.process_time, precomputed: bool = True) -> float:
    """Feed `articles` (Article records, Analysis records, or (article, entities, events[, timexes])
    tuples) to a fresh StoryIndex as annotate does (added unplaced, then one settle) and return
    articles per second of this process's CPU time (one core; the default clock, so that other
    jobs on a shared machine do not skew it; pass clock=time.perf_counter for wall time), best of
    `repeat` runs. `precomputed=False` times the features too (the whole stage in one process)."""
    from newsgraph.stories.features import story_features
    from newsgraph.stories.index import StoryIndex
    items = [as_item(a) for a in articles]
    features = [story_features(item[0], item[1]) if precomputed else None for item in items]
    best = 0.0
    for _ in range(repeat):
        index = StoryIndex()
        started = clock()
        for item, feats in zip(items, features):
            index.add(*item, place=False, features=feats)
        index.settle()
        elapsed = clock() - started
        best = max(best, len(items) / elapsed if elapsed else float("inf"))
    return best


def as_item(record) -> tuple:
    """(article, entities, events, timexes) of an Article, an Analysis or such a tuple."""
    if isinstance(record, tuple):
        return record
    if hasattr(record, "article"):
        return (record.article, record.entities, record.events, record.timexes)
    return (record, [], [])
