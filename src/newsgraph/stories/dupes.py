"""Near-duplicate detection: MinHash LSH over word shingles (datasketch) for syndicated
and lightly edited copies; for translated copies, an inverted index over a language-neutral
fingerprint (entity names, numbers, openings of quotes), consulted only when the metadata
says a page is a copy (original outlet named, a different language)."""
from __future__ import annotations

import re
import zlib
from collections import Counter
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from newsgraph.stories.keys import fold

NUM_PERM = 64
SEED = 1
SCHEME = "affine32"
SHINGLE_WORDS = 4
TEXT_JACCARD = 0.5            # shingle Jaccard for a near-copy
PRINT_JACCARD_SAME_SOURCE = 0.3   # with the original outlet named and matching
PRINT_JACCARD_COPY = 0.5          # with only copy metadata (a named source, another language)
MIN_SHARED_PRINTS = 5
MIN_SHINGLES = 8
QUOTE_RE = re.compile(r"[\"“”«»]([^\"“”«»]{20,400})[\"“”«»]")
ROLL = np.uint64(1_000_003)
MASK32 = np.uint64(0xFFFFFFFF)


def identity_hash(value: int) -> int:
    return value


WORD_HASHES: dict[str, int] = {}
WORD_HASHES_MAX = 500_000


def word_hashes(words: list[str]) -> list[int]:
    """CRC32 of each word (stable across processes), memoised in a bounded table."""
    table = WORD_HASHES
    if len(table) > WORD_HASHES_MAX:
        table.clear()
    for w in set(words).difference(table):
        table[w] = zlib.crc32(w.encode("utf-8"))
    return list(map(table.__getitem__, words))


@lru_cache(maxsize=1)
def hasher() -> MinHash:
    """One MinHash, its permutations drawn once and reused for every article (building a
    MinHash per article costs more than hashing it)."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=identity_hash, scheme=SCHEME)


def minhash(hashes: list[int]) -> LeanMinHash:
    """MinHash of items given as 32-bit hashes, as a light read-only sketch."""
    mh = hasher()
    mh.clear()
    mh.update_batch(hashes)
    return LeanMinHash(mh)


def from_values(values: list[int]) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)


def shingle_hashes(words: list[str]) -> list[int]:
    """Distinct hashes of the overlapping SHINGLE_WORDS-word runs of the content words
    (a rolling combination of per-word CRC32s, computed in numpy)."""
    if len(words) < SHINGLE_WORDS:
        return []
    hv = np.array(word_hashes(words), dtype=np.uint64)
    n = len(words) - SHINGLE_WORDS + 1
    acc = np.zeros(n, dtype=np.uint64)
    for i in range(SHINGLE_WORDS):
        acc = (acc * ROLL + hv[i:i + n]) & MASK32
    return np.unique(acc).tolist()


def quote_openings(text: str) -> set[str]:
    """The first five words of each quoted passage: kept verbatim by many syndicators."""
    return {"Q:" + " ".join(fold(m.group(1)).split()[:5]) for m in QUOTE_RE.finditer(text)}


def fingerprint(entity_names: list[str], numbers: list[str], text: str) -> set[str]:
    return {"E:" + n for n in entity_names} | {"N:" + n for n in numbers} | quote_openings(text)


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@lru_cache(maxsize=1)
def lsh_bands() -> tuple[int, int]:
    """(bands, rows) for the copy threshold: datasketch integrates for them on every index
    it builds (~8 ms), so they are computed once per process."""
    probe = MinHashLSH(threshold=TEXT_JACCARD, num_perm=NUM_PERM)
    return probe.b, probe.r


class DuplicateFinder:
    """A shingle LSH, a fingerprint inverted index and the per-article facts to verify a match."""

    def __init__(self, state: dict | None = None):
        self.text_lsh = MinHashLSH(num_perm=NUM_PERM, params=lsh_bands())
        self.print_index: dict[str, list[str]] = {}
        self.docs: dict[str, dict] = {}
        self.sketches: dict[str, LeanMinHash] = {}
        self.languages: set[str] = set()
        for doc_id, doc in (state or {}).get("docs", {}).items():
            self._index(doc_id, doc)

    def _index(self, doc_id: str, doc: dict) -> None:
        self.docs[doc_id] = doc
        if doc.get("language"):
            self.languages.add(doc["language"])
        sketch = doc.pop("sketch", None)
        if doc.get("text_mh"):
            sketch = sketch or from_values(doc["text_mh"])
            self.sketches[doc_id] = sketch
            self.text_lsh.insert(doc_id, sketch)
        for item in doc.get("print") or ():
            self.print_index.setdefault(item, []).append(doc_id)

    def find(self, words: list[str], prints: set[str], outlet: str | None, original: str | None,
             language: str | None) -> tuple[str | None, dict]:
        """The best earlier article this one copies (or None), and this article's record.
        `words`: the article's content words in order."""
        sh = shingle_hashes(words)
        doc = {"print": sorted(prints), "outlet": outlet, "language": language}
        text_mh = minhash(sh) if len(sh) >= MIN_SHINGLES else None
        doc["text_mh"] = text_mh.hashvalues.tolist() if text_mh else None
        doc["sketch"] = text_mh
        match = self._text_match(text_mh) if text_mh else None
        if match is None and len(prints) >= MIN_SHARED_PRINTS and self._may_be_translation(original, language):
            match = self._print_match(prints, original, language)
        return match, doc

    def add(self, doc_id: str, doc: dict) -> None:
        self._index(doc_id, doc)

    def _may_be_translation(self, original: str | None, language: str | None) -> bool:
        """Only a page whose metadata names an original outlet, or one in a language other than
        some earlier page's, can be a translated copy."""
        return original is not None or bool(language and self.languages - {language})

    def _text_match(self, mh: LeanMinHash) -> str | None:
        best, best_sim = None, TEXT_JACCARD
        for cand in self.text_lsh.query(mh):
            sim = mh.jaccard(self.sketches[cand])
            if sim >= best_sim:
                best, best_sim = cand, sim
        return best

    def _print_match(self, prints: set[str], original: str | None, language: str | None) -> str | None:
        shared_counts = Counter(doc_id for item in prints for doc_id in self.print_index.get(item, ()))
        best, best_sim = None, 0.0
        for cand, shared in shared_counts.items():
            if shared < MIN_SHARED_PRINTS:
                continue
            other = self.docs[cand]
            sim = jaccard(prints, set(other["print"]))
            from_source = original is not None and original == other.get("outlet")
            is_copy = original is not None or (language and other.get("language") and language != other["language"])
            need = PRINT_JACCARD_SAME_SOURCE if from_source else PRINT_JACCARD_COPY
            if is_copy and sim >= need and sim > best_sim:
                best, best_sim = cand, sim
        return best

    def to_state(self) -> dict:
        return {"docs": self.docs}
