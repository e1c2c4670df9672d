"""Person-name comparison shared by in-article and cross-article resolution: a shorter name is
the same person as a longer one when it is its surname part ("Fomin", "Suu Kyi") or keeps its
first and last parts in order with a middle part dropped or misspelt ("Aung Suu Kyi" ~ "Aung
San Suu Kyi"), or is the family name a Chinese, Korean or Vietnamese name starts with ("Wang"
for "Wang Jianguo"); "Aung San" (a different last part) and "Susan Rice" vs "Condoleezza Rice" (a
different first part) are different people."""
from __future__ import annotations

import re

from rapidfuzz.distance import JaroWinkler

from newsgraph.entities import lexicon as L


def name_tokens(text: str) -> tuple[str, ...]:
    """The parts of a person's name without honorifics, possessives and punctuation."""
    honorifics = set(L._json("recognize.json")["honorifics"])
    text = re.sub(r"['’]s$", "", text.strip())
    parts = [p for p in re.split(r"[\s]+", text) if p and not re.fullmatch(r"[\W_]+", p)]
    while parts and parts[0].casefold() in honorifics:
        parts = parts[1:]
    return tuple(parts)


def same_token(a: str, b: str) -> bool:
    """Equal, or a near spelling of a longer word (Sergei/Sergey, Shoigu/Shoygu)."""
    a, b = L.fold(a), L.fold(b)
    if a == b:
        return True
    return min(len(a), len(b)) >= 5 and a[0] == b[0] and JaroWinkler.similarity(a, b) >= 0.9


def same_person(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether the name `short` (no more parts than `full`) names the person `full`."""
    if len(short) > len(full) or not short:
        return False
    if len(short) == len(full):
        return all(same_token(a, b) for a, b in zip(short, full))
    if all(same_token(a, b) for a, b in zip(short, full[-len(short):])):
        return True   # surname part: "Fomin", "Suu Kyi"
    if family_name_first(short, full):
        return True   # "Wang" for "Wang Jianguo"
    if not (same_token(short[0], full[0]) and same_token(short[-1], full[-1])):
        return False
    return is_subsequence(short, full)


def family_name_first(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """A lone family name of a tradition that writes it first, naming a two- or three-part name
    that starts with it ("Kim" for "Kim Jong-dae", "Nguyen" for "Nguyen Van An")."""
    return (len(short) == 1 and len(full) in (2, 3) and L.fold(short[0]) == L.fold(full[0])
            and L.fold(full[0]) in L.family_names_first())


def is_subsequence(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    i = 0
    for part in full:
        if i < len(short) and same_token(short[i], part):
            i += 1
    return i == len(short)
