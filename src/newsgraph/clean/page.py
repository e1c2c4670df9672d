"""Article assembly for text input: page dumps (body from the line classifier, metadata
from the page header and footer) and already clean text (kept as given)."""
from __future__ import annotations

from newsgraph.records import Article, RawDoc

from .dump import body_and_removed, score_dump
from .errors import CleanError
from .header import read_header
from .outlets import outlet_for_domain
from .syndication import other_outlet, wire_agency


def clean_dump(raw: RawDoc, article_id: str) -> Article:
    doc = score_dump(raw.content or "")
    if not doc.lines:
        raise CleanError("empty page")
    head = read_header(doc)
    body, removed = body_and_removed(doc, head.used, raw.site_chrome)
    return Article(id=article_id, source=raw.source, text="\n\n".join(body), removed=removed,
                   title=head.title, subtitle=head.subtitle, published=head.published,
                   outlet=head.outlet or outlet_for_domain(raw.url), original_outlet=head.original_outlet,
                   authors=head.authors, language=doc.language)


def clean_text(raw: RawDoc, article_id: str) -> Article:
    """An already clean body is kept verbatim, so offsets into it are offsets into the caller's text.
    A title-only item (a wire flash, a headline feed) takes its title as its body. The outlet is
    the one its URL's domain names; a wire dateline opening it names the agency it copies."""
    text = raw.content if (raw.content or "").strip() else (raw.title or "")
    outlet = outlet_for_domain(raw.url)
    agency = wire_agency(text.lstrip().split("\n", 1)[0])
    return Article(id=article_id, source=raw.source, text=text, outlet=outlet, original_outlet=other_outlet(agency, outlet))
