"""Quotation-mark spans in raw text: every quoting style (“ ” ‘ ’ " « » „ “ and the doubled
'' '' of wire copy), quotes left open at a paragraph end that continue in the next paragraph,
and quotes inside quotes (only the outermost span is returned). Pure text, no parse."""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = {"“": "curly", "„": "low", "«": "guillemet"}
DOUBLE_CLOSE = {"”": "curly", "»": "guillemet"}
AMBIGUOUS = {'"': "straight", "''": "doubled"}
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
STRAIGHT_SINGLE = "'"
MARK_RE = re.compile(r"''|[\"“”„«»‘’']")
SENTENCE_PUNCT = set(",.?!…")
OPENING_CONTEXT = set(" \t\n([{—–-/:") | {""}
CLOSING_CONTEXT = set(" \t\n.,;:!?)]}—–-/…") | {""}


@dataclass
class QuoteSpan:
    start: int            # first char inside the marks
    end: int              # end of the quoted words (exclusive), before the closing mark
    mark_start: int       # offset of the opening mark
    mark_end: int         # offset just after the closing mark (or the paragraph end)
    closed: bool          # a closing mark was found
    paragraph: int


def _char_before(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else ""


def _as_blank(char: str) -> str:
    """Any Unicode space (the no-break space of scraped HTML) reads as a plain space."""
    return " " if char.isspace() else char


def _role(text: str, m: re.Match, open_family: str | None) -> str | None:
    """'open', 'close' or None (an apostrophe) for the mark matched by m."""
    mark = m.group()
    before, after = _as_blank(_char_before(text, m.start())), _as_blank(text[m.end():m.end() + 1])
    if mark in DOUBLE_OPEN:
        if mark == "“" and open_family == "low":
            return "close"
        if mark == "“" and open_family == "curly" and after in CLOSING_CONTEXT:
            return "close"   # a wrong-way closing mark
        return "open"
    if mark in DOUBLE_CLOSE:
        if open_family is None and before in OPENING_CONTEXT and after not in CLOSING_CONTEXT:
            return "open"    # a wrong-way opening mark
        return "close"
    if mark in AMBIGUOUS:
        if before in OPENING_CONTEXT and after not in CLOSING_CONTEXT:
            return "open"
        if after in CLOSING_CONTEXT or before not in OPENING_CONTEXT:
            return "close" if open_family else None
        return "close" if open_family else "open"
    if mark == SINGLE_OPEN:
        return "single_open" if before in OPENING_CONTEXT else None
    if mark == SINGLE_CLOSE:
        return "single_close" if after in CLOSING_CONTEXT and not before.isspace() else None
    if mark == STRAIGHT_SINGLE:
        return _straight_single_role(before, after)
    return None


def _straight_single_role(before: str, after: str) -> str | None:
    """A straight ' quotes (British style: 'We will fight,' he said.) only where it cannot be an
    apostrophe: opening before a word after a space, closing after the quote's own punctuation."""
    if before in OPENING_CONTEXT and after.isalpha() and after.isupper():
        return "single_open"
    if before in SENTENCE_PUNCT and after in CLOSING_CONTEXT:
        return "single_close"
    return None


def _family(mark: str) -> str:
    return DOUBLE_OPEN.get(mark) or DOUBLE_CLOSE.get(mark) or AMBIGUOUS.get(mark) or "single"


def _paragraphs(text: str):
    start = 0
    for m in re.finditer(r"\n\s*\n|\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _spans_in_paragraph(text: str, p_start: int, p_end: int, index: int) -> list[QuoteSpan]:
    spans, stack, singles = [], [], []
    for m in MARK_RE.finditer(text, p_start, p_end):
        role = _role(text, m, stack[-1][0] if stack else None)
        if role == "open":
            stack.append((_family(m.group()), m.start(), m.end()))
        elif role == "close" and stack:
            family, mark_start, inner = stack.pop()
            if not stack:
                s, e = _trim(text, inner, m.start())
                if e > s:
                    spans.append(QuoteSpan(s, e, mark_start, m.end(), True, index))
        elif role == "single_open" and not stack:
            singles.append((m.start(), m.end()))
        elif role == "single_close" and not stack and singles:
            mark_start, inner = singles.pop()
            s, e = _trim(text, inner, m.start())
            if len(text[s:e].split()) >= 3:
                spans.append(QuoteSpan(s, e, mark_start, m.end(), True, index))
    if stack:
        _family_, mark_start, inner = stack[0]
        s, e = _trim(text, inner, p_end)
        if e > s:
            spans.append(QuoteSpan(s, e, mark_start, p_end, False, index))
    return spans


def quote_spans(text: str) -> list[QuoteSpan]:
    """Outermost quoted spans of text, in order; an open quote stops at its paragraph's end
    (its `closed` is False) and a quote continuing in the next paragraph is a new span there."""
    spans = []
    for index, (p_start, p_end) in enumerate(_paragraphs(text)):
        spans.extend(_spans_in_paragraph(text, p_start, p_end, index))
    return sorted(spans, key=lambda q: q.start)
