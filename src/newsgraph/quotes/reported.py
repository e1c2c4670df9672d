"""Reported speech from the parse: a reporting verb's clause or object ("Russia said in March
it was deeply concerned ...", "X told Y that ...", "X accused Y of ...", "X warned that ...")
and "according to X" clauses; direct is False for all of them."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.quotes.cues import (according_phrases, clause_head, content_tokens, is_reporting_verb,
                                   relays_of, short_name, source_head, via_of)
from newsgraph.quotes.direct import Candidate
from newsgraph.quotes.lexicon import attribution
from newsgraph.quotes.speakers import SpeakerResolver, speaker_head, subject_of

EDGE_DEPS = ("punct", "cc", "mark")
MIN_CONTENT_TOKENS = 2
MAX_LABEL_TOKENS = 6
MIN_LABEL_CONTENT_WORDS = 3


def _trimmed(tokens: list[Token]) -> list[Token]:
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].dep_ in EDGE_DEPS and tokens[0].lower_ != "that" or tokens[0].is_space or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        tokens.pop()
    return tokens


def _one_paragraph(tokens: list[Token]) -> list[Token]:
    """Content stops at a paragraph break (a misparse runs on into the next one)."""
    out = []
    for tok in sorted(tokens, key=lambda t: t.i):
        if out and (tok.i != out[-1].i + 1 or "\n" in tok.text) and "\n" in tok.doc[out[-1].i:tok.i + 1].text:
            break
        out.append(tok)
    return out


def _is_reporting_clause(tokens: list[Token]) -> bool:
    """"She added", "Bloomberg also reported": content that is itself just a reporting clause."""
    return len(tokens) <= 4 and any(is_reporting_verb(t) for t in tokens)


def _candidate(tokens: list[Token], **fields) -> Candidate | None:
    tokens = _trimmed(_one_paragraph(tokens))
    if len(tokens) < MIN_CONTENT_TOKENS or _is_reporting_clause(tokens):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return Candidate(start, end, direct=False, has_cue=True, **fields)


NESTED_DEPS = ("advcl", "conj", "relcl", "acl", "parataxis")


def _nested_reports(tokens: list[Token]) -> list[Token]:
    """The reports hanging inside a content (", calling him ...", ", which X said ...",
    "and quoted ..."): each is an attribution of its own."""
    if not tokens:
        return []
    first = min(t.i for t in tokens)
    inside = {t.i for t in tokens}
    return [tok for tok in tokens
            if tok.i > first and tok.dep_ in NESTED_DEPS and tok.head.i in inside and is_reporting_verb(tok)
            and tok.left_edge.i > first]


def _has_own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def verb_reports(doc: Doc, resolver: SpeakerResolver) -> list[Candidate]:
    """One Candidate per reporting verb framing content. A report nested in another's content
    with no subject of its own (", calling them ...") is said by the outer report's speaker."""
    found = []
    inherited = {}
    for verb in doc:
        if not is_reporting_verb(verb):
            continue
        subject = subject_of(verb)
        speaker = inherited.get(verb.i) or resolver.speaker_of(speaker_head(verb))
        own = {verb.i} | ({t.i for t in subject.subtree} if subject is not None else set())
        content = [t for t in content_tokens(verb) if t.i not in own and t.sent.start == verb.sent.start]
        nested = _nested_reports(content)
        dropped = {t.i for n in nested for t in n.subtree}
        content = [t for t in content if t.i not in dropped]
        for n in nested:
            if not _has_own_subject(n) and speaker is not None:
                inherited[n.i] = speaker
        cand = _candidate(content, speaker=speaker, cue=verb.text,
                          via=via_of(verb, {t.i for t in content}), cue_start=verb.idx)
        if cand:
            found.append(cand)
    return found


def according_reports(doc: Doc, resolver: SpeakerResolver) -> list[Candidate]:
    found = []
    for marker, obj in according_phrases(doc):
        head = clause_head(marker)
        if is_reporting_verb(head):
            continue
        phrase = {t.i for t in marker.subtree}
        content = [t for t in head.subtree if t.i not in phrase and t.sent.start == marker.sent.start]
        relays = relays_of(obj)
        cand = _candidate(content, speaker=resolver.speaker_of(source_head(obj)), cue="according to",
                          via=short_name(relays[-1]) if relays else None, cue_start=marker.idx)
        if cand:
            found.append(cand)
    return found


def _paragraph_starts(doc: Doc):
    starts = [0]
    for tok in doc:
        if "\n" in tok.text and tok.i + 1 < len(doc):
            starts.append(tok.i + 1)
    return starts


def _label_before_colon(doc: Doc, first: int) -> int | None:
    """The index of the ":" ending a speaker label that opens a paragraph ("Jane Roe: ...",
    "WALLACE: ..."), or None."""
    for i in range(first, min(len(doc), first + MAX_LABEL_TOKENS + 1)):
        tok = doc[i]
        if tok.text == ":":
            label = doc[first:i]
            named = any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE")
                        or (t.is_upper and t.is_alpha and len(t) >= 3) for t in label)
            if label and named and label[0].text[:1].isupper() \
                    and label.text.lower() not in attribution()["not_speaker_labels"]:
                return i
            return None
        if "\n" in tok.text or tok.pos_ in ("VERB", "AUX") or tok.text in (".", "?", "!"):
            return None
    return None


def label_reports(doc: Doc, resolver: SpeakerResolver) -> list[Candidate]:
    """"Jane Roe: the plan will fail." and headlines in that style: the label speaks the rest
    of its paragraph."""
    found = []
    for first in _paragraph_starts(doc):
        colon = _label_before_colon(doc, first)
        if colon is None:
            continue
        rest = []
        for tok in doc[colon + 1:]:
            if "\n" in tok.text:
                break
            rest.append(tok)
        if len([t for t in rest if t.is_alpha]) < MIN_LABEL_CONTENT_WORDS:
            continue
        label = doc[first:colon]
        cand = _candidate(rest, speaker=resolver.speaker_of(label.root), cue=":", cue_start=doc[colon].idx)
        if cand:
            found.append(cand)
    return found


def reported_speech(doc: Doc, resolver: SpeakerResolver) -> list[Candidate]:
    return verb_reports(doc, resolver) + according_reports(doc, resolver) + label_reports(doc, resolver)
