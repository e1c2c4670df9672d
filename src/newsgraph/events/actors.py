"""Actors of an event argument: the phrase around a head token becomes an Actor
(entity id, name, CAMEO-style actor code). Owns the phrase-level coding: the entity the
entities stage found there (its actor code first; for people without one, the leaders
gazetteer, an appositive title or the article's country), else `actor_for_text` for group
nouns and metonyms, else a fallback composed of the phrase's country word and its head noun's
sector; members and generic body words stand for their named body, and places and people
(rather than the state) are coded as the country's civilians."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import pycountry
from spacy.tokens import Token

from newsgraph.nlp import doc_ents, doc_memo
from newsgraph.records import Actor, Entity
from newsgraph.entities import leader_code as leader_of_name
from .lexicon import actor_lexicon, cues, ethnic_groups

try:  # the entities stage owns these; code against their signatures, fall back when absent
    from newsgraph.entities import entity_at as _entity_at
except Exception:  # pragma: no cover - depends on the sibling stage
    _entity_at = None
try:
    from newsgraph.entities import actor_for_text as _actor_for_text
except Exception:  # pragma: no cover
    _actor_for_text = None

DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "some", "several", "many"}


def entity_at(entities: list[Entity], start: int, end: int) -> Optional[Entity]:
    """The entity mentioned at [start, end) (the entities stage's lookup, or a local one)."""
    if _entity_at is not None:
        try:
            return _entity_at(entities, start, end)
        except Exception:
            pass
    best = None
    for e in entities:
        for m in e.mentions:
            if m.start <= start and end <= m.end and (best is None or m.end - m.start < best[0]):
                best = (m.end - m.start, e)
    return best[1] if best else None


@lru_cache(maxsize=4096)
def country_of_name(text: str) -> Optional[str]:
    """ISO alpha-3 for a country name, capital, demonym or alias; None when unknown."""
    key = " ".join(text.lower().replace("’", "'").split()).strip(" .'")
    key = key[4:] if key.startswith("the ") else key
    if not key:
        return None
    lex = actor_lexicon()
    for table in ("country_aliases", "demonyms"):
        if key in lex[table]:
            return lex[table][key]
    if key.endswith("'s") and key[:-2] in lex["country_aliases"]:
        return lex["country_aliases"][key[:-2]]
    if key.endswith("s") and key[:-1] in lex["demonyms"]:
        return lex["demonyms"][key[:-1]]     # 'Iraqis', 'Afghans': the people of a country
    if len(key) < 4:
        return None
    try:
        return pycountry.countries.lookup(key).alpha_3
    except LookupError:
        return None


def igo_code(text: str) -> Optional[str]:
    key = " ".join(text.lower().split()).strip(" .")
    key = key[4:] if key.startswith("the ") else key
    return actor_lexicon()["igos"].get(key)


def phrase_tokens(head: Token) -> list[Token]:
    """The head with its left modifiers (determiners, adjectives, compounds, possessors)."""
    toks = [head]
    for child in head.lefts:
        toks.extend(t for t in child.subtree)
    return sorted(set(toks), key=lambda t: t.i)


def phrase_text(head: Token) -> str:
    toks = [t for t in phrase_tokens(head) if t.lower_ not in DETERMINERS or t == head]
    while toks and toks[0].is_punct and toks[0] != head:
        toks = toks[1:]
    text = "".join(t.text_with_ws for t in toks).strip()
    return text or head.text


def country_in_phrase(head: Token) -> Optional[str]:
    """Country named by a modifier of the head ('Israeli troops', 'the army of Iraq')."""
    mods = [t for t in phrase_tokens(head) if t != head]
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ in {"of", "from", "in"}):
        mods.extend(c for c in prep.children if c.dep_ == "pobj")
    for tok in mods:
        if is_stance_word(tok):
            continue
        c = country_of_name(ent_text(tok)) or (None if in_regional_adjective(tok) else country_of_name(tok.text))
        if c:
            return c
    return None


def in_regional_adjective(tok: Token) -> bool:
    """'Latin American governments', 'East African troops': a people word after a region
    qualifier in one name names a region, not the country it would name alone."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and bool(tok.ent_type_) and prev.ent_type_ == tok.ent_type_ \
        and prev.lower_ in cues()["region_qualifiers"]


STANCE_PREFIXES = {"anti", "pro"}


def is_stance_word(tok: Token) -> bool:
    """'anti-Syria', 'pro-Russian': a country word naming a stance, not a nationality."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in STANCE_PREFIXES:
        return True
    return any(tok.lower_.startswith(p + "-") for p in STANCE_PREFIXES)


def ent_text(tok: Token) -> str:
    """The text of the entity span the token lies in, else the token's own text."""
    if tok.ent_type_:
        ent = entity_of_token(tok.doc).get(tok.i)
        if ent is not None:
            return ent.text
    return tok.text


