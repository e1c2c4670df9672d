"""Cleaning of whole HTML pages (kind "html") through trafilatura: body without comments,
date (htmldate), authors and site name from its metadata; the headline by html_title.py."""
from __future__ import annotations

import re

from newsgraph.records import Article, RawDoc

from .dates import find_calendar_date, normalize_date, slash_order
from .errors import CleanError
from .html_title import UNSEEN as UNSEEN_TAGS, article_h1s, in_comment_section, page_title, printed_deck, same_headline, under_unseen
from .outlets import outlet_for_domain, resolve_outlet
from .syndication import html_original


def extract(html: str, url: str | None):
    import trafilatura
    try:
        return trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                           favor_precision=True,
                                           include_tables=True)
    except (ValueError, TypeError) as e:
        raise CleanError(f"trafilatura failed: {e}") from e


TABLE_RULE_RE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


def paragraphs(text: str) -> str:
    """trafilatura puts one block a line; the contract wants paragraphs apart by a blank line,
    and table rows as plain cells (trafilatura writes them as markdown)."""
    lines = [plain_table_row(ln.strip()) for ln in (text or "").split("\n")]
    return "\n\n".join(ln for ln in lines if ln)


def plain_table_row(line: str) -> str:
    """"| a | b |" → "a b"; a markdown rule row ("|---|---|") → ""."""
    if not (line.startswith("|") and line.endswith("|")):
        return line
    if TABLE_RULE_RE.match(line):
        return ""
    return " ".join(cell.strip() for cell in line.strip("|").split("|") if cell.strip())


def drop_headline_lines(text: str, title: str | None) -> tuple[str, list[str]]:
    """trafilatura often keeps the headline as the body's first paragraph; it is metadata,
    so it leaves the body and is listed as removed. (A deck cannot be told from a lead
    paragraph in the text alone, so it stays.)"""
    paras = text.split("\n\n")
    if len(paras) > 1 and title and same_headline(paras[0], title):
        return "\n\n".join(paras[1:]), [paras[0]]
    return text, []


def drop_deck_paragraph(text: str, description: str | None) -> tuple[str, str | None]:
    """A first paragraph that is the page's description and no sentence (no closing full stop)
    is the deck printed under the headline: metadata, not body ("Council says the president won;
    rivals cite their own tallies")."""
    paras = text.split("\n\n")
    first, d = paras[0].strip(), (description or "").strip()
    if len(paras) > 1 and d and first == d and not first.endswith((".", "!", "?", "”", '"', "’", "'", "…")):
        return "\n\n".join(paras[1:]), first
    return text, None


def drop_printed_deck(text: str, deck: str | None) -> tuple[str, str | None]:
    """The deck the page marks as such (see html_title.printed_deck) is metadata: out of the
    body when the extractor kept it as the first paragraph."""
    if not deck:
        return text, None
    paras = text.split("\n\n")
    if len(paras) > 1 and " ".join(paras[0].split()) == deck:
        return "\n\n".join(paras[1:]), deck
    return text, deck


def split_authors(value: str | None) -> list[str]:
    if not value:
        return []
    parts = re.split(r"\s*(?:;|,|&|\band\b|\bund\b|\|)\s*", value)
    return [p.strip() for p in parts if p and p.strip()]


def clean_html(raw: RawDoc, article_id: str) -> Article:
    doc = extract(raw.content or "", raw.url)
    if doc is None:
        raise CleanError("no main text found in the page")
    text = paragraphs(doc.text)
    url = raw.url or doc.url or None
    sitename = (doc.sitename or "").strip() or None
    outlet = resolve_outlet(sitename) if sitename else None
    outlet = outlet or sitename or outlet_for_domain(url)
    tree = parse_tree(raw.content or "")
    title = page_title(tree, doc.title, url, sitename)
    text, dropped = drop_headline_lines(text, title)
    text, deck = drop_deck_paragraph(text, doc.description)
    if deck is None:
        text, deck = drop_printed_deck(text, printed_deck(tree))
    text, original, credits = html_original(text, tree, url, outlet)
    taken = dropped + ([deck] if deck else []) + credits
    return Article(id=article_id, source=raw.source, text=text, url=url, outlet=outlet, original_outlet=original,
                   removed=taken + [ln for ln in removed_lines(tree, text) if ln not in taken],
                   title=title, subtitle=deck or deck_from(doc.description, text),
                   authors=split_authors(doc.author), published=publication_time(doc.date, raw.content or "", tree),
                   language=doc.language or None)


