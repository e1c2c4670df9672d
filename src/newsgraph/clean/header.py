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

from .dates import ISO_RE, TIME_RE, ZONE_RE, find_calendar_date, months, parse_datetime, slash_order
from .dump import BODY_THRESHOLD, DumpLines, fallback_body
from .language import stopwords
from .lines import SENTENCE_END, CJK_RE, INVISIBLE_RE, URL_RE, WORD_RE, alternation, caption_words, chrome_words
from .outlets import outlet_keys, resolve_outlet, squeeze
from .syndication import credited_name, is_credit_label, other_outlet, translated_from, wire_agency

MASTHEAD_REACH = 3          # lines at the top of a page where the site prints its name
MASTHEAD_MAX_WORDS = 5
WIRE_REACH = 3              # lines from the body anchor searched for a wire dateline
COPYRIGHT_RE = re.compile(r"©|\(c\)|\bcopyright\b", re.I)   # a line that mentions a copyright (no dateline)
HEADER_REACH = 15           # lines above the body searched for a byline
TITLE_REACH = 25            # lines above a body anchor searched for the headline
DATE_LINE_MAX_OTHER_WORDS = 6
DATE_NEAR_MAX_WORDS = 30    # a dateline next to the headline may carry tags, names, a category
DATE_NEAR_OFFSET = 40       # ... when its date comes first (within this many characters) or after a cue
NEAR_REACH = 8              # lines under the headline searched for its date
UPDATE_LINE_MAX_WORDS = 8   # words of a line that only stamps the last update ("Stand: 27.01.2022, 14:05 Uhr")
STATEMENT_BELOW_BODY = 15   # lines past the body's last line a publication statement may sit on (share buttons between)
YEARLESS_DATELINE_MAX_WORDS = 8  # words of a dateline without a year ("MOSCOW, Oct 12 (AFP) -")
LEDE_MIN_WORDS = 12         # words of a body paragraph that opens with its dateline
LEDE_REACH = 4              # lines from the body start searched for a date opening a paragraph
LEDE_PLACE_MAX_WORDS = 4    # words of a place name before a date that opens the body ("SAN JOSE, Costa Rica, ...")
LEDE_TIME_REACH = 20        # characters after that date a clock time may follow in
NEAR_BELOW_BODY = 3         # ... reaching this far past the body start
BLOCK_GAP = 2               # non-body lines a run of body lines may hold (main_block_start)
ECHO_PREFIX_MIN = 15        # letters a shortened copy of a headline must keep
CONTENT_WORD_MIN = 4        # letters of a word counted as content when a headline is matched to its lede
STRONG_BODY = 0.9           # classifier score of a full body paragraph that ends the headline search
LEDE_WORDS = 120            # words of the body's first lines a headline is matched to
TITLE_WEIGHTS_FILE = Path(__file__).with_name("title_weights.json")   # written by clean.fit_title
TITLE_WEIGHTS = json.loads(TITLE_WEIGHTS_FILE.read_text(encoding="utf-8"))["weights"]
META_BELOW_REACH = 3         # lines under a headline its dateline or byline may sit on
DECK_MIN_WORDS = 8
CREDIT_LABEL_MAX_WORDS = 2  # words of a role label before a name ("Interview: Ann Lee")
DECK_SLACK = 1.0            # a headline over a deck may score this much lower than the deck
BREADCRUMB_SPLIT_RE = re.compile(r"\s+(?:[»›→>/])\s+")
TAIL_HEAD_MIN_WORDS = 5     # words a headline keeps when a byline or date run onto it is cut off
BYLINE_LEAD_WORDS = 3       # words a byline may print before its cue ("Eine Kolumne von ...")
TAIL_JUNK_RE = re.compile(r"[\s|·•/,–—:-]*(?:\b(?:on|am|at|le|el|il|the|den|der|vom)\b[\s|·•/,–—:-]*)*$", re.I)
NAME_STOP_RE = re.compile(r"\s*(?:[|•·(/–—]| - |(?-i: (?:am|on|the|le|el|il|um) )|\d|datum\b|date\b|updated\b|published\b|aktualisiert\b).*$", re.I)
NAME_WORD_RE = re.compile(r"^[^\W\d_][\w.'’-]*$")
NAME_SPLIT_RE = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*")
FUNCTION_WORD_MAX = 3
BREADCRUMB_RE = re.compile(r"[»›→←]| > | / ")
GUILLEMET_QUOTE_RE = re.compile(r"«[^«»]*»|»[^«»]*«|‹[^‹›]*›|›[^‹›]*‹")   # «quoted», »zitiert«: not crumbs
GLUED_WORD_RE = re.compile(r"^(.*[a-zß-ÿ])([A-ZÀ-Þ][a-zß-ÿ]+)$")
LEAD_END_RE = re.compile(r"[|•·/–—-]\s*$")
DATELINE_SPLIT_RE = re.compile(r"\s*(?:[|•·/–—]|\s-\s|//)\s*")
NAME_LIST_SPLIT_RE = re.compile(r"\s*(?:,|;|&|\s/\s|\band\b|\bund\b|\bet\b)\s*")
PART_SPLIT_RE = re.compile(r"\s+[|/»›>·•]\s+|\s+[–—-]\s+")
RUNNER_UP_TRIES = 3         # next best headline candidates whose dateline may date the page
TWICE_MIN_WORDS = 3         # words of a run a line prints twice in a row (breadcrumb step + headline)
TWICE_MAX_WORDS = 80        # ... in a line of at most this many words (a headline's length, twice, and crumbs)
ECHO_TRIM_MAX_WORDS = 5     # words a kicker or stray tail glued to a headline may hold
ECHO_TRIM_MIN_WORDS = 3     # words the headline printed on its own elsewhere must keep
ECHO_TRIM_KEEP = 0.7        # ... and this share of the words of the line
JUNCTION_MARKS = frozenset(":–—-,;|/.·•")
EDGE_WORDS_RE = re.compile(r"^(?:(?:am|on|um|le|el|il|at|the|vom|de|by|von|par|por|uhr|Uhr)\s+)+|(?:\s+(?:am|on|um|le|el|il|at|the|vom|de|uhr|Uhr))+$")


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