def entity_of_token(doc) -> dict:
    """Token index -> the entity span it lies in, indexed once per reading of the doc."""
    return doc_memo(doc, "events.entity_of_token", lambda: {i: ent for ent in doc_ents(doc) for i in range(ent.start, ent.end)})


@lru_cache(maxsize=1)
def media_words() -> frozenset:
    """Words for news media ('television', 'radio'), from the entities stage's sector lexicon."""
    from newsgraph.entities.lexicon import sectors
    return frozenset(w for w in sectors()["media_words"] if " " not in w)


def sector_of(head: Token) -> Optional[str]:
    for tok in [head] + [t for t in phrase_tokens(head) if t != head][::-1]:
        code = own_sector(tok)
        if code:
            return code
    return None


def own_sector(tok: Token) -> Optional[str]:
    """The sector the word itself names ('army' MIL, 'officials' GOV), not its modifiers."""
    sectors = actor_lexicon()["sector_of"]
    return sectors.get(tok.lower_) or sectors.get(tok.lemma_.lower())


def fallback_code(head: Token, context_country: Optional[str]) -> Optional[str]:
    """Country + sector from the phrase itself ('Iraqi President' -> IRQGOV)."""
    text = ent_text(head) if head.ent_type_ else phrase_text(head)
    igo = igo_code(text) or igo_code(head.text)
    if igo:
        return igo
    own = country_of_name(text) if head.ent_type_ in {"GPE", "NORP", "LOC", ""} else None
    if own:
        return own + ("GOV" if head.lower_ in {"kremlin"} else "")
    country = country_in_phrase(head)
    sector = sector_of(head)
    if country is None and sector and head.ent_type_ not in {"PERSON", "ORG"}:
        country = context_country if sector in {"MIL", "CVL", "OPP", "GOV", "COP", "REB", "LEG", "JUD"} and _is_definite_group(head) else None
    if country and sector:
        return country + sector
    return country


def earlier_country(head: Token) -> Optional[str]:
    """'the army' after 'Sudan's army': the country of the nearest earlier mention of the
    same noun that names one (within-article coreference of group nouns)."""
    if head.ent_type_ or not _is_definite_group(head) or not sector_of(head) or country_in_phrase(head):
        return None
    word = head.lemma_.lower()
    for tok in reversed(head.doc[:head.i]):
        if tok.lemma_.lower() == word and tok.pos_ == "NOUN":
            country = country_in_phrase(tok)
            if country:
                return country
    return None


def _is_definite_group(head: Token) -> bool:
    """'the junta', 'protesters', 'the army': a group noun read in the article's country."""
    return any(t.lower_ in {"the", "its", "their"} for t in head.lefts) or head.tag_ == "NNS"


def group_head(head: Token) -> Token:
    """'Hundreds of UN troops' -> troops; 'a group of Moroccan diplomats' -> diplomats."""
    if head.lower_ in cues()["partitive_nouns"] or head.like_num:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return head


def actor_for(head: Token, entities: list[Entity], context_country: Optional[str]) -> Actor:
    """The Actor a head token stands for."""
    head = body_of_members(group_head(head))
    context_country = earlier_country(head) or context_country
    ent = _entity_for(head, entities) or named_body(head, entities)
    name = ent.name if ent else phrase_text(head)
    if ent is None:
        code = leader_name_code(head)
    elif ent.type == "PERSON":
        code = person_code(ent, head, context_country)
    else:
        code = described_sector(head, ent.actor_code)
    if is_stateless_people(ent):
        # 'ethnic Albanians': the entities stage gave the people no country (CAMEO codes an
        # ethnic group apart from any state), so its name is no country word; it is coded as
        # civilians of the country it lives in, when that is known, else left without a code
        country = country_in_phrase(head) or context_country
        return Actor(ent.id, name, with_ethnic_code(head, country + "CVL") if country else None)
    if code is None and _actor_for_text is not None:
        try:
            _, code = _actor_for_text(phrase_text(head), context_country)
        except Exception:
            code = None
    if code is None or contradicts_own_country(code, head):
        code = fallback_code(head, context_country)
    if code and code.startswith("---") and country_in_phrase(head):
        code = country_in_phrase(head) + code[3:]     # '---REB' + 'of Baghdad' -> IRQREB
    if code is None and ent is not None and ent.country:
        code = ent.country
    return Actor(ent.id if ent else None, name, with_ethnic_code(head, civilian_code(head, code)))


STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
DESCRIBING_SECTORS = {"REB", "OPP", "UAF"}


