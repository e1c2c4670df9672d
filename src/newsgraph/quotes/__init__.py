"""The quotes stage: who said what (direct quotes in every quoting style and reported speech,
each with its speaker, cue verb, medium or relaying outlet) and claims (numbers someone asserts,
with what is counted and the chain of sources). One pass over the spaCy parse of the article.

    extract_quotes(article, doc, entities) -> (quotes, claims)
"""
from __future__ import annotations

from newsgraph.records import Article, Claim, Entity, Quote
from newsgraph.quotes.claims import extract_claims
from newsgraph.quotes.direct import Candidate, direct_quotes, quoted_tokens
from newsgraph.quotes.marks import quote_spans
from newsgraph.quotes.reported import reported_speech
from newsgraph.quotes.speakers import SpeakerResolver

__all__ = ["extract_quotes"]


def _overlap(a: Candidate, b: Candidate) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _inside_marks(char: int | None, spans) -> bool:
    return char is not None and any(q.mark_start <= char < q.mark_end for q in spans)


def _merge(direct: list[Candidate], reported: list[Candidate], spans) -> list[Candidate]:
    """Direct quotes win over reported content they cover; reported content wins over short
    quoted words inside it (a mixed quote); a report nested in another is dropped."""
    reported = [r for r in reported if not _inside_marks(r.cue_start, spans)]
    reported.sort(key=lambda r: r.start - r.end)
    kept_reported: list[Candidate] = []
    for r in reported:
        if any(_overlap(r, k) >= 0.5 * (r.end - r.start) for k in kept_reported):
            continue
        covering = [d for d in direct if _overlap(r, d) >= 0.5 * (r.end - r.start)]
        if covering:
            for d in covering:
                if d.speaker is None and r.speaker is not None:
                    d.speaker, d.cue, d.via = r.speaker, r.cue, r.via
            continue
        kept_reported.append(r)
    kept_direct = [d for d in direct
                   if not any(_overlap(d, r) >= 0.5 * (d.end - d.start) for r in kept_reported)]
    return sorted(kept_direct + kept_reported, key=lambda c: (c.start, c.end))


def _quote(article: Article, n: int, c: Candidate) -> Quote:
    return Quote(id=f"{article.id}#q{n}", article_id=article.id, start=c.start, end=c.end,
                 text=article.text[c.start:c.end], speaker=c.speaker, cue=c.cue, direct=c.direct,
                 via=c.via, date=article.published)


def extract_quotes(article: Article, doc, entities: list[Entity]) -> tuple[list[Quote], list[Claim]]:
    """Quotes and claims of one article; `doc` is the spaCy parse of `article.text` and
    `entities` the article-local entities (with their pronoun and title mentions)."""
    spans = quote_spans(article.text)
    resolver = SpeakerResolver(doc, entities, quoted_tokens(doc, spans))
    candidates = _merge(direct_quotes(doc, spans, resolver), reported_speech(doc, resolver), spans)
    quotes = [_quote(article, n, c) for n, c in enumerate(candidates, 1)]
    return quotes, extract_claims(article, doc, entities, quotes)