@lru_cache(maxsize=1)
def date_cues() -> dict:
    return json.loads(Path(__file__).with_name("date_cues.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def update_cue_re() -> re.Pattern:
    return re.compile(rf"(?:^|\W)(?:{alternation(date_cues()['updated'])})\W*$", re.I)


@lru_cache(maxsize=1)
def publish_cue_re() -> re.Pattern:
    return re.compile(rf"(?:^|\W)(?:{alternation(date_cues()['published'])})\b", re.I)


@lru_cache(maxsize=1)
def relative_time_re() -> re.Pattern:
    """"vor 11 Minuten", "2 hours ago": a time only the crawl date could resolve."""
    cues = date_cues()
    amount = r"(?:\d+|an?|one|eine[rmn]?|un[ea]?)"
    return re.compile(rf"(?:\b(?:{alternation(cues['relative_before'])})\s+{amount}\s+\w+"
                      rf"|\b{amount}\s+\w+\s+(?:{alternation(cues['relative_after'])}))(?!\w)", re.I)


def first_stamp(text: str, day_first: bool | None) -> str | None:
    """The publication stamp of a line: its first date, or the next one when the first is
    introduced as an update ("Updated 3 May 2020 / Published 1 May 2020")."""
    span = date_span(text, day_first)
    if span is None:
        return None
    start, end = span
    if update_cue_re().search(text[max(0, start - 30):start]):
        later = parse_datetime(text[end:], day_first)
        if later:
            return later
    return parse_datetime(text, day_first)


def date_span(text: str, day_first: bool | None) -> tuple[int, int] | None:
    """Start and end of the first calendar or ISO date in text."""
    found = find_calendar_date(text, day_first)
    iso = ISO_RE.search(text)
    if found and (iso is None or found[1] <= iso.start()):
        return found[1], found[2]
    return (iso.start(), iso.end()) if iso else None


def date_start(text: str, day_first: bool | None) -> int | None:
    span = date_span(text, day_first)
    return span[0] if span else None


def date_line(text: str, day_first: bool | None = None, near: bool = False) -> str | None:
    """ISO date of a line that is mostly a date (a dateline), else None. `near` (a line next to
    the headline) also takes a date at the head of a longer line of tags or names."""
    words = n_words(text)
    if words > (DATE_NEAR_MAX_WORDS if near else 20):
        return None
    at = date_start(text, day_first)
    if at is None:
        return None
    rest = re.sub(r"\d+", " ", text)
    other = [w for w in WORD_RE.findall(rest) if len(w) > 2]
    if len(other) <= DATE_LINE_MAX_OTHER_WORDS or (near and (at <= DATE_NEAR_OFFSET or publish_cue_re().search(text[:at]))):
        return first_stamp(text, day_first)
    return None


def headline_like(text: str) -> bool:
    words = WORD_RE.findall(text.lower())
    if not 2 <= n_words(text) <= 35 or text.endswith((":", ",")) or URL_RE.search(text):
        return False
    if credited_name(text) or BREADCRUMB_RE.search(GUILLEMET_QUOTE_RE.sub("", text)):
        return False
    chrome = sum(1 for w in words if w in chrome_words())
    return chrome <= 0.3 * len(words) and not byline_opening(text)


def caption_like(text: str) -> bool:
    """A photo credit or caption label ("© Foto: ...", "Photo: Reuters")."""
    first = WORD_RE.findall(text.lower())[:1]
    return "©" in text or (bool(first) and first[0] in caption_words() and ":" in text[:25])


def body_start(doc: DumpLines) -> int | None:
    """The first body line; on a page without a clearly-body line, the first line the
    cleaner's fallback keeps."""
    first = next((i for i, s in enumerate(doc.scores) if s >= BODY_THRESHOLD), None)
    if first is None and doc.lines:
        first = next((i for i, keep in enumerate(fallback_body(doc)) if keep), None)
    return first


def main_block_start(doc: DumpLines) -> int | None:
    """First line of the run of body lines (gaps of a few lines bridged) holding most words."""
    best, best_words, run_start, run_words, gap = None, 0, None, 0, 0
    for i, score in enumerate(doc.scores + [0.0] * (BLOCK_GAP + 1)):
        if score >= BODY_THRESHOLD:
            if run_start is None:
                run_start, run_words = i, 0
            run_words += n_words(doc.lines[i].text)
            gap = 0
            continue
        gap += 1
        if run_start is not None and gap > BLOCK_GAP:
            if run_words > best_words:
                best, best_words = run_start, run_words
            run_start = None
    return best


def body_anchors(doc: DumpLines, start: int) -> list[int]:
    """Where the body starts and where its main block starts (the headline sits near one)."""
    return sorted({start, main_block_start(doc) or start})


def read_header(doc: DumpLines) -> Header:
    head = Header()
    start = body_start(doc)
    if start is None:
        return head
    day_first = page_day_first(doc)
    anchors = body_anchors(doc, start)
    scored = title_candidates(doc, anchors, day_first)
    title_at = pick_title(doc, head, scored, anchors, day_first)
    anchor = next((a for a in anchors if title_at is None or a > title_at), anchors[-1])
    head.published = (date_near_title(doc, head, title_at, anchor, day_first)
                      or lede_date(doc, head, anchor, day_first)
                      or publication_statement(doc, head, anchor, day_first)
                      or runner_up_date(doc, head, scored, title_at, anchors, day_first))
    if head.published is None and not relative_stamp_near(doc, title_at):
        head.published = (dateline_below(doc, head, anchor, day_first)
                          or nearest_dateline(doc, head, anchor, day_first)
                          or published_elsewhere(doc, head, anchor, day_first)
                          or update_stamp(doc, head, anchor, day_first))
    find_byline(doc, head, title_at, anchor, day_first)
    head.outlet = site_name(doc, head)
    head.original_outlet = source_outlet(doc, head, anchor)
    return head


def runner_up_date(doc: DumpLines, head: Header, scored: dict[int, tuple[float, str]], title_at: int | None,
                   anchors: list[int], day_first) -> str | None:
    """Where no date sits with the chosen headline: the dateline printed under one of the next
    best headline candidates (the headline may be one of them; a date under a line is what
    marks an article's header)."""
    others = sorted((i for i in scored if i != title_at), key=lambda i: -scored[i][0])[:RUNNER_UP_TRIES]
    for i in others:
        if meta_below(doc, i, day_first) == 0:
            continue
        anchor = next((a for a in anchors if a > i), anchors[-1])
        stamp = date_near_title(doc, head, i, anchor, day_first)
        if stamp:
            return stamp
    return None


def relative_stamp_near(doc: DumpLines, title_at: int | None) -> bool:
    """Whether the headline's own stamp is relative ("vor 11 Minuten", "2 hours ago"): without
    the crawl date the date is unknown, and a date elsewhere on the page is not its date."""
    if title_at is None:
        return False
    near = range(max(0, title_at - 2), min(len(doc.lines), title_at + META_BELOW_REACH + 1))
    return any(n_words(doc.lines[i].text) <= DATE_NEAR_MAX_WORDS and relative_time_re().search(doc.lines[i].text) for i in near)


def page_day_first(doc: DumpLines) -> bool | None:
    """How this page writes 03/05/2022: by its own unambiguous examples, else day first
    outside English."""
    order = slash_order(ln.text for ln in doc.lines)
    if order is None and doc.language and doc.language != "en":
        return True
    return order


def is_meta(text: str, day_first: bool | None) -> bool:
    """A dateline, a byline, or a relative time ("2 hours ago") under or over a headline."""
    if n_words(text) > DATE_NEAR_MAX_WORDS:
        return False
    if date_line(text, day_first, near=True) or relative_time_re().search(text) or yearless_dateline(text):
        return True
    if byline_opening(text):
        return True
    m = byline_re().search(text)
    if not m or not byline_lead(text[:m.start()]) or n_words(text) > 12:
        return False
    names = byline_names_of(text)
    return bool(names) and not (m.start() > 0 and len(names) == 1 and " " not in names[0])   # "Heizjacken von Bosch"


CLOCK_WORDS_RE = re.compile(r"^\W*(?:at|um|à|a las|alle)?\s*$|^\W*[A-Z]{1,5}\W*$", re.I)


def clock_only(text: str) -> bool:
    """A clock time and nothing else, maybe with "at" and a zone: "at 9:45 a.m. ET" (the part of a
    "March 14, 2026 at 9:45 a.m. ET" line left after its date)."""
    m = TIME_RE.search(text)
    if not m:
        return False
    before, after = text[:m.start()], ZONE_RE.sub("", text[m.end():], count=1)
    return bool(CLOCK_WORDS_RE.match(before)) and not after.strip(" )(.,")


def meta_only(text: str, day_first: bool | None) -> bool:
    """A dateline or byline that is not a headline with its stamp run onto it ("Title vor 5
    Stunden in Politik"): the line over such a headline is no headline of its own."""
    if not is_meta(text, day_first):
        return False
    head, had_tail = split_title_tail(text, day_first)
    return not (had_tail and head != text and headline_like(head) and not is_meta(head, day_first)
                and not clock_only(head))


def byline_lead(lead: str) -> bool:
    """What a byline may print before its cue: nothing, a separator, or a short capitalized
    label ("Ein Beitrag von", "Text | von"); not the start of a phrase ("Auf den Spuren von X")."""
    words = [w for w in lead.split() if any(ch.isalpha() for ch in w)]
    return n_words(lead) <= BYLINE_LEAD_WORDS and (all(w[:1].isupper() for w in words) or bool(LEAD_END_RE.search(lead)))


@lru_cache(maxsize=1)
def yearless_date_re() -> re.Pattern:
    """A day and month without a year ("October 12", "12 Oct", "12. Oktober")."""
    names = alternation(list(months()))
    return re.compile(rf"(?<![\w.])(?:(?:{names})\.?\s+\d{{1,2}}(?!\d)|\d{{1,2}}\.?\s+(?:{names})\b)", re.I)


def yearless_dateline(text: str) -> bool:
    """A short dateline whose date has no year ("MOSCOW, October 12 (AFP) -"): metadata, never
    a headline, and no date either (the year is unknown)."""
    m = yearless_date_re().search(text)
    return bool(m) and n_words(text) <= YEARLESS_DATELINE_MAX_WORDS and n_words(text[:m.start()]) <= LEDE_PLACE_MAX_WORDS


def split_title_tail(text: str, day_first: bool | None) -> tuple[str, bool]:
    """A headline with its byline or date run onto the same line ("Title by Ann Lee on May 4,
    2020", "Title vor 11 Minuten von ...", "Title | SITE", "Jun 17 Title"): the headline, and
    whether a tail went."""
    lead = lead_date_end(text, day_first)
    if lead and n_words(text[lead:]) >= TAIL_HEAD_MIN_WORDS and not is_meta(text[lead:], day_first):
        return text[lead:].strip(" |·•/,–—:-"), True
    cuts = [x for x in (date_start(text, day_first), rel_start(text)) if x]
    if cuts:
        head = TAIL_JUNK_RE.sub("", weekday_tail_re().sub("", text[:min(cuts)]))
        m = None
        for m in byline_cut_re().finditer(head):
            pass
        if m and n_words(head[m.end():]) <= 5:
            head = TAIL_JUNK_RE.sub("", head[:m.start()])
        elif not m:
            head = without_author_tail(head)
        return (head, True) if n_words(head) >= TAIL_HEAD_MIN_WORDS else (text, False)
    crumbs = BREADCRUMB_SPLIT_RE.split(text)
    if len(crumbs) > 2 and n_words(crumbs[-1]) >= 4:
        return crumbs[-1].strip(), False
    parts = text.rsplit(" | ", 1)
    if len(parts) == 2 and n_words(parts[1]) <= 4 and n_words(parts[0]) >= 3 and not parts[0].endswith("|"):
        return parts[0].rstrip(), True
    return text, False


@lru_cache(maxsize=1)
def weekday_tail_re() -> re.Pattern:
    """A weekday that opens the date cut off a headline ("Title DONNERSTAG, 17.01.2019")."""
    return re.compile(rf"[\s,|·•/–—-]*\b(?:{alternation(date_cues()['weekdays'])})\.?[\s,]*$", re.I)


def without_author_tail(head: str) -> str:
    """A headline whose author's name ran onto it before the date, without a cue ("Title Ann
    Lee am 4. Mai 2020"): the name goes when it opens with a known given name."""
    words = head.split()
    for k in (3, 2):
        if len(words) - k >= TAIL_HEAD_MIN_WORDS and person_names(" ".join(words[-k:]), None):
            return TAIL_JUNK_RE.sub("", " ".join(words[:-k]))
    return head


def lead_date_end(text: str, day_first: bool | None) -> int | None:
    """Where a date that opens the line ends ("Jun 17 Title", "04.05.2020 | Title")."""
    found = find_calendar_date(text, day_first)
    if found and found[1] == 0:
        return found[2]
    m = yearless_date_re().match(text)
    return m.end() if m else None


def rel_start(text: str) -> int | None:
    m = relative_time_re().search(text)
    return m.start() if m else None


@lru_cache(maxsize=1)
def byline_cut_re() -> re.Pattern:
    """A byline cue inside a line, after a space or separator."""
    return re.compile(rf"(?:\s+|\s*[|·•/–—]\s*)(?:{alternation(cue_lexicon()['cues'])})\b[:：]?", re.I)


def echo_keys(doc: DumpLines) -> tuple[dict, list[str]]:
    """How often each line's text is printed on the page (whole, or as the last step of a
    breadcrumb), and the openings of shortened copies ("Title of the sto..."), all squeezed."""
    counts: dict[str, int] = {}
    prefixes = []
    for ln in doc.lines:
        text = ln.text
        keys = {loose(text)}
        crumbs = re.split(r"\s*(?:[»›→>]|/\s)\s*", text)
        if len(crumbs) > 1:
            keys.add(loose(crumbs[-1]))
        for key in keys:
            if key:
                counts[key] = counts.get(key, 0) + 1
        if text.endswith(("...", "…")) and len(loose(text)) >= ECHO_PREFIX_MIN:
            prefixes.append(loose(text))
    return counts, prefixes


def loose(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def echoed(key: str, counts: dict, prefixes: list[str], own_line: bool = False) -> bool:
    """Printed at least twice; a headline cut from a longer line (`own_line`) was not counted
    under its own text, so once more elsewhere will do."""
    return counts.get(key, 0) >= 2 - own_line or any(key.startswith(p) and key != p for p in prefixes)


def title_features(doc: DumpLines, i: int, anchor_gap: int, anchors: list[int], echo, day_first,
                   lede: frozenset[str] = frozenset()) -> tuple[dict, str] | None:
    """What makes line i look like the headline: headline-shaped (one capitalized word only with
    a dateline under it or alone right over the body: "Willkommen!"), a dateline or byline under it
    (or run onto it), printed again elsewhere on the page (breadcrumb, share text), set apart as
    a paragraph, a headline's length, near the body and not itself a body sentence, and sharing
    its content words with the lede (`lede`)."""
    text = doc.lines[i].text
    head, had_tail = split_title_tail(text, day_first)
    twice = printed_twice(head)
    if twice:
        head, had_tail = twice, True
    if caption_like(text) or (not had_tail and is_meta(text, day_first)):
        return None
    if not had_tail and (len(person_names(text, doc.language)) > 1 or credit_line(text, doc.language)):
        return None                           # a line of authors' names, not a headline
    if had_tail and (is_meta(head, day_first) or clock_only(head)):
        return None                           # a date range, two stamps glued, a date and its time
    below = meta_below(doc, i, day_first)
    words = n_words(head)
    letters = [ch for ch in head if ch.isalpha()]
    one_word = (words == 1 and len(head) >= 4 and bool(letters) and letters[0].isupper()
                and head.lower() not in chrome_words())
    label_above_body = anchor_gap == 1 and head == text and text[:1].isalpha() and not text.isupper()
    if not headline_like(head) and not (one_word and (below or label_above_body)):
        return None
    ln = doc.lines[i]
    feats = {
        f"meta_below_{below}": 1.0,
        "tail": float(had_tail),
        "meta_above": float(i > 0 and meta_only(doc.lines[i - 1].text, day_first)),
        "echo": float(words >= 3 and echoed(loose(head), *echo, own_line=had_tail and loose(head) != loose(text))),
        "paragraph": float(ln.blank_before and ln.blank_after),
        "sentence": float(head.endswith(".") and words >= 10),
        "body_line": float(doc.scores[i] >= BODY_THRESHOLD and i not in anchors),
        "person": float(not had_tail and bool(person_names(head, doc.language))),
        "short": float(words <= 2),
        "headline_length": float(4 <= words <= 20),
        "distance": float(max(0, anchor_gap)),
        "below_anchor": float(anchor_gap < 0),
        "anchor_sentence": float(anchor_gap == 0 and text.endswith(SENTENCE_END)),
        "body_above": float(any(doc.scores[k] >= BODY_THRESHOLD and n_words(doc.lines[k].text) >= LEDE_MIN_WORDS
                                for k in range(max(0, i - 2), i))),
        "above_first": float(i <= anchors[0]),
        "lede_overlap": lede_overlap(head, lede),
        "line_score": doc.scores[i],
    }
    return feats, head


def printed_twice(text: str) -> str | None:
    """The longest run of words a line prints twice in a row ("Home Blog Title Title by Ann
    Lee"): a breadcrumb's last step and the headline flattened onto one line. None when none
    of TWICE_MIN_WORDS words or more is."""
    words = text.split()
    if len(words) > TWICE_MAX_WORDS:
        return None
    for size in range(len(words) // 2, TWICE_MIN_WORDS - 1, -1):
        for k in range(len(words) - 2 * size + 1):
            if words[k] == words[k + size] and words[k:k + size] == words[k + size:k + 2 * size]:
                return " ".join(words[k:k + size])
    return None


def content_words(text: str) -> set[str]:
    """Casefolded words long enough to carry content (function words are mostly shorter)."""
    return {w.casefold() for w in WORD_RE.findall(text) if len(w) >= CONTENT_WORD_MIN and not w.isdigit()}


def lede_words(doc: DumpLines, anchors: list[int]) -> frozenset[str]:
    """Content words of the first body lines from the main body anchor on: a headline names
    what its lede tells."""
    out: set[str] = set()
    taken = 0
    for i in range(anchors[-1], len(doc.lines)):
        if doc.scores[i] < BODY_THRESHOLD:
            continue
        out |= content_words(doc.lines[i].text)
        taken += n_words(doc.lines[i].text)
        if taken >= LEDE_WORDS:
            break
    return frozenset(out)


def lede_overlap(head: str, lede: frozenset[str]) -> float:
    words = content_words(head)
    return len(words & lede) / len(words) if words else 0.0


def credit_line(text: str, language: str | None) -> bool:
    """A role label and a person's name ("Interview: Ann Lee", "Text: Ann Lee")."""
    label, colon, rest = text.partition(":")
    return bool(colon) and n_words(label) <= CREDIT_LABEL_MAX_WORDS and bool(person_names(rest.strip(), language))


def title_score(feats: dict, weights: dict | None = None) -> float:
    weights = TITLE_WEIGHTS if weights is None else weights
    return sum(weights.get(k, 0.0) * v for k, v in feats.items())


def meta_below(doc: DumpLines, i: int, day_first) -> int:
    """1-3: a dateline or byline is the next line, the one after, or the third; 0: none."""
    for k in range(1, META_BELOW_REACH + 1):
        if i + k < len(doc.lines) and meta_only(doc.lines[i + k].text, day_first):
            return k
    return 0


def title_candidates(doc: DumpLines, anchors: list[int], day_first) -> dict[int, tuple[float, str]]:
    """Score and headline text of each candidate line (see `title_traits`)."""
    return {i: (title_score(f), head) for i, (f, head) in title_traits(doc, anchors, day_first).items()}


def title_traits(doc: DumpLines, anchors: list[int], day_first) -> dict[int, tuple[dict, str]]:
    """Traits and headline text of each candidate line: the lines above each body anchor, the
    anchor itself, and the lines under it before the body's first full paragraph (a headline
    the classifier took for body, or one under a tagline it kept)."""
    echo = echo_keys(doc)
    lede = lede_words(doc, anchors)
    found: dict[int, tuple[dict, str]] = {}
    best: dict[int, float] = {}           # the score of found[i], scored once
    for a in anchors:
        for i in range(max(0, a - TITLE_REACH), candidates_end(doc, a)):
            feats = title_features(doc, i, a - i, anchors, echo, day_first, lede)
            if feats is None:
                continue
            score = title_score(feats[0])
            if i not in found or score > best[i]:
                found[i], best[i] = feats, score
    mark_nearest(found, anchors)
    return found


def candidates_end(doc: DumpLines, anchor: int) -> int:
    """One past the last line searched for the headline from an anchor: the anchor itself, and
    the lines under it before the first full body paragraph."""
    end = min(len(doc.lines), anchor + NEAR_REACH)
    for j in range(anchor + 1, end):
        if doc.scores[j] >= STRONG_BODY and n_words(doc.lines[j].text) >= LEDE_MIN_WORDS:
            return j
    return anchor + 1


def mark_nearest(found: dict[int, tuple[dict, str]], anchors: list[int]) -> None:
    """The candidate nearest above (or at) each anchor."""
    for a in anchors:
        above = [i for i in found if i <= a]
        if above:
            found[max(above)][0]["nearest"] = 1.0


def pick_title(doc: DumpLines, head: Header, scored: dict[int, tuple[float, str]], anchors: list[int],
               day_first) -> int | None:
    """The best-scored headline candidate (`scored`, see title_candidates) around a body anchor;
    a shorter candidate just above it makes it the deck."""
    if not scored:
        return None
    scored = {i: v for i, v in scored.items() if not masthead_shaped(doc, i)} or scored
    best = fuller_line(doc, scored, max(scored, key=lambda i: (scored[i][0], i)))
    title_at = best
    # "tagline / headline / date / deck": with the deck below, best is the headline, not a deck
    above = [] if deck_after_dateline(doc, best, day_first) else range(best - 1, max(-1, best - 3), -1)
    for up in above:
        if up in scored and is_deck_pair(scored[up][1], scored[best][1]) and scored[up][0] >= scored[best][0] - DECK_SLACK:
            head.subtitle = scored[best][1]
            head.used.add(best)
            title_at = up
            break
    head.title = trim_to_echo(doc, title_at, INVISIBLE_RE.sub("", scored[title_at][1]))
    if not reads_as_body(doc, title_at):
        head.used.add(title_at)
    if head.subtitle is None:
        deck_below(doc, head, title_at, anchors, day_first)
    return title_at


def masthead_shaped(doc: DumpLines, i: int) -> bool:
    """The site's name in capitals at the top of the page ("HARBOUR NEWS DAILY"): no headline
    while another candidate is left."""
    text = doc.lines[i].text
    return i < MASTHEAD_REACH and text.isupper() and n_words(text) <= MASTHEAD_MAX_WORDS


def reads_as_body(doc: DumpLines, i: int) -> bool:
    """A headline the classifier keeps as body and that ends like a sentence stays in the body:
    where it is a lede sentence taken for the headline, the body keeps its text."""
    return doc.scores[i] >= BODY_THRESHOLD and doc.lines[i].text.endswith(SENTENCE_END)


def fuller_line(doc: DumpLines, scored: dict[int, tuple[float, str]], best: int) -> int:
    """A breadcrumb's last step is the headline shortened: a candidate line near it that
    prints the headline with its kicker ("Port dispute: Dock workers ...") is the headline."""
    text = doc.lines[best].text
    step = scored[best][1]
    if step == text or not BREADCRUMB_SPLIT_RE.search(text):
        return best
    for i in range(best + 1, min(len(doc.lines), best + NEAR_REACH)):
        if i in scored and len(loose(scored[i][1])) > len(loose(step)) and loose(scored[i][1]).endswith(loose(step)):
            return i
    return best


def printed_parts(doc: DumpLines, skip: int) -> set[str]:
    """Squeezed text of every line but `skip` (shortened copies "Title of the sto..." aside),
    and of each part of a line split at separators (breadcrumb steps, "Kicker / Headline")."""
    keys = set()
    for i, ln in enumerate(doc.lines):
        if i != skip and not ln.text.endswith(("...", "…")):
            keys.add(loose(ln.text))
            keys.update(loose(part) for part in PART_SPLIT_RE.split(ln.text))
    keys.discard("")
    return keys


def trim_to_echo(doc: DumpLines, title_at: int, title: str) -> str:
    """A headline with a kicker or a stray word glued on without punctuation ("Immobilienkrise
    Firma X in Sorge um Y", "Title DONNERSTAG"): the longest part of it, most of its words, that
    the page prints on its own elsewhere. A kicker set off by a colon or dash stays."""
    words = title.split()
    keys = None
    for cut in range(1, min(ECHO_TRIM_MAX_WORDS, int(len(words) * (1 - ECHO_TRIM_KEEP))) + 1):
        for front in range(cut + 1):
            part = words[front:len(words) - (cut - front)]
            if n_words(" ".join(part)) < ECHO_TRIM_MIN_WORDS or not plain_junction(words, front, len(words) - (cut - front)):
                continue
            keys = printed_parts(doc, title_at) if keys is None else keys
            if loose(" ".join(part)) in keys:
                return " ".join(part)
    return title


def plain_junction(words: list[str], lo: int, hi: int) -> bool:
    """Whether words[lo:hi] meets the words cut off on either side at a bare space, with no
    colon, dash, comma or full stop at the cut."""
    ends = ((lo > 0 and (words[lo - 1][-1:], words[lo][:1])) or None,
            (hi < len(words) and (words[hi - 1][-1:], words[hi][:1])) or None)
    return all(pair is None or not (JUNCTION_MARKS & set(pair)) for pair in ends)


def deck_below(doc: DumpLines, head: Header, title_at: int, anchors: list[int], day_first) -> None:
    """A deck printed under the headline (datelines and bylines may sit between them). The
    line the body seems to start with is the deck too when it is deck-shaped and stops
    without a sentence end: a body paragraph ends like a sentence, a deck often does not."""
    anchor = next((a for a in anchors if a > title_at), None)
    for j in range(title_at + 1, anchor + 1 if anchor is not None else title_at + 1):
        text = doc.lines[j].text
        if is_meta(text, day_first):
            continue
        below_body = doc.scores[j] < BODY_THRESHOLD or (j == anchor and not text.endswith(SENTENCE_END))
        if below_body and headline_like(text) and not caption_like(text) and is_deck_pair(head.title or "", text):
            head.subtitle = text
            head.used.add(j)
        return


def deck_after_dateline(doc: DumpLines, i: int, day_first) -> bool:
    """Whether line i is followed by datelines or bylines and then a deck-shaped line: a long
    headline-like line without a sentence end (a page prints one deck)."""
    j = i + 1
    while j < len(doc.lines) and is_meta(doc.lines[j].text, day_first):
        j += 1
    if j == i + 1 or j >= len(doc.lines):
        return False
    text = doc.lines[j].text
    return headline_like(text) and n_words(text) >= DECK_MIN_WORDS and not text.endswith(SENTENCE_END)


def is_deck_pair(upper: str, lower: str) -> bool:
    """A headline over its deck: the deck a longer sentence, the headline not a label."""
    up, low = n_words(upper), n_words(lower)
    deck_shaped = low >= DECK_MIN_WORDS and (low >= 1.5 * up or lower.endswith("."))
    return deck_shaped and up >= 3 and not upper.endswith(".")


def date_near_title(doc: DumpLines, head: Header, title_at: int | None, anchor: int, day_first) -> str | None:
    """The date printed with the headline: run onto it, on the lines between it and the body,
    or on the two lines above it. A publication cue wins over none, none over an update cue,
    then the line nearest the headline (a teaser or fact box further down prints other
    dates), a line under it over one above it (a site's date of today)."""
    if title_at is None:
        return None
    own = doc.lines[title_at].text
    if date_start(own, day_first) is not None and split_title_tail(own, day_first)[1]:
        return first_stamp(own, day_first)
    below = range(title_at + 1, min(len(doc.lines), max(anchor, title_at + 1) + NEAR_BELOW_BODY, title_at + NEAR_REACH))
    found = []
    for i in list(below) + [title_at - 1, title_at - 2]:
        if i < 0 or i in head.used:
            continue
        text = doc.lines[i].text
        stamp = date_line(text, day_first, near=True)
        if stamp:
            lead = text[:date_start(text, day_first) or 0]
            found.append((i, stamp, (bool(update_cue_re().search(lead)), not publish_cue_re().search(lead),
                                     abs(i - title_at) + (i < title_at), i < title_at)))
    if not found:
        return None
    i, stamp, _ = min(found, key=lambda f: f[2])
    if i < title_at and lede_date(doc, Header(), anchor, day_first):
        return None                           # the site's date of today over the headline; the lede's dateline wins
    if not opens_lede(doc, i, day_first):
        head.used.add(i)
    return stamp


def opens_lede(doc: DumpLines, i: int, day_first) -> bool:
    """A body paragraph that opens with its dateline ("KYIV, May 4, 2022 (Reuters) - Ukraine
    said ..."): it stays in the body. A line of date, names and tags does not, nor a caption
    that ends with its date."""
    text = doc.lines[i].text
    at = date_start(text, day_first)
    return (doc.scores[i] >= BODY_THRESHOLD and n_words(text) >= LEDE_MIN_WORDS and text.endswith(SENTENCE_END)
            and at is not None and at <= DATE_NEAR_OFFSET and n_words(text[:at]) <= LEDE_PLACE_MAX_WORDS)


def lede_date(doc: DumpLines, head: Header, anchor: int, day_first) -> str | None:
    """A date that opens one of the first paragraphs of the body, after at most a place name
    ("27.1.2022 - Bei der ...", "KYIV, 4 May 2022 (Reuters) - ..."); such a paragraph stays in the body."""
    for i in range(anchor, min(len(doc.lines), anchor + LEDE_REACH)):
        text = doc.lines[i].text
        if doc.scores[i] < BODY_THRESHOLD:
            continue
        found = find_calendar_date(text, day_first)
        iso = ISO_RE.search(text)
        at, end = (found[1], found[2]) if found else (iso.start(), iso.end()) if iso else (None, None)
        if at is None or at > DATE_NEAR_OFFSET or n_words(text[:at]) > LEDE_PLACE_MAX_WORDS:
            continue
        if not opens_lede(doc, i, day_first):
            head.used.add(i)
        return parse_datetime(text[:end + LEDE_TIME_REACH], day_first)
    return None


def publication_statement(doc: DumpLines, head: Header, anchor: int, day_first) -> str | None:
    """A short line that says when the piece was published ("Erstellt am: 1.11.2023", "This
    entry was published on 4 May 2020 by ..."), from the header down to just past the body."""
    last = max((i for i, s in enumerate(doc.scores) if s >= BODY_THRESHOLD), default=anchor)
    for i in range(max(0, anchor - TITLE_REACH), min(len(doc.lines), last + STATEMENT_BELOW_BODY + 1)):
        text = doc.lines[i].text
        at = date_start(text, day_first)
        if at is None or n_words(text) > DATE_NEAR_MAX_WORDS or not publish_cue_re().search(text):
            continue
        if update_cue_re().search(text[max(0, at - 30):at]) or COPYRIGHT_RE.search(text):
            continue
        head.used.add(i)
        return first_stamp(text, day_first)
    return None


def nearest_dateline(doc: DumpLines, head: Header, anchor: int, day_first) -> str | None:
    """The dateline nearest the body start, within the header's reach either way."""
    for gap in range(1, HEADER_REACH + 1):
        for i in (anchor - gap, anchor + gap):
            if 0 <= i < len(doc.lines) and i not in head.used and not COPYRIGHT_RE.search(doc.lines[i].text):
                stamp = date_line(doc.lines[i].text, day_first)
                if stamp:
                    head.used.add(i)
                    return stamp
    return None


def dateline_below(doc: DumpLines, head: Header, start: int, day_first=None) -> str | None:
    """A dateline among the first lines from the body start down (after a deck)."""
    for i in range(start, min(len(doc.lines), start + 4)):
        if i in head.used:
            continue
        stamp = date_line(doc.lines[i].text, day_first)
        if stamp:
            head.used.add(i)
            return stamp
    return None


def update_stamp(doc: DumpLines, head: Header, anchor: int, day_first) -> str | None:
    """Last resort: a short line stamping the page's last update ("Letzte Aktualisierung:
    28.01.2022", "Stand 27.01.2022") from the header down: the only date the page gives."""
    for i in range(max(0, anchor - TITLE_REACH), len(doc.lines)):
        text = doc.lines[i].text
        at = date_start(text, day_first)
        if at is None or n_words(text) > UPDATE_LINE_MAX_WORDS or not update_cue_re().search(text[:at]):
            continue
        head.used.add(i)
        return first_stamp(text, day_first)
    return None


def published_elsewhere(doc: DumpLines, head: Header, start: int, day_first=None) -> str | None:
    """A dateline just after the body, or anywhere above it, when none sits in the header."""
    last = max((i for i, s in enumerate(doc.scores) if s >= BODY_THRESHOLD), default=start)
    order = list(range(last + 1, min(len(doc.lines), last + 6))) + list(range(0, start))
    for i in order:
        stamp = date_line(doc.lines[i].text, day_first)
        if stamp:
            head.used.add(i)
            return stamp
    return None


@lru_cache(maxsize=1)
def cue_lexicon() -> dict:
    return json.loads(Path(__file__).with_name("bylines.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def byline_re() -> re.Pattern:
    """A byline cue anywhere in a line, then the names."""
    cues = alternation(cue_lexicon()["cues"])
    glued = r"(?-i:(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ]))"     # "ByJane Roe", never "Diskussion"
    return re.compile(rf"(?:^|(?<=[\s|•(\]]))(?:{cues})(?:\s*[:：](?!(?-i:[a-zäöüß]))\s*|\s+|{glued})(.+)$", re.I)


@lru_cache(maxsize=1)
def byline_start_re() -> re.Pattern:
    """A line that starts with a byline cue ("By", "Von: ..."); the rest may be empty."""
    return re.compile(rf"^(?:{alternation(cue_lexicon()['cues'])})\b[:：\s]*(.*)$", re.I)


def byline_opening(text: str) -> bool:
    """A line that opens with a byline cue and then names, a role and names ("Text und Interview:
    Ann Lee") or nothing (the name on the next line); not a headline that starts with the cue
    word ("Von der Leyen will ...", "By the numbers")."""
    m = byline_start_re().match(text)
    rest = m.group(1).strip() if m else ""
    label, colon, names = rest.partition(":")
    role_then_names = bool(colon) and n_words(label) <= CREDIT_LABEL_MAX_WORDS and bool(parse_names(names))
    return bool(m) and (not rest or bool(parse_names(rest)) or role_then_names)


def byline_names(doc: DumpLines, i: int) -> list[str]:
    """Author names of a byline line ("By A and B", "Von A, dpa", "Author: A, Datum: ...")."""
    text = doc.lines[i].text
    m = byline_re().search(text)
    rest = m.group(1).strip(" :：|") if m else ""
    if not rest and byline_start_re().match(text) and i + 1 < len(doc.lines):
        rest = doc.lines[i + 1].text          # "By" alone, the name on the next line
    return parse_names(rest)


def byline_names_of(text: str) -> list[str]:
    m = byline_re().search(text)
    return parse_names(m.group(1).strip()) if m else []


def parse_names(rest: str) -> list[str]:
    rest = NAME_STOP_RE.sub("", name_head(rest))
    names = []
    parts = NAME_SPLIT_RE.split(rest)
    for part in parts:
        words = part.strip(" :：;,").split()
        if not words or not all(NAME_WORD_RE.match(w) for w in words) or resolve_known_outlet(part):
            continue
        if words[-1].endswith(".") and len(words[-1]) > 3:
            continue                          # a sentence's last word, not an initial
        capitalized = all(w[:1].isupper() or w in name_particles() for w in words) and words[0][:1].isupper()
        alone = len([p for p in parts if p.strip()]) == 1      # a user name is the byline's only name
        if (2 <= len(words) <= 4 and capitalized) or (len(words) == 1 and len(words[0]) >= 3 and alone):
            names.append(" ".join(words))
    return names if len(names) <= 4 else []


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    return frozenset(cue_lexicon()["name_particles"])


@lru_cache(maxsize=1)
def name_enders() -> frozenset[str]:
    return frozenset(cue_lexicon()["name_enders"])


def name_head(text: str) -> str:
    """The text up to the first role or page word after a name ("Ann Lee Staff Writer",
    "Ann Lee Twitter Account", "Ann Lee in Business")."""
    words = text.split()
    for k, w in enumerate(words):
        if k and (w.strip(" :,;.").casefold() in name_enders() or w.casefold() in months()):
            return " ".join(words[:k])
        glued = GLUED_WORD_RE.match(w)
        if k and glued and glued.group(2).casefold() in name_enders():
            return " ".join(words[:k] + [glued.group(1)])     # "Ann LeeStaff Writer"
    return text


def resolve_known_outlet(text: str) -> bool:
    return squeeze(text) in outlet_keys()


def find_byline(doc: DumpLines, head: Header, title_at: int | None, start: int, day_first) -> None:
    """The authors: a byline cue in the header zone or just below the body start (or run onto
    the headline), else names on the dateline, else a line of names alone under the headline."""
    lo = max(0, start - HEADER_REACH)
    zone = range(lo, min(len(doc.lines), start + 3))
    near = near_title_lines(doc, title_at, start)
    found = (title_tail_names(doc, title_at, day_first)
             or first_found(zone, lambda i: cue_byline(doc, i, day_first))
             or first_found(near, lambda i: dateline_names(doc.lines[i].text, day_first, doc.language))
             or first_found(near, lambda i: lone_names(doc, i)))
    if not found:
        return
    i, names = found
    head.authors = names
    if i != title_at and (doc.scores[i] < BODY_THRESHOLD or byline_start_re().match(doc.lines[i].text)):
        head.used.add(i)


def first_found(lines, names_of) -> tuple[int, list[str]] | None:
    for i in lines:
        names = names_of(i)
        if names:
            return i, names
    return None


def near_title_lines(doc: DumpLines, title_at: int | None, start: int) -> list[int]:
    """Where a dateline or a name sits with the headline: the lines under it down to just past
    the body start, then the line above it."""
    if title_at is None:
        return []
    below = range(title_at + 1, min(len(doc.lines), max(start, title_at + 1) + NEAR_BELOW_BODY, title_at + NEAR_REACH + 1))
    return [*below, *([title_at - 1] if title_at > 0 else [])]


def title_tail_names(doc: DumpLines, title_at: int | None, day_first) -> tuple[int, list[str]] | None:
    """Names of a byline run onto the headline ("Title by Ann Lee May 4, 2020", "Title Ann Lee
    am 4. Mai 2020")."""
    if title_at is None:
        return None
    text = doc.lines[title_at].text
    head, had_tail = split_title_tail(text, day_first)
    if not had_tail or not text.startswith(head):
        return None
    m = byline_cut_re().search(text, len(head) - 1 if head else 0)
    names = parse_names(text[m.end():]) if m else []
    at = date_start(text, day_first)
    if not m and at is not None and at > len(head):        # "Title Ann Lee am 4. Mai 2020"
        names = person_names(EDGE_WORDS_RE.sub("", text[len(head):at].strip(" ,;:|-–—")), doc.language)
    return (title_at, names) if names else None


def cue_byline(doc: DumpLines, i: int, day_first) -> list[str]:
    """Names after a byline cue that opens the line, follows a few words ("Ein Beitrag von"),
    a separator or a date ("May 4, 2020 | By Ann Lee")."""
    text = doc.lines[i].text
    m = byline_re().search(text)
    if not m:
        return []
    lead = text[:m.start()]
    label = n_words(lead) <= BYLINE_LEAD_WORDS and all(w[:1].isupper() for w in lead.split())
    opens = label or bool(LEAD_END_RE.search(lead)) or date_start(lead, day_first) is not None
    if not opens or n_words(text) > (DATE_NEAR_MAX_WORDS if m.start() == 0 else 15):
        return []
    names = byline_names(doc, i)
    if len(names) == 1 and " " not in names[0] and label and lead.strip():
        return []          # "Leasing von Fahrzeugen": one word after a cue mid-phrase is no user name
    return names


def dateline_names(text: str, day_first, language: str | None) -> list[str]:
    """Names printed beside a date, set off by separators ("Ann Lee | 4.5.2020",
    "04.05.2020 um 16:14 Uhr - Ann Lee - 3 Kommentare", "Ann Lee, 4. Mai 2020")."""
    if n_words(text) > DATE_NEAR_MAX_WORDS or date_start(text, day_first) is None:
        return []
    for segment in DATELINE_SPLIT_RE.split(without_stamps(text, day_first)):
        names = person_names(EDGE_WORDS_RE.sub("", segment.strip(" ,;:-–—")), language)
        if names:
            return names
    return []


def without_stamps(text: str, day_first) -> str:
    """The text with its dates and clock times replaced by separators."""
    while (span := date_span(text, day_first)) is not None:
        text = text[:span[0]] + " | " + text[span[1]:]
    return TIME_RE.sub(" | ", text)


def lone_names(doc: DumpLines, i: int) -> list[str]:
    """A line of personal names alone (not body text)."""
    if doc.scores[i] >= BODY_THRESHOLD:
        return []
    return person_names(doc.lines[i].text.strip(" ,;:|"), doc.language)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names (casefolded): the US census first-name lists the `names` package ships
    (public-domain data, MIT-licensed package), and given_names.txt beside this module for
    names common elsewhere."""
    from newsgraph.census_names import first_names
    out = {name.casefold() for name in first_names()}
    own = Path(__file__).with_name("given_names.txt").read_text(encoding="utf-8")
    out.update(w.casefold() for line in own.splitlines() if not line.startswith("#") for w in line.split())
    return frozenset(out)


def starts_with_given_name(words: list[str]) -> bool:
    """A name without a byline cue must open with a known given name (after a title: "Dr.")."""
    while len(words) > 2 and words[0].casefold() in cue_lexicon()["name_titles"]:
        words = words[1:]
    return words[0].casefold() in given_names()


def person_names(text: str, language: str | None) -> list[str]:
    """Up to four full names and nothing else: "Ann Lee", "ANN LEE, Bo Kim & Cy Dunn"."""
    parts = [p.strip() for p in NAME_LIST_SPLIT_RE.split(text) if p.strip()]
    if not 1 <= len(parts) <= 4 or not all(full_name(p, language) for p in parts):
        return []
    if not all(starts_with_given_name(p.split()) for p in parts):
        return []
    return parts


def full_name(text: str, language: str | None) -> bool:
    """Two to four name words, capitalized (particles aside), none a common or page word."""
    words = text.split()
    if not 2 <= len(words) <= 4 or resolve_known_outlet(text):
        return False
    stops = stopwords().get(language or "", frozenset())
    for k, w in enumerate(words):
        low = w.casefold()
        if not NAME_WORD_RE.match(w) or low in chrome_words() or low in name_enders() or low in months():
            return False
        inner = 0 < k < len(words) - 1
        if not (w[:1].isupper() or (inner and low in name_particles())) or (not inner and low in stops):
            return False
    return True


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


COPYRIGHT_OWNER_RE = re.compile(r"^\s*(?:©|\(c\)|copyright\b)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*[,:]?\s*"
                          r"(?P<name>[^.|,©]{3,60}?)\s*(?:[.|,]|$)", re.IGNORECASE)


def site_name(doc: DumpLines, head: Header) -> str | None:
    """The outlet of this copy: a known outlet named on a line above the headline, else a
    name-like first line set apart by a blank line."""
    title_at = min(head.used) if head.used else (body_start(doc) or 0)
    keys = outlet_keys()
    for i in range(0, title_at):
        key = squeeze(doc.lines[i].text)
        if key in keys and len(doc.lines[i].text) > 3:
            return keys[key]
    top = first_unlike_chrome(doc, title_at)
    if top is not None:
        first = doc.lines[top]
        set_apart = first.blank_after or title_at > top + 1   # not the headline's first line
        if set_apart and name_like(first.text, chrome_ok=True):
            return masthead(first.text)
    return copyright_owner(doc, title_at)


def first_unlike_chrome(doc: DumpLines, title_at: int) -> int | None:
    """The first line above the headline that is not made of chrome words ("Skip to content"),
    within the lines where a site prints its name."""
    for i in range(min(title_at, MASTHEAD_REACH)):
        words = WORD_RE.findall(doc.lines[i].text.lower())
        if words and sum(w in chrome_words() for w in words) * 2 < len(words):
            return i
    return None


def copyright_owner(doc: DumpLines, title_at: int) -> str | None:
    """The name a copyright line gives the site ("© 2024 The Harbour Times. All rights reserved."),
    when the page also prints it on its own above the headline: a site signs its own pages, a
    syndicated copy may carry its source's line alone."""
    above = {squeeze(line.text): line.text for line in doc.lines[:title_at] if name_like(line.text, chrome_ok=True)}
    for line in reversed(doc.lines):
        m = COPYRIGHT_OWNER_RE.match(line.text)
        name = m.group("name").strip() if m else ""
        if name and name_like(name, chrome_ok=True):
            if squeeze(name) in above:
                return masthead(name)
            words = name.split()                  # "Harbour Times Media Group" signs for "Harbour Times"
            for key in (squeeze(" ".join(words[:k])) for k in range(len(words) - 1, 1, -1)):
                if key in above:
                    return masthead(above[key])
    return None


def source_outlet(doc: DumpLines, head: Header, anchor: int) -> str | None:
    """The outlet a credit line names ("Source: ...", "Originally published by ...", "Translated
    from ..."), else the agency of a wire dateline opening the body ("KYIV (Reuters) -"), when it
    is not the page's own outlet."""
    for i, ln in enumerate(doc.lines):
        printed = credited_name(ln.text)
        if printed and person_names(printed, doc.language):
            continue                              # a photo credit: "Source: Ann Lee"
        name = (resolve_outlet(printed) or name_in_page(doc, printed)) if printed else translated_from(ln.text)
        if name:
            if is_credit_label(ln.text):
                head.used.add(i)
            return other_outlet(name, head.outlet)
    lede = next((ln.text for ln in doc.lines[anchor:anchor + WIRE_REACH] if n_words(ln.text) >= LEDE_MIN_WORDS), "")
    return other_outlet(wire_agency(lede), head.outlet)


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