def described_sector(head: Token, code: Optional[str]) -> Optional[str]:
    """An organisation's code with the sector a describing word before its name gives it ('the
    rebel Revolutionary Front' REB, 'the opposition Freedom Party' OPP), over the sector its
    name's keyword suggests (a 'front', a 'party')."""
    if not code or code[:3] in NON_COUNTRY_PREFIXES:
        return code
    for tok in head.lefts:
        sector = own_sector(tok) if tok.dep_ in {"amod", "compound"} and not tok.ent_type_ else None
        if sector in DESCRIBING_SECTORS:
            return code[:3] + sector
    return code


def with_ethnic_code(head: Token, code: Optional[str]) -> Optional[str]:
    """CAMEO's third-level ethnic code: 'Iraqi Kurds' IRQCVL -> IRQCVLKUR, 'ethnic Albanians'
    in Serbia SRBCVLALB, 'Shona rebels' in Mozambique MOZREBSNA. A state's own people
    ('Serb forces', 'Albanians' in Albania) add nothing; a people word heading a bare country
    code ('Iraqi Kurds') names the country's civilians."""
    country = (code or "")[:3]
    if not code or len(code) > 6 or not country.isalpha() or country in NON_COUNTRY_PREFIXES:
        return code
    for tok in [head] + [t for t in phrase_tokens(head) if t != head]:
        ethnic = ethnic_groups().get(tok.lower_)
        if ethnic is None or is_stance_word(tok):
            continue
        people = country_of_name(tok.text)
        if people and (people == country or code[3:] in STATE_SECTORS):
            return code
        if len(code) == 3:
            return code + "CVL" + ethnic if tok == head else code
        if code[3:] == "GOV" and head.lemma_.lower() in COMMUNITY_LEADER_NOUNS:
            return code[:3] + "ELI" + ethnic     # 'Zulu leaders' lead a people, not the state
        return code + ethnic
    return code


COMMUNITY_LEADER_NOUNS = {"leader", "chief", "elder", "notable", "chieftain"}


def person_code(ent: Entity, head: Token, context_country: Optional[str]) -> Optional[str]:
    """A person's code: the entity's own; else a known leader's office, an appositive title's
    code; a title of unknown country ('President X', ---GOV) takes the article's country."""
    code = ent.actor_code
    if code is None or code.startswith("---"):
        code = leader_code(ent) or appositive_code(head, context_country) or code
    if code and code.startswith("---") and context_country:
        code = context_country + code[3:]
    return code


def civilian_code(head: Token, code: Optional[str]) -> Optional[str]:
    """A bare country code read off people or places rather than the state: 'Iranians living
    in Iraq' (some of the people), 'Syrian villages', 'targets in Hebron' (where people live) are
    the country's civilians, CVL."""
    if is_restricted_people(head) or is_populated_place(head) or is_populated_place(place_owner(head)):
        return as_civilians(code)
    return code


def as_civilians(code: Optional[str]) -> Optional[str]:
    """A bare country code as that country's civilians ('SYR' -> 'SYRCVL'); other codes as they are."""
    return code + "CVL" if code and len(code) == 3 and code not in NON_COUNTRY_PREFIXES else code


def is_restricted_people(head: Token) -> bool:
    """A plural people-word restricted by a clause or a place ('Iraqis living abroad',
    'Palestinians of the West Bank', 'Afghans in Kabul')."""
    if head.tag_ not in {"NNS", "NNPS"} or not country_of_name(head.text):
        return False
    deps = actor_lexicon()["restricted_people_deps"]
    return any(c.dep_ in deps or is_place_phrase(c) for c in head.children)


def is_place_phrase(prep: Token) -> bool:
    return prep.dep_ == "prep" and prep.lower_ in {"of", "in", "from"} and any(
        g.dep_ == "pobj" and g.ent_type_ in {"GPE", "LOC", "FAC"} for g in prep.children)


def is_populated_place(tok: Optional[Token]) -> bool:
    return tok is not None and not tok.ent_type_ and tok.lower_ in actor_lexicon()["populated_place_nouns"]


def place_owner(tok: Token) -> Optional[Token]:
    """'targets in Hebron' -> targets: the noun a place phrase locates."""
    if tok.dep_ == "pobj" and tok.head.lower_ in {"in", "near", "of", "around"} and tok.head.head.pos_ == "NOUN":
        return tok.head.head
    return None


def body_of_members(head: Token) -> Token:
    """'leaders of the opposition coalition' -> coalition: members stand for the body they
    belong to when that body has a sector of its own (not 'the president of Ghana')."""
    if head.lower_ not in actor_lexicon()["member_nouns"]:
        return head
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            body = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if body is not None and (sector_of(body) or body.ent_type_ == "ORG"):
                return body
    return head


