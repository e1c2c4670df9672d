"""Repetition across the pages of one site. A line that several other pages of the same site
also carry (a disclaimer, a newsletter pitch, an author box, a "more from us" strip) is the
site's chrome, even where the line classifier, which sees one page, would keep it.

A SiteProfile is built in a first, cheap pass over a batch: for each site (the URL's host,
or a folder named like a host, as crawlers save pages), how many distinct pages carry each
line. The cleaner then gets, with each page, the keys of its lines that recur (see
`RawDoc.site_chrome`), so cleaning stays a pure function of its input record. Memory is
bounded: past a cap, lines seen on one page only are forgotten (the chrome a profile looks
for recurs, so it survives), and pages are only counted once each.

A profile can start from a site's history (the counts of earlier batches, which the store
keeps): a page ingested alone then loses the chrome its site's earlier pages share."""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import PurePath
from typing import Callable, Iterable, Iterator, Optional
from urllib.parse import urlsplit

from newsgraph.records import RawDoc

from .dump import rejoin_fragments
from .lines import WORD_RE, line_key, split_lines

MIN_WORDS = 4               # shorter lines ("Share", "Menu") are the line classifier's job
MIN_PAGES = 3               # a line on this page and at least two other pages of the site
MAX_KEYS_PER_SITE = 200_000
HOST_RE = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")
ARCHIVED_RE = re.compile(r"^/web/\d+[a-z_]*/(.+)$")


def site_of(raw: RawDoc) -> Optional[str]:
    """The site a page belongs to: its URL's host, else the nearest folder named like a host."""
    return host_of(raw.url) if raw.url else host_folder(raw.source)


def host_of(url: str) -> Optional[str]:
    """Lower-cased host without "www."; an archived copy (web.archive.org/web/<time>/<url>)
    belongs to the site it copies."""
    parts = urlsplit(url if "//" in url else "//" + url)
    host = (parts.hostname or "").lower()
    archived = ARCHIVED_RE.match(parts.path or "")
    if host == "web.archive.org" and archived:
        return host_of(archived.group(1))
    host = host.removeprefix("www.")
    return host if HOST_RE.match(host) else None


def host_folder(source: str) -> Optional[str]:
    """The nearest folder above a file whose name is a host name ("pages/www.example.com/a.txt")."""
    for part in reversed(PurePath(source.partition("#")[0]).parts[:-1]):
        host = part.lower().removeprefix("www.")
        if HOST_RE.match(host):
            return host
    return None


def page_keys(raw_text: str) -> set[int]:
    """Keys of the lines of a dump that are long enough to count, as the cleaner splits them."""
    return {line_key(ln.text) for ln in rejoin_fragments(split_lines(raw_text))
            if len(WORD_RE.findall(ln.text)) >= MIN_WORDS}


SiteHistory = Callable[[str], tuple[set[bytes], Counter]]   # site -> (page fingerprints, pages per line key)


class SiteProfile:
    """Per site: the distinct pages seen (by fingerprint) and, per line key, how many carry it;
    a site's history, if given, is read the first time the site comes up."""

    def __init__(self, history: Optional[SiteHistory] = None) -> None:
        self.history = history
        self.line_pages: dict[str, Counter] = {}
        self.seen_pages: dict[str, set[bytes]] = {}
        self.changed: set[str] = set()

    def add(self, raw: RawDoc) -> None:
        site = site_of(raw)
        if raw.kind != "raw_text" or not site or not raw.content:
            return
        fingerprint = hashlib.blake2b(raw.content.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        pages = self.pages_of(site)
        if fingerprint in pages:
            return
        pages.add(fingerprint)
        self.changed.add(site)
        counts = self.line_pages[site]
        counts.update(page_keys(raw.content))
        if len(counts) > MAX_KEYS_PER_SITE:
            self.line_pages[site] = Counter({k: n for k, n in counts.items() if n > 1})

    def pages_of(self, site: str) -> set[bytes]:
        if site not in self.seen_pages:
            pages, counts = self.history(site) if self.history else (set(), Counter())
            self.seen_pages[site], self.line_pages[site] = set(pages), Counter(counts)
        return self.seen_pages[site]

    def recurring(self, raw: RawDoc) -> frozenset[int]:
        """Keys of the page's lines that at least MIN_PAGES pages of its site carry."""
        site = site_of(raw)
        if not site or raw.kind != "raw_text" or not raw.content or len(self.pages_of(site)) < MIN_PAGES:
            return frozenset()            # (no line is on more pages than the site has)
        counts = self.line_pages[site]
        return frozenset(k for k in page_keys(raw.content) if counts[k] >= MIN_PAGES)

    def changed_sites(self) -> Iterator[tuple[str, set[bytes], Counter]]:
        """(site, page fingerprints, pages per line key) of the sites this profile added pages to."""
        for site in sorted(self.changed):
            yield site, self.seen_pages[site], self.line_pages[site]


def build_profile(items: Iterable, history: Optional[SiteHistory] = None) -> SiteProfile:
    """The profile of every page dump among `items` (other items are ignored), on top of
    the sites' history when one is given."""
    profile = SiteProfile(history)
    for item in items:
        if isinstance(item, RawDoc):
            profile.add(item)
    return profile
