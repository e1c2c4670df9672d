"""What: the headline's verb phrase, without a trailing phrase that only says when ("on Sunday",
"two days before ..."), where (a place the article names, after a second preposition) or why (a
cause or purpose phrase inside the verb phrase: "arrives at the palace [for talks]"), scored
above the verb phrases (verb, auxiliaries, object, first prepositional phrase) of the lead
sentences' main clauses."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span

from .candidates import Candidate, headline_candidate, span_candidate
from .headline import Headline
from .lead import Lead, clause_root
from .where import is_place, place_key
from .why import verb_phrase_cause_start
from .words import ANCHOR_WORDS, lexicon, weight


def what_candidates(head: Optional[Headline], lead: Lead) -> list[Candidate]:
    out = []
    if head and head.what and head.what[1] > head.what[0]:
        span = without_cause(head, without_setting(head, head.what, body_place_names(lead)))
        out.append(headline_candidate(head, span, lead.body, 1.0 + weight("title") + weight("relevance")))
    for sent, prior in zip(lead.sents, lead.prior):
        vp = verb_phrase(sent)
        if vp is not None:
            out.append(span_candidate(vp, prior))
    return out


def without_cause(head: Headline, span: tuple[int, int]) -> tuple[int, int]:
    """The headline's what without the cause or purpose phrase its verb phrase ends with ("arrives
    at the palace [for talks]"): that answers why."""
    cut = verb_phrase_cause_start(head)
    return (span[0], cut) if cut is not None and span[0] < cut < span[1] else span


def body_place_names(lead: Lead) -> frozenset:
    return frozenset(place_key(e.text) for e in lead.ents if is_place(e))


def without_setting(head: Headline, span: tuple[int, int], places: frozenset) -> tuple[int, int]:
    """The headline's what without a trailing phrase that only says where or when ("in south
    London", "on Sunday", "two days before the election"): those answer other questions."""
    a, b = span
    preps = 0
    for i in range(head.verb_or(a) + 1, b):
        preps += head.doc[i].tag_ == "IN"
        if starts_time(head.doc, i, b) or (preps > 1 and starts_place(head.doc, i, b, places)):
            return a, i
    return span


def starts_place(hdoc: Doc, i: int, b: int, places: frozenset) -> bool:
    """A locative preposition whose object is a place the article names ("in south London")."""
    tok = hdoc[i]
    if tok.tag_ != "IN" or tok.lower_ not in lexicon()["locative_preps"]:
        return False
    rest = place_key(" ".join(t.lower_ for t in hdoc[i + 1:b] if t.tag_ != "DT"))
    return any(rest == p or rest.startswith(p + " ") for p in places)


def starts_time(hdoc: Doc, i: int, b: int) -> bool:
    """'on Sunday', 'two days before ...', 'hours after ...'."""
    lex = lexicon()
    # read past the what span: it ends at the subordinator ("two days | before the election")
    words = [t.lower_ for t in hdoc[i:min(len(hdoc), i + 3)]]
    if hdoc[i].tag_ == "IN" and len(words) > 1 and words[1] in lex["weekdays"]:
        return True
    if hdoc[i].like_num:
        words = words[1:]
    return len(words) > 1 and words[0] in lex["time_units"] and words[1] in ANCHOR_WORDS


TIME_PREPS = ("during", "before", "after", "since", "until", "throughout")   # a phrase that says when


def verb_phrase(sent: Span) -> Optional[Span]:
    """Main verb with its auxiliaries and object and a prepositional phrase right after them that
    does not say when ("during the talks"), up to the first clause or comma."""
    root = clause_root(sent)
    if root.pos_ not in ("VERB", "AUX"):
        return None
    left = min([root.i] + [c.i for c in root.lefts if c.dep_ in ("aux", "auxpass", "neg")])
    right = root.i
    for child in root.rights:
        if child.dep_ in ("dobj", "prt", "attr", "acomp", "oprd", "xcomp", "dative"):
            right = max(right, child.right_edge.i)
        elif child.dep_ in ("prep", "agent") and child.i == right + 1 and child.lower_ not in TIME_PREPS:
            right = max(right, child.right_edge.i)
            break
        else:
            break
    return sent.doc[left:right + 1]
