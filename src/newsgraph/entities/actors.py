"""CAMEO-style actor codes (country alpha-3 plus a sector: GOV, MIL, OPP, CVL, MED, IGO...)
for entities and for name-free group nouns and metonyms ("the junta", "protesters", "the
Kremlin"), and `entity_at`, which finds the entity mentioned at a character span."""
from __future__ import annotations

import re
from typing import Iterable, Optional

from newsgraph.entities import lexicon as L
from newsgraph.records import Entity

COUNTRY_ONLY_TYPES = ("GPE", "NORP", "LOC")
UNKNOWN_COUNTRY = "---"
TRANSNATIONAL = ("IGO", "NGO", "IMG", "MNC")   # CAMEO writes these in the country slot when no country applies


def compose_code(type_: str, country: Optional[str], sector: Optional[str]) -> Optional[str]:
    """The actor code of an entity: the country alone for places and peoples; country +
    sector for people and organisations, "---" + sector when the country is unknown
    ("---GOV", CAMEO's government of unknown country); IGO/NGO alone for transnational bodies."""
    if type_ in COUNTRY_ONLY_TYPES:
        return country
    if type_ not in ("PERSON", "ORG"):
        return None
    return code_of(country, sector)


def code_of(country: Optional[str], sector: Optional[str]) -> Optional[str]:
    if sector == "IGO" or (sector in TRANSNATIONAL and not country):
        return sector
    if not sector:
        return country
    return (country or UNKNOWN_COUNTRY) + sector


def sector_of_code(code: Optional[str], country: Optional[str]) -> Optional[str]:
    """The sector part of an actor code ("RUSGOV" -> "GOV", "---LEG" -> "LEG", "IGO" -> "IGO")."""
    if not code:
        return None
    if code in TRANSNATIONAL:
        return code
    for prefix in (country, UNKNOWN_COUNTRY):
        if prefix and code.startswith(prefix):
            return code[len(prefix):] or None
    return None if len(code) == 3 else code[3:] or None


def role_sector(titles: Iterable) -> Optional[str]:
    """The sector the first title with one implies ("Defence Minister" GOV, "Senior General"
    MIL); a leader's title that names only a country is a government one ("Palestinian
    leader" GOV), never one held in a body the text names ("AfD co-leader": the party's)."""
    for phrase in titles:
        if phrase.sector:
            return phrase.sector
    national = set(L.titles()["national_heads"])
    for phrase in titles:
        if phrase.country and not phrase.organization and phrase.heads \
                and phrase.heads[-1].split()[-1] in national:
            return "GOV"
    return None


def actor_for_text(text: str, context_country: Optional[str] = None) -> tuple[Optional[str], Optional[str]]:
    """(country, actor code) for an actor phrase without a name of its own, CAMEO style:
    "Myanmar" -> ("MMR", "MMR"); "the Kremlin"/"Moscow" -> ("RUS", "RUSGOV"); "Russian troops" ->
    ("RUS", "RUSMIL"); "Iraq's national security adviser" -> ("IRQ", "IRQGOV"); "UN troops" ->
    (None, "IGOMIL"); "the junta" -> (ctx, ctx + "MIL"); "the government" without a context
    country -> (None, "---GOV"); "Belmora's government" (a possessor that is no known country)
    -> (None, "---GOV"). (None, None) when nothing in the phrase names an actor."""
    possessor = bool(re.search(r"\w['’]s\b", text))
    phrase = L.fold(text)
    phrase = re.sub(r"^(the|a|an|its|their|his|her|our)\s+", "", phrase)
    phrase = re.sub(r"['’]s\b", "", phrase).strip(" ,.;:")
    if not phrase:
        return None, None
    whole = whole_phrase_actor(phrase)
    if whole is not None:
        return whole
    org, rest = split_org(phrase)
    if org is not None:
        sector = sector_of(rest) if rest else None
        if sector in TRANSNATIONAL:     # "UN peacekeepers": the body's own code says it all
            sector = None
        if org.sector in TRANSNATIONAL and sector:
            return org.country, org.sector + sector if org.sector == "IGO" else code_of(org.country, org.sector)
        return org.country, compose_code("ORG", org.country, org.sector)
    country, rest = split_country(phrase)
    explicit = country is not None
    if country is None and not (possessor and rest != phrase.split()[-1]):
        country = context_country
    national = L.sectors()["national_group_nouns"]
    sector = national[rest] if explicit and rest in national else sector_of(rest)
    if sector is None and explicit and is_title(rest):
        sector = "GOV"
    if sector is None:
        country_alone = rest == "" or (explicit and rest in national)
        return (country, country) if country_alone and country else (None, None)
    if sector in TRANSNATIONAL:
        return None, sector
    return country, code_of(country, sector)


def whole_phrase_actor(phrase: str) -> Optional[tuple[Optional[str], Optional[str]]]:
    """A phrase that is a seat of government, a country, a people, a known organisation or a
    capital as a whole."""
    seat = L.country_of_seat(phrase)
    if seat:
        return seat[0], seat[0] + seat[1]
    code = L.country_of_name(phrase) or L.country_of_demonym(phrase)
    if code:
        return code, code
    org = L.known_org(phrase)
    if org:
        return org.country, compose_code("ORG", org.country, org.sector)
    place = L.place(phrase)
    if place and place.is_capital:
        return place.country, place.country + "GOV"
    return None


def split_org(phrase: str) -> tuple[Optional[L.KnownOrg], str]:
    """A leading well-known organisation ("un troops", "red cross officials") and the rest."""
    words = phrase.split()
    for n in range(min(5, len(words) - 1), 0, -1):
        org = L.known_org(" ".join(words[:n]))
        if org:
            return org, " ".join(words[n:])
    return None, phrase


def is_title(rest: str) -> bool:
    """Whether a phrase ends in a person's title ("national security adviser", "leader")."""
    words = rest.split()
    if not words:
        return False
    tail = words[-1]
    return tail in L.title_heads() or tail.rstrip("s") in L.title_heads() or " ".join(words[-2:]) in L.title_phrases()


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