def named_body(head: Token, entities: list[Entity]) -> Optional[Entity]:
    """'the al-Qaeda network', 'the rebel movement's armed wing', 'Hamas leaders': the organisation
    named before a generic word for a body or its members."""
    lex = actor_lexicon()
    if head.lower_ not in lex["body_nouns"] and head.lower_ not in lex["member_nouns"]:
        return None
    for mod in head.lefts:
        if mod.dep_ in {"compound", "nmod", "amod", "poss"} and mod.ent_type_ == "ORG":
            ent = entity_at(entities, mod.idx, mod.idx + len(mod.text))
            if ent is not None and ent.actor_code:
                return ent
    return None


def leader_name_code(tok: Token) -> Optional[str]:
    """A known leader's name the recognizer missed ('Merkel met ...', 'Xi Jinping')."""
    if tok.pos_ != "PROPN":
        return None
    name = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [tok]
    return leader_of_name(" ".join(t.text for t in name)) or leader_of_name(tok.text)


def appositive_code(head: Token, context_country: Optional[str]) -> Optional[str]:
    """'Ana Ruiz, the United Nations aid envoy': the code the person's
    appositive title gives, when the entity itself has none."""
    if _actor_for_text is None:
        return None
    for appos in (c for c in head.children if c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"}):
        try:
            _, code = _actor_for_text(appos_text(appos), context_country)
        except Exception:
            code = None
        if code:
            return code
    return None


def appos_text(appos: Token) -> str:
    """The appositive phrase without its own relative or prepositional tail."""
    return "".join(t.text_with_ws for t in phrase_tokens(appos)).strip()


def leader_code(ent: Entity) -> Optional[str]:
    """The office code of a known political leader named without a title ('Obama' -> USAGOV)."""
    return next(filter(None, map(leader_of_name, [ent.name] + list(ent.aliases))), None)


def is_stateless_people(ent: Optional[Entity]) -> bool:
    """A people the entities stage deliberately left without a country ('ethnic Albanians')."""
    return ent is not None and ent.type == "NORP" and not ent.country and not ent.actor_code


NON_COUNTRY_PREFIXES = {"IGO", "NGO", "IMG", "MNC"}


def contradicts_own_country(code: str, head: Token) -> bool:
    """'Serb forces' coded with another country: the phrase's own country word wins over a
    context country the phrase-level coder fell back on."""
    own = next((c for c in map(country_of_name, (t.text for t in head.lefts if t.dep_ in {"amod", "compound", "poss"}
                                                 and not is_stance_word(t))) if c), None)
    coded = code[:3]
    return bool(own) and coded != own and coded not in NON_COUNTRY_PREFIXES


TITLE_DETERMINERS = {"the", "this", "that"}


def title_antecedent(head: Token, entities: list[Entity]) -> Optional[Entity]:
    """'the vice minister' -> the person last named before it whose title has that noun."""
    if head.ent_type_ or not any(c.lower_ in TITLE_DETERMINERS for c in head.lefts) or head.tag_ != "NN":
        return None
    word = head.lower_
    best = None
    for e in entities:
        if e.type != "PERSON":
            continue
        titles = " ".join(r.title.lower() for r in e.roles) + " " + " ".join(a.lower() for a in e.aliases)
        if word not in titles.split():
            continue
        before = [m.start for m in e.mentions if m.start < head.idx]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), e)
    return best[1] if best else None


def _entity_for(head: Token, entities: list[Entity]) -> Optional[Entity]:
    ent = entity_at(entities, head.idx, head.idx + len(head.text))
    if ent is None:
        ent = title_antecedent(head, entities)
    if ent is None:
        for child in head.children:
            if child.dep_ == "appos":
                ent = entity_at(entities, child.idx, child.idx + len(child.text))
                if ent:
                    break
    return ent


def is_pronoun(tok: Token) -> bool:
    return tok.pos_ == "PRON" and tok.lower_ in actor_lexicon()["pronouns"]


def is_non_actor_noun(tok: Token) -> bool:
    """A thing or an act, not an actor: 'positions', 'the measures', 'Ceasefire'."""
    nouns = actor_lexicon()["non_actor_nouns"]
    return tok.lemma_.lower() in nouns or tok.lower_ in nouns or is_condition(tok)


def is_condition(tok: Token) -> bool:
    """'a state of emergency', 'a state of siege': a condition, not the state as an actor."""
    if tok.lower_ not in actor_lexicon()["condition_heads"] or tok.ent_type_:
        return False
    complements = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(not g.ent_type_ and not sector_of(g) for g in complements)


def is_actor_like(tok: Token) -> bool:
    """Could this token head an actor phrase (a name, a country word, a group noun)?"""
    if tok.ent_type_ in {"PERSON", "GPE", "NORP"} or tok.ent_type_ == "ORG" and not is_non_actor_noun(tok):
        return True
    if tok.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return False
    if is_pronoun(tok):
        return True
    if is_non_actor_noun(tok):
        return False
    return bool(sector_of(tok) or country_in_phrase(tok) or country_of_name(tok.text) or igo_code(tok.text)
                or leader_name_code(tok))
