"""What an article contributes to story matching beyond its words: normalised keys for its
entities (compared by name/type/country, never by their article-local ids), for its events
(type, mode, place, month) and its numbers, and the article's date."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from datetime import date
from functools import lru_cache
from pathlib import Path

from newsgraph.records import Article, Entity, Event, Timex

DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
YEAR_RE = re.compile(r"(\d{4})(?:-(\d{2}))?")
PUBLISHED_WEIGHT = 2         # the publication date counts as this many date mentions
WORD_RE = re.compile(r"\w+")
POSSESSIVE_RE = re.compile(r"['’]s\b")
NAME_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WEAPON", "LAW"}
TITLE_BONUS = 3              # a person named in the headline counts this many mentions more
MIN_PROTAGONIST_COUNT = 3    # mentions (with the bonus) that make a person a protagonist
PROTAGONISTS = 1             # how many of the most mentioned persons count as protagonists


@lru_cache(maxsize=1)
def lexicon() -> dict[str, list[str]]:
    """Stop words, leading articles and domain suffixes (lexicon.json beside this file)."""
    return json.loads(Path(__file__).with_name("lexicon.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lower-case, accents stripped, possessive 's dropped, punctuation squeezed to spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(WORD_RE.findall(POSSESSIVE_RE.sub("", text.lower())))


def outlet_key(name: str | None) -> str | None:
    """An outlet name reduced to its letters ("El País" and "elpais" agree)."""
    if not name:
        return None
    host = name.lower().strip().rstrip("/")
    for suffix in lexicon()["domain_suffixes"]:
        if host.endswith("." + suffix):
            host = host[: -len(suffix) - 1]
    host = host.removeprefix("www.")
    return re.sub(r"[^a-z0-9]", "", fold(host)) or None


def entity_name(entity: Entity) -> str:
    return name_key(entity.name)


@lru_cache(maxsize=100_000)
def name_key(raw: str) -> str:
    """A name folded, its leading article dropped ("The Pentagon" -> "pentagon")."""
    name = fold(raw)
    for article in lexicon()["leading_articles"]:
        if name.startswith(article + " "):
            name = name[len(article) + 1:]
    return name


def entity_keys(entities: list[Entity]) -> list[str]:
    """One key per named entity mention group; persons also give their surname, so
    "Tara Reid" and "Reid" meet. Countries give their ISO code when known."""
    keys: list[str] = []
    for ent in entities:
        if ent.type not in NAME_TYPES:
            continue
        name = entity_name(ent)
        if not name or name.isdigit():
            continue
        repeats = min(max(1, len(ent.mentions)), 3)
        keys.extend([f"{ent.type}:{name}"] * repeats)
        parts = name.split()
        if ent.type == "PERSON" and len(parts) > 1:
            keys.extend([f"PERSON:{parts[-1]}"] * repeats)
        if ent.country and ent.type in {"GPE", "NORP"}:
            keys.append(f"COUNTRY:{ent.country}")
    return keys


def protagonist_keys(entities: list[Entity], title: str | None = None, top: int = PROTAGONISTS) -> list[str]:
    """The people an article is about: surname keys of its most mentioned persons (at least
    two mentions, a name in the headline counting TITLE_BONUS more), each repeated by its
    count. Two same-kind events differ here."""
    counts: Counter[str] = Counter()
    title_words = set(fold(title).split()) if title else set()
    for ent in entities:
        if ent.type != "PERSON":
            continue
        name = entity_name(ent)
        if name:
            surname = name.split()[-1]
            counts["PERSON:" + surname] += max(1, len(ent.mentions))
            if surname in title_words:
                counts["PERSON:" + surname] += TITLE_BONUS
    out: list[str] = []
    for key, count in counts.most_common(top):
        if count >= MIN_PROTAGONIST_COUNT:
            out.extend([key] * count)
    return out


def event_keys(events: list[Event]) -> list[str]:
    """Each event's kind at its place and in its month: what tells two same-kind events apart
    (the bare kind is left out, it is what two sibling events share)."""
    keys: list[str] = []
    for ev in events:
        kind = f"{ev.type}/{ev.mode}" if ev.mode else ev.type
        if ev.place and ev.place.name:
            keys.append(f"EVPLACE:{kind}@{fold(ev.place.name)}")
        if ev.date and ev.date.value and len(ev.date.value) >= 7 and ev.date.value[:4].isdigit():
            keys.append(f"EVDATE:{kind}@{ev.date.value[:7]}")
    return keys


def number_keys(words: list[str]) -> list[str]:
    """The numbers among the tokens (thousand separators dropped), skipping one-digit ones."""
    if all(map(str.isascii, words)):
        candidates = filter(":".__gt__, words)      # ASCII tokens that start with a digit sort before ":"
    else:
        candidates = (w for w in words if w[0].isdigit())
    out = []
    for word in candidates:
        value = word.replace(",", "")
        if len(value) >= 2:
            out.append(value)
    return out


@lru_cache(maxsize=4096)
def parse_day(value: str | None) -> date | None:
    """An ISO date's day (the first ten characters), else None; memoised (story ranges are
    compared with every article)."""
    if not value:
        return None
    m = DATE_RE.match(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def article_day(article: Article, events: list[Event]) -> date | None:
    """The publication date, else the earliest day-precise event date, else None."""
    day = parse_day(article.published)
    if day:
        return day
    days = [parse_day(ev.date.value) for ev in events if ev.date and ev.date.granularity == "day"]
    days = [d for d in days if d]
    return min(days) if days else None


def period_keys(article: Article, timexes: list[Timex] | None) -> list[str]:
    """When the article's events happen: one key per calendar date or time it names (year, and
    year-month when known), resolved by the timex stage, plus its publication date. Two
    same-kind events years apart differ here."""
    values = [t.value for t in timexes or () if t.type in ("DATE", "TIME") and t.value]
    values += [article.published] * PUBLISHED_WEIGHT if article.published else []
    keys: list[str] = []
    for value in values:
        m = YEAR_RE.match(value)
        if not m:
            continue
        keys.append("Y:" + m.group(1))
        if m.group(2):
            keys.append("M:" + m.group(0))
    return keys
