"""Who: the headline's subject (the agent of a passive headline, "Depot raided by police" -> "police";
its first name when two are joined by 'and'; in a casualty headline
the count, replaced by the lead's subject that says what is counted; in a headline that says
people were named, the names the lead gives; a short name widened to the fuller form the lead uses
most; without its relative clause) scored above the subjects of the lead sentences, which gain when
they name a person, organisation, group or place."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc

from .candidates import Candidate, headline_candidate, span_candidate
from .headline import Headline, has_proper_noun, is_bare_count, opens_relative_clause
from .lead import Lead, sentence_subject
from .words import lexicon, weight


def who_candidates(head: Optional[Headline], lead: Lead) -> list[Candidate]:
    out = []
    subject = head_subject(head) if head else None
    if subject:
        span = first_conjunct(head.doc, without_relative_clause(head.doc, subject))
        cand = headline_candidate(head, span, lead.body, 1.0 + weight("title"))
        if is_bare_count(head.doc, span):
            cand = counted_subject(lead, cand)
        elif is_naming(head):
            cand = named_people(lead, cand)
        elif is_name(head.doc, span, lead.body):
            cand = expand_name(cand, lead)
        out.append(cand)
    for sent, prior in zip(lead.sents, lead.prior):
        subj = sentence_subject(sent)
        if subj is not None:
            named = any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in subj)
            out.append(span_candidate(subj, prior + weight("who_named") * named))
    return out


def head_subject(head: Headline) -> Optional[tuple[int, int]]:
    """The headline's subject (the agent of a passive one: "Bank robbed by gang" -> "gang"); in a
    verbless casualty headline ("Five dead after ...") the count."""
    if head.subject:
        return passive_agent(head) or head.subject
    if not head.what:
        return head.subject
    a, b = head.what
    words = lexicon()["casualty_words"]
    for i in range(a + 1, b):
        if head.doc[i].lower_ in words:
            return (a, i) if is_bare_count(head.doc, (a, i)) else None
    return None


def passive_agent(head: Headline) -> Optional[tuple[int, int]]:
    """The 'by' phrase right after a headline's passive verb ("Embassy attacked by militants",
    "Mayor cleared by inquiry over emails"): the agent is who acted; the subject is what it acted on."""
    hdoc, a, b = head.doc, head.verb + 1, head.what[1]
    if hdoc[head.verb].tag_ != "VBN" or a + 1 >= b or hdoc[a].lower_ != "by":
        return None
    end = a + 1
    while end < b and hdoc[end].tag_ not in ("IN", "CC", "TO", ",", ".", ":") \
            and hdoc[end].pos_ not in ("VERB", "AUX"):
        end += 1
    return (a + 1, end) if any(hdoc[i].pos_ in ("NOUN", "PROPN") for i in range(a + 1, end)) else None


def is_name(hdoc: Doc, span: tuple[int, int], body: str) -> bool:
    """Headline words that name someone: a proper noun, or a word the body writes capitalised
    more often than not ("Trump" tagged as a noun; not "Police" at the start of a headline)."""
    if has_proper_noun(hdoc, span):
        return True
    for tok in hdoc[span[0]:span[1]]:
        if tok.is_alpha and tok.text[0].isupper():
            capital = len(re.findall(r"\b%s\b" % re.escape(tok.text), body))
            lower = len(re.findall(r"\b%s\b" % re.escape(tok.lower_), body))
            if capital > lower:
                return True
    return False


def counted_subject(lead: Lead, cand: Candidate) -> Candidate:
    """The lead's subject that says what the headline's number counts ("At least seven people")."""
    counts = lexicon()["count_words"]
    for sent in lead.sents:
        subj = sentence_subject(sent)
        if subj is not None and any(t.like_num or t.lower_ in counts for t in subj) \
                and any(t.pos_ == "NOUN" for t in subj):
            return span_candidate(subj, cand.score)
    return cand


def without_relative_clause(hdoc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """'Boy who fell down well' -> 'Boy': the relative clause says which one, not who."""
    a, b = span
    for i in range(a + 1, b):
        if opens_relative_clause(hdoc, i):
            return a, i
    return span


def first_conjunct(hdoc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """'Trump and Obama' -> 'Trump' when both sides are names."""
    a, b = span
    for i in range(a + 1, b - 1):
        if hdoc[i].tag_ == "CC" and has_proper_noun(hdoc, (a, i)) and has_proper_noun(hdoc, (i + 1, b)):
            return a, i
    return span


def expand_name(cand: Candidate, lead: Lead) -> Candidate:
    """A short headline name replaced by its fuller form in the lead ("Clinton" -> "Hillary Clinton"):
    of the longer names ending in it (not a bare title: "Mrs Okafor"), the one the article uses most,
    then the first; a two-word name only for a fuller form used more than once (not "Reply Email
    Maria Lopez" of page chrome)."""
    key = [w.lower() for w in cand.text.split()]
    if not key or len(key) > 2:
        return cand
    fuller = []
    for ents in lead.wide_ents[:len(lead.sents)]:
        for ent in ents:
            toks = [t.lower_ for t in ent if not t.is_punct]
            if len(toks) > len(key) and toks[-len(key):] == key and ent.label_ in ("PERSON", "ORG", "NORP") \
                    and not set(toks[:-len(key)]) <= lexicon()["honorifics"]:
                fuller.append(ent)
    if not fuller:
        return cand
    ent = max(fuller, key=lambda e: (lead.body.count(e.text), -e.start))
    if len(key) > 1 and lead.body.count(ent.text) < 2:
        return cand      # a full name is kept unless the article itself keeps using a fuller one
    return Candidate(ent.text, ent.start_char, ent.end_char, cand.score)


def is_naming(head: Headline) -> bool:
    """'Victims named as ...', 'Climbers killed in avalanche named': the headline tells that the
    people its subject speaks of have been named, so who they are is the names."""
    hdoc, naming = head.doc, lexicon()["naming_verbs"]
    for tok in hdoc:
        if tok.tag_ == "VBN" and tok.lemma_.lower() in naming and (
                tok.i == head.verb or tok.i == len(hdoc) - 1 or hdoc[tok.i + 1].lower_ in ("as", "by")):
            return True
    return False


def named_people(lead: Lead, cand: Candidate) -> Candidate:
    """The first list of people's names in the lead ("Ann Lee, 62, from Hull, and Tom Ray, 52"),
    from the first name to the last one before a verb ends the list."""
    for sent in lead.sents[:3]:
        people = [e for e in sent.ents if e.label_ == "PERSON"]
        if not people:
            continue
        last = people[0]
        for ent in people[1:]:
            if any(t.pos_ in ("VERB", "AUX") for t in sent.doc[last.end:ent.start]):
                break
            last = ent
        return span_candidate(sent.doc[people[0].start:last.end], cand.score)
    return cand
