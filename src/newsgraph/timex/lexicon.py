"""Loads the timex stage's language resources (lexicon.json beside this file), once per process."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

LEXICON_PATH = Path(__file__).with_name("lexicon.json")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The parsed lexicon: months, weekdays, units, number words, reference words, holidays..."""
    with open(LEXICON_PATH, encoding="utf-8") as f:
        return json.load(f)


def alternation(words, escape: bool = True) -> str:
    """A regex alternation of `words`, longest first so the regex prefers the longest word."""
    import re
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") if escape else w for w in ordered)


def number_value(word: str) -> float | None:
    """The value of a number written in digits or words ("12", "twenty-four", "a couple of")."""
    w = " ".join(word.lower().replace(",", "").split())
    if not w:
        return None
    try:
        return float(w)
    except ValueError:
        pass
    if " " in w and "/" in w:                      # "5 1/2"
        whole, frac = w.split(" ", 1)
        num, den = frac.split("/", 1)
        try:
            return float(whole) + float(num) / float(den)
        except (ValueError, ZeroDivisionError):
            return None
    words = lexicon()["number_words"]
    if w in words:
        return float(words[w])
    parts = w.replace("-", " ").split()
    if parts and all(p in words for p in parts):      # "twenty four", "twenty-four"
        return float(sum(words[p] for p in parts if p not in ("a", "an")))
    return None
