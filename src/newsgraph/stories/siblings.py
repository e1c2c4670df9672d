"""Sibling stories apart: two different happenings of one kind (two quakes on one island, two
heists in one city, two offers to one player) can end in one story when the first report of
the second happening finds only the first's story, clears the join threshold on what the two
share (the kind of event, the place, the people) and the rest of its reports follow it. Each
report scores far higher against its own happening's reports than against the sibling's, so
after settle a story of the batch is bisected (two far-apart seeds, then 2-means on the full
story similarity, each unit scored against its part without itself) and split when its two
parts, each of a real size, would not join each other: the mean score of the units against
the other part stays below the split threshold, which is well above the join threshold since
a group's centroid averages away what single reports say by chance."""
from __future__ import annotations

from typing import Callable

ROUNDS = 4                  # 2-means rounds at most

# A unit is a copy group as the bisection sees it (index.SplitUnit): .vecs, .day, .size.
Score = Callable[..., float]            # (story state, vecs, day, member=False) -> score (index._similarity)
MakeState = Callable[[list], object]    # units -> a scratch story state holding them (index.StoryState)


def bisect(units: list, score: Score, make_state: MakeState, min_part: int,
           threshold: float) -> list[int] | None:
    """The positions of the units to split off into a story of their own, else None."""
    if sum(u.size for u in units) < 2 * min_part or len(units) < 2:
        return None
    parts = seeded_parts(units, score, make_state)
    states = {side: make_state([u for u, p in zip(units, parts) if p == side]) for side in (False, True)}
    for _ in range(ROUNDS):
        moved = reassign(units, parts, states, score)
        if moved is None:
            break
        shift(units, parts, moved, states)
        parts = moved
    if min(sum(u.size for u, p in zip(units, parts) if p == side) for side in (False, True)) < min_part:
        return None
    if cross_score(units, parts, states, score) >= threshold:
        return None
    return [i for i, p in enumerate(parts) if p]


def seeded_parts(units: list, score: Score, make_state: MakeState) -> list[bool]:
    """Two seeds, the unit least like the whole story and the unit least like that one; each
    unit goes with the seed it is more like (True: the first seed's part)."""
    whole = make_state(units)
    first = min(range(len(units)), key=lambda i: without(whole, units[i], score))
    alone = make_state([units[first]])
    to_first = [score(alone, u.vecs, u.day) for u in units]
    second = min((i for i in range(len(units)) if i != first), key=lambda i: to_first[i])
    other = make_state([units[second]])
    return [i == first or (i != second and to_first[i] > score(other, u.vecs, u.day))
            for i, u in enumerate(units)]


def reassign(units: list, parts: list[bool], states: dict, score: Score) -> list[bool] | None:
    """One 2-means round: each unit to the part it scores higher against (its own part
    without itself); None when nothing moves or a part would be empty."""
    new = []
    for unit, side in zip(units, parts):
        own = without(states[side], unit, score)
        new.append(side if own >= score(states[not side], unit.vecs, unit.day) else not side)
    if new == parts or all(new) or not any(new):
        return None
    return new


def shift(units: list, old: list[bool], new: list[bool], states: dict) -> None:
    """Move the units whose part changed between the two part states (vectors and days)."""
    for unit, was, now in zip(units, old, new):
        if was != now:
            states[was].remove_vectors(unit.vecs)
            states[now].add_vectors(unit.vecs)
    for side, state in states.items():
        state.reset_days(u.day.isoformat() for u, p in zip(units, new) if p == side and u.day)


def cross_score(units: list, parts: list[bool], states: dict, score: Score) -> float:
    """Mean score of each unit against the other part (weighted by unit size)."""
    total = sum(u.size * score(states[not side], u.vecs, u.day) for u, side in zip(units, parts))
    return total / sum(u.size for u in units)


def without(state, unit, score: Score) -> float:
    """The unit's score against a part it belongs to, its own vectors left out."""
    return score(state, unit.vecs, unit.day, True)
