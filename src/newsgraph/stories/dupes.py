"""Near-duplicate detection: MinHash LSH over word shingles (datasketch) for syndicated
and lightly edited copies; for translated copies, an inverted index over a language-neutral
fingerprint (entity names, numbers, openings of quotes), consulted only when the metadata
says a page is a copy (original outlet named, a different language). The sketches are
datasketch's "affine32" MinHash computed in one numpy pass (identical values, without its
per-item Python hashing), banded as datasketch's MinHashLSH bands them."""
from __future__ import annotations

import re
import zlib
from collections import Counter
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

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
ROLL = 1_000_003
ROLL_POWERS = [np.uint32(pow(ROLL, SHINGLE_WORDS - 1 - i, 1 << 32)) for i in range(SHINGLE_WORDS)]
FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


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
def permutations() -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) of datasketch's affine32 permutations for NUM_PERM and SEED, drawn once."""
    a, b = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=identity_hash, scheme=SCHEME).permutations
    return a, b.reshape(-1, 1)


def fmix32(values: np.ndarray) -> np.ndarray:
    """The MurmurHash3 finaliser on uint32 values (datasketch's pre-mix for affine32)."""
    s1, m1, s2, m2, s3 = FMIX32
    values = values ^ (values >> s1)
    values = values * m1
    values = values ^ (values >> s2)
    values = values * m2
    return values ^ (values >> s3)


def minhash(hashes: np.ndarray) -> np.ndarray:
    """MinHash signature (uint32, NUM_PERM values) of items given as 32-bit hashes: what
    datasketch's MinHash(scheme="affine32", hashfunc=identity).update_batch gives."""
    a, b = permutations()
    permuted = np.multiply.outer(a, fmix32(hashes.astype(np.uint32, copy=False)))
    permuted += b
    return permuted.min(axis=1)


def from_values(values) -> np.ndarray:
    return np.asarray(values, dtype=np.uint32)


def sketch_jaccard(first: np.ndarray, second: np.ndarray) -> float:
    """Share of equal signature values (datasketch's MinHash.jaccard)."""
    return float(np.count_nonzero(first == second)) / float(len(first))


def shingle_hashes(words: list[str]) -> np.ndarray:
    """Distinct 32-bit hashes (sorted, uint32) of the overlapping SHINGLE_WORDS-word runs of
    the content words: h1*R^3 + h2*R^2 + h3*R + h4 of the words' CRC32s, modulo 2^32 (uint32
    arithmetic wraps; the same value as rolling h*R + next and masking after each word)."""
    if len(words) < SHINGLE_WORDS:
        return np.zeros(0, dtype=np.uint32)
    hv = np.array(word_hashes(words), dtype=np.uint32)
    n = len(words) - SHINGLE_WORDS + 1
    acc = hv[:n] * ROLL_POWERS[0]
    for i in range(1, SHINGLE_WORDS):
        acc += hv[i:i + n] * ROLL_POWERS[i]
    acc.sort()
    return acc[np.concatenate(([True], acc[1:] != acc[:-1]))]


def text_sketch(words: list[str]) -> np.ndarray | None:
    """MinHash of the shingles of the content words (in order), None when they are too few."""
    sh = shingle_hashes(words)
    return minhash(sh) if len(sh) >= MIN_SHINGLES else None


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


class BandIndex:
    """MinHash LSH: a sketch is cut into bands of rows (datasketch's choice for the threshold);
    two sketches that agree on a whole band are candidates. Candidates come in the order
    they were indexed."""

    def __init__(self):
        bands, rows = lsh_bands()
        self.ranges = [(band * rows, (band + 1) * rows) for band in range(bands)]
        self.tables: list[dict[bytes, list[str]]] = [{} for _ in self.ranges]

    def band_keys(self, sketch: np.ndarray) -> list[bytes]:
        raw = sketch.tobytes()
        width = sketch.itemsize
        return [raw[start * width:end * width] for start, end in self.ranges]

    def insert(self, doc_id: str, keys: list[bytes]) -> None:
        """Index a sketch by its band keys (`band_keys`)."""
        for table, key in zip(self.tables, keys):
            table.setdefault(key, []).append(doc_id)

    def query(self, keys: list[bytes]) -> list[str]:
        """The ids indexed under any of these band keys."""
        found: dict[str, None] = {}
        for table, key in zip(self.tables, keys):
            hits = table.get(key)
            if hits:
                found.update(dict.fromkeys(hits))
        return list(found)


class DuplicateFinder:
    """A shingle LSH, a fingerprint inverted index and the per-article facts to verify a match."""

    def __init__(self, state: dict | None = None):
        permutations()                  # drawn once per process, before the first article
        self.text_lsh = BandIndex()
        self.print_index: dict[str, list[str]] = {}
        self.docs: dict[str, dict] = {}
        self.sketches: dict[str, np.ndarray] = {}
        self.languages: set[str] = set()
        for doc_id, doc in (state or {}).get("docs", {}).items():
            self._index(doc_id, dict(doc))

    def _index(self, doc_id: str, doc: dict) -> None:
        """Keep an article's record; its sketch is kept as an array beside it (the record's
        `text_mh` list is made only for `to_state`)."""
        sketch, keys = doc.pop("sketch", None), doc.pop("bands", None)
        if sketch is None and doc.get("text_mh"):
            sketch = from_values(doc["text_mh"])
        doc.pop("text_mh", None)
        self.docs[doc_id] = doc
        if doc.get("language"):
            self.languages.add(doc["language"])
        if sketch is not None:
            self.sketches[doc_id] = sketch
            self.text_lsh.insert(doc_id, keys or self.text_lsh.band_keys(sketch))
        for item in doc.get("print") or ():
            self.print_index.setdefault(item, []).append(doc_id)

    def find(self, sketch: np.ndarray | None, prints: set[str], outlet: str | None, original: str | None,
             language: str | None) -> tuple[str | None, dict]:
        """The best earlier article this one copies (or None), and this article's record.
        `sketch`: `text_sketch` of the article's content words."""
        keys = self.text_lsh.band_keys(sketch) if sketch is not None else None
        doc = {"print": sorted(prints), "outlet": outlet, "language": language, "sketch": sketch, "bands": keys}
        match = self._text_match(sketch, keys) if sketch is not None else None
        if match is None and len(prints) >= MIN_SHARED_PRINTS and self._may_be_translation(original, language):
            match = self._print_match(prints, original, language)
        return match, doc

    def add(self, doc_id: str, doc: dict) -> None:
        self._index(doc_id, doc)

    def _may_be_translation(self, original: str | None, language: str | None) -> bool:
        """Only a page whose metadata names an original outlet, or one in a language other than
        some earlier page's, can be a translated copy."""
        return original is not None or bool(language and self.languages - {language})

    def _text_match(self, sketch: np.ndarray, keys: list[bytes]) -> str | None:
        best, best_sim = None, TEXT_JACCARD
        for cand in self.text_lsh.query(keys):
            sim = sketch_jaccard(sketch, self.sketches[cand])
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
        sketches = self.sketches
        return {"docs": {doc_id: dict(doc, text_mh=sketches[doc_id].tolist() if doc_id in sketches else None)
                         for doc_id, doc in self.docs.items()}}
