"""Anchors dated in the article itself: the event an anchored expression names ("a day before the
ceasefire") is often dated elsewhere in the same text ("The ceasefire took effect on Friday",
"the ceasefire is scheduled to begin on Friday"). The date is read off the parse: another mention
of the anchor's head noun, as subject or object of a clause that a day-precise timex modifies."""
from __future__ import annotations

from typing import Optional, Sequence

from spacy.tokens import Doc, Token

from newsgraph.records import Timex
from newsgraph.timex import calendar as cal
from newsgraph.timex.govern import clause_head, timex_root

ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj")
MAX_CLIMB = 8


def anchor_date_in_text(doc: Optional[Doc], timexes: Sequence[Timex], anchor_start: int, anchor_end: int) -> Optional[str]:
    """The one day-precise date the article gives the anchor event (text at anchor_start..anchor_end),
    None when it gives none or several different ones."""
    if doc is None or not len(doc):
        return None
    anchor = doc.char_span(anchor_start, anchor_end, alignment_mode="expand")
    if anchor is None or not len(anchor) or anchor.root.pos_ not in ("NOUN", "PROPN"):
        return None
    head = anchor.root.lemma_.lower()
    dated = [t for t in timexes if t.value and t.value[:1].isdigit() and cal.granularity_of(t.value) in ("day", "time")]
    values = set()
    for tok in doc:
        if tok.lemma_.lower() != head or anchor.start <= tok.i < anchor.end or tok.dep_ not in ARGUMENT_DEPS:
            continue
        values |= {t.value[:10] for t in dated if modifies_clause(doc, t, clause_head(tok))}
    return values.pop() if len(values) == 1 else None


def modifies_clause(doc: Doc, timex: Timex, verb: Token) -> bool:
    """The timex attaches to `verb`, directly or through the verb's open complements ("is scheduled
    to begin at 4 am on Friday"), not through another clause."""
    cur = timex_root(doc, timex)
    if cur is None or cur.sent.start != verb.sent.start:
        return False
    for _ in range(MAX_CLIMB):
        if cur.i == verb.i:
            return True
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "auxpass", "xcomp"):
            return False
        if cur.head is cur:
            return False
        cur = cur.head
    return False
