"""Metadata a page dump prints around its body: headline and deck (the paragraphs just
above the body), dateline, byline, the site's own name at the top, and the outlet a
syndicated copy names as its source ("Source: ..."). Works on the classified lines of
dump.py; returns the fields and the line indices it used, which stay out of the body."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .dates import parse_datetime
from .dump import BODY_THRESHOLD, DumpLines
from .lines import SENTENCE_END, CJK_RE, URL_RE, WORD_RE, chrome_words
from .outlets import outlet_keys, resolve_outlet, squeeze

HEADER_REACH = 15
DATE_LINE_MAX_OTHER_WORDS = 6
NAME_STOP_RE = re.compile(r"\s*(?:[|•·(/–—]| - | am | on | the |\d|datum\b|date\b|updated\b|published\b|aktualisiert\b).*$", re.I)
NAME_WORD_RE = re.compile(r"^[^\W\d_][\w.'’-]*$")
NAME_SPLIT_RE = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*")
FUNCTION_WORD_MAX = 3
BREADCRUMB_RE = re.compile(r"[»›→←]| > | / ")


@dataclass
class Header:
    title: str | None = None
    subtitle: str | None = None
    published: str | None = None
    outlet: str | None = None
    original_outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    used: set[int] = field(default_factory=set)


def n_words(text: str) -> int:
    return max(len(WORD_RE.findall(text)), len(CJK_RE.findall(text)) // 2)


def date_line(text: str) -> str | None:
    """ISO date of a line that is mostly a date (a dateline), else None."""
    if n_words(text) > 20:
        return None
    stamp = parse_datetime(text)
    if not stamp:
        return None
    rest = re.sub(r"\d+", " ", text)
    other = [w for w in WORD_RE.findall(rest) if len(w) > 2]
    return stamp if len(other) <= DATE_LINE_MAX_OTHER_WORDS else None


def headline_like(text: str) -> bool:
    words = WORD_RE.findall(text.lower())
    if not 2 <= n_words(text) <= 35 or text.endswith((":", ",")) or URL_RE.search(text):
        return False
    if source_re().match(text) or BREADCRUMB_RE.search(text):
        return False
    chrome = sum(1 for w in words if w in chrome_words())
    return chrome <= 0.3 * len(words) and not byline_start_re().match(text)


def is_paragraph(doc: DumpLines, i: int, need: bool) -> bool:
    ln = doc.lines[i]
    return not need or (ln.blank_before and ln.blank_after)


def body_start(doc: DumpLines) -> int | None:
    return next((i for i, s in enumerate(doc.scores) if s >= BODY_THRESHOLD), None)


def read_header(doc: DumpLines) -> Header:
    head = Header()
    start = body_start(doc)
    if start is None:
        return head
    need_blank = any(ln.blank_before and ln.blank_after for ln in doc.lines[:start + 1])
    candidates = []
    first = doc.lines[start].text
    if not first.endswith(SENTENCE_END) and headline_like(first) and start + 1 < len(doc.lines):
        candidates.append(start)            # a deck the classifier took for body
    for i in range(start - 1, max(-1, start - HEADER_REACH - 1), -1):
        text = doc.lines[i].text
        stamp = date_line(text)
        if stamp:
            if head.published is None:
                head.published = stamp
                head.used.add(i)
            continue
        if byline_start_re().match(text):
            continue
        if is_paragraph(doc, i, need_blank) and headline_like(text):
            candidates.append(i)
            if len(candidates) == 2:
                break
    pick_title_and_deck(doc, head, candidates)
    if head.published is None:
        head.published = dateline_below(doc, head, start)
    if head.published is None:
        head.published = published_elsewhere(doc, head, start)
    find_byline(doc, head, start)
    head.outlet = site_name(doc, head)
    head.original_outlet = source_outlet(doc, head)
    return head


def pick_title_and_deck(doc: DumpLines, head: Header, candidates: list[int]) -> None:
    """Nearest headline-like paragraph above the body is the title, unless a shorter one
    sits just above it: then that one is the title and the nearer one the deck."""
    if not candidates:
        return
    lower = candidates[0]
    upper = candidates[1] if len(candidates) > 1 else None
    low_text = doc.lines[lower].text
    if upper is not None and lower - upper <= 5:
        up_text = doc.lines[upper].text
        if (n_words(up_text) < n_words(low_text) or low_text.endswith(".")) and not up_text.endswith("."):
            head.title, head.subtitle = up_text, low_text
            head.used |= {upper, lower}
            return
    if not low_text.endswith(".") or n_words(low_text) <= 15:
        head.title = low_text
        head.used.add(lower)


def dateline_below(doc: DumpLines, head: Header, start: int) -> str | None:
    """A dateline among the first lines from the body start down (after a deck)."""
    for i in range(start, min(len(doc.lines), start + 4)):
        if i in head.used:
            continue
        stamp = date_line(doc.lines[i].text)
        if stamp:
            head.used.add(i)
            return stamp
    return None


def published_elsewhere(doc: DumpLines, head: Header, start: int) -> str | None:
    """A dateline just after the body, or anywhere above it, when none sits in the header."""
    last = max((i for i, s in enumerate(doc.scores) if s >= BODY_THRESHOLD), default=start)
    order = list(range(last + 1, min(len(doc.lines), last + 6))) + list(range(0, start))
    for i in order:
        stamp = date_line(doc.lines[i].text)
        if stamp:
            head.used.add(i)
            return stamp
    return None


@lru_cache(maxsize=1)
def cue_lexicon() -> dict:
    return json.loads(Path(__file__).with_name("bylines.json").read_text(encoding="utf-8"))


def alternation(words: list[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@lru_cache(maxsize=1)
def byline_re() -> re.Pattern:
    """A byline cue anywhere in a line, then the names."""
    cues = alternation(cue_lexicon()["cues"])
    return re.compile(rf"(?:^|(?<=[\s|•(\]]))(?:{cues})(?:\s*[:：]\s*|\s+|(?=[A-ZÀ-Þ]))(.+)$", re.I)


@lru_cache(maxsize=1)
def byline_start_re() -> re.Pattern:
    """A line that starts with a byline cue ("By", "Von: ..."); the rest may be empty."""
    return re.compile(rf"^(?:{alternation(cue_lexicon()['cues'])})\b[:：\s]*(.*)$", re.I)


@lru_cache(maxsize=1)
def source_re() -> re.Pattern:
    """A "Source: X" / "Originally published in X" line."""
    cues = alternation(cue_lexicon()["source_cues"])
    return re.compile(rf"^(?:{cues})\s*[:：\-–]?\s*(.{{2,80}}?)[.]?$", re.I)


def byline_names(doc: DumpLines, i: int) -> list[str]:
    """Author names of a byline line ("By A and B", "Von A, dpa", "Author: A, Datum: ...")."""
    text = doc.lines[i].text
    m = byline_re().search(text)
    rest = m.group(1).strip() if m else ""
    if not rest and byline_start_re().match(text) and i + 1 < len(doc.lines):
        rest = doc.lines[i + 1].text          # "By" alone, the name on the next line
    return parse_names(rest)


def parse_names(rest: str) -> list[str]:
    rest = NAME_STOP_RE.sub("", rest)
    names = []
    for part in NAME_SPLIT_RE.split(rest):
        words = part.strip().split()
        if not words or not all(NAME_WORD_RE.match(w) for w in words) or resolve_known_outlet(part):
            continue
        capitalized = all(w[:1].isupper() for w in words)
        if (2 <= len(words) <= 4 and capitalized) or (len(words) == 1 and len(words[0]) >= 3 and not names):
            names.append(" ".join(words))
    return names if len(names) <= 4 else []


def resolve_known_outlet(text: str) -> bool:
    return squeeze(text) in outlet_keys()


def find_byline(doc: DumpLines, head: Header, start: int) -> None:
    """The first byline in the header zone or just below the body start."""
    lo = max(0, start - HEADER_REACH)
    for i in list(range(lo, min(len(doc.lines), start + 3))):
        text = doc.lines[i].text
        if n_words(text) > 15 or not byline_re().search(text):
            continue
        names = byline_names(doc, i)
        if names:
            head.authors = names
            if doc.scores[i] < BODY_THRESHOLD or byline_start_re().match(text):
                head.used.add(i)
            return


def name_like(text: str, chrome_ok: bool = False) -> bool:
    """A short run of capitalized words (function words aside), no sentence punctuation.
    `chrome_ok`: a masthead may hold words that are chrome elsewhere ("Post", "Daily")."""
    words = text.split()
    if not 2 <= len(words) <= 5 or text[-1:] in ".!?:,;" or URL_RE.search(text):
        return False
    if not chrome_ok and any(w.lower() in chrome_words() for w in words):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or len(w) <= FUNCTION_WORD_MAX for w in words) and words[0][:1].isupper()


def masthead(text: str) -> str:
    """A site name as printed, with an all-capitals masthead in title case."""
    return text.title() if text.isupper() else text


def site_name(doc: DumpLines, head: Header) -> str | None:
    """The outlet of this copy: a known outlet named on a line above the headline, else a
    name-like first line set apart by a blank line."""
    title_at = min(head.used) if head.used else (body_start(doc) or 0)
    keys = outlet_keys()
    for i in range(0, title_at):
        key = squeeze(doc.lines[i].text)
        if key in keys and len(doc.lines[i].text) > 3:
            return keys[key]
    first = doc.lines[0]
    set_apart = first.blank_after or title_at > 1   # not the headline's first line
    if 0 < title_at and set_apart and name_like(first.text, chrome_ok=True):
        return masthead(first.text)
    return None


def source_outlet(doc: DumpLines, head: Header) -> str | None:
    """The outlet a "Source: ..." (or "Originally published in ...") line names, when known."""
    for i, ln in enumerate(doc.lines):
        m = source_re().match(ln.text)
        if not m:
            continue
        name = resolve_outlet(m.group(1)) or name_in_page(doc, m.group(1))
        if name:
            head.used.add(i)
            return name
    return None


NAME_RUN_RE = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w'’-]+){0,5}")


def name_in_page(doc: DumpLines, slug: str) -> str | None:
    """An outlet the list does not know, named by a slug ("lavoztelvar"): the page's own
    spelling of it when a capitalized name there squeezes to the slug (short function words
    may be dropped: "La Voz de Telvar"), else the slug as printed."""
    want = squeeze(slug)
    if not want:
        return None
    for ln in doc.lines:
        for m in NAME_RUN_RE.finditer(ln.text):
            words = m.group(0).split()
            for i in range(len(words)):
                for j in range(i + 1, len(words) + 1):
                    run = words[i:j]
                    if squeeze("".join(run)) == want or squeeze("".join(w for w in run if not w.islower())) == want:
                        return " ".join(run)
    return slug.strip()
