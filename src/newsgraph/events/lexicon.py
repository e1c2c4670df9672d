"""Loads the event-coding lexicons under data/ once (functools.lru_cache).

data/triggers.tsv: one row per trigger sense, tab-separated, '#' starts a comment line:
    lemma  pos  type  mode  cameo  role  cond
  pos    V (verb, also a participle tagged ADJ), N (noun), A (adjective or predicative participle)
  type   PLOVER event type; mode: finer kind ("" = none); cameo: CAMEO code ("" = none)
  role   event: the word names an event.
         frame: a verb/adjective whose complement event it takes over ("threatened to impose
         sanctions", "refused to meet", "agreed to withdraw", "demanded that X release"): the
         frame gives the type, the complement the target and the mode.
  cond   ';'-separated conditions, all must hold (none = always):
    obj=a|b            a direct object (or passive subject) with one of these lemmas (conjuncts count)
    obj_ent=L1|L2      a direct object that is a named entity with one of these labels
    subj=a|b           a subject with one of these lemmas (or modifiers): 'peacekeepers arrived'
    prep=a|b           a prepositional child with one of these lemmas
    pobj=a|b           ... whose object (or its modifiers) has one of these lemmas
    pobj_ent=L1|L2     ... whose object is a named entity with one of these labels
    prt=a              a particle child ("call off", "blow up")
    compound=a|b       a compound/amod child with one of these lemmas ("arms deal", "air strike")
    head=a             the word's syntactic head has this lemma ("hunger strike")
    verb=a|b           the noun is the object of one of these verbs ("reach a deal")
    prep_head=a        the noun is the object of this preposition ("in custody")
    lightonly          a noun that is an event only as object of a light verb ("imposed sanctions")
    inverse            the subject receives: source is the "from" object or the object's nationality
    victim_subject     the subject is the one acted on ('320 people died', 'X is in custody')
    object_target      the object of the verb this one complements is the recipient ('ordered the
                       ambassador to leave'); xcomp_of_object: only when that verb has an object
    reduced            the participle still names an event when it modifies a noun ('a deal
                       brokered by Qatar'): a reduced passive is not background for this sense
    theme_object       the direct object is what is moved ('deployed peacekeepers'), not the
                       recipient: that is a to/into/against object, else a country named as the place
    coded_party        an event only when its source or target has a country code ('demolished homes
                       in X' is one, 'a protester demolished the building' is none)
    from_target        the recipient is the 'from' object of the verb or of its object ('recalled its
                       ambassador from X'), not the direct object
    noobj, noperson, plural, xcomp, clause   guards: no direct object / object is not a person /
                       plural noun only / only with a to-infinitive complement / only with a clause
                       complement ('denied attacking X', 'denied that its troops shelled X')
  Several rows may share a lemma; the first whose conditions hold wins, so put the
  conditioned senses before the unconditioned one.

data/cues.json: grammatical cue words (reporting verbs, plan verbs, modal auxiliaries,
background subordinators, light verbs, number words, ...).
data/actors.json: fallback actor coding for argument phrases (country names and adjectives,
sector nouns, international organisations), used when the entities stage gives no code.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class TriggerSense:
    lemma: str
    pos: str
    type: str
    mode: str | None
    cameo: str | None
    role: str
    cond: tuple = field(default_factory=tuple)   # ((key, frozenset(values)), ...)

    def get(self, key: str):
        for k, v in self.cond:
            if k == key:
                return v
        return None

    def has(self, key: str) -> bool:
        return any(k == key for k, _ in self.cond)


def _parse_cond(text: str) -> tuple:
    out = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        key, _, vals = part.partition("=")
        out.append((key, frozenset(v for v in vals.split("|") if v)))
    return tuple(out)


@lru_cache(maxsize=1)
def triggers() -> dict[str, list[TriggerSense]]:
    """lemma -> its senses in file order."""
    table: dict[str, list[TriggerSense]] = defaultdict(list)
    for line in (DATA / "triggers.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 7)[:7]
        lemma, pos, typ, mode, cameo, role, cond = (c.strip() for c in cols)
        table[lemma].append(TriggerSense(lemma, pos, typ, mode or None, cameo or None, role or "event", _parse_cond(cond)))
    return dict(table)


@lru_cache(maxsize=1)
def cues() -> dict:
    data = json.loads((DATA / "cues.json").read_text(encoding="utf-8"))
    return {k: (frozenset(v) if isinstance(v, list) else v) for k, v in data.items()}


@lru_cache(maxsize=1)
def actor_lexicon() -> dict:
    data = json.loads((DATA / "actors.json").read_text(encoding="utf-8"))
    sectors = {}
    for code, nouns in data["sector_nouns"].items():
        for n in nouns:
            sectors.setdefault(n, code)
    data["sector_of"] = sectors
    data["pronouns"] = frozenset(data["pronouns"])
    data["non_actor_nouns"] = frozenset(data["non_actor_nouns"])
    data["kind_nouns"] = frozenset(data["kind_nouns"])
    for key in ("condition_heads", "populated_place_nouns", "member_nouns", "body_nouns", "restricted_people_deps"):
        data[key] = frozenset(data[key])
    return data


@lru_cache(maxsize=1)
def ethnic_groups() -> dict[str, str]:
    """People word (lower case) -> CAMEO ethnic code ('kurds' -> 'KUR')."""
    return json.loads((DATA / "ethnic_groups.json").read_text(encoding="utf-8"))["groups"]