PUBLISHED_META_RE = re.compile(
    r"""(?:(?:property|name|itemprop)=["'](?:article:published_time|og:published_time|datePublished|pubdate|publishdate|date)["'][^>]*?content=["']([^"']+)["']"""
    r"""|content=["']([^"']+)["'][^>]*?(?:property|name|itemprop)=["'](?:article:published_time|datePublished)["']"""
    r"""|"datePublished"\s*:\s*"([^"]+)")""", re.I)
TIME_ELEMENT_RE = re.compile(r"""<time\b[^>]*?\bdatetime=["']([^"']+)["']""", re.I)


DECLARED_PUBLISHED_RE = re.compile(
    r"""(?:(?:property|name|itemprop)=["'](?:article:published_time|og:published_time|datePublished)["'][^>]*?(?:content|datetime)=["']([^"']+)["']"""
    r"""|(?:content|datetime)=["']([^"']+)["'][^>]*?(?:property|name|itemprop)=["'](?:article:published_time|datePublished)["']"""
    r"""|"datePublished"\s*:\s*"([^"]+)")""", re.I)


def publication_time(extracted: str | None, html: str, tree=None) -> str | None:
    """The extractor's (htmldate's) publication date with its time where the page states one;
    where it finds none, the first publication timestamp the page declares for machines.
    Where the extractor's day is printed nowhere on the page but a day the page declares for
    machines (meta tags, itemprop dates, JSON-LD, the first article <time>) is, the printed one
    wins: it is what the reader sees as the date (see printed_declared_day)."""
    day = normalize_date(extracted)
    if not day:
        return declared_published(html)
    printed = printed_declared_day(html, day[:10], tree)
    return printed or with_time(day, html)


MACHINE_DATE_RE = re.compile(
    r"""<meta\b[^>]*?content=["'](\d{4}-\d{2}-\d{2}[^"']*)["']"""
    r"""|itemprop=["']date\w*["'][^>]*?(?:content|datetime)=["']([^"']+)["']"""
    r"""|(?:content|datetime)=["']([^"']+)["'][^>]*?itemprop=["']date\w*["']"""
    r'|"date(?:Published|Modified|Created)"\s*:\s*"([^"]+)"', re.I)


def printed_declared_day(html: str, day: str, tree=None) -> str | None:
    """The page's declared timestamp (with its time and offset) for the first day that is both
    declared for machines and printed in the visible text, outside reader comments; None when
    the extractor's `day` is itself printed, or no declared day is. Catches an extractor that
    took the URL date, a modified date, or a UTC instant whose local day the page prints."""
    if tree is None:
        tree = parse_tree(html)
    if tree is None:
        return None
    printed = printed_days(tree)
    if not printed or day in printed:
        return None
    declared: dict[str, str] = {}
    for stamp in declared_stamps(html[:300000], tree):
        if len(stamp) > len(declared.get(stamp[:10], "")):
            declared[stamp[:10]] = stamp
    for d in printed:
        if d in declared:
            return declared[d]
    return first_day_under_headline(tree, marked_only=day in declared)


def first_day_under_headline(tree, marked_only: bool = False) -> str | None:
    """The first day printed in the article's header zone: the visible text just under the
    page's headline <h1> (html_title.article_h1s), not in a link (another page's date),
    an update stamp or reader comments. `marked_only` (the extractor's day is one the page
    declares): only a dateline the markup marks as one (<time>, a date or byline class) counts
    against it. None on a page without such an <h1>."""
    h1 = next(article_h1s(tree), None)
    if h1 is None:
        return None
    after, seen = False, 0
    for el in tree.iter():
        if el is h1:
            after = True
            continue
        if not after or not isinstance(el.tag, str) or el.tag in UNSEEN_TAGS:
            continue
        if seen > HEADER_ZONE_CHARS:
            return None
        marks = (el.get("class") or "") + " " + (el.get("id") or "")
        skip = el.tag == "a" or UPDATE_CLASS_RE.search(marks) or (marked_only and not marked_dateline(el))
        days = [] if skip else printed_days_of(el, DATELINE_MAX_WORDS)
        if days:
            return days[0]
        seen += len((el.text or "").strip()) + len((el.tail or "").strip())
    return None


