"""Unidentified attackers, CAMEO/Phoenix style: an attack named only by its means ('a roadside
bombing killed', 'killed by an explosive device', 'an attempt to assassinate X was thwarted')
has no named doer; coders give it the unaligned armed force (UAF) of the country where it
happened. Only the scene's country is used, never the victim's. A death by accident (a crash,
a gas explosion, a fire) is no attack at all."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from newsgraph.records import Actor, Entity
from .actors import country_in_phrase
from .arguments import place_of, place_token
from .lexicon import cues
from .places import place_record
from .triggers import Trigger, prep_objects

SCENE_PREPS = {"in", "at", "near", "inside", "outside", "of"}


def unidentified_attackers(t: Trigger, entities: list[Entity]) -> list[Actor]:
    """[the scene country's UAF] for an attack named by its means, else []."""
    means = attack_means(t)
    if means is None:
        return []
    country = scene_country(t, means, entities)
    return [Actor(None, "unidentified attackers", country + "UAF")] if country else []


def attack_means(t: Trigger) -> Optional[Token]:
    """The means noun that names the attack: the trigger itself, its subject, agent or
    'in'/'by' object, or an 'attempt' the trigger completes."""
    words = set(cues()["attack_means_nouns"])
    cands = [t.token, t.anchor] + [c for c in t.anchor.children if c.dep_ in {"nsubj", "nsubjpass"}]
    cands += prep_objects(t.anchor, {"in", "by", "during"})
    if t.anchor.dep_ in {"acl", "xcomp"}:
        cands.append(t.anchor.head)
    return next((c for c in cands if c.lemma_.lower() in words or c.lower_ in words), None)


def scene_country(t: Trigger, means: Token, entities: list[Entity]) -> Optional[str]:
    """Country of where the attack happened: the trigger's place, else a place named beside the
    clause, the means noun or what holds it ('a bombing near the town of X', 'outside of X')."""
    tok = place_of(t)
    holders = [t.anchor, means] + ([means.head] if means.dep_ in {"nsubj", "nsubjpass", "pobj"} else [])
    for holder in holders:
        if tok is not None:
            break
        tok = next(filter(None, map(place_token, scene_objects(holder))), None)
    if tok is None:
        return None
    place = place_record(tok, entities)
    if place is not None and place.country:
        return place.country
    return country_in_phrase(tok.head.head) if tok.dep_ == "pobj" else None


def scene_objects(holder: Token) -> list[Token]:
    """Objects of the place prepositions on a word, through 'outside of', 'near to'."""
    inner = [g for p in holder.children if p.dep_ == "prep" and p.lower_ in SCENE_PREPS
             for g in prep_objects(p, {"of", "to"})]
    return prep_objects(holder, SCENE_PREPS) + inner


def is_accident(t: Trigger) -> bool:
    """'killed in a gas explosion / a fire / a crash', 'died when their helicopter crashed':
    deaths whose named cause is an accident or a disaster, not an attack."""
    c = cues()
    for cause in prep_objects(t.anchor, {"in", "by", "after", "from", "during"}) + \
            [s for s in t.anchor.children if s.dep_ == "nsubj"]:
        if cause.lemma_.lower() in c["accident_nouns"] or is_accidental_blast(cause) or is_accidental_fire(cause):
            return True
    return any(cl.dep_ == "advcl" and cl.lemma_.lower() in c["accident_verbs"] for cl in t.anchor.children)


def is_accidental_blast(noun: Token) -> bool:
    """'a gas explosion', 'an explosion at a chemical plant', 'a blast in a coal mine'."""
    if noun.lemma_.lower() not in {"explosion", "blast", "explode"}:
        return False
    sources = cues()["accident_sources"]
    mods = [m for m in noun.children if m.dep_ in {"compound", "amod", "nmod"}]
    places = prep_objects(noun, {"at", "in", "inside"})
    mods += places + [m for p in places for m in p.children if m.dep_ in {"compound", "amod", "nmod"}]
    return any(m.lemma_.lower() in sources or m.lower_ in sources for m in mods)


def is_accidental_fire(noun: Token) -> bool:
    """'killed in a fire at a market' (a blaze), not 'killed by sniper fire' or 'in Israeli
    fire' (shooting): a fire no weapon, force or party word qualifies."""
    if noun.lemma_.lower() != "fire" or not any(d.lower_ in {"a", "an"} for d in noun.children):
        return False
    shooting = cues()["gunfire_words"]
    mods = [m for m in noun.children if m.dep_ in {"compound", "amod", "nmod", "poss"}]
    return not any(m.ent_type_ or m.lemma_.lower() in shooting or m.lower_ in shooting for m in mods)
