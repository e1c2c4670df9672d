"""The headline of an HTML page as the page prints it. Candidates are the page's <h1>
elements (without a kicker, date stamp or screen-reader text inside them, and without those
that only print the site's name) and its metadata titles (og:title, twitter:title, <title>,
the extractor's), each of which may carry the site's name as a segment ("Headline | Site").
An <h1> that agrees with a metadata title, whole or one of its segments, is the headline;
else the metadata title without its site segments. Class words are in html_title.json."""
from __future__ import annotations

import copy
import html as html_lib
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .lines import INVISIBLE_RE
from .outlets import squeeze
from .site import host_of

MAX_HEADLINE_CHARS = 300
AGREE = 90                  # rapidfuzz ratio of two loose forms that print the same headline
CONTAINED_SHARE = 0.5       # an <h1> inside a metadata title must keep this share of its letters
SITE_MATCH = 88             # rapidfuzz ratio of a title segment to a site name or domain label
MIN_HEADLINE_WORDS = 2      # a heading the metadata does not confirm must have this many words
MIN_UNSPACED_CHARS = 6      # ... or this many characters in a script written without spaces
SHARED_WORDS = 50           # token_set_ratio to a metadata title that picks one of several headings
LATIN_RE = re.compile(r"[A-Za-zÀ-ɏ]")             # a title written in Latin letters
SEPARATOR_CHARS = "|–—·•»›:/-"
SEGMENT_RE = re.compile(r"\s+[|–—·•»›:/-]+(?:\s+[|–—·•»›:/-]+)*\s+|\s*[|｜¦│]\s*|\s*::\s*|_(?=\S)|(?<=[！？。」”])\s*-\s*")
CLASS_PART_RE = re.compile(r"[-_\s]+")
META_XPATHS = ("//meta[@property='og:title']/@content", "//meta[@name='og:title']/@content",
               "//meta[@name='twitter:title']/@content", "//meta[@property='twitter:title']/@content",
               "//title/text()")
SITE_XPATHS = ("//meta[@property='og:site_name']/@content", "//meta[@name='application-name']/@content",
               "//meta[@name='apple-mobile-web-app-title']/@content")