def marked_dateline(el) -> bool:
    """A <time> element, or one (or its parent) whose class or id names a date or byline."""
    return el.tag == "time" or any(DATELINE_CLASS_RE.search((e.get("class") or "") + " " + (e.get("id") or ""))
                                   for e in (el, el.getparent()) if e is not None)


HEADER_ZONE_CHARS = 1200      # visible characters under the headline where the article prints its date
DATELINE_MAX_WORDS = 8        # words of a text that prints a date as a dateline ("Erstellt am: 14.03.2024")
UPDATE_CLASS_RE = re.compile(r"updat|modif", re.I)
DATELINE_CLASS_RE = re.compile(r"date|datum|time|zeit|byline|meta|publi|posted|created", re.I)


def declared_stamps(html: str, tree) -> list[str]:
    out = []
    for m in MACHINE_DATE_RE.finditer(html):
        stamp = normalize_date(next(g for g in m.groups() if g))
        if stamp:
            out.append(stamp)
    for el in tree.iter("time"):
        if el.get("datetime") and not in_comment_section(el):
            stamp = normalize_date(el.get("datetime"))
            if stamp:
                out.append(stamp)
            break
    return out


def printed_days_of(el, max_words: int) -> list[str]:
    """Days printed in one element's own text or tail where that text is a dateline (at most
    `max_words` words, not a sentence that mentions a date), when visible and no reader comment."""
    if el.tag in UNSEEN_TAGS or in_comment_section(el) or under_unseen(el):
        return []
    return [d for t in (el.text, el.tail) if t and len(t.split()) <= max_words for d in calendar_days(t)]


def calendar_days(text: str, order=None) -> list[str]:
    """Every calendar day written in `text`, in order, as ISO dates."""
    out = []
    while any(ch.isdigit() for ch in text) and (found := find_calendar_date(text, order)) is not None:
        out.append(found[0].isoformat())
        text = text[found[2]:]
    return out


def printed_days(tree) -> list[str]:
    """ISO days printed in the page's visible text (not scripts, not reader comments), in page order."""
    texts = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in UNSEEN_TAGS:
            continue
        if under_unseen(el):
            continue
        for t in (el.text,) + tuple(c.tail for c in el if not (isinstance(c.tag, str) and c.tag in UNSEEN_TAGS)):
            if t and t.strip() and any(ch.isdigit() for ch in t):
                texts.append((t, el))
    order = slash_order(t for t, _ in texts)
    return [d for t, el in texts if not in_comment_section(el) for d in calendar_days(t, order)]


def declared_published(html: str) -> str | None:
    for m in DECLARED_PUBLISHED_RE.finditer(html[:300000]):
        stamp = normalize_date(next(g for g in m.groups() if g))
        if stamp:
            return stamp
    return None


def with_time(day: str | None, html: str) -> str | None:
    """The page's machine-readable publication timestamp (meta tag or JSON-LD, else the first
    <time datetime> stamp) when it falls on the extracted date, so the time and offset are kept;
    else the date alone."""
    if not day:
        return day
    for pattern in (PUBLISHED_META_RE, TIME_ELEMENT_RE):
        for m in pattern.finditer(html[:200000]):
            stamp = normalize_date(next(g for g in m.groups() if g))
            if stamp and stamp[:10] == day[:10] and len(stamp) > 10:
                return stamp
    return day


def deck_from(description: str | None, text: str) -> str | None:
    """The page description as deck, unless it merely repeats the start of the body."""
    d = (description or "").strip()
    if not d or text.startswith(d[: max(20, len(d) // 2)]) or d.endswith(("...", "…")):
        return None
    return d


BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote",
              "pre", "figcaption", "caption", "address", "label", "button", "option")
LEAF_BLOCKS_XPATH = "//body//*[{own}][not(.//*[{own}])][not(ancestor::script or ancestor::style or ancestor::noscript)]".format(
    own=" or ".join(f"self::{t}" for t in BLOCK_TAGS))


def parse_tree(html: str):
    import lxml.etree
    import lxml.html
    try:
        return lxml.html.fromstring(html)
    except (ValueError, TypeError, lxml.etree.ParserError):
        return None


def removed_lines(tree, body: str) -> list[str]:
    """Text of the page's innermost block elements that the body left out, in page order."""
    if tree is None:
        return []
    out = []
    for el in tree.xpath(LEAF_BLOCKS_XPATH):
        line = " ".join(el.text_content().split())
        if line and line not in body:
            out.append(line)
    return out
