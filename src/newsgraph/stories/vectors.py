"""Sparse term vectors for story matching: tokenising, an IDF kept up to date online
(running document frequencies, so nothing is refitted), and centroids that are sums of
L2-normalised member vectors with a norm maintained incrementally."""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import filterfalse, repeat
from operator import itemgetter, mul

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsgraph.stories.keys import lexicon

TOKEN_RE = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|\d+(?:[.,]\d+)*")
Vector = dict[str, float]
TF_TABLE_SIZE = 64
TF_TABLE = [0.0] + [1.0 + math.log(c) for c in range(1, TF_TABLE_SIZE)]   # sublinear tf by count
EPSILON = 1e-9                       # a centroid weight this close to 0 after a removal is 0


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words plus reporting verbs (lexicon.json)."""
    return frozenset(ENGLISH_STOP_WORDS) | frozenset(lexicon()["extra_stop_words"])


def tokens(text: str) -> list[str]:
    """Lower-cased word and number tokens, stop words and one-letter words dropped."""
    return list(filterfalse(stop_words().__contains__, TOKEN_RE.findall(text.lower().replace("’", "'"))))


class OnlineIdf:
    """Document frequencies counted as documents arrive; idf is read at the current count."""

    def __init__(self, state: dict | None = None):
        state = state or {}
        self.docs: int = state.get("docs", 0)
        self.df: Counter[str] = Counter(state.get("df", {}))

    def add(self, terms) -> None:
        """Count one document's terms (a Counter's keys, or any iterable)."""
        self.docs += 1
        self.df.update(terms.keys() if isinstance(terms, dict) else set(terms))

    def idf(self, term: str) -> float:
        return math.log((1 + self.docs) / (1 + self.df.get(term, 0))) + 1.0

    def to_state(self) -> dict:
        return {"docs": self.docs, "df": dict(self.df)}


class IdfTable(dict):
    """An idf's values at its present document count, computed once per term as asked for
    (settle weighs a whole batch against one count)."""

    def __init__(self, idf: OnlineIdf):
        super().__init__()
        self.df_get = idf.df.get
        self.log_docs = math.log(1 + idf.docs) + 1.0

    def __missing__(self, term: str) -> float:
        value = self[term] = self.log_docs - math.log(1 + self.df_get(term, 0))
        return value


def weigh(counts: Counter, idf: OnlineIdf, limit: int | None = None, table: IdfTable | None = None) -> Vector:
    """Sublinear tf times idf, L2-normalised; with `limit`, only that many heaviest terms.
    `table`: the same idf values memoised (identical results)."""
    log, get, tf = math.log, idf.df.get, TF_TABLE
    if table is not None:
        vec = {t: (tf[c] if c < TF_TABLE_SIZE else 1.0 + log(c)) * table[t] for t, c in counts.items()}
    else:
        log_docs = log(1 + idf.docs) + 1.0
        vec = {t: (tf[c] if c < TF_TABLE_SIZE else 1.0 + log(c)) * (log_docs - log(1 + get(t, 0)))
               for t, c in counts.items()}
    if limit is not None and len(vec) > limit:
        vec = dict(sorted(vec.items(), key=itemgetter(1), reverse=True)[:limit])   # = heapq.nlargest, in C
    return normalised(vec)


def normalised(vec: Vector) -> Vector:
    norm = math.sqrt(squared_norm(vec))
    return {t: w / norm for t, w in vec.items()} if norm else {}


def dot(small: Vector, big: Vector) -> float:
    """Sparse dot product (iterates the smaller vector, in C via map)."""
    if len(small) > len(big):
        small, big = big, small
    return sum(map(mul, small.values(), map(big.get, small, repeat(0.0))))


def squared_norm(vec: Vector) -> float:
    values = vec.values()
    return sum(map(mul, values, values))


class Centroid:
    """Sum of member vectors, its squared norm kept as members are added."""

    def __init__(self, state: dict | None = None):
        state = state or {}
        self.vec: Vector = dict(state.get("vec", {}))
        self.norm2: float = state.get("norm2", 0.0)

    def add(self, vec: Vector) -> None:
        """Add a unit vector (every vector `weigh` makes is one)."""
        if not vec:
            return
        if not self.vec:
            self.vec, self.norm2 = dict(vec), 1.0
            return
        cross = dot(vec, self.vec)
        self.norm2 += 2 * cross + 1.0
        get = self.vec.get
        for t, w in vec.items():
            self.vec[t] = get(t, 0.0) + w

    def remove(self, vec: Vector) -> None:
        """Take back a unit vector added earlier (terms left at ~0 are dropped)."""
        if not vec:
            return
        cross = dot(vec, self.vec)
        centroid = self.vec
        for t, w in vec.items():
            rest = centroid.get(t, 0.0) - w
            if -EPSILON < rest < EPSILON:
                centroid.pop(t, None)
            else:
                centroid[t] = rest
        self.norm2 = max(0.0, self.norm2 - 2 * cross + 1.0) if centroid else 0.0

    def cosine(self, vec: Vector) -> float:
        """Cosine between a unit vector and this centroid."""
        return dot(vec, self.vec) / math.sqrt(self.norm2) if self.norm2 > 0 else 0.0

    def to_state(self) -> dict:
        return {"vec": self.vec, "norm2": self.norm2}
