"""Turns a flattened page dump into lines with their layout (blank lines around them,
the block of adjacent lines they sit in) and computes the per-line feature vectors the
boilerplate classifier reads: shape, punctuation, stop-word and chrome-word density,
position, link-like form, repetition, the same measures over neighbouring lines, and where
a comment thread (recurring dated attribution lines) starts; and finds the reader-comment
thread that a cue line ("12 Comments", "Leave a Reply") opens."""
from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .language import stopwords

WORD_RE = re.compile(r"\w+")
SENTENCE_END = tuple(".!?。！？…\"”’»)")
BULLETS = tuple("•·-–—*►▶»›>|+✓●○■□◆◦")
URL_RE = re.compile(r"https?://|www\.|\.(?:com|org|net|de|uk|fr)\b|@\w|\w@\w")
EMPTY_LINE_PENALTY = 60.0   # characters a line without sentence text costs the text core
CJK_RE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")     # soft hyphens, zero-width marks


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first (so "sources" is tried before "source")."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@dataclass
class Line:
    text: str
    blank_before: bool
    blank_after: bool
    block_size: int        # adjacent non-blank lines in its block (1 = a paragraph of its own)
    block_pos: int         # index inside that block


def line_key(text: str) -> int:
    """A compact key of a line, the same for copies that differ in case or spacing (clean.site)."""
    digest = hashlib.blake2b(" ".join(text.casefold().split()).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def split_lines(raw: str) -> list[Line]:
    """Non-empty lines of a dump (whitespace collapsed, tabs kept as ' \t '), with layout."""
    rows = [re.sub(r"[ \u00a0\u200b]+", " ", r).strip() for r in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines: list[Line] = []
    block: list[Line] = []

    def close_block():
        for i, ln in enumerate(block):
            ln.block_size, ln.block_pos = len(block), i
        block.clear()

    prev_blank = True
    for i, row in enumerate(rows):
        if not row.strip():
            if block:
                block[-1].blank_after = True
                close_block()
            prev_blank = True
            continue
        ln = Line(row, prev_blank, False, 1, 0)
        lines.append(ln)
        block.append(ln)
        prev_blank = False
    if block:
        block[-1].blank_after = True
        close_block()
    return lines


@lru_cache(maxsize=1)
def date_re() -> re.Pattern:
    """A date or clock time: ISO, numeric, or a month name (months.json) beside a day number."""
    months = json.loads(Path(__file__).with_name("months.json").read_text(encoding="utf-8"))["months"]
    names = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    return re.compile(rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|\d{{1,2}}:\d{{2}}|"
                      rf"(?:{names})\.? \d{{1,2}}\b|\d{{1,2}}\.? (?:{names})\b)", re.I)


@lru_cache(maxsize=1)
def chrome_lists() -> dict:
    """chrome_words.json: the word lists of page chrome, captions and comment cues."""
    return json.loads(Path(__file__).with_name("chrome_words.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def chrome_words() -> frozenset[str]:
    return frozenset(chrome_lists()["words"])


DIGIT_RE = re.compile(r"\d")
LETTER_RE = re.compile(r"[^\W\d_]")
UPPER_RE = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ]")
SEPARATOR_RE = re.compile(r"[|·»›]")
SENTENCE_PUNCT_RE = re.compile(r"[.!?。！？]")


def own_features(line: Line, language: str | None, counts: Counter) -> list[float]:
    """Features of a line on its own: its text's, its layout's, its repetition on the page."""
    t = text_features(line.text, language)
    layout = [float(line.blank_before and line.blank_after), float(line.blank_before), float(line.blank_after),
              math.log1p(line.block_size), line.block_pos / line.block_size]
    return [*t[:12], *layout, *t[12:21], math.log1p(counts[line.text] - 1)]


@lru_cache(maxsize=65536)
def text_features(text: str, language: str | None) -> tuple[float, ...]:
    """Features that depend on the text alone (cached: menus repeat across a site's pages).
    The last four are the extra per-line features (ellipsis, captions, gallery, quote)."""
    stops = stopwords().get(language or "", frozenset())
    words = WORD_RE.findall(text)
    low = text.lower()
    low_words = WORD_RE.findall(low)
    n_words = len(words)
    n_chars = len(text)
    cjk = CJK_RE.subn("", text)[1]
    caps = sum(1 for w in words if w[0].isupper())
    alpha_words = sum(1 for w in words if w[0].isalpha())
    letters = LETTER_RE.subn("", text)[1] or 1
    chrome = chrome_words()
    captions = caption_words()
    eff_words = max(n_words, cjk / 2)
    return (
        math.log1p(n_chars),
        math.log1p(eff_words),
        float(text.endswith(SENTENCE_END)),
        float(text.endswith(":")),
        float(text.endswith(",")),
        text.count(",") / (eff_words + 1),
        SENTENCE_PUNCT_RE.subn("", text)[1] / (eff_words + 1),
        sum(1 for w in low_words if w in stops) / (n_words + 1),
        caps / (alpha_words + 1),
        DIGIT_RE.subn("", text)[1] / (n_chars + 1),
        UPPER_RE.subn("", text)[1] / letters,
        cjk / (n_chars + 1),
        float("\t" in text),
        float(text.startswith(BULLETS)),
        float(text[:1].islower()),
        float(text[:1].isdigit()),
        float(SEPARATOR_RE.subn("", text)[1]),
        sum(1 for w in low_words if w in chrome) / (n_words + 1),
        float(bool(date_re().search(text))),
        float(bool(URL_RE.search(text))),
        float("©" in text or "(c)" in low),
        float(text.endswith(ELLIPSIS)),
        sum(1 for w in low_words if w in captions) / (n_words + 1),
        float(bool(GALLERY_RE.match(text))),
        float(text.startswith(QUOTE_START)),
    )


N_OWN = 27
ELLIPSIS = ("...", "…", "..")
GALLERY_RE = re.compile(r"^\d+\s*(?:of|/|von|de|sur)\s*\d+", re.I)
QUOTE_START = tuple("“\"«„‘'")


@lru_cache(maxsize=1)
def caption_words() -> frozenset[str]:
    return frozenset(chrome_lists()["caption_words"])


def extra_features(lines: list[Line], own: np.ndarray, language: str | None) -> np.ndarray:
    """Captions, truncated teasers, galleries, quotes, and length against the page's longest line."""
    longest = float(own[:, 0].max()) if len(own) else 0.0
    paragraph_share = float(own[:, 12].mean()) if len(own) else 0.0
    rows = []
    for ln, f in zip(lines, own):
        ellipsis, caption, gallery, quote = text_features(ln.text, language)[21:25]
        rows.append([ellipsis, caption, f[0] - longest, gallery, quote, paragraph_share])
    return np.asarray(rows, dtype=float).reshape(len(lines), 6)


SUMMARY_COLUMNS = [0, 2, 7, 12, 22]   # length, sentence end, stop words, paragraph, chrome words


def neighbour_summary(own: np.ndarray, radius: int) -> np.ndarray:
    """Mean of a few own features over the lines within `radius` (the line itself left out)."""
    cols = own[:, SUMMARY_COLUMNS]
    n = len(cols)
    csum = np.vstack([np.zeros((1, cols.shape[1])), np.cumsum(cols, axis=0)])
    idx = np.arange(n)
    lo, hi = np.maximum(idx - radius, 0), np.minimum(idx + radius + 1, n)
    count = np.maximum(hi - lo - 1, 1)[:, None]
    return (csum[hi] - csum[lo] - cols) / count


def text_mass(lines: list[Line], own: list[list[float]]) -> list[float]:
    """Characters of sentence-like text on each line (long lines that end like a sentence)."""
    mass = []
    for ln, f in zip(lines, own):
        sentence_like = f[2] > 0 and f[1] > math.log1p(8)
        mass.append(len(ln.text) if sentence_like else 0.0)
    return mass


def core_region(mass: list[float], own: list[list[float]]) -> tuple[int, int]:
    """The run of lines with the largest sum of (mass - penalty): the densest text stretch."""
    lo, hi, _ = best_run([m if m > 0 else -EMPTY_LINE_PENALTY for m in mass])
    return lo, hi


def best_run(gain) -> tuple[int, int, float]:
    """The run of consecutive lines with the largest sum of gains: (first, last, sum)."""
    best, best_lo, best_hi, run, lo = 0.0, 0, -1, 0.0, 0
    for i, g in enumerate(gain):
        if run <= 0:
            run, lo = g, i
        else:
            run += g
        if run > best:
            best, best_lo, best_hi = run, lo, i
    return best_lo, best_hi, best


def doc_features(lines: list[Line], own: list[list[float]]) -> list[list[float]]:
    """Position and text-mass features that need the whole page."""
    n = len(lines)
    mass = text_mass(lines, own)
    total = sum(mass) or 1.0
    lo, hi = core_region(mass, own)
    out = []
    before = 0.0
    for i in range(n):
        dist = 0 if lo <= i <= hi else (lo - i if i < lo else i - hi)
        out.append([
            i / max(n - 1, 1),
            before / total,
            float(lo <= i <= hi),
            math.log1p(dist),
            float(i < lo),
            math.log1p(total),
        ])
        before += mass[i]
    return out


def features(lines: list[Line], language: str | None) -> np.ndarray:
    """One feature vector per line (rows), as a float array."""
    counts = Counter(ln.text for ln in lines)
    own_rows = [own_features(ln, language, counts) for ln in lines]
    own = np.asarray(own_rows, dtype=float).reshape(len(lines), N_OWN)
    docf = np.asarray(doc_features(lines, own_rows), dtype=float).reshape(len(lines), 6)
    pad = np.zeros((1, N_OWN))
    prev1 = np.vstack([pad, own[:-1]])[:, [0, 2, 12, 7]]
    next1 = np.vstack([own[1:], pad])[:, [0, 2, 12, 7]]
    return np.hstack([own, prev1, next1, neighbour_summary(own, 3), neighbour_summary(own, 10), docf,
                      extra_features(lines, own, language), page_features(lines, own), thread_features(lines, own)])


# ---------------------------------------------------------------- page-level, site-independent features

GLUED_RE = re.compile(r"[a-zß-ÿ][A-ZÀ-Þ]")     # "SteakhouseA party of six": a teaser's headline glued to its lede
WORDS_COL, END_COL, PARAGRAPH_COL, CHROME_COL, DATE_COL = 1, 2, 12, 22, 23   # columns of the own features
SHORT_LINE_WORDS = 5
BLOCK_GAP = 2              # other lines a text block may hold between two sentence-like lines
PAGE_COMMON_WORDS = 30     # the page's most frequent words: its function words, whatever its language
COMMON_MIN_COUNT = 3       # ... if they occur at least this often


def page_features(lines: list[Line], own: np.ndarray) -> np.ndarray:
    """Features that compare a line with the rest of its page rather than with a lexicon:
    glued headline+lede, repeated starts and texts, share of the page's most common words,
    runs of short lines, date density, length rank, text blocks, list-like periodicity, and
    the shape of the lines two away."""
    words = [WORD_RE.findall(ln.text.lower()) for ln in lines]
    glued = [len(GLUED_RE.findall(ln.text)) / (len(w) + 1) for ln, w in zip(lines, words)]
    run, near_run = short_runs(own)
    first, later = occurrences(lines)
    sig = shape_signature(own)
    cols = [glued, prefix_repeats(words), common_word_share(words), run, near_run,
            window_mean(own[:, DATE_COL], 4), length_rank(own[:, 0]),
            periodicity(sig, 2), periodicity(sig, 3), periodicity(sig, 4), first, later]
    pad = np.zeros((2, own.shape[1]))
    padded = np.vstack([pad, own, pad])[:, [WORDS_COL, END_COL, CHROME_COL, DATE_COL]]
    return np.hstack([np.asarray(cols, dtype=float).T.reshape(len(lines), len(cols)),
                      block_features(lines, own), padded[:-4], padded[4:]])


def common_word_share(words: list[list[str]]) -> list[float]:
    """Share of a line's words among the page's most frequent ones (a stop-word density that
    needs no stop-word list)."""
    counts = Counter(w for ws in words for w in ws if not w.isdigit())
    top = {w for w, c in counts.most_common(PAGE_COMMON_WORDS) if c >= COMMON_MIN_COUNT}
    return [sum(1 for w in ws if w in top) / (len(ws) + 1) for ws in words]


def prefix_repeats(words: list[list[str]]) -> list[float]:
    """How often other lines start with the same four words (a headline repeated as a teaser)."""
    keys = [" ".join(ws[:4]) if len(ws) >= 3 else "" for ws in words]
    counts = Counter(k for k in keys if k)
    return [math.log1p(counts[k] - 1) if k else 0.0 for k in keys]


def short_runs(own: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Length of the run of short unpunctuated lines (a menu) a line sits in, and the longest
    such run within three lines of it (both log)."""
    short = (own[:, WORDS_COL] <= math.log1p(SHORT_LINE_WORDS)) & (own[:, END_COL] == 0)
    n = len(short)
    run = np.zeros(n)
    i = 0
    while i < n:
        j = i
        while j < n and short[j]:
            j += 1
        run[i:j] = j - i
        i = max(j, i + 1)
    near = np.array([run[max(0, k - 3):k + 4].max() for k in range(n)]) if n else run
    return np.log1p(run), np.log1p(near)


def window_mean(col: np.ndarray, radius: int) -> np.ndarray:
    """Mean of a column over the lines within `radius` (the line itself included)."""
    n = len(col)
    csum = np.concatenate([[0.0], np.cumsum(col)])
    idx = np.arange(n)
    lo, hi = np.maximum(idx - radius, 0), np.minimum(idx + radius + 1, n)
    return (csum[hi] - csum[lo]) / np.maximum(hi - lo, 1)


def length_rank(lengths: np.ndarray) -> np.ndarray:
    return np.argsort(np.argsort(lengths)) / max(len(lengths) - 1, 1)


def occurrences(lines: list[Line]) -> tuple[list[float], list[float]]:
    """For texts that occur more than once on the page: first occurrence, later occurrence."""
    counts = Counter(ln.text for ln in lines)
    seen: set[str] = set()
    first, later = [], []
    for ln in lines:
        later.append(float(ln.text in seen))
        first.append(float(ln.text not in seen and counts[ln.text] > 1))
        seen.add(ln.text)
    return first, later


def shape_signature(own: np.ndarray) -> np.ndarray:
    """A coarse shape per line: length bucket, sentence end, paragraph of its own."""
    length = np.minimum((own[:, WORDS_COL] / 0.8).astype(int), 5)
    return length * 4 + own[:, END_COL].astype(int) * 2 + own[:, PARAGRAPH_COL].astype(int)


def periodicity(sig: np.ndarray, period: int, radius: int = 6) -> np.ndarray:
    """Share of nearby lines whose shape recurs `period` lines on but differs from the next
    line's: headline / byline / lede triplets of teaser lists and comment threads."""
    n = len(sig)
    hit = np.zeros(n)
    if n > period:
        head = sig[:n - period]
        hit[:n - period] = (head == sig[period:]) & (head != sig[1:n - period + 1])
    return window_mean(hit, radius)


def text_blocks(mass: list[float]) -> list[tuple[int, int]]:
    """Runs of sentence-like lines with at most BLOCK_GAP other lines between them."""
    blocks: list[tuple[int, int]] = []
    start = last = None
    for i, m in enumerate(mass):
        if m <= 0:
            continue
        if start is None or i - last > BLOCK_GAP + 1:
            if start is not None:
                blocks.append((start, last))
            start = i
        last = i
    if start is not None:
        blocks.append((start, last))
    return blocks


def block_features(lines: list[Line], own: np.ndarray) -> np.ndarray:
    """The text block a line sits in: its mass against the largest block's, its rank, whether
    it is the first major block, the signed distance to the largest block, and outside any."""
    n = len(lines)
    mass = text_mass(lines, own.tolist())
    blocks = text_blocks(mass)
    out = np.zeros((n, 5))
    out[:, 4] = 1.0
    if not blocks:
        return out
    block_mass = [sum(mass[a:b + 1]) for a, b in blocks]
    top = max(block_mass)
    order = sorted(range(len(blocks)), key=lambda k: -block_mass[k])
    first_major = next(k for k in range(len(blocks)) if block_mass[k] >= 0.3 * top)
    for rank, k in enumerate(order):
        a, b = blocks[k]
        out[a:b + 1] = [block_mass[k] / top, math.log1p(rank), float(k == first_major), 0.0, 0.0]
    lo, hi = blocks[order[0]]
    idx = np.arange(n)
    dist = np.where(idx < lo, idx - lo, np.where(idx > hi, idx - hi, 0))
    out[:, 3] = np.sign(dist) * np.log1p(np.abs(dist))
    return out


# ---------------------------------------------------------------- comment threads

ATTRIBUTION_MAX_WORDS = 12   # "Jane Roe on May 4, 2019 at 6:44 am said:" / "jroe says:" / "May 4, 2019 at 6:44 am"
THREAD_MAX_GAP = 15          # other lines a comment may span between two attributions
THREAD_MIN_UNITS = 3         # attributions that make a thread
NO_THREAD = 10.0             # log distance given when there is no thread start on that side


def attribution_lines(lines: list[Line], own: np.ndarray) -> np.ndarray:
    """Short lines that carry a date or clock time or end in a colon, and do not end like a
    sentence: the "who, when" line that opens each comment of a thread, in any language."""
    short = own[:, WORDS_COL] <= math.log1p(ATTRIBUTION_MAX_WORDS)
    colon = np.array([ln.text.endswith(":") for ln in lines], dtype=bool)
    dated = own[:, DATE_COL] > 0
    return short & (dated | colon) & ((own[:, END_COL] == 0) | colon)


def attribution_units(attr: np.ndarray, dated: np.ndarray) -> list[tuple[int, int]]:
    """Runs of adjacent attribution lines (a name line and a date line form one unit) that
    hold a date or time: a colon alone also ends list labels and code."""
    runs: list[tuple[int, int]] = []
    for i in np.flatnonzero(attr):
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], int(i))
        else:
            runs.append((int(i), int(i)))
    return [(a, b) for a, b in runs if dated[a:b + 1].any()]


def threads(units: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Attribution units that recur with some text between them, at most THREAD_MAX_GAP lines
    apart: (first line, last line, units) of each run of at least THREAD_MIN_UNITS."""
    out, run = [], []
    for unit in units + [None]:
        if unit is not None and run and unit[0] - run[-1][1] - 1 <= THREAD_MAX_GAP:
            run.append(unit)
            continue
        if len(run) >= THREAD_MIN_UNITS:
            out.append((run[0][0], run[-1][1], len(run)))
        run = [unit] if unit is not None else []
    return out


CLOCK_RE = re.compile(r"\b\d{1,2}:\d{2}\b")


def unit_shape(lines: list[Line], unit: tuple[int, int]) -> tuple[int, bool, bool]:
    """Lines in a unit, whether one ends in a colon, whether it has a clock time: the comments
    of one thread share it, the article's own byline usually does not."""
    texts = [ln.text for ln in lines[unit[0]:unit[1] + 1]]
    return min(len(texts), 3), any(t.endswith(":") for t in texts), any(CLOCK_RE.search(t) for t in texts)


def shaped_threads(lines: list[Line], units: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Threads among the units of each shape, in page order."""
    by_shape: dict[tuple, list[tuple[int, int]]] = {}
    for unit in units:
        by_shape.setdefault(unit_shape(lines, unit), []).append(unit)
    return sorted(t for group in by_shape.values() for t in threads(group))


def thread_features(lines: list[Line], own: np.ndarray) -> np.ndarray:
    """Per line: attribution-shaped, inside a thread, log distance since the last thread start
    and until the next one, and the size of the thread last started (log units): comment
    threads after an article are prose, but their periodic attributions are not."""
    n = len(lines)
    attr = attribution_lines(lines, own)
    found = shaped_threads(lines, attribution_units(attr, own[:, DATE_COL] > 0))
    out = np.zeros((n, 5))
    out[:, 0] = attr
    out[:, 2] = -1.0
    out[:, 3] = NO_THREAD
    idx = np.arange(n)
    for first, last, size in found:
        out[first:last + 1, 1] = 1.0
        after = idx >= first
        out[after, 2] = np.log1p(idx[after] - first)
        out[after, 4] = math.log1p(size)
    for first, _, _ in reversed(found):
        before = idx < first
        out[before, 3] = np.log1p(first - idx[before])
    return out


COMMENT_CUE_MAX_WORDS = 8    # "Posted in News | Permalink | 10 Comments"
COMMENT_CUE_REACH = 4        # lines before a thread's first attribution where its cue may stand


@lru_cache(maxsize=1)
def comment_cues() -> frozenset[str]:
    return frozenset(chrome_lists()["comment_cues"])


def comment_cue(text: str) -> bool:
    """A short line that names comments or replies: the heading or count over a thread."""
    words = WORD_RE.findall(text.casefold())
    return 0 < len(words) <= COMMENT_CUE_MAX_WORDS and any(w in comment_cues() for w in words)


def comment_thread_start(lines: list[Line], own: np.ndarray) -> int | None:
    """The cue line of the first reader-comment thread: a thread of recurring dated
    attributions (see `shaped_threads`) with a comment cue among the lines just before it.
    A thread without a cue may be a live blog's timeline, which is body."""
    if not len(lines):
        return None
    units = [u for u in attribution_units(attribution_lines(lines, own), own[:, DATE_COL] > 0)
             if any(unit_shape(lines, u)[1:])]      # "… said:", "… at 4:47 pm": not a post's dated byline
    for first, _, _ in shaped_threads(lines, units):
        for i in range(first - 1, max(first - 1 - COMMENT_CUE_REACH, -1), -1):
            if comment_cue(lines[i].text):
                return i
    return None
