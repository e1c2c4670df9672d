"""Throughput of the clustering stage alone (no parsing): articles per second."""
from __future__ import annotations

import time


def bench(articles, repeat: int = 1, clock=time.process_time) -> float:
    """Feed `articles` (Article records, or (article, entities, events[, timexes]) tuples) to a fresh
    StoryIndex as annotate does (added unplaced, then one settle) and return articles per second
    of this process's CPU time (one core; the default clock, so that other jobs on a shared
    machine do not skew it; pass clock=time.perf_counter for wall time), best of `repeat` runs."""
    from newsgraph.stories.index import StoryIndex
    items = [a if isinstance(a, tuple) else (a, [], []) for a in articles]
    best = 0.0
    for _ in range(repeat):
        index = StoryIndex()
        started = clock()
        for item in items:
            index.add(*item, place=False)
        index.settle()
        elapsed = clock() - started
        best = max(best, len(items) / elapsed if elapsed else float("inf"))
    return best
