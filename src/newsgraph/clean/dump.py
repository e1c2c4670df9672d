"""Cleaning of flattened page dumps (kind "raw_text"): rejoins lines broken by inline
markup, scores every line with the boilerplate classifier, keeps the body lines as
paragraphs (up to where a reader-comment thread begins, or where a long stretch of chrome
after the main body stretch ends the article) and lists the others, in order, as removed."""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .classify import body_scores
from .language import detect_language
from .lines import (BULLETS, ELLIPSIS, N_OWN, WORDS_COL, Line, SENTENCE_END, WORD_RE, best_run, chrome_words,
                    comment_thread_start, features, line_key, split_lines)

CONTINUATION_START = re.compile(r"^(?:[^\W\d_]|[,;:.)\]’”'])", re.UNICODE)
FRAGMENT_MAX_WORDS = 6
HOST_MIN_WORDS = 6
BODY_THRESHOLD = 0.5
TEASER_MIN_WORDS = 6
TEASER_RUN = 3             # cut-off or glued teasers in a row that make a teaser list
FALLBACK_MIN_WORDS = 12
FALLBACK_MIN_SCORE = 0.2
ARTICLE_END_GAP = 20       # dropped lines in a row after the main body stretch that end the article
STRETCH_LINE_COST = 2.0    # what a dropped line costs the main body stretch, besides its score margin
STRETCH_MIN_WORDS = 3      # ... counted as at least this many words
KEPT_LINE_GAIN = 0.01      # what any kept line adds to it, so that kept lines at the threshold join it
SITE_CHROME_MAX_SHARE = 0.5   # past this share of the kept text, repeats are a story's versions, not chrome


@dataclass
class DumpLines:
    lines: list[Line]
    scores: list[float]
    language: str | None
    features: object = None


def continues(line: str) -> bool:
    """A line that starts in lower case or with clause punctuation continues a sentence."""
    return bool(CONTINUATION_START.match(line)) and not line[:1].isupper()


def open_sentence(line: str) -> bool:
    """A line of some length that stops without sentence-final punctuation."""
    return len(WORD_RE.findall(line)) >= HOST_MIN_WORDS and not line.rstrip().endswith(SENTENCE_END + (":",))


def rejoin_fragments(lines: list[Line]) -> list[Line]:
    """Merge pieces of one sentence that inline markup (links, italics) split over lines."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        cur = lines[i]
        while out and open_sentence(out[-1].text):
            host = out[-1]
            if continues(cur.text):
                host.text = join_text(host.text, cur.text)
            elif (i + 1 < len(lines) and len(WORD_RE.findall(cur.text)) <= FRAGMENT_MAX_WORDS
                  and not cur.text.endswith(SENTENCE_END) and continues(lines[i + 1].text)):
                host.text = join_text(join_text(host.text, cur.text), lines[i + 1].text)
                i += 1
            else:
                break
            host.blank_after = lines[i].blank_after
            i += 1
            if i >= len(lines):
                return out
            cur = lines[i]
        out.append(Line(cur.text, cur.blank_before, cur.blank_after, cur.block_size, cur.block_pos))
        i += 1
    return out


def join_text(left: str, right: str) -> str:
    return left + right if right[:1] in ",;:.)]’”" else left + " " + right


def score_dump(raw: str, with_scores: bool = True) -> DumpLines:
    """The page's lines (fragments rejoined), their features and body scores."""
    lines = rejoin_fragments(split_lines(raw))
    if not lines:
        return DumpLines([], [], None, None)
    language = detect_language("\n".join(ln.text for ln in lines[:400]))
    feats = features(lines, language)
    scores = body_scores(feats, [ln.text for ln in lines]) if with_scores else []
    return DumpLines(lines, scores, language, feats)


def teaser_like(text: str) -> bool:
    """A headline-shaped line: several words, no sentence-final punctuation."""
    return len(WORD_RE.findall(text)) >= TEASER_MIN_WORDS and not text.rstrip().endswith(SENTENCE_END)


