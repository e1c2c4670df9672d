"""Phrases introduced by marker words, shared by why (cause markers: "because", "due to", "after")
and how (manner markers): `marker_phrases` finds each marker in a sentence, longest first, and
takes the subordinate clause or the phrase it governs (`introduced_phrase`); `clip_right` is the
right edge of a subtree, stopped at a comma, before a second clause joined by 'and', or after a
fixed number of tokens (not on a function word there)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

DANGLING_TAGS = {"DT", "IN", "TO", "CC", "PRP$", "POS", "WDT", "HYPH"}


def marker_phrases(sent: Span, markers: list) -> list[tuple[float, Span]]:
    """(weight, phrase) for each marker: the clause or noun phrase it introduces. Where markers
    overlap ("because of" / "because"), only the longest one counts; a marker with `head_pos`
    counts only when it hangs off such a word ("arrested for fraud", not "headquarters for X"), one
    with `head_dep` only when the word it hangs off has that role ("was the result of X", not "took
    the result of X badly"), and
    one with `not_before_tags` not before such a word ("due to the storm", not "due to meet")."""
    out = []
    words = [t.lower_ for t in sent]
    by_length = sorted(markers, key=lambda m: -len(m["words"]))
    firsts = {m["words"][0] for m in markers}
    for k, word in enumerate(words):
        if word not in firsts:
            continue
        for m in by_length:
            n = len(m["words"])
            if words[k:k + n] != m["words"]:
                continue
            if m.get("answer") == "marker":
                out.append((m["weight"], sent[k:k + n]))
                break
            phrase = introduced_phrase(sent[k], sent[k + n - 1], sent)
            if phrase is not None and any(t.is_alpha and not t.is_stop for t in phrase) \
                    and (m.get("needs") is None or phrase[0].tag_ == m["needs"]) \
                    and (m.get("head_pos") is None or sent[k].head.pos_ in m["head_pos"]) \
                    and (m.get("head_dep") is None or sent[k].head.dep_ in m["head_dep"]) \
                    and not (k + n < len(sent) and sent[k + n].tag_ in m.get("not_before_tags", ())):
                out.append((m["weight"], phrase))
            break
    return out


def introduced_phrase(first: Token, last: Token, sent: Span) -> Optional[Span]:
    """What a marker introduces: a subordinate clause (mark) or the words its phrase governs."""
    doc = sent.doc
    if last.dep_ == "mark" and last.head.i > last.i:
        return doc[last.i + 1:clip_right(last.head) + 1]
    if first.i == last.i and last.lower_ in ("as", "since"):
        return None
    right = max(clip_right(first), clip_right(last))
    if right <= last.i:
        return None
    return doc[last.i + 1:right + 1]


def clip_right(tok: Token, max_len: int = 16) -> int:
    """Right edge of a subtree, stopped at a comma or after max_len tokens."""
    right = min(tok.right_edge.i, tok.sent.end - 1)
    for t in tok.doc[tok.i + 1:right + 1]:
        if t.text in (",", ";", ":", "(", "—", "–") or "\n" in t.text or joins_a_clause(t, tok):
            return t.i - 1
    return without_dangling_words(tok.doc, tok.i, min(right, tok.i + max_len))


def without_dangling_words(doc, left: int, right: int) -> int:
    """A phrase cut at its length limit ends on a content word, not on 'the', 'of' or 'and'."""
    while right > left and doc[right].tag_ in DANGLING_TAGS:
        right -= 1
    return right


def joins_a_clause(t: Token, tok: Token) -> bool:
    """'and' before a clause with its own subject or auxiliary ("travelling too fast | and were
    probing ...", "... | and police were checking ..."): what follows tells something else."""
    if t.dep_ != "cc" or t.i <= tok.i:
        return False
    return any(u.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") and u.head.i > t.i and u.head.i != tok.i
               for u in t.doc[t.i + 1:min(t.i + 4, t.sent.end)])
