"""CAMEO-style actor codes (country alpha-3 plus a sector: GOV, MIL, OPP, CVL, MED, IGO...)
for entities and for name-free group nouns and metonyms ("the junta", "protesters", "the
Kremlin"), and `entity_at`, which finds the entity mentioned at a character span."""
from __future__ import annotations

import re
from typing import Iterable, Optional

from newsgraph.entities import lexicon as L
from newsgraph.records import Entity

COUNTRY_ONLY_TYPES = ("GPE", "NORP", "LOC")


def compose_code(type_: str, country: Optional[str], sector: Optional[str]) -> Optional[str]:
    """The actor code of an entity: the country alone for places and peoples, IGO for
    intergovernmental bodies, else country + sector (either may be missing)."""
    if type_ in COUNTRY_ONLY_TYPES:
        return country
    if type_ not in ("PERSON", "ORG"):
        return None
    if sector == "IGO":
        return "IGO"
    code = (country or "") + (sector or "")
    return code or None


def role_sector(titles: Iterable) -> Optional[str]:
    """The sector the first title with one implies ("Defence Minister" GOV, "Senior General" MIL)."""
    for phrase in titles:
        if phrase.sector:
            return phrase.sector
    return None


def actor_for_text(text: str, context_country: Optional[str] = None) -> tuple[Optional[str], Optional[str]]:
    """(country, actor code) for an actor phrase without a name: "the junta" -> (ctx, ctx+"MIL"),
    "Russian troops" -> ("RUS", "RUSMIL"), "the Kremlin"/"Moscow" -> ("RUS", "RUSGOV"),
    "protesters" -> (ctx, ctx+"CVL"), "Myanmar" -> ("MMR", "MMR"). (None, None) if unknown."""
    phrase = L.fold(text)
    phrase = re.sub(r"^(the|a|an|its|their|his|her|our)\s+", "", phrase)
    phrase = re.sub(r"['’]s\b", "", phrase).strip(" ,.;:")
    if not phrase:
        return None, None
    seat = L.country_of_seat(phrase)
    if seat:
        return seat[0], seat[0] + seat[1]
    code = L.country_of_name(phrase)
    if code or L.country_of_demonym(phrase):
        code = code or L.country_of_demonym(phrase)
        return code, code
    org = L.known_org(phrase)
    if org:
        return org.country, compose_code("ORG", org.country, org.sector)
    place = L.city(phrase)
    if place and place.is_capital:
        return place.country, place.country + "GOV"
    country, rest = split_country(phrase)
    country = country or context_country
    sector = sector_of(rest)
    if sector is None:
        return (country, country) if rest == "" and country else (None, None)
    if sector == "IGO":
        return None, "IGO"
    return country, (country or "") + sector


def split_country(phrase: str) -> tuple[Optional[str], str]:
    """A leading country word ("russian troops", "myanmar's military") and the rest."""
    words = phrase.split()
    for n in (3, 2, 1):
        head = " ".join(words[:n])
        code = L.country_of_demonym(head) or L.country_of_name(head)
        if len(words) >= n and code:
            return code, " ".join(words[n:])
    return None, phrase


def sector_of(rest: str) -> Optional[str]:
    """Sector of a group noun, title or organisation phrase."""
    if not rest:
        return None
    sector = L.group_noun_sector(rest)
    if sector:
        return sector
    words = rest.split()
    for n in range(len(words) - 1, 0, -1):      # longest known tail: "ruling military council"
        sector = L.group_noun_sector(" ".join(words[-n:]))
        if sector:
            return sector
    mod_sectors = L.titles()["modifier_sectors"]
    for w in words:
        if w in mod_sectors:
            return mod_sectors[w]
    tail = words[-1]
    head_sector = L.title_phrases().get(" ".join(words[-2:])) or L.title_heads().get(tail) \
        or L.title_heads().get(tail.rstrip("s"))
    return head_sector or L.org_sector(rest)


def entity_at(entities: Iterable[Entity], start: int, end: int, article_id: Optional[str] = None) -> Optional[Entity]:
    """The entity with a mention at [start, end): one that covers the span exactly, else the one
    whose mention overlaps it most (a named mention beats a pronoun or title on ties)."""
    best, best_key = None, None
    for ent in entities:
        for m in ent.mentions:
            if article_id is not None and m.article_id != article_id:
                continue
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0:
                continue
            exact = m.start == start and m.end == end
            key = (exact, overlap, m.kind not in ("pronoun", "title", "demonym"), -(m.end - m.start))
            if best_key is None or key > best_key:
                best, best_key = ent, key
    return best
