"""Who: the headline's subject (its first name when two are joined by 'and'; in a casualty headline
the count, replaced by the lead's subject that says what is counted; a short name widened to the
fuller form the lead uses most) scored above the subjects of the lead sentences, which gain when
they name a person, organisation, group or place."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc

from .candidates import Candidate, headline_candidate, span_candidate
from .headline import Headline, has_proper_noun, is_bare_count
from .lead import Lead, sentence_subject
from .words import lexicon, weight


def who_candidates(head: Optional[Headline], lead: Lead) -> list[Candidate]:
    out = []
    subject = head_subject(head) if head else None
    if subject:
        span = first_conjunct(head.doc, subject)
        cand = headline_candidate(head, span, lead.body, 1.0 + weight("title"))
        if is_bare_count(head.doc, span):
            cand = counted_subject(lead, cand)
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
    """The headline's subject; in a verbless casualty headline ("Five dead after ...") the count."""
    if head.subject or not head.what:
        return head.subject
    a, b = head.what
    words = lexicon()["casualty_words"]
    for i in range(a + 1, b):
        if head.doc[i].lower_ in words:
            return (a, i) if is_bare_count(head.doc, (a, i)) else None
    return None


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
    then the first; a two-word name only for a fuller form used more than once (not "Invalid Email
    Hillary Clinton" of page chrome)."""
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
