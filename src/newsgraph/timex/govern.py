"""Which time expression governs an event trigger in the parse: a timex whose syntactic head
attaches to the trigger or its clause; else the nearest timex in the trigger's sentence."""
from __future__ import annotations

from typing import Optional, Sequence

from spacy.tokens import Doc, Token

from newsgraph.records import Timex

MAX_CLIMB = 12


def timex_root(doc: Doc, timex: Timex) -> Optional[Token]:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def clause_head(tok: Token) -> Token:
    """The verb (or sentence root) heading the clause `tok` is in."""
    cur = tok
    for _ in range(MAX_CLIMB):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "auxpass"):
            return cur
        if cur.head is cur:
            return cur
        cur = cur.head
    return cur


def attaches_to(root: Token, trigger: Token) -> int | None:
    """Number of arcs from the timex root up to the trigger or its clause head, else None."""
    targets = {trigger.i, clause_head(trigger).i}
    cur, steps = root, 0
    for _ in range(MAX_CLIMB):
        if cur.i in targets:
            return steps
        if cur.head is cur:
            return None
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "auxpass") and steps > 0:
            return None if cur.i not in targets else steps
        cur, steps = cur.head, steps + 1
    return None


def governing_timex(doc: Doc, trigger_token_i: int, timexes: Sequence[Timex]) -> Optional[Timex]:
    """The timex governing the trigger token, else the nearest one in its sentence, else None."""
    if not timexes or not 0 <= trigger_token_i < len(doc):
        return None
    trigger = doc[trigger_token_i]
    sent = trigger.sent
    attached, same_sentence = [], []
    for tx in timexes:
        root = timex_root(doc, tx)
        if root is None or not (sent.start <= root.i < sent.end):
            continue
        steps = attaches_to(root, trigger)
        distance = abs(root.i - trigger.i)
        if steps is not None:
            attached.append((steps, distance, tx))
        same_sentence.append((distance, tx.start, tx))
    if attached:
        return min(attached, key=lambda a: (a[0], a[1]))[2]
    if same_sentence:
        return min(same_sentence, key=lambda a: (a[0], a[1]))[2]
    return None
