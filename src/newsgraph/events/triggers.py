"""Trigger detection: which words of a sentence name a political event, by lemma lookup in
the trigger lexicon with the sense conditions checked on the dependency parse, and which
of them stand in a background position (a temporal subordinate clause, a quote) and so
name no new event here."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.tokens import Span, Token

from .actors import sector_of
from .lexicon import TriggerSense, cues, triggers

NOMINAL_DEPS = {"amod", "compound", "nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "poss"}
OBJ_DEPS = {"dobj", "nsubjpass", "obj", "attr", "oprd"}


@dataclass
class Trigger:
    token: Token                 # the event word
    sense: TriggerSense
    anchor: Token                # the verb that carries the clause (light verb for nouns)

    @property
    def is_noun(self) -> bool:
        return self.token.pos_ in {"NOUN", "PROPN"}


def pos_class(tok: Token) -> Optional[str]:
    if tok.pos_ in {"VERB", "AUX"}:
        return "V"
    if tok.pos_ in {"NOUN", "PROPN"}:
        return "N"
    if tok.pos_ == "ADJ":
        return "A"
    return None


def objects(tok: Token) -> list[Token]:
    """Direct objects (and passive subjects), with their conjuncts."""
    out = [c for c in tok.children if c.dep_ in OBJ_DEPS]
    if tok.dep_ == "relcl" and tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children):
        out.append(tok.head)
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and not misparsed_active(tok):
        out.append(tok.head)
    return with_conjuncts(out)


def misparsed_active(tok: Token) -> bool:
    """'Gunmen on motorcycles killed 20 villagers, an official said': the parser takes "killed"
    for a participle on "Gunmen", but a participle with a direct object of its own and no "by"
    agent is the active verb of its noun."""
    return tok.tag_ == "VBN" and tok.dep_ == "acl" and any(c.dep_ == "dobj" for c in tok.children) \
        and not any(c.dep_ == "agent" for c in tok.children)


def with_conjuncts(toks: list[Token]) -> list[Token]:
    out = []
    for t in toks:
        out.append(t)
        out.extend(t.conjuncts)
    return out


def prep_objects(tok: Token, preps) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ in {"prep", "agent", "dative"} and c.lower_ in preps:
            objs = [g for g in c.children if g.dep_ in {"pobj", "pcomp"}]
            stranded = stranded_object(c) if not objs else None
            out.extend(with_conjuncts(objs or ([stranded] if stranded is not None else [])))
    return out


def stranded_object(prep: Token) -> Optional[Token]:
    """'granted asylum to five officers holed up in ...': the parser read the preposition's
    noun as the subject of the reduced relative after it, leaving the preposition without an
    object. The noun phrase that starts right after the preposition is its object."""
    nxt = prep.i + 1
    if nxt >= len(prep.doc) or any(c.dep_ in {"pobj", "pcomp"} for c in prep.children):
        return None
    tok = prep.doc[nxt]
    while tok.head != tok and tok.head.left_edge.i == nxt and tok.head.pos_ in {"NOUN", "PROPN"}:
        tok = tok.head
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.i > tok.i:
        return tok
    return None


def lemma_forms(tok: Token) -> list[str]:
    """The lemma and, for tagger/lemmatizer slips ('staged' -> 'stag'), the word's own stems."""
    return list(word_forms(tok.lemma_, tok.lower_, tok.tag_))


@lru_cache(maxsize=65536)
def word_forms(lemma: str, low: str, tag: str) -> tuple[str, ...]:
    forms = [lemma.lower(), low]
    if tag in {"VBD", "VBN"} and low.endswith("ed"):
        forms += [low[:-1], low[:-2]]
    elif tag == "VBZ" and low.endswith("s"):
        forms += [low[:-1]]
    elif tag == "VBG" and low.endswith("ing"):
        forms += [low[:-3], low[:-3] + "e"]
    return tuple(forms)


@lru_cache(maxsize=65536)
def senses_of(lemma: str, low: str, tag: str) -> Optional[list[TriggerSense]]:
    """The senses of the first of a word's forms that is a trigger lemma (memoised per spelling)."""
    table = triggers()
    return next((table[f] for f in word_forms(lemma, low, tag) if f in table), None)


def light_head(tok: Token) -> Optional[Token]:
    """The light verb a noun is the object of ('imposed sanctions', 'staged protests'), or the
    verb of a state phrase ('remained on alert', 'are in custody', 'put under investigation')."""
    node = tok
    while node.dep_ == "conj":
        node = node.head
    if node.dep_ in {"dobj", "nsubjpass"} and any(f in cues()["light_verbs"] for f in lemma_forms(node.head)):
        return node.head
    if node.dep_ == "pobj" and node.head.lower_ in {"on", "in", "under", "into"} and node.head.head.pos_ in {"VERB", "AUX"} \
            and node.head.head.lemma_.lower() in {"be", "remain", "stay", "put", "place", "keep", "hold", "go"}:
        return node.head.head
    return None


def _lemmas(toks) -> set[str]:
    return {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}


