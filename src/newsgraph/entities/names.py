"""Person-name comparison shared by in-article and cross-article resolution: a shorter name is
the same person as a longer one when it is its surname part ("Fomin", "Suu Kyi") or keeps its
first and last parts in order with a middle part dropped or misspelt ("Aung Suu Kyi" ~ "Aung
San Suu Kyi"), or is the family name a Chinese, Korean or Vietnamese name starts with ("Wang"
for "Wang Jianguo"); "Aung San" (a different last part) and "Susan Rice" vs "Condoleezza Rice" (a
different first part) are different people. Parts compare across romanisations: accents,
apostrophes, a joined Arabic article and vowel spellings aside ("Al-Ansari" ~ "Ansari",
"Dia'a" ~ "Diaa", "Obeida" ~ "Ubaida"); a Spanish name of given name and two surnames is also
named by its first surname alone ("Quispe" for "Andrés Quispe Mamani")."""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from newsgraph.entities import lexicon as L


def name_tokens(text: str) -> tuple[str, ...]:
    """The parts of a person's name without honorifics, possessives and punctuation."""
    honorifics = L.json_words("recognize.json", "honorifics")
    text = re.sub(r"['’]s$", "", text.strip())
    parts = [p for p in re.split(r"[\s]+", text) if p and not re.fullmatch(r"[\W_]+", p)]
    while parts and parts[0].casefold() in honorifics:
        parts = parts[1:]
    return tuple(parts)


@lru_cache(maxsize=1)
def spelling() -> dict:
    return L._json("name_spelling.json")


@lru_cache(maxsize=65536)
def part_key(part: str) -> str:
    """A name part folded, without apostrophes and a joined Arabic article ("Al-Hayyah" -> "hayyah")."""
    return without_articles(re.sub(r"['’ʼʻ`]", "", L.fold(part)))


@lru_cache(maxsize=1)
def _joined_article() -> re.Pattern:
    alternatives = "|".join(map(re.escape, spelling()["article_prefixes"]))
    return re.compile(rf"\b(?:{alternatives})(?=\w{{3}})", re.IGNORECASE)


def without_articles(text: str) -> str:
    """Text without an Arabic article joined to a word of three letters or more ("al-Qassam" ->
    "Qassam", "Abu el-Haj" -> "Abu Haj")."""
    return _joined_article().sub("", text)


@lru_cache(maxsize=65536)
def sound_key(key: str) -> str:
    """The vowel spelling of a folded part evened out ("obeida" and "ubaida" -> "ubaida")."""
    for old, new in spelling()["vowel_rewrites"]:
        key = key.replace(old, new)
    key = re.sub(r"(.)\1+", r"\1", key)
    return re.sub(r"(?<=[aiu])h$", "", key)


def surname_forms(full: tuple[str, ...]) -> set[str]:
    """The ways a text names a person by surname alone: the last part, without its joined article
    ("Al-Hayyah", "Hayyah"), and a Spanish first surname."""
    if len(full) < 2:
        return set()
    last = full[-1]
    forms = {last, without_articles(last)}
    paternal = paternal_surname(full)
    return forms | ({paternal} if paternal else set())


def block_keys(tokens: tuple[str, ...]) -> set[str]:
    """Keys of the surnames a name can be compared under (two letters of their evened spelling)."""
    return {sound_key(part_key(f))[:2] for f in surname_forms(tokens) | set(tokens[-1:])}


def comparable(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Name parts without a separately written article after the first part ("Majid Al Ansari")."""
    particles = set(spelling()["particles"])
    return tokens[:1] + tuple(t for t in tokens[1:] if L.fold(t) not in particles) if len(tokens) > 2 else tokens


def same_token(a: str, b: str) -> bool:
    """Equal, a romanisation of the same part, or a near spelling of a longer word
    (Sergei/Sergey, Shoigu/Shoygu, Al-Ansari/Ansari, Obeida/Ubaida)."""
    a, b = part_key(a), part_key(b)
    if a == b:
        return True
    if min(len(a), len(b)) >= spelling()["min_length"] and sound_key(a) == sound_key(b):
        return True
    return min(len(a), len(b)) >= 5 and a[0] == b[0] and JaroWinkler.similarity(a, b) >= 0.9


def paternal_surname(full: tuple[str, ...]) -> str | None:
    """The first of two surnames after a Spanish given name ("Quispe" in "Andrés Quispe Mamani"),
    which Spanish usage writes alone; None when the middle part is itself a given name ("María
    Fernanda Ibáñez") or the first part is no Spanish given name ("George Walker Bush")."""
    spanish = L.word_list("spanish_given_names.txt")
    if len(full) != 3 or L.fold(full[0]) not in spanish or L.fold(full[1]) in spanish or L.is_given_name(full[1]):
        return None
    middle = full[1]
    return middle if middle[:1].isupper() and len(part_key(middle)) >= 3 and middle.isalpha() else None


def same_person(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether the name `short` (no more parts than `full`) names the person `full`."""
    short, full = comparable(short), comparable(full)
    if len(short) > len(full) or not short:
        return False
    if len(short) == 1 and paternal_surname(full) and same_token(short[0], paternal_surname(full)):
        return True   # "Quispe" for "Andrés Quispe Mamani"
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
