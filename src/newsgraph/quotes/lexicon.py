"""Language resources of the quotes stage, read once from the data files beside this module."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _json(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, str]:
    """Reporting verb lemma -> frame ("clause" or "object")."""
    return dict(ln.split("\t")[:2] for ln in _lines("reporting_verbs.tsv"))


@lru_cache(maxsize=1)
def media_nouns() -> frozenset[str]:
    return frozenset(ln.lower() for ln in _lines("media.txt"))


@lru_cache(maxsize=1)
def news_agencies() -> frozenset[str]:
    return frozenset(ln.lower() for ln in _lines("news_agencies.txt"))


@lru_cache(maxsize=1)
def attribution() -> dict:
    return _json("attribution.json")


@lru_cache(maxsize=1)
def pronouns() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in _json("pronouns.json").items()}


@lru_cache(maxsize=1)
def numbers() -> dict:
    return _json("numbers.json")


@lru_cache(maxsize=1)
def prepositional_cues() -> dict[str, dict[str, frozenset[str]]]:
    """{"required": verb -> words one of which must follow it, "object_preps": verb -> extra
    prepositions introducing what was said, "addressee_topics": verb of addressing -> the
    prepositions that introduce its topic}."""
    data = _json("prepositional_cues.json")
    return {k: {verb: frozenset(words) for verb, words in data[k].items()}
            for k in ("required", "object_preps", "addressee_topics")}


@lru_cache(maxsize=1)
def general_object_preps() -> frozenset[str]:
    """Prepositions whose object is what was said after any object-frame verb ("called for X")."""
    return frozenset(_json("prepositional_cues.json")["general_object_preps"])


@lru_cache(maxsize=1)
def topic_preps() -> frozenset[str]:
    """Prepositions whose object is a topic, never a time or place ("talked about CNN")."""
    return frozenset(_json("prepositional_cues.json")["topic_preps"])


@lru_cache(maxsize=1)
def circumstance_only_marks() -> frozenset[str]:
    """Marks of a clause of time or concession that are not marks of a condition ("after", not "if")."""
    return frozenset(attribution()["circumstance_marks"]) - frozenset(attribution()["condition_marks"])


@lru_cache(maxsize=1)
def gender_words() -> dict[str, frozenset[str]]:
    """Given names, honorifics, role nouns and pronouns by the gender they mark."""
    return {k: frozenset(v) for k, v in _json("first_names.json").items() if not k.startswith("_")}


CENSUS_RANK_RATIO = 4     # a name on both census lists marks the sex whose list ranks it this much higher


@lru_cache(maxsize=1)
def census_genders() -> dict[str, str]:
    """Given name (lower case) -> "m" or "f", from the US census first-name lists."""
    from newsgraph.census_names import census_first_names
    ranks = {sex: {n.lower(): i + 1 for i, n in enumerate(census_first_names(sex))} for sex in ("male", "female")}
    out: dict[str, str] = {}
    for name in ranks["male"].keys() | ranks["female"].keys():
        male, female = ranks["male"].get(name), ranks["female"].get(name)
        if female is None or (male is not None and female >= CENSUS_RANK_RATIO * male):
            out[name] = "m"
        elif male is None or male >= CENSUS_RANK_RATIO * female:
            out[name] = "f"
    return out