def _object_words(tok: Token) -> list[Token]:
    """Objects with their compounds and of-complements ('mediation efforts', 'tons of aid')."""
    objs = objects(tok)
    if not objs:   # 'issued a stern reminder ... that': light constructions keep their own nouns
        return []
    out = _with_modifiers(objs)
    for o in objs:
        out.extend(prep_objects(o, {"of"}))
    return _with_modifiers(out)


def _with_modifiers(toks: list[Token]) -> list[Token]:
    return toks + [c for t in toks for c in t.children if c.dep_ in {"compound", "nmod", "amod"}]


def sense_holds(tok: Token, sense: TriggerSense) -> bool:
    for key, vals in sense.cond:
        if key == "obj" and not (_lemmas(_object_words(tok)) & vals):
            return False
        if key == "obj_ent" and not any(o.ent_type_ in vals for o in objects(tok)):
            return False
        if key == "prep" and not any(c.lower_ in vals for c in preposition_words(tok)):
            return False
        if key == "pobj_ent" and not any(o.ent_type_ in vals for o in prep_objects(tok, sense.get("prep") or ())):
            return False
        if key == "pobj" and not (_lemmas(_with_modifiers(prep_objects(tok, sense.get("prep") or ()))) & vals):
            return False
        if key == "prt" and not any(is_particle(c) and c.lower_ in vals for c in tok.children):
            return False
        if key == "compound" and not any(c.dep_ in {"compound", "amod", "nmod"} and c.lemma_.lower() in vals | {c.lower_} and (c.lower_ in vals or c.lemma_.lower() in vals) for c in tok.children):
            return False
        if key == "subj" and not (_lemmas(_with_modifiers([c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}])) & vals):
            return False
        if key == "head" and tok.head.lemma_.lower() not in vals:
            return False
        if key == "verb" and not (tok.dep_ in OBJ_DEPS and tok.head.lemma_.lower() in vals):
            return False
        if key == "prep_head" and not (tok.dep_ == "pobj" and tok.head.lower_ in vals):
            return False
        if key == "lightonly" and light_head(tok) is None:
            return False
        if key == "noobj" and objects(tok):
            return False
        if key == "noperson" and any(o.ent_type_ == "PERSON" for o in objects(tok)):
            return False
        if key == "plural" and tok.tag_ not in {"NNS", "NNPS"}:
            return False
        if key == "xcomp" and not any(c.dep_ == "xcomp" for c in tok.children):
            return False
        if key == "clause" and not any(c.dep_ in {"xcomp", "ccomp"} for c in tok.children):
            return False
        if key == "ccomp_subject" and not (wants_act_of_other(tok) and not _aux_words(tok) & cues()["hypothetical_aux"]):
            return False
        if key == "xcomp_of_object" and not (tok.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in tok.head.children)):
            return False
    return True


def preposition_words(tok: Token) -> list[Token]:
    """Prepositions the word governs, and the 'for' of a for-to clause ('pushed for the US to
    support', parsed as a clause marked by 'for')."""
    out = [c for c in tok.children if c.dep_ in {"prep", "agent", "mark", "dative"}]
    return out + [m for c in tok.children if c.dep_ in {"advcl", "ccomp"} for m in c.children
                  if m.dep_ == "mark" and m.lower_ == "for"]


def is_control_clause(clause: Token) -> bool:
    """A to-infinitive complement ('allowed planes to land', 'wants Putin to attack'), which the
    parser gives as ccomp when the infinitive has its own subject."""
    return clause.dep_ in {"xcomp", "ccomp"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)


def wants_act_of_other(tok: Token) -> bool:
    """'wants Putin to attack X': a to-infinitive with its own subject that names an event."""
    return any(is_control_clause(c) and any(s.dep_ == "nsubj" for s in c.children) and match_sense(c) is not None
               for c in tok.children)


def _aux_words(tok: Token) -> set[str]:
    return {a.lower_ for a in tok.children if a.dep_ == "aux"}


def match_sense(tok: Token) -> Optional[TriggerSense]:
    senses = senses_of(tok.lemma_, tok.lower_, tok.tag_)
    if not senses:
        return None
    pc = pos_class(tok)
    if pc is None:
        return None
    for sense in senses:
        if sense.pos == "V" and tok.dep_ in NOMINAL_DEPS:
            continue
        if sense.pos == pc or (sense.pos == "V" and pc == "A" and tok.tag_ in {"VBN", "VBG"}) \
                or (sense.pos == "A" and pc == "V" and tok.tag_ == "VBN"):
            if sense_holds(tok, sense):
                return sense
    return None