def teaser_lines(doc: DumpLines) -> set[int]:
    """Bulleted lists of related headlines inside the body: two or more lines in a row that
    start with a bullet glyph and are headline-shaped (a real list item ends like a sentence)."""
    out: set[int] = set()
    run: list[int] = []
    for i, ln in enumerate(doc.lines + [None]):
        if ln is not None and ln.text.startswith(BULLETS) and teaser_like(ln.text):
            run.append(i)
            continue
        if len(run) >= 2:
            out.update(run)
        run = []
    return out


def teaser_runs(doc: DumpLines) -> set[int]:
    """Lists of teasers: TEASER_RUN or more lines, at most one other line (a date, a label)
    between two of them, that each stop in an ellipsis or run a title-case headline into its
    lede ("Top 5 Cider Mills Near YouThe season is short..."). An article's paragraphs do
    not trail off, or start with a glued headline, one after another."""
    out: set[int] = set()
    run: list[int] = []
    for i, ln in enumerate(doc.lines):
        if not (cut_off(ln.text) or headline_glued(ln.text)):
            continue
        if run and i - run[-1] > 2:
            out.update(run if len(run) >= TEASER_RUN else [])
            run = []
        run.append(i)
    return out | (set(run) if len(run) >= TEASER_RUN else set())


def cut_off(text: str) -> bool:
    """A teaser-length line that ends in an ellipsis."""
    return text.endswith(ELLIPSIS) and len(WORD_RE.findall(text)) >= TEASER_MIN_WORDS


GLUE_RE = re.compile(r"[a-z0-9ß-ÿ?!'’\"”)][A-ZÀ-Þ][a-zß-ÿ]")
NAME_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
GLUED_HEAD_MIN_WORDS = 3
GLUED_HEAD_CAPS = 0.6      # share of capitalised words that makes a title-case headline


def headline_glued(text: str) -> bool:
    """A title-case headline of some words run without a space into a lede sentence."""
    for m in GLUE_RE.finditer(text):
        head = NAME_WORD_RE.findall(text[:m.start() + 1])
        if len(head) < GLUED_HEAD_MIN_WORDS:
            continue
        caps = sum(1 for w in head if w[0].isupper()) / len(head)
        if caps >= GLUED_HEAD_CAPS and len(WORD_RE.findall(text[m.start() + 1:])) >= TEASER_MIN_WORDS:
            return True
    return False


def labelled_teaser(text: str) -> bool:
    """A link to another article inside the body: a label of one to three page-chrome words,
    shouted or set off by a colon ("READ ...", "ALSO READ ...", "Related: ..."), before a
    headline-shaped rest."""
    for label, sep, rest in label_splits(text):
        if not all(w in chrome_words() for w in label.casefold().split()):
            continue
        set_off = label.isupper() and len(label) >= 4 or sep.strip() != ""
        if set_off and teaser_like(rest):
            return True
    return False


LABEL_PATTERNS = tuple(re.compile(r"^((?:[^\W\d_]+ ){%d}[^\W\d_]+)( ?[:|»›>] ?| )(.+)$" % (n - 1)) for n in (1, 2, 3))


def label_splits(text: str):
    """(label, separator, rest) for labels of one, two and three leading words."""
    for pattern in LABEL_PATTERNS:
        m = pattern.match(text)
        if m:
            yield m.groups()


def fallback_body(doc: DumpLines, skip: frozenset[int] | set[int] = frozenset()) -> list[bool]:
    """When no line outside `skip` is clearly body: the best-scored lines if some score is fair,
    else the sentence-like lines, else the long lines (a page whose text the dump ran into one line)."""
    best = max((s for i, s in enumerate(doc.scores) if i not in skip), default=0.0)
    if best >= FALLBACK_MIN_SCORE:
        return [s >= best / 2 and i not in skip for i, s in enumerate(doc.scores)]
    long_lines = [len(WORD_RE.findall(ln.text)) >= FALLBACK_MIN_WORDS for ln in doc.lines]
    sentences = [k and ln.text.endswith(SENTENCE_END) for k, ln in zip(long_lines, doc.lines)]
    return sentences if any(sentences) else long_lines


