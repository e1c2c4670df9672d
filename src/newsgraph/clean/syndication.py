"""The outlet a copy was taken from: syndicated, republished or translated. Read from a
credit line ("Source: elpais", "This article was originally published by X and is
republished here under ...", "Translated from X"), from a wire agency's dateline on another
outlet's page ("KYIV (Reuters) - ..."), and in HTML from a canonical or original-source link
to another outlet's domain. Names resolve through outlets.py; a copy of the page's own
outlet names no original."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .lines import alternation
from .outlets import host_of, outlet_for_domain, resolve_outlet

CREDIT_MAX_CHARS = 80       # longest outlet name read from a credit line
LABEL_MAX_WORDS = 4         # a credit this short is a label even with a full stop
DATELINE_RE = re.compile(r"^[A-ZÀ-Þ][\w .,'’/-]{1,60}?\s*\(([^()]{2,40})\)\s*[-–—:]")
ORIGIN_XPATHS = ("//meta[@name='original-source']/@content", "//meta[@name='syndication-source']/@content",
                 "//meta[@name='dcterms.source']/@content", "//meta[@name='DC.source']/@content",
                 "//link[@rel='canonical']/@href")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return json.loads(Path(__file__).with_name("syndication.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=2)
def credit_re(kind: str) -> re.Pattern:
    """A line opening with a cue of `kind`, then the outlet's name, then maybe a clause."""
    ends = alternation(lexicon()["name_ends"])
    labels = [c for c in lexicon()[kind] if " " not in c]        # "Source" needs its colon: "Sources hidden"
    phrases = [c for c in lexicon()[kind] if " " in c]
    openings = ([rf"(?:{alternation(labels)})\s*[:：\-–]"] if labels else []) + \
               ([rf"(?:{alternation(phrases)})\b\s*[:：\-–]?"] if phrases else [])
    opening = "(?:" + "|".join(openings) + ")"
    return re.compile(rf"^{opening}\s*(.{{2,{CREDIT_MAX_CHARS}}}?)"
                      rf"(?:\s*[,;(]\s*.*|\s+(?:{ends})\s+.*|\.\s+.*)?[.]?$", re.I)


def credited_name(text: str) -> str | None:
    """The name a credit line prints ("Source: X", "Originally published by X and ..."), unless
    it names a body, a data source or a platform ("Source: Defence Ministry")."""
    m = credit_re("credit_cues").match(text.strip())
    if not m or non_outlet_re().search(m.group(1)):
        return None
    return m.group(1).strip()


@lru_cache(maxsize=1)
def non_outlet_re() -> re.Pattern:
    return re.compile(rf"\b(?:{alternation(lexicon()['non_outlet_words'])})\b", re.I)


def translated_from(text: str) -> str | None:
    """The known outlet a translation note names ("Translated from X"): a language is no outlet."""
    m = credit_re("translation_cues").match(text.strip())
    return resolve_outlet(m.group(1)) if m else None


def wire_agency(paragraph: str) -> str | None:
    """The outlet a wire dateline credits: "KYIV, Ukraine (AP) — ..." -> Associated Press."""
    m = DATELINE_RE.match(paragraph.strip())
    return resolve_outlet(m.group(1)) if m else None


def linked_origin(tree, page_url: str | None) -> str | None:
    """The known outlet an HTML page's original-source meta or canonical link points to, when that
    link leaves the page's own host."""
    if tree is None:
        return None
    own = host_of(page_url) if page_url else None
    for xpath in ORIGIN_XPATHS:
        for link in tree.xpath(xpath):
            host = host_of(str(link))
            if host and host != own:
                found = outlet_for_domain(host)
                if found:
                    return found
    return None


def other_outlet(found: str | None, outlet: str | None) -> str | None:
    """`found`, unless it is the page's own outlet."""
    if not found or (outlet and (found == outlet or resolve_outlet(outlet) == found)):
        return None
    return found


def is_credit_label(text: str) -> bool:
    """A credit printed as a label ("Source: Reuters") is page furniture; one printed as a
    sentence ("This article was originally published by X.") is part of the text as printed."""
    return not text.rstrip().endswith((".", "!", "?")) or len(text.split()) <= LABEL_MAX_WORDS


def credit_paragraphs(text: str) -> tuple[str, str | None, list[str]]:
    """An extracted body without its credit labels, the known outlet a credit paragraph names
    (a "Source: World Bank" under a chart names no outlet and stays), and the labels taken out."""
    kept, dropped, found = [], [], None
    for para in text.split("\n\n"):
        printed = credited_name(para)
        name = (resolve_outlet(printed) if printed else None) or translated_from(para)
        found = found or name
        (dropped if name and is_credit_label(para) else kept).append(para)
    return "\n\n".join(kept), found, dropped


def html_original(text: str, tree, page_url: str | None, outlet: str | None) -> tuple[str, str | None, list[str]]:
    """The body without credit paragraphs, the outlet the page copies (see module doc), and the
    paragraphs removed."""
    text, credited, dropped = credit_paragraphs(text)
    first = text.split("\n\n", 1)[0]
    return text, other_outlet(linked_origin(tree, page_url) or credited or wire_agency(first), outlet), dropped
