"""Who speaks: the noun phrase of a reporting clause's subject turned into a Speaker. Names come
from the entities stage (`entity_at`, which also knows resolved pronouns and titles); when it
has nothing, a pronoun or title falls back to the nearest preceding person in the parse, an
institution keeps its own words ("the ministry"), and an unresolvable pronoun gives None."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from newsgraph.records import Entity, Speaker
from newsgraph.quotes.coref import PersonIndex
from newsgraph.quotes.cues import entity_span, is_reporting_verb
from newsgraph.quotes.lexicon import attribution, media_nouns, pronouns

try:
    from newsgraph.entities import entity_at as _entity_at
except ImportError:          # the entities stage is not there yet: a plain offset lookup
    _entity_at = None

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP")
MAX_DESCRIBED_TOKENS = 14


def entity_at(entities: list[Entity], start: int, end: int) -> Optional[Entity]:
    """The entity with a mention inside [start, end) (the entities stage's lookup when present)."""
    if _entity_at is not None:
        return _entity_at(entities, start, end)
    best = None
    for ent in entities:
        for m in ent.mentions:
            if m.start >= start and m.end <= end and (best is None or m.end - m.start > best[1]):
                best = (ent, m.end - m.start)
    return best[0] if best else None


def phrase_tokens(head: Token) -> list[Token]:
    """The noun phrase of head: its left dependents (determiners, titles, compounds, possessors)
    and an "of" phrase after a quantity ("some of her followers"), without appositions,
    relative clauses or leading punctuation."""
    keep = [head]
    for child in head.lefts:
        if child.dep_ not in ("appos", "relcl", "acl", "punct", "cc", "prep", "advmod"):
            keep.extend(child.subtree)
    if head.pos_ != "PROPN":
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                keep.extend(child.subtree)
    entity = entity_span(head)
    if entity is not None and entity.root == head:
        keep.extend(t for t in entity if t not in keep)
    keep.sort(key=lambda t: t.i)
    while len(keep) > 1 and (keep[0].is_punct or keep[0].dep_ == "cc"):
        keep.pop(0)
    return keep


def described_tokens(head: Token) -> list[Token]:
    """An unnamed speaker with the words that tell who it is: "a report in the Daily Herald",
    "one adviser to the governor", "the documents released by the court" (prepositional and
    participial modifiers kept; relative clauses, appositions and anything after a comma or a
    bracket left out)."""
    keep = set(phrase_tokens(head))
    for child in head.rights:
        if child.dep_ in ("prep", "acl") and not _after_break(head, child):
            keep.update(child.subtree)
    tokens = sorted(keep, key=lambda t: t.i)
    out = [tokens[0]]
    for tok in tokens[1:]:
        if tok.i != out[-1].i + 1 or len(out) >= MAX_DESCRIBED_TOKENS:
            break
        out.append(tok)
    while len(out) > 1 and (out[-1].is_punct or out[-1].dep_ == "cc"):
        out.pop()
    return out


def _after_break(head: Token, child: Token) -> bool:
    between = head.doc[head.i + 1:child.left_edge.i]
    return any(t.text in (",", "(", "—", "–", ";", ":") for t in between)


def _span_of(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _is_pronoun(tok: Token) -> bool:
    return tok.lower_ in pronouns()["person_singular"] | pronouns()["plural"] | pronouns()["first_person"]


def _is_relative(tok: Token) -> bool:
    return tok.lower_ in pronouns()["relative"] and tok.tag_ in ("WP", "WDT", "WP$")


def _is_title(tokens: list[Token]) -> bool:
    head = tokens[-1]
    return head.lower_ in pronouns()["person_titles"] and not any(t.ent_type_ for t in tokens) \
        and any(t.lower_ == "the" for t in tokens)


def _named_apposition(head: Token) -> Optional[Token]:
    """"Her campaign manager, Robby Mook": the name in apposition to a common-noun subject."""
    if head.pos_ == "PROPN":
        return None
    for child in head.children:
        if child.dep_ == "appos" and (child.pos_ == "PROPN" or child.ent_type_ == "PERSON"):
            return child
    if head.tag_ == "NNS":                     # "activists such as Jane Roe", "groups including X"
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("as", "including", "like"):
                names = [c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "PERSON"]
                if names:
                    return names[0]
    return None


class SpeakerResolver:
    """Turns speaker phrases of one article into Speakers. Pronouns and titles the entities
    stage did not resolve go to the last person named outside quotation marks as the subject
    of a clause (else the last person named outside quotation marks)."""

    def __init__(self, doc: Doc, entities: list[Entity], quoted: list[bool]):
        self.doc, self.entities, self.quoted = doc, entities, quoted
        self.persons = [e for e in doc.ents if e.label_ == "PERSON" and not quoted[e.root.i]]
        self.index = PersonIndex(doc, entities, quoted, is_reporting_verb)

    def _speaker_at(self, start: int, end: int) -> Optional[Speaker]:
        known = entity_at(self.entities, start, end)
        return Speaker(known.id, known.name) if known else None

    def previous_person(self, before: int) -> Optional[Speaker]:
        earlier = [e for e in self.persons if e.end_char <= before]
        subjects = [e for e in earlier if e.root.dep_ in SUBJECT_DEPS]
        for ent in reversed(subjects or earlier):
            return self._speaker_at(ent.start_char, ent.end_char) or Speaker(None, ent.text)
        return None

    def speaker_of(self, head: Optional[Token]) -> Optional[Speaker]:
        """The Speaker named by the phrase headed by `head`, or None when nothing is recoverable."""
        if head is None:
            return None
        if _is_relative(head) and head.head.dep_ == "relcl":
            return self.speaker_of(head.head.head)
        head = _named_apposition(head) or head
        tokens = phrase_tokens(head)
        start, end = _span_of(tokens)
        if head.lower_ in pronouns()["person_singular"]:
            return self.index.resolve(head) or self._speaker_at(head.idx, head.idx + len(head.text))
        known = self._speaker_at(head.idx, head.idx + len(head.text)) or self._speaker_at(start, end)
        if known is not None:
            return known
        if _is_pronoun(head):
            return None
        resolved = self.previous_person(head.idx) if _is_title(tokens) else None
        if resolved is not None:
            return resolved
        if head.pos_ == "NOUN":
            start, end = _span_of(described_tokens(head))
        text = self.doc.text[start:end].strip()
        return Speaker(None, text) if text else None


def _is_utterance_noun(tok: Token) -> bool:
    """"statement", "tweet", "letter": a noun for something said or written."""
    return tok.lemma_.lower() in media_nouns() or tok.lemma_.lower() in attribution()["source_nouns"] \
        or tok.lemma_.lower() in attribution()["utterance_nouns"]


def subject_of(verb: Token) -> Optional[Token]:
    """The subject of a reporting verb, climbing conjunctions and participial clauses
    ("he said, adding ..."), or the agent of a passive, or the name after an inverted "said"."""
    for tok in verb.children:
        if tok.dep_ in SUBJECT_DEPS and tok.dep_ != "nsubjpass":
            return tok
    for tok in verb.children:
        if tok.dep_ == "agent":
            objs = [c for c in tok.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    for tok in verb.children:
        if tok.i > verb.i and tok.left_edge.i == verb.i + 1 and tok.dep_ in ("dobj", "attr", "npadvmod", "nsubj") \
                and (tok.pos_ == "PROPN" or tok.ent_type_ in NAME_LABELS):
            return tok          # "..., said Smith"
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN") and verb.tag_ == "VBG":
        if _is_utterance_noun(verb.head) and verb.head.dep_ in ("dobj", "pobj", "nsubjpass"):
            holder = verb.head.head.head if verb.head.dep_ == "pobj" else verb.head.head
            if holder.pos_ in ("VERB", "AUX") and holder is not verb:
                return subject_of(holder)   # "X issued a statement saying ...", "in a post saying"
        return verb.head        # "Smith, the lawyer, ..., saying she ..."
    if verb.dep_ in ("conj", "advcl", "xcomp", "pcomp") and verb.head is not verb:
        return subject_of(verb.head)
    return None
