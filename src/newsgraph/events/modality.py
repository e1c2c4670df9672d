"""Modality (asserted, planned, negated, hypothetical, reported-claim) and attribution
(who reports the event: 'according to X', 'as reported by X', 'X said') of a trigger,
read from its auxiliaries, negations, governing verbs and the sentence's reporting frame."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from .lexicon import cues

CLAUSE_UP = {"xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp", "parataxis"}


def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children)


def reporting_verb_above(tok: Token) -> Optional[Token]:
    """The reporting verb whose complement holds tok ('X said that ...', '..., X said')."""
    c = cues()
    node = tok
    while node.head != node:
        head = node.head
        if node.dep_ in {"ccomp", "parataxis", "xcomp", "conj"} and head.lemma_.lower() in c["reporting_verbs"] and head.pos_ == "VERB":
            if node.dep_ != "conj":
                return head
        if node.dep_ not in CLAUSE_UP:
            if node.dep_ in {"prep", "pobj", "dobj", "nsubj", "nsubjpass", "attr", "amod", "compound", "advmod", "npadvmod", "acomp", "oprd"}:
                node = head
                continue
            return None
        node = head
    for child in node.children:   # the clause is the root: '..., officials said' as parataxis
        if child.dep_ == "parataxis" and child.lemma_.lower() in c["reporting_verbs"] and child != tok:
            return child
    return None


FINITE_TAGS = {"VBD", "VBZ", "VBP"}


def occurrence_chain(anchor: Token) -> list[Token]:
    """'the talks would start on Friday', 'the vote will not take place': an event noun that is
    the subject of a verb takes that verb's tense, modal and negation (and those above it)."""
    if anchor.pos_ != "NOUN" or anchor.dep_ not in {"nsubj", "nsubjpass"} or anchor.head.pos_ not in {"VERB", "AUX"}:
        return []
    return governing_chain(anchor.head)


def governing_chain(tok: Token, stop: Optional[Token] = None) -> list[Token]:
    """tok and the verbs/adjectives above it up its xcomp/ccomp chain (not past a reporting verb)."""
    chain, node = [tok], tok
    rep = cues()["reporting_verbs"]
    while node.dep_ in {"xcomp", "ccomp", "acomp", "pcomp", "dobj", "pobj", "prep", "conj", "attr"} and node.head != node:
        if node.dep_ == "conj" and node.tag_ in FINITE_TAGS:
            break         # 'vowed to retaliate and arrested 12': a finite verb asserts its own act
        node = node.head
        if node == stop or node.lemma_.lower() in rep:
            break
        chain.append(node)
    return chain


def modality(tok: Token, anchor: Token) -> str:
    c = cues()
    chain = governing_chain(anchor) + occurrence_chain(anchor)
    if any(_negated(t) for t in chain + [tok]):
        return "negated"
    aux = set().union(*(_aux(t) for t in chain))
    reporter = reporting_verb_above(anchor)
    if any(m.dep_ == "mark" and m.lower_ in c["conditional_marks"] for t in chain for m in t.children):
        return "hypothetical"
    if aux & c["future_aux"] or "going" in {t.lower_ for t in chain} :
        return "planned"
    if "would" in aux:
        return "planned" if reporter is not None else "hypothetical"
    if aux & (c["hypothetical_aux"] - {"must", "should", "can"}):
        return "hypothetical"
    if any(t != anchor and t.lemma_.lower() in c["plan_verbs"] for t in chain[1:]):
        return "planned"
    if any(t.lemma_.lower() in c["plan_nouns"] for t in chain[1:]):
        return "planned"
    if anchor.dep_ == "xcomp" and anchor.head.dep_ == "attr" and anchor.head.lemma_.lower() in c["plan_nouns"]:
        return "planned"
    if reporter is not None and reporter.lemma_.lower() in c["claim_verbs"]:
        return "reported-claim"
    if any(ch.lower_ in {"alleged", "allegedly", "reportedly"} for t in (tok, anchor) for ch in t.children):
        return "reported-claim"
    return "asserted"


def is_conditional_threat(anchor: Token) -> bool:
    """'will withdraw unless ...' reads as a threat."""
    marks = cues()["threat_marks"]
    for t in governing_chain(anchor):
        for child in t.children:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in child.children):
                return True
            if child.dep_ == "prep" and child.lower_ in marks:
                return True
    return False


def obligation(anchor: Token) -> bool:
    """'X must/should do Y' reported by someone: a demand."""
    return bool(_aux(anchor) & {"must", "should"}) or any(c.lower_ == "to" and c.dep_ == "aux" for c in anchor.children) and anchor.head.lemma_.lower() in {"have", "need"}


def subject_of(verb: Token) -> Optional[Token]:
    for c in verb.children:
        if c.dep_ in {"nsubj", "nsubjpass"}:
            return c
    if verb.dep_ in {"xcomp", "conj", "advcl"} and verb.head != verb:
        return subject_of(verb.head)
    return None


def _attribution_phrase(tok: Token) -> str:
    """A source phrase with its relay: 'the AAPP cited by Reuters' -> 'AAPP via Reuters'."""
    from .actors import phrase_text
    text = phrase_text(tok)
    for child in tok.subtree:
        if child.dep_ == "acl" and child.lemma_.lower() in {"cite", "quote"}:
            relays = [g for a in child.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            if relays:
                text += " via " + phrase_text(relays[0])
    for child in tok.rights:
        if child.dep_ == "appos" and child.ent_type_:
            return phrase_text(child)
    return text


def attribution(tok: Token, anchor: Token, sent: Span) -> Optional[str]:
    """Who reports the event, or None."""
    for t in sent:
        if t.lower_ == "according":
            to = next((c for c in t.children if c.lower_ == "to"), None)
            objs = [g for g in (to.children if to is not None else []) if g.dep_ == "pobj"]
            if objs:
                return _attribution_phrase(objs[0])
        if t.lemma_.lower() in {"report", "cite", "quote"} and any(m.lower_ == "as" for m in t.children):
            agents = [g for a in t.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            if agents:
                return _attribution_phrase(agents[0])
    verb = reporting_verb_above(anchor)
    if verb is not None:
        subj = subject_of(verb)
        if subj is not None and subj.pos_ != "PRON":
            return _attribution_phrase(subj)
    return None