def site_repeats(doc: DumpLines, keep: list[bool], site_chrome: frozenset[int]) -> set[int]:
    """Kept lines that other pages of the same site repeat (see clean.site). When they are
    most of what is kept, the pages are versions of one story (an update, a copy under
    another address) and the repeats are its body, so none is dropped."""
    if not site_chrome:
        return set()
    kept = [i for i, k in enumerate(keep) if k]
    repeats = {i for i in kept if line_key(doc.lines[i].text) in site_chrome}
    kept_chars = sum(len(doc.lines[i].text) for i in kept)
    repeated_chars = sum(len(doc.lines[i].text) for i in repeats)
    return repeats if repeated_chars <= SITE_CHROME_MAX_SHARE * kept_chars else set()


def body_and_removed(doc: DumpLines, skip: set[int],
                     site_chrome: frozenset[int] = frozenset()) -> tuple[list[str], list[str]]:
    """Body paragraphs and removed lines, in page order; `skip` are lines used as metadata,
    `site_chrome` the keys of lines that other pages of the site repeat."""
    body, removed = [], []
    skip = (skip | teaser_lines(doc) | teaser_runs(doc) | comment_lines(doc)
            | {i for i, ln in enumerate(doc.lines) if labelled_teaser(ln.text)})
    keep = [s >= BODY_THRESHOLD for s in doc.scores]
    if not any(k and i not in skip for i, k in enumerate(keep)):
        keep = fallback_body(doc, skip)
    skip = skip | site_repeats(doc, [k and i not in skip for i, k in enumerate(keep)], site_chrome)
    keep = cut_after_article_end(doc, [k and i not in skip for i, k in enumerate(keep)])
    for ln, k in zip(doc.lines, keep):
        if k:
            body.append(ln.text)
        else:
            removed.append(ln.text)
    return body, removed


def comment_lines(doc: DumpLines) -> set[int]:
    """The lines from the start of a reader-comment thread to the end of the page: comments
    are prose, but not the article's."""
    if doc.features is None or not len(doc.features):
        return set()
    start = comment_thread_start(doc.lines, np.asarray(doc.features, dtype=float)[:, :N_OWN])
    return set() if start is None else set(range(start, len(doc.lines)))


def line_words(doc: DumpLines) -> np.ndarray:
    """Words per line as the features count them (CJK characters as half words)."""
    if doc.features is not None and len(doc.features):
        return np.expm1(np.asarray(doc.features, dtype=float)[:, WORDS_COL])
    return np.array([len(WORD_RE.findall(ln.text)) for ln in doc.lines], dtype=float)


def main_stretch(doc: DumpLines, keep: list[bool]) -> tuple[int, int]:
    """First and last line of the run with the most net body evidence: a kept line gains its
    score margin times its words, a dropped line costs its margin times its words (at least
    STRETCH_MIN_WORDS) plus STRETCH_LINE_COST."""
    words = line_words(doc)
    gain = [(s - BODY_THRESHOLD) * w + KEPT_LINE_GAIN if k else
            -abs(BODY_THRESHOLD - s) * max(w, STRETCH_MIN_WORDS) - STRETCH_LINE_COST
            for k, s, w in zip(keep, doc.scores, words)]
    lo, hi, _ = best_run(gain)
    return lo, hi


def cut_after_article_end(doc: DumpLines, keep: list[bool]) -> list[bool]:
    """Drop kept lines beyond the first ARTICLE_END_GAP dropped lines in a row after the main
    body stretch: prose that far past the article is comments, teasers or another item."""
    lo, hi = main_stretch(doc, keep)
    if hi < lo:
        return keep
    gap = 0
    for i in range(hi + 1, len(keep)):
        gap = 0 if keep[i] else gap + 1
        if gap >= ARTICLE_END_GAP:
            return keep[:i] + [False] * (len(keep) - i)
    return keep

