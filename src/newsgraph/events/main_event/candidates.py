"""The Candidate type (a text with offsets into `article.text` and a score) and the helpers every W
shares to make and choose candidates: `span_candidate` from a span of the body, `headline_candidate`
from headline tokens (offsets only when the same words occur in the body), and `best`, which turns
the top-scoring non-empty candidate into the `{text, start, end}` answer."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .headline import Headline
from .words import EDGE_PUNCT


@dataclass
class Candidate:
    text: str
    start: Optional[int]     # offsets into article.text, None for headline words not in the text
    end: Optional[int]
    score: float


def best(cands: list[Candidate]) -> Optional[dict]:
    cands = [c for c in cands if c.text and c.text.strip(EDGE_PUNCT)]
    if not cands:
        return None
    top = max(cands, key=lambda c: c.score)
    return {"text": top.text, "start": top.start, "end": top.end}


def span_candidate(span, score: float) -> Candidate:
    """Candidate from a doc span, trimmed of edge punctuation."""
    text = span.text
    stripped = text.lstrip(EDGE_PUNCT)
    start = span.start_char + len(text) - len(stripped)
    stripped = stripped.rstrip(EDGE_PUNCT)
    return Candidate(stripped, start, start + len(stripped), score)


def headline_candidate(head: Headline, span: tuple[int, int], body: str, score: float) -> Candidate:
    """Candidate from headline tokens; offsets when the same words occur in the body."""
    text = head.text(span).strip(EDGE_PUNCT)
    at = body.find(text) if text else -1
    if at >= 0:
        return Candidate(text, at, at + len(text), score)
    return Candidate(text, None, None, score)
