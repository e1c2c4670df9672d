"""Reading the lead: the first sentences of the body (and a wider window for when and where), each
with a prior of position bonus plus content-lemma overlap with the headline, the entities of each
sentence and the publication date, gathered in a `Lead`; and the main clause of a lead sentence
(`clause_root`, which looks through a trailing reporting verb, and `sentence_subject`)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

import numpy
from spacy.attrs import IS_ALPHA, IS_STOP, LEMMA, POS, SENT_START
from spacy.tokens import Doc, Span, Token

from newsgraph.nlp import doc_ents

from .headline import Headline
from .words import CONTENT_POS, lexicon, weight


@dataclass
class Lead:
    """The first sentences of the body (`sents`), a wider window for when/where (`wide`), and
    each sentence's prior: position bonus plus overlap with the headline."""
    sents: list[Span]
    prior: list[float]
    wide: list[Span]
    wide_prior: list[float]
    wide_ents: list[list[Span]]       # the entities of each sentence in `wide`
    ents: tuple                       # all entities of the document, read once
    body: str
    published: Optional[date]


def make_lead(doc: Doc, head: Optional[Headline], article) -> Lead:
    n, wide = int(weight("lead_sentences")), int(weight("window_sentences"))
    sents = first_sentences(doc, wide)
    keys = head.lemmas if head else frozenset()
    per_sentence = sentence_lemma_ids(doc, sents) if keys else [frozenset()] * len(sents)
    prior = []
    for rank, lemma_ids in enumerate(per_sentence):
        overlap = len(keys & lemma_ids) / len(keys) if keys else 0.0
        prior.append(max(0.0, 1.0 - weight("position_decay") * rank) + weight("relevance") * overlap)
    published = published_date(getattr(article, "published", None))
    ents = tuple(doc_ents(doc))
    return Lead(sents[:n], prior[:n], sents, prior, entities_by_sentence(sents, ents), ents, article.text or "", published)


def first_sentences(doc: Doc, n: int) -> list[Span]:
    """The first n sentences that have a word in them (read from the arrays, not doc.sents)."""
    if not len(doc):
        return []
    arr = doc.to_array([SENT_START, IS_ALPHA])
    starts = [0] + [int(i) for i in numpy.flatnonzero(arr[1:, 0].astype("int64") == 1) + 1] + [len(doc)]
    out = []
    for a, b in zip(starts, starts[1:]):
        if b > a and arr[a:b, 1].any():
            out.append(doc[a:b])
            if len(out) >= n:
                break
    return out


def entities_by_sentence(sents: list[Span], ents: tuple) -> list[list[Span]]:
    out, k = [], 0
    for sent in sents:
        while k < len(ents) and ents[k].start < sent.start:
            k += 1
        mine = []
        while k < len(ents) and ents[k].end <= sent.end:
            mine.append(ents[k])
            k += 1
        out.append(mine)
    return out


def sentence_lemma_ids(doc: Doc, sents: list[Span]) -> list[frozenset]:
    """content_lemmas of each sentence, read from the token arrays."""
    if not sents:
        return []
    arr = doc.to_array([LEMMA, POS, IS_STOP, IS_ALPHA])[:sents[-1].end]
    keep = numpy.isin(arr[:, 1], CONTENT_POS) & (arr[:, 2] == 0) & (arr[:, 3] == 1)
    return [frozenset(arr[s.start:s.end][keep[s.start:s.end], 0].tolist()) for s in sents]


def published_date(value: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def clause_root(sent: Span) -> Token:
    """The sentence's root, or the reported clause when the root is a reporting verb
    ("Soldiers seized the airport, witnesses said" -> "seized")."""
    root = sent.root
    if root.lemma_.lower() in lexicon()["reporting_verbs"]:
        reported = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        if reported and reported[0].i < root.i:
            return reported[0]
    return root


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def sentence_subject(sent: Span) -> Optional[Span]:
    """The main clause's subject, without relative clauses and appositions."""
    for child in clause_root(sent).children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            # a relative clause starts at its pronoun, left of its verb ("boy | who fell ...")
            limit = min([c.left_edge.i for c in child.children
                         if c.i > child.i and c.dep_ in ("relcl", "appos", "acl")] + [child.right_edge.i + 1])
            right = child.i
            for t in child.subtree:
                if t.i > child.i and (t.dep_ in ("relcl", "appos", "punct", "acl") or t.i >= limit):
                    break
                right = max(right, t.i)
            return sent.doc[child.left_edge.i:right + 1]
    return None
