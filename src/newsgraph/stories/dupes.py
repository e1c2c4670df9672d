"""Near-duplicate detection: MinHash LSH over word shingles (datasketch) for syndicated
and lightly edited copies; for translated copies, a second LSH over a language-neutral
fingerprint (entity names, numbers, openings of quotes) checked against the metadata that
says a page is a copy (original outlet, a different language)."""
from __future__ import annotations

import re
import zlib
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsgraph.stories.keys import fold

NUM_PERM = 64
SCHEME = "affine32"
SHINGLE_WORDS = 4
TEXT_JACCARD = 0.5            # shingle Jaccard for a near-copy
PRINT_LSH_THRESHOLD = 0.3     # fingerprint LSH recall threshold
PRINT_JACCARD_SAME_SOURCE = 0.3   # with the original outlet named and matching
PRINT_JACCARD_COPY = 0.5          # with only copy metadata (a named source, another language)
MIN_SHARED_PRINTS = 5
MIN_SHINGLES = 8
QUOTE_RE = re.compile(r"[\"“”«»]([^\"“”«»]{20,400})[\"“”«»]")
ROLL = np.uint64(1_000_003)
MASK32 = np.uint64(0xFFFFFFFF)


def identity_hash(value: int) -> int:
    return value


@lru_cache(maxsize=200_000)
def word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


@lru_cache(maxsize=1)
def permutations():
    """The permutation parameters, drawn once (datasketch draws them per MinHash)."""
    return MinHash(num_perm=NUM_PERM, hashfunc=identity_hash).permutations


def minhash(hashes: list[int]) -> MinHash:
    """MinHash of items given as 32-bit hashes."""
    mh = MinHash(num_perm=NUM_PERM, hashfunc=identity_hash, permutations=permutations(), scheme=SCHEME)
    mh.update_batch(hashes)
    return mh


def from_values(values: list[int]) -> MinHash:
    return MinHash(hashfunc=identity_hash, hashvalues=values, permutations=permutations(), scheme=SCHEME)


def shingle_hashes(words: list[str]) -> list[int]:
    """Distinct hashes of the overlapping SHINGLE_WORDS-word runs of the content words
    (a rolling combination of per-word CRC32s, computed in numpy)."""
    if len(words) < SHINGLE_WORDS:
        return []
    hv = np.fromiter((word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    n = len(words) - SHINGLE_WORDS + 1
    acc = np.zeros(n, dtype=np.uint64)
    for i in range(SHINGLE_WORDS):
        acc = (acc * ROLL + hv[i:i + n]) & MASK32
    return np.unique(acc).tolist()


def item_hashes(items) -> list[int]:
    return [word_hash(i) for i in items]


def quote_openings(text: str) -> set[str]:
    """The first five words of each quoted passage: kept verbatim by many syndicators."""
    return {"Q:" + " ".join(fold(m.group(1)).split()[:5]) for m in QUOTE_RE.finditer(text)}


def fingerprint(entity_names: list[str], numbers: list[str], text: str) -> set[str]:
    return {"E:" + n for n in entity_names} | {"N:" + n for n in numbers} | quote_openings(text)


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


class DuplicateFinder:
    """Two LSH indexes (shingles, fingerprints) and the per-article facts to verify a match."""

    def __init__(self, state: dict | None = None):
        self.text_lsh = MinHashLSH(threshold=TEXT_JACCARD, num_perm=NUM_PERM)
        self.print_lsh = MinHashLSH(threshold=PRINT_LSH_THRESHOLD, num_perm=NUM_PERM)
        self.docs: dict[str, dict] = {}
        for doc_id, doc in (state or {}).get("docs", {}).items():
            self._index(doc_id, doc)

    def _index(self, doc_id: str, doc: dict) -> None:
        self.docs[doc_id] = doc
        if doc.get("text_mh"):
            self.text_lsh.insert(doc_id, from_values(doc["text_mh"]))
        if doc.get("print"):
            self.print_lsh.insert(doc_id, from_values(doc["print_mh"]))

    def find(self, words: list[str], prints: set[str], outlet: str | None, original: str | None,
             language: str | None) -> tuple[str | None, dict]:
        """The best earlier article this one copies (or None), and this article's record.
        `words`: the article's content words in order."""
        sh = shingle_hashes(words)
        doc = {"print": sorted(prints), "outlet": outlet, "language": language}
        text_mh = minhash(sh) if len(sh) >= MIN_SHINGLES else None
        print_mh = minhash(item_hashes(prints)) if prints else None
        doc["text_mh"] = [int(v) for v in text_mh.hashvalues] if text_mh else None
        doc["print_mh"] = [int(v) for v in print_mh.hashvalues] if print_mh else None
        match = self._text_match(text_mh) if text_mh else None
        if match is None and print_mh and (original or language):
            match = self._print_match(print_mh, prints, original, language)
        return match, doc

    def add(self, doc_id: str, doc: dict) -> None:
        self._index(doc_id, doc)

    def _text_match(self, mh: MinHash) -> str | None:
        best, best_sim = None, TEXT_JACCARD
        for cand in self.text_lsh.query(mh):
            sim = mh.jaccard(from_values(self.docs[cand]["text_mh"]))
            if sim >= best_sim:
                best, best_sim = cand, sim
        return best

    def _print_match(self, mh: MinHash, prints: set[str], original: str | None,
                     language: str | None) -> str | None:
        best, best_sim = None, 0.0
        for cand in self.print_lsh.query(mh):
            other = self.docs[cand]
            shared = set(other["print"]) & prints
            sim = jaccard(prints, set(other["print"]))
            from_source = original is not None and original == other.get("outlet")
            is_copy = original is not None or (language and other.get("language") and language != other["language"])
            need = PRINT_JACCARD_SAME_SOURCE if from_source else PRINT_JACCARD_COPY
            if is_copy and len(shared) >= MIN_SHARED_PRINTS and sim >= need and sim > best_sim:
                best, best_sim = cand, sim
        return best

    def to_state(self) -> dict:
        return {"docs": self.docs}
