"""Reported speech from the parse: a reporting verb's clause or object ("Russia said in March
it was deeply concerned ...", "X told Y that ...", "X accused Y of ...", "X warned that ...")
and "according to X" clauses; direct is False for all of them."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.quotes.cues import (according_phrases, clause_head, content_tokens, is_reporting_verb,
                                   relays_of, short_name, source_head, via_of)
from newsgraph.quotes.direct import Candidate
from newsgraph.quotes.speakers import SpeakerResolver, subject_of

EDGE_DEPS = ("punct", "cc", "mark")
MIN_CONTENT_TOKENS = 2


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


def verb_reports(doc: Doc, resolver: SpeakerResolver) -> list[Candidate]:
    found = []
    for verb in doc:
        if not is_reporting_verb(verb):
            continue
        subject = subject_of(verb)
        own = {verb.i} | ({t.i for t in subject.subtree} if subject is not None else set())
        content = [t for t in content_tokens(verb) if t.i not in own and t.sent.start == verb.sent.start]
        cand = _candidate(content, speaker=resolver.speaker_of(subject), cue=verb.text,
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


def reported_speech(doc: Doc, resolver: SpeakerResolver) -> list[Candidate]:
    return verb_reports(doc, resolver) + according_reports(doc, resolver)