@lru_cache(maxsize=4)
def quote_or_newline(marks: str) -> re.Pattern:
    return re.compile("[" + re.escape(marks + "\n") + "]")


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks in a text (quotes may span sentences; a
    paragraph break closes an unmatched one)."""
    marks = cues()["quote_chars"]
    out, opened = [], None
    for m in quote_or_newline(marks).finditer(text):     # the only characters the walk reacts to
        i, ch = m.start(), m.group()
        if ch == "\n" and opened is not None and text[i + 1:i + 2] == "\n":
            opened = None
        elif ch in marks:
            if opened is None and ch != "”":
                opened = i
            elif opened is not None:
                if i - opened > 2:
                    out.append((opened, i))
                opened = None
    return out


def _existential(noun: Token) -> bool:
    """'There were ten soldiers killed': the participle carries the news."""
    return noun.dep_ == "attr" and any(c.dep_ == "expl" for c in noun.head.children)


def in_background(tok: Token, reduced_ok: bool = False) -> bool:
    """True when the word sits in a temporal/causal subordinate clause or phrase
    ('after the attack', 'since the coup'). A clause of simultaneity ('as thousands
    marched', 'while police fired') is no background: it tells its own event."""
    c = cues()
    node = tok
    while node.head != node:
        if node.dep_ == "advcl" and any(m in c["background_marks"] for m in clause_marks(node)) \
                and not is_simultaneous_clause(node):
            return True
        if node.dep_ in {"pobj", "pcomp"} and node.head.lower_ in {"after", "since", "following", "before", "despite", "amid", "during", "because", "prior", "than"}:
            return True
        if node == tok and node.dep_ == "acl" and node.tag_ == "VBN" and not _existential(node.head) and not reduced_ok \
                and not misparsed_active(node):
            return True
        if node.dep_ == "relcl" and any(c.lower_ in {"where", "when"} for c in node.children if c.dep_ == "advmod"):
            return True
        if is_prior_relative(node):
            return True
        if node.dep_ == "acl" and node.head.lemma_.lower() in c["document_nouns"] and not (reduced_ok and node == tok):
            return True
        if node.dep_ == "relcl" and node.head.lemma_.lower() in c["document_nouns"]:
            return True
        node = node.head
    return False


def clause_marks(verb: Token) -> list[str]:
    """The subordinators of a clause; the parser gives 'when' as an adverb, not a marker."""
    return [m.lower_ for m in verb.children if m.dep_ == "mark" or (m.dep_ == "advmod" and m.lower_ == "when" and m.i < verb.i)]


def is_prior_relative(node: Token) -> bool:
    """A pluperfect relative clause ('X, who had been arrested in May, ...') recalls an earlier
    event to describe a participant; it is not news of this sentence."""
    return node.dep_ == "relcl" and any(a.dep_ == "aux" and a.lower_ == "had" for a in node.children)


def is_simultaneous_clause(verb: Token) -> bool:
    """'as/while X happened': a finite clause told as happening alongside a main clause that
    names no event of its own ('police fired tear gas as thousands marched'). Not a perfect
    ('as X had done'); and beside a main event it stays background, since it then only says
    how or when that event happened ('killed when jets bombed a market')."""
    marks = clause_marks(verb)
    if not marks or marks[0] not in cues()["simultaneous_marks"] or verb.head.dep_ == "relcl":
        return False     # 'assets they lost when X expelled them': it dates a description
    if any(a.lower_ in {"had", "has", "have"} for a in verb.children if a.dep_ == "aux"):
        return False
    if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return False
    return _names_event(verb) and not _main_clause_event(verb)


def _names_event(verb: Token) -> bool:
    """The verb, or a noun it carries as a light verb ('went on strike'), is a trigger; so is
    the act a reporting clause announces ('as X announced it would free ...')."""
    if event_sense(verb) is not None or any(
            t.pos_ in {"NOUN", "PROPN"} and light_head(t) == verb and event_sense(t) is not None for t in verb.subtree):
        return True
    said = [c for c in verb.children if c.dep_ == "ccomp"] if verb.lemma_.lower() in cues()["reporting_verbs"] else []
    return any(_names_event(c) for c in said)


def _main_clause_event(clause: Token) -> bool:
    """Does any word of the clause's head, outside the clause itself, name an event?"""
    inside = {t.i for t in clause.subtree}
    inside |= {t.i for r in clause.head.subtree if is_prior_relative(r) for t in r.subtree}
    return any(event_sense(t) is not None for t in clause.head.subtree if t.i not in inside)


def is_anonymity_formula(tok: Token) -> bool:
    """'asked not to be named', 'declined to be identified': a source's condition, not an event."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in cues()["naming_verbs"]
               and any(a.dep_ == "auxpass" for a in c.children) for c in tok.children)


def is_particle(child: Token) -> bool:
    """A verb particle; the parser also tags one as an adverb right after its verb ('stepped down')."""
    return child.dep_ == "prt" or (child.dep_ == "advmod" and child.i == child.head.i + 1)


def event_sense(tok: Token) -> Optional[TriggerSense]:
    """The word's trigger sense, unless it only names a kind of actor ('riot police')."""
    if tok.dep_ == "compound" and tok.head.pos_ in {"NOUN", "PROPN"} and sector_of(tok.head):
        return None
    return match_sense(tok)


def find_triggers(sent: Span, quotes: list[tuple[int, int]]) -> list[Trigger]:
    found = []
    for tok in sent:
        sense = event_sense(tok)
        if sense is None:
            continue
        if any(a <= tok.idx < b for a, b in quotes) or in_background(tok, sense.has("reduced")) or is_anonymity_formula(tok):
            continue
        anchor = light_head(tok) if pos_class(tok) == "N" else None
        found.append(Trigger(tok, sense, anchor or tok))
    return found