TYPOGRAPHY = str.maketrans({**{c: "-" for c in "‐‑‒–—―−"}, **{c: '"' for c in "“”„«»‚‘’‹›'"}})
PIPE_RE = re.compile(r"\s*[|｜¦│]\s*")
HEADING_TAGS = frozenset(("h1", "h2", "h3"))
PRINTED_TAGS = ("h1", "h2", "h3", "a", "span", "strong", "b", "p", "div", "li", "header")
PRINTED_MAX_CHILDREN = 3    # an element printing a headline holds little more than its text
UNSEEN = frozenset(("head", "title", "script", "style", "noscript", "template"))
UNPRINTED = UNSEEN | {"rt", "rp"}      # ... and ruby readings printed over the characters of a heading
TAXONOMY_PREFIXES = ("category-", "tag-", "cat-")   # a post's own class names for its categories and tags
GENERIC_HOST_LABELS = {"www", "www2", "www3", "m", "amp", "com", "org", "net", "co", "de", "uk", "fr", "blog", "news"}


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return json.loads(Path(__file__).with_name("html_title.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def kicker_class_words() -> frozenset[str]:
    return frozenset(lexicon()["kicker_class_words"])


@lru_cache(maxsize=1)
def comment_class_words() -> frozenset[str]:
    return frozenset(lexicon()["comment_class_words"])


@lru_cache(maxsize=1)
def chrome_ancestors() -> frozenset[str]:
    return frozenset(lexicon()["chrome_ancestors"])


@lru_cache(maxsize=1)
def deck_class_words() -> frozenset[str]:
    return frozenset(lexicon()["deck_class_words"])


DECK_WORDS = (4, 80)        # words of a printed deck


def printed_deck(tree) -> str | None:
    """The deck (standfirst) the page prints under its headline: the first element whose class
    names it ("article-standfirst", "dek"), outside the page's chrome and comments."""
    if tree is None:
        return None
    for el in tree.xpath("//body//*[@class]"):
        parts = {p.lower() for p in CLASS_PART_RE.split(el.get("class") or "") if p}
        if parts & deck_class_words() and not in_chrome(el) and not in_comment_section(el):
            text = collapse(el.text_content())
            if DECK_WORDS[0] <= len(text.split()) <= DECK_WORDS[1]:
                return text
    return None


def collapse(text: str | None) -> str:
    """Entities decoded, soft hyphens and zero-width marks dropped, whitespace collapsed."""
    return " ".join(INVISIBLE_RE.sub("", html_lib.unescape(text or "")).split())


def loose(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def segments(title: str) -> list[str]:
    return [s.strip() for s in SEGMENT_RE.split(title) if s and s.strip()]


def kicker_element(el) -> bool:
    if el.tag == "time":
        return True
    parts = {p.lower() for p in CLASS_PART_RE.split(el.get("class") or "") if p}
    return bool(parts & kicker_class_words())


def heading_text(h1) -> str:
    """The printed text of an <h1> without its kicker, date stamp, screen-reader text, style
    block or ruby readings."""
    h = copy.deepcopy(h1)
    for el in [e for e in h.iterdescendants() if isinstance(e.tag, str) and (kicker_element(e) or e.tag in UNPRINTED)]:
        if el.getparent() is not None:
            el.drop_tree()
    return collapse(h.text_content()).strip(" :|–—-")


def in_chrome(el) -> bool:
    return any(a.tag in chrome_ancestors() for a in el.iterancestors())


def in_comment_section(el) -> bool:
    """Inside the readers' comments or the comment form: an element whose class or id has a
    part that names them ("comment-respond", "comments"); a post's own category or tag class
    ("category-kommentar") does not count."""
    for a in (el, *el.iterancestors()):
        if not isinstance(a.tag, str):
            continue
        names = [n for n in ((a.get("class") or "") + " " + (a.get("id") or "")).split() if not n.startswith(TAXONOMY_PREFIXES)]
        if any(p.lower() in comment_class_words() for n in names for p in CLASS_PART_RE.split(n)):
            return True
    return False


def site_keys(tree, url: str | None, sitename: str | None, metas: list[str]) -> list[str]:
    """Squeezed names the site goes by: its declared names (not one that is a whole metadata
    title: some pages declare the headline as their name) and its domain's distinctive labels."""
    names = [sitename or ""] + [v for xp in SITE_XPATHS for v in tree.xpath(xp)]
    whole_titles = {squeeze(m) for m in metas}
    keys = [k for k in (squeeze(collapse(n)) for n in names) if k not in whole_titles]
    host = host_of(url) if url else None
    if host:
        labels = [lb for lb in host.split(".") if lb not in GENERIC_HOST_LABELS and len(lb) > 2]
        keys += [squeeze(lb) for lb in labels] + [squeeze(host)]
    return [k for k in dict.fromkeys(keys) if len(k) > 2]


def site_like(text: str, keys: list[str]) -> bool:
    from rapidfuzz import fuzz
    s = squeeze(text)
    if not s:
        return True
    return any(s == k or fuzz.ratio(s, k) >= SITE_MATCH or (len(k) > 4 and k in s and len(s) <= 2 * len(k))
               for k in keys)


def without_site(title: str, keys: list[str]) -> str:
    """A metadata title without the site's name printed before or after the headline."""
    parts = segments(title)
    if len(parts) < 2:
        return title
    while len(parts) > 1 and site_like(parts[-1], keys):
        title = title[: title.rfind(parts[-1])].rstrip(" _｜¦│" + SEPARATOR_CHARS)
        parts.pop()
    while len(parts) > 1 and site_like(parts[0], keys):
        title = title[title.find(parts[0]) + len(parts[0]):].lstrip(" _｜¦│" + SEPARATOR_CHARS)
        parts.pop(0)
    return title.strip()


def same_headline(heading: str, title: str) -> bool:
    from rapidfuzz import fuzz
    h, t = loose(heading), loose(title)
    return bool(h) and bool(t) and fuzz.ratio(h, t) >= AGREE


def inside(heading: str, title: str) -> bool:
    """The heading is printed in the title, and is most of it."""
    h, t = loose(heading), loose(title)
    return bool(h) and h in t and len(h) >= CONTAINED_SHARE * len(t)


def tail_of(heading: str, title: str) -> bool:
    """The title ends with the heading after other segments ("Page - Blog name", <h1> "Blog name")."""
    parts = segments(title)
    return len(parts) > 1 and not same_headline(heading, parts[0]) and loose(title).endswith(loose(heading))


def agreeing_heading(heads: list[str], metas: list[str], stripped: list[str]) -> str | None:
    """The heading that prints the first metadata title it can (og:title before <title>):
    whole, without the site name; else the first heading inside one, or that prints one of
    its segments (not its tail, which is where a site prints its name)."""
    for title in metas + stripped:
        head = next((h for h in heads if same_headline(h, title)), None)
        if head:
            return head
    tests = (lambda h: any(inside(h, m) for m in stripped),
             lambda h: any(same_headline(h, seg) and not tail_of(h, m) for m in metas for seg in segments(m)))
    for test in tests:
        for head in heads:
            if test(head):
                return head
    return None


def kicker_free_title(heads: list[str], titles: list[str]) -> str | None:
    """A metadata title that a heading prints after a kicker run onto it ("Press release of
    the Health Office :Vaccines stay available"): the headline without the kicker."""
    for title in titles:
        t = loose(title)
        if headline_sized(title) and any(loose(h).endswith(t) and len(loose(h)) > len(t) for h in heads):
            return title
    return None


def heading_leads(heads: list[str]) -> list[str]:
    """The first segment of each heading printed with a site name or tag run onto it after a
    bar ("Headline | SITE.NET"): it may be the headline the metadata confirms. (A dash or colon
    inside a heading is mostly the headline's own.)"""
    return [parts[0].strip() for parts in (PIPE_RE.split(h) for h in heads) if len(parts) > 1 and parts[0].strip()]


def article_h1s(tree):
    """The page's <h1> elements outside its chrome and its readers' comments, in page order:
    where the article's headline may be printed."""
    return (h1 for h1 in tree.iter("h1") if not in_chrome(h1) and not in_comment_section(h1))


def headings(tree, keys: list[str]) -> list[str]:
    out = []
    for h1 in article_h1s(tree):
        text = heading_text(h1)
        if text and len(text) < MAX_HEADLINE_CHARS and not site_like(text, keys):
            out.append(text)
    return out


def meta_titles(tree, extracted: str | None) -> list[str]:
    found = [collapse(v) for xp in META_XPATHS for v in tree.xpath(xp)[:1]] + [collapse(extracted)]
    return [t for t in dict.fromkeys(found) if t]


def page_title(tree, extracted: str | None, url: str | None = None, sitename: str | None = None) -> str | None:
    """The page's headline (see the module docstring), or None when the page names none."""
    if tree is None:
        return collapse(extracted) or None
    metas = meta_titles(tree, extracted)
    keys = site_keys(tree, url, sitename, metas)
    heads = headings(tree, keys)
    stripped = [s for s in (without_site(m, keys) for m in metas) if s and not site_like(s, keys)]
    head = agreeing_heading(heads + heading_leads(heads), metas, stripped) or kicker_free_title(heads, stripped)
    if head:
        return head
    untailed = [h for h in heads if not any(tail_of(h, m) for m in metas)]
    return (printed_title(tree, metas, stripped, keys) or closest_heading(untailed, stripped)
            or (stripped[0] if stripped else None))


def printed_title(tree, metas: list[str], stripped: list[str], keys: list[str]) -> str | None:
    """Where no <h1> prints the headline: a metadata title, or one of its segments, that the page
    prints as the whole text of an element (a post title in an <h2>, a permalink), as printed;
    headings first, then any element."""
    wanted = [t for t in dict.fromkeys(stripped + [seg for m in metas for seg in segments(m)])
              if headline_sized(t) and not site_like(t, keys)]
    places = printed_texts(tree)
    for title in wanted:
        for printed in places:
            found = printed.get(loose(title))
            if found:
                return found if typographic(found) == typographic(title) else title
    return None


def typographic(text: str) -> str:
    """A title up to case, dashes, quotation marks and the spaces around dashes: two forms
    that differ only in these print the same headline."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(TYPOGRAPHY)
    return " ".join(re.sub(r"\s*-\s*", " - ", text).split())


def under_unseen(el) -> bool:
    """Inside an element a browser does not show (script, style, template...)."""
    return any(isinstance(a.tag, str) and a.tag in UNSEEN for a in el.iterancestors())


def printed_texts(tree) -> tuple[dict[str, str], dict[str, str]]:
    """Loose form -> text of small elements in the page body: headings, then any other element."""
    headings_, others = {}, {}
    for el in tree.iter(*PRINTED_TAGS):
        if len(el) > PRINTED_MAX_CHILDREN or in_chrome(el) or under_unseen(el) or in_comment_section(el):
            continue
        text = collapse(el.text_content()).strip()
        if not text or len(text) >= MAX_HEADLINE_CHARS:
            continue
        target = headings_ if el.tag in HEADING_TAGS else others
        target.setdefault(loose(text), text)
    return headings_, others


def closest_heading(heads: list[str], titles: list[str]) -> str | None:
    """A headline the page prints that its metadata words differently (an SEO title): the one
    heading long enough to be a headline, or of several the first that shares words with the
    metadata titles."""
    from rapidfuzz import fuzz
    fit = [h for h in heads if headline_sized(h)]
    if len(fit) == 1:
        return fit[0]
    for head in fit:
        if any(fuzz.token_set_ratio(loose_words(head), loose_words(t)) >= SHARED_WORDS for t in titles):
            return head
    return None


def headline_sized(text: str) -> bool:
    if LATIN_RE.search(text):
        return len(text.split()) >= MIN_HEADLINE_WORDS
    return len(text.split()) >= MIN_HEADLINE_WORDS or len(text) >= MIN_UNSPACED_CHARS


def loose_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold()))
