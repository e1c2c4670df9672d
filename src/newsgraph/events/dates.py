"""Event dates: the time expression that governs the trigger (the timex stage's
`governing_timex`), else the article's publication date, marked granularity "publication"."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from newsgraph.records import EventDate, Timex

try:
    from newsgraph.timex import governing_timex as _governing_timex
except Exception:  # pragma: no cover - the timex stage owns it
    _governing_timex = None


def granularity(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    if "W" in value:
        return "week"
    if value[:4].isdigit():
        n = len(value.split("T")[0])
        return {4: "year", 7: "month", 10: "day"}.get(n, "approx" if "X" in value else None)
    return "approx"


def _usable(tx: Timex) -> bool:
    if tx.type not in {"DATE", "TIME"}:
        return False
    return bool(tx.value) and tx.value[:1].isdigit() or (tx.value is None and tx.anchor is not None)


def _path_ok(doc: Doc, tx: Timex, index: int, blockers) -> bool:
    """The timex hangs from the trigger's clause, not from another event word on the way."""
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if span is None:
        return False
    doc_tok = doc[index]
    targets = {index} | ({doc_tok.head.i} if doc_tok.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"} else set())
    node, hops = span.root, 0
    while hops < 12:
        if node.i in targets:
            return True
        if node.i in blockers and not (span.start <= node.i < span.end) or _other_clause(node, targets):
            return False
        if node.head == node:
            return False
        node, hops = node.head, hops + 1
    return False


def _adjacent_noun(doc: Doc, tx_start_tok: int, index: int) -> bool:
    """'the trip to Moscow last year': a timex right after a noun's phrase dates that noun."""
    tok = doc[index]
    return tok.pos_ in {"NOUN", "PROPN"} and tok.right_edge.i + 1 == tx_start_tok


def local_governing_timex(doc: Doc, targets: set[int], timexes: list[Timex], blockers=frozenset()) -> Optional[Timex]:
    """A timex of the trigger's sentence that hangs from the trigger (or the reporting verb
    of a speech act), not from another event word on the way."""
    sent = doc[min(targets)].sent
    best = None
    for tx in timexes:
        if not _usable(tx) or not (sent.start_char <= tx.start < sent.end_char):
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None:
            continue
        if any(_adjacent_noun(doc, span.start, i) for i in targets):
            return tx
        if any(_adjacent_noun(doc, span.start, b) for b in blockers):
            continue
        node, hops = span.root, 0
        while hops < 10:
            if node.i in targets:
                if best is None or hops < best[0]:
                    best = (hops, tx)
                break
            if node.i in blockers and _conjunct_of(node, targets):
                pass          # 'were killed and 30 wounded on Monday': the date scopes over both
            elif node.i in blockers or node.head == node or _other_clause(node, targets):
                break
            node, hops = node.head, hops + 1
    return best[1] if best else fronted_timex(doc, sent, timexes)


def _other_clause(node, targets: set[int]) -> bool:
    """A clause between the timex and the trigger that has its own time."""
    return _background_clause(node) or _side_relative(node, targets)


def _side_relative(node, targets: set[int]) -> bool:
    """'Karabakh, which Azerbaijan recaptured last week': a relative clause dates its own
    act, unless it is about the trigger itself ('the raid, which began on Monday')."""
    return node.dep_ == "relcl" and node.head.i not in targets and any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children)


def _conjunct_of(node, targets: set[int]) -> bool:
    return node.dep_ == "conj" and node.head.i in targets


BACKGROUND_PREPS = {"since", "after", "before", "following", "until"}


def _background_clause(node) -> bool:
    """A clause of its own, earlier or later, that dates something else: 'the largest rally
    since she was jailed last year' ('last year' dates the jailing, not the rally)."""
    if node.pos_ not in {"VERB", "AUX"} or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
        return False
    marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
    return node.dep_ in {"pcomp", "pobj", "advcl"} and (node.head.lower_ in BACKGROUND_PREPS or bool(marks & BACKGROUND_PREPS))


def fronted_timex(doc: Doc, sent, timexes: list[Timex]) -> Optional[Timex]:
    """A time expression that opens the sentence ('Earlier this month, ...', 'On Monday, ...')
    scopes over all of it."""
    first = sent[0]
    if first.pos_ == "ADP" and len(sent) > 1:
        first = sent[1]
    for tx in timexes:
        if _usable(tx) and tx.value and tx.start in {first.idx, sent.start_char}:
            return tx
    return None


VERBAL_TYPES = {"AGREE", "SUPPORT", "ACCUSE", "REQUEST", "REJECT", "THREATEN", "CONSULT"}


def governing(doc: Doc, trig, timexes: list[Timex], blockers=frozenset()) -> Optional[Timex]:
    """The trigger's own time expression (a speech act also takes its reporting verb's)."""
    from .modality import reporting_verb_above
    targets = {trig.token.i, trig.anchor.i}
    if trig.sense.has("object_target"):      # 'on Friday ordered the ambassador to leave'
        targets.add(trig.token.head.i)
    if trig.token.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"} and trig.token == trig.anchor:
        targets.add(trig.token.head.i)
    if trig.sense.type in VERBAL_TYPES:
        rep = reporting_verb_above(trig.anchor)
        if rep is not None:
            targets.add(rep.i)
    own = local_governing_timex(doc, targets, timexes, blockers)
    if own is not None or _governing_timex is None:
        return own
    try:
        tx = _governing_timex(doc, trig.token.i, timexes)
    except Exception:
        return None
    if tx is not None and _usable(tx) and _path_ok(doc, tx, trig.token.i, blockers):
        return tx
    return None


def publication_date(published: Optional[str]) -> Optional[EventDate]:
    return EventDate(published[:10], None, "publication") if published else None


def event_date(doc: Doc, trig, timexes: list[Timex], published: Optional[str], blockers=frozenset()) -> tuple[Optional[EventDate], Optional[Timex]]:
    """(date, anchored timex waiting for its anchor event's date, or None)."""
    tx = governing(doc, trig, timexes, blockers)
    if tx is not None and tx.value:
        return EventDate(tx.value, tx.text, tx.granularity or granularity(tx.value)), None
    if tx is not None:
        return publication_date(published), tx
    return publication_date(published), None


def resolve_anchored_dates(events, pending: dict) -> None:
    """'a week before the coup': date such events from the article's event the anchor names."""
    try:
        from newsgraph.timex import resolve_anchored
    except Exception:  # pragma: no cover
        return
    for ev in events:
        tx = pending.get(id(ev))
        if tx is None:
            continue
        words = {w.strip(".,").lower() for w in (tx.anchor or "").split()}
        anchor = next((o for o in events if o is not ev and o.date and o.date.granularity != "publication" and o.date.value
                       and ({(o.mode or "").lower(), *(o.trigger or "").lower().split()} & words)), None)
        if anchor is None:
            continue
        resolved = resolve_anchored(tx, anchor.date.value)
        if resolved.value:
            ev.date = EventDate(resolved.value, tx.text, resolved.granularity or "approx")
