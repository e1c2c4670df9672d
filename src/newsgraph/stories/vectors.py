"""Sparse term vectors for story matching: tokenising, an IDF kept up to date online
(running document frequencies, so nothing is refitted), and centroids that are sums of
L2-normalised member vectors with a norm maintained incrementally."""
from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from functools import lru_cache
from itertools import filterfalse, repeat
from operator import itemgetter, mul, sub, truediv

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsgraph.stories.keys import lexicon

TOKEN_RE = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|\d+(?:[.,]\d+)*")
EDGE_PUNCTUATION = "\"'.,;:!?()[]{}“”‘’«»—–-…/*"   # none of them a word character
Vector = dict[str, float]
EPSILON = 1e-9                       # a centroid weight this close to 0 after a removal is 0


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words plus reporting verbs (lexicon.json)."""
    return frozenset(ENGLISH_STOP_WORDS) | frozenset(lexicon()["extra_stop_words"])


def tokens(text: str) -> list[str]:
    """Lower-cased word and number tokens, stop words and one-letter words dropped."""
    return list(filterfalse(stop_words().__contains__, raw_tokens(text.lower().replace("’", "'"))))


def raw_tokens(text: str) -> list[str]:
    """TOKEN_RE.findall(text), read a whitespace-separated chunk at a time: a chunk that is
    letters or digits once the punctuation around it is stripped is its own token (no match
    can start or end in that punctuation), only the rest go through the regex (the speed of
    the stage rests on this)."""
    out: list[str] = []
    keep, regex = out.append, TOKEN_RE.findall
    for chunk in text.split():
        if chunk.isalpha():
            if len(chunk) > 1:
                keep(chunk)
            continue
        core = chunk.strip(EDGE_PUNCTUATION)
        if not core:
            continue
        if core.isalpha():
            if len(core) > 1:
                keep(core)
        elif core.isdecimal():
            keep(core)
        else:
            out.extend(regex(chunk))
    return out


class TermCounts:
    """A Counter's terms and counts frozen into a tuple and an array, in the same order, the
    terms being the idf's own string objects (`OnlineIdf.compact`): what an article waiting
    for settle keeps, about 40% of the Counter's memory."""
    __slots__ = ("counts", "terms")

    def __init__(self, terms: tuple[str, ...], counts: array):
        self.terms, self.counts = terms, counts

    def __iter__(self):
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def keys(self) -> tuple[str, ...]:
        return self.terms

    def values(self) -> array:
        return self.counts

    def items(self):
        return zip(self.terms, self.counts)


NO_TERMS = TermCounts((), array("I"))


class OnlineIdf:
    """Document frequencies counted as documents arrive; idf is read at the current count."""

    def __init__(self, state: dict | None = None):
        state = state or {}
        self.docs: int = state.get("docs", 0)
        self.df: Counter[str] = Counter(state.get("df", {}))
        self.vocabulary: dict[str, str] = {}   # one string object per term (not saved)

    def add(self, terms) -> None:
        """Count one document's terms (a Counter's keys, or any iterable)."""
        self.docs += 1
        self.df.update(terms.keys() if isinstance(terms, dict) else set(terms))

    def count(self, items: Counter | list[str]) -> TermCounts:
        """Count one document (its terms as a Counter, or a list with repeats) and return its
        term counts compacted."""
        self.docs += 1
        if not items:
            return NO_TERMS
        counts = self.compact(items if isinstance(items, Counter) else Counter(items))
        self.df.update(counts.terms)
        return counts

    def count_counted(self, terms: tuple[str, ...], counts: array) -> TermCounts:
        """`count` for a document counted already (`features.counted`: the same terms, counts
        and order as the Counter `count` would make)."""
        self.docs += 1
        if not terms:
            return NO_TERMS
        compacted = TermCounts(tuple(map(self.vocabulary.setdefault, terms, terms)), counts)
        self.df.update(compacted.terms)
        return compacted

    def compact(self, counts: Counter) -> TermCounts:
        """`counts` as TermCounts, its terms replaced by the strings this idf saw first
        (the articles waiting for settle then share them: cheaper than sys.intern)."""
        return TermCounts(tuple(map(self.vocabulary.setdefault, counts, counts)), array("I", counts.values()))

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
        value = self[term] = self.log_docs - LOG_1P[self.df_get(term, 0)]
        return value

    def fill(self, terms) -> None:
        """Compute the values of these terms at once (the same arithmetic as `__missing__`,
        without a Python call per term)."""
        missing = list(set(terms).difference(self))
        log_dfs = map(LOG_1P.__getitem__, map(self.df_get, missing, repeat(0)))
        self.update(zip(missing, map(sub, repeat(self.log_docs), log_dfs)))


class CountTable(dict):
    """A function of a count (an int), computed once per count."""

    def __init__(self, function):
        super().__init__()
        self.function = function

    def __missing__(self, count: int) -> float:
        value = self[count] = self.function(count)
        return value


TF = CountTable(lambda count: 1.0 + math.log(count) if count else 0.0)   # sublinear term frequency
LOG_1P = CountTable(lambda count: math.log(1 + count))                 # ln(1 + document frequency)


def weigh(counts: Counter | TermCounts, idf: OnlineIdf, limit: int | None = None, table: IdfTable | None = None) -> Vector:
    """Sublinear tf times idf, L2-normalised; with `limit`, only that many heaviest terms.
    `table`: the same idf values memoised (identical results)."""
    if not counts:
        return {}
    if table is not None:
        vec = dict(zip(counts, map(mul, map(TF.__getitem__, counts.values()), map(table.__getitem__, counts))))
    else:
        log_docs, tf, log_1p, df = math.log(1 + idf.docs) + 1.0, TF, LOG_1P, idf.df.get
        vec = {t: tf[c] * (log_docs - log_1p[df(t, 0)]) for t, c in counts.items()}
    if limit is not None and len(vec) > limit:
        vec = dict(sorted(vec.items(), key=itemgetter(1), reverse=True)[:limit])   # = heapq.nlargest, in C
    return normalised(vec)


def normalised(vec: Vector) -> Vector:
    norm = math.sqrt(squared_norm(vec))
    return dict(zip(vec, map(truediv, vec.values(), repeat(norm)))) if norm else {}


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

    def cosine_without(self, vec: Vector) -> float:
        """Cosine between a unit vector added to this centroid and the centroid without it
        (nothing is changed: dot(v, C - v) = dot(v, C) - 1, |C - v|^2 = |C|^2 - 2 dot(v, C) + 1)."""
        if not vec:
            return 0.0
        cross = dot(vec, self.vec)
        rest = self.norm2 - 2 * cross + 1.0
        return (cross - 1.0) / math.sqrt(rest) if rest > EPSILON else 0.0

    def to_state(self) -> dict:
        return {"vec": self.vec, "norm2": self.norm2}
