"""Article assembly for text input: page dumps (body from the line classifier, metadata
from the page header and footer) and already clean text (kept as given)."""
from __future__ import annotations

from newsgraph.records import Article, RawDoc

from .dump import body_and_removed, score_dump
from .errors import CleanError
from .header import read_header
from .outlets import outlet_for_domain


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
    A title-only item (a wire flash, a headline feed) takes its title as its body."""
    text = raw.content if (raw.content or "").strip() else (raw.title or "")
    return Article(id=article_id, source=raw.source, text=text)
