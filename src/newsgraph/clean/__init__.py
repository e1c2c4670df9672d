"""The clean stage: one RawDoc (HTML page, flattened page dump, or clean text) in, one
Article out, with the clean body, the boilerplate removed from it, and the metadata the
page states (title, deck, publication time, outlet, original outlet, authors, language)."""
from __future__ import annotations

import hashlib
import re

from newsgraph.records import Article, RawDoc

from .errors import CleanError
from .language import detect_language

__all__ = ["clean", "CleanError"]

MIN_PAGE_WORDS = 3           # a page body shorter than this is navigation, not an article
WORD_RE = re.compile(r"\w+")


def clean(raw: RawDoc, article_id: str) -> Article:
    """Clean one document; raises CleanError when it yields no usable text."""
    if raw.kind == "html":
        from .html import clean_html
        article = clean_html(raw, article_id)
    elif raw.kind == "raw_text":
        from .page import clean_dump
        article = clean_dump(raw, article_id)
    else:
        from .page import clean_text
        article = clean_text(raw, article_id)
    return finish(article, raw)


def finish(article: Article, raw: RawDoc) -> Article:
    """Given metadata wins over detected; fill language and content hash; refuse empty text."""
    check_usable(article.text, min_words=1 if raw.kind == "text" else MIN_PAGE_WORDS)
    article.title = raw.title or article.title
    article.published = raw.published or article.published
    article.url = raw.url or article.url
    article.language = article.language or detect_language(article.text)
    article.content_hash = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    return article


def check_usable(text: str, min_words: int) -> None:
    if not text or not text.strip():
        raise CleanError("no body text")
    if len(WORD_RE.findall(text)) < min_words:
        raise CleanError("too little body text")
    sample = text[:4000]
    letters = sum(ch.isalpha() for ch in sample)
    bad = sum(ch == "\ufffd" or (ord(ch) < 32 and ch not in "\n\t\r") for ch in sample)
    if letters < 0.3 * len(sample.strip()) or bad > 0.05 * len(sample):
        raise CleanError("text looks binary or garbled")
