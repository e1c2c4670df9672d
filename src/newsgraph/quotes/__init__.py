"""The quotes stage: who said what (direct quotes in every quoting style and reported speech,
each with its speaker, cue verb, medium or relaying outlet) and claims (numbers someone asserts,
with what is counted and the chain of sources). One pass over the spaCy parse of the article.

    extract_quotes(article, doc, entities) -> (quotes, claims)
"""
from __future__ import annotations

import re

from newsgraph.records import Article, Claim, Entity, Quote
from newsgraph.quotes.claims import extract_claims
from newsgraph.quotes.direct import Candidate, direct_quotes, quoted_tokens
from newsgraph.quotes.marks import quote_spans
from newsgraph.quotes.reported import reported_speech
from newsgraph.quotes.speakers import SpeakerResolver

__all__ = ["extract_quotes"]

MAX_FRAME_WORDS_OUTSIDE = 1     # "“A,” she said, “B.”" leaves at most a stray word outside the marks
MIN_OWN_WORDS = 2               # a mixed quote's content says something before its quoted words


def _overlap(a: Candidate, b: Candidate) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _inside_marks(char: int | None, spans) -> bool:
    return char is not None and any(q.mark_start <= char < q.mark_end for q in spans)


def _words_outside_marks(text: str, c: Candidate, spans, cues: tuple[int, ...] = ()) -> int:
    """Words of a reported content outside quotation marks, not counting a leading "that" nor
    the reporting clause between two quoted pieces ("“A,” she said, “B.”"). When the report's
    cue comes first, the words between are content ("added that X “A” for Y, such as “B”")
    unless a piece's own cue stands there ("asks “A” and goes on to ask “B”")."""
    inside = [q for q in spans if q.mark_start < c.end and c.start < q.mark_end]
    chars = list(text[c.start:c.end])
    blank = [(q.mark_start, q.mark_end) for q in inside]
    if len(inside) >= 2:
        between = (inside[0].mark_end, inside[-1].mark_start)
        if not _cue_before(c) or any(between[0] <= cue < between[1] for cue in cues):
            blank.append(between)
    for s, e in blank:
        for i in range(max(s, c.start), min(e, c.end)):
            chars[i - c.start] = " "
    words = re.findall(r"[\w’']+", "".join(chars))
    return len([w for w in words if w.lower() != "that"])


def _cue_before(c: Candidate) -> bool:
    """Does the report's cue come before its content ("added that X “A” for Y, “B”")? Then
    the words between its quoted pieces are content, not a frame."""
    return c.cue_start is not None and c.cue_start < c.start


def _split_quote(text: str, r: Candidate, direct: list[Candidate], spans) -> list[Candidate]:
    """The quoted pieces a reported content is made of when it is nothing but them and the
    reporting clause between them ("“A,” she said, “B.”"): the pieces speak, not the whole."""
    pieces = [d for d in direct if r.start <= d.start + 1 and d.end <= r.end + 1]
    cues = tuple(d.cue_start for d in pieces if d.cue_start is not None)
    if len(pieces) < 2 or _words_outside_marks(text, r, spans, cues) > MAX_FRAME_WORDS_OUTSIDE:
        return []
    return pieces


def _mixed_quote(text: str, r: Candidate, d: Candidate, spans) -> bool:
    """Reported content with quoted words inside it and words of its own before them ("said
    the plan would fail “within weeks”"): the content is the quote, the quoted words a part.
    Not when the content holds the quote's own frame ("..., she said: “...”")."""
    if not (r.start < d.start and d.end <= r.end + 1) or _framed_inside(text, r, d):
        return False
    return _words_outside_marks(text, r, spans) >= MIN_OWN_WORDS


def _framed_inside(text: str, r: Candidate, d: Candidate) -> bool:
    opening = text[r.start:d.start].rstrip(" \"'“‘«„")
    return opening.endswith(":") or (d.cue_start is not None and r.start <= d.cue_start < r.end)


def _merge(text: str, direct: list[Candidate], reported: list[Candidate], spans) -> list[Candidate]:
    """Direct quotes win over reported content they cover, unless the content has words of its
    own before them (a mixed quote); a report nested in another is dropped."""
    reported = [r for r in reported if not _inside_marks(r.cue_start, spans)]
    reported.sort(key=lambda r: r.start - r.end)
    kept_reported: list[Candidate] = []
    for r in reported:
        if any(_overlap(r, k) >= 0.5 * (r.end - r.start) for k in kept_reported):
            continue
        pieces = _split_quote(text, r, direct, spans)
        covering = pieces or [d for d in direct if _overlap(r, d) >= 0.5 * (r.end - r.start)
                              and not _mixed_quote(text, r, d, spans)]
        if covering:
            for d in covering:
                if d.speaker is None and r.speaker is not None:
                    d.speaker, d.cue, d.via = r.speaker, r.cue, r.via
            continue
        kept_reported.append(r)
    kept_direct = [d for d in direct
                   if not any(_overlap(d, r) >= 0.5 * (d.end - d.start) for r in kept_reported)]
    return sorted(kept_direct + kept_reported, key=lambda c: (c.start, c.end))


def _paragraphs_between(text: str, a: int, b: int) -> int:
    return len(re.findall(r"\n\s*", text[a:b]))


def _continue_reported_speaker(text: str, candidates: list[Candidate]) -> None:
    """A quote with no frame of its own opening the paragraph right after someone's reported
    words ("Okoro described the first weeks. / “We were told ...”") is theirs."""
    for prev, cur in zip(candidates, candidates[1:]):
        if cur.direct and cur.speaker is None and not cur.has_cue and prev.speaker is not None \
                and _paragraphs_between(text, prev.end, cur.start) <= 1:
            cur.speaker, cur.cue, cur.via = prev.speaker, prev.cue, prev.via


def _close_open_marks(text: str, candidates: list[Candidate], spans) -> None:
    """"said 32 were hurt by “groups paid from abroad”.": a reported content whose quoted words
    run to its end keeps their closing mark, so no mark is left open inside it."""
    for c in candidates:
        if c.direct:
            continue
        for q in spans:
            if q.closed and c.start <= q.mark_start and q.start < c.end < q.mark_end \
                    and not text[c.end:q.end].strip():
                c.end = q.mark_end


def _quote(article: Article, n: int, c: Candidate) -> Quote:
    return Quote(id=f"{article.id}#q{n}", article_id=article.id, start=c.start, end=c.end,
                 text=article.text[c.start:c.end], speaker=c.speaker, cue=c.cue, direct=c.direct,
                 via=c.via, date=article.published, negated=c.negated)


def extract_quotes(article: Article, doc, entities: list[Entity]) -> tuple[list[Quote], list[Claim]]:
    """Quotes and claims of one article; `doc` is the spaCy parse of `article.text` and
    `entities` the article-local entities (with their pronoun and title mentions)."""
    spans = quote_spans(article.text)
    resolver = SpeakerResolver(doc, entities, quoted_tokens(doc, spans))
    candidates = _merge(article.text, direct_quotes(doc, spans, resolver), reported_speech(doc, resolver), spans)
    _continue_reported_speaker(article.text, candidates)
    _close_open_marks(article.text, candidates, spans)
    quotes = [_quote(article, n, c) for n, c in enumerate(candidates, 1)]
    return quotes, extract_claims(article, doc, entities, quotes)
