"""Tense of the clause a time expression sits in, read off spaCy's parse: PAST, FUTURE or PRESENT
(None when there is no verb). Decides the direction of underspecified dates ("on Wednesday")."""
from __future__ import annotations

import bisect
from functools import lru_cache

from spacy.tokens import Doc, Token

from newsgraph.timex.lexicon import lexicon

FUTURE_MODALS = {"will", "wo", "'ll", "shall", "going", "gon"}
FUTURE_LEMMAS = {"plan", "expect", "schedule", "intend", "due", "set", "hope", "aim", "prepare", "promise",
                 "threaten", "vow", "pledge", "propose", "seek", "want", "agree"}


def token_at(doc: Doc, char: int) -> Token | None:
    """The token that covers (or starts at or after) char offset `char`."""
    starts = _token_starts(doc)
    i = bisect.bisect_right(starts, char) - 1
    if i < 0:
        return doc[0] if len(doc) else None
    return doc[i]


def _token_starts(doc: Doc) -> list[int]:
    cache = doc.user_data.get("timex_starts")
    if cache is None or len(cache) != len(doc):
        cache = [t.idx for t in doc]
        doc.user_data["timex_starts"] = cache
    return cache


def governing_verb(tok: Token) -> Token | None:
    """The nearest verb (or auxiliary-headed predicate) above `tok` in the parse."""
    cur, seen = tok, 0
    while seen < 40:
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "auxpass") and not _tenseless_gerund(cur):
            return cur
        if cur.head is cur:
            break
        cur, seen = cur.head, seen + 1
    root = tok.sent.root
    return root if root.pos_ in ("VERB", "AUX") else None


def _tenseless_gerund(verb: Token) -> bool:
    """A gerund after a preposition ("in planning for the summit"): it has no tense of its own,
    the clause above it has."""
    return verb.tag_ == "VBG" and verb.dep_ in ("pcomp", "pobj") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


def verb_tense(verb: Token) -> str | None:
    """PAST / FUTURE / PRESENT / PRESENT_PROGRESSIVE for a verb, from its auxiliaries and tag:
    "will"/"shall" and to-infinitives point forward, other modals are neutral (PRESENT),
    a modal or auxiliary with "have" + participle is PAST."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_MODALS:
        return "FUTURE"
    if "have" in words or "has" in words or "had" in words or "'ve" in words:
        return "PAST" if verb.tag_ == "VBN" or "been" in {a.lower_ for a in auxes} else "PRESENT"
    infinitive = "to" in words and (verb.tag_ == "VB" or verb.tag_ == "VBN" and "be" in words)   # "to be sworn in"
    if infinitive and verb.head.lemma_ == "be" and verb.head.tag_ == "VBD":
        return "PAST"                     # "the first to join on Friday were...", "was to land Friday"
    if infinitive and (verb.head.lemma_ in FUTURE_LEMMAS | {"be"} or directed_complement(verb)):
        return "PAST" if past_perfect(verb.head) else "FUTURE"
    if any(a.tag_ == "MD" for a in auxes):
        return "MODAL"
    if any(a.tag_ == "VBD" for a in auxes) or verb.tag_ == "VBD":
        return "PAST"
    if verb.tag_ == "VBN" and prospective_participle(verb):
        return "FUTURE"
    if _participle_with_present_auxes(verb, auxes):
        return "PRESENT"                  # present passive: "the appeal is argued in May"
    if verb.tag_ == "VBN":
        return "PAST"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "PRESENT_PROGRESSIVE"
    if verb.tag_ in ("VBZ", "VBP", "VBG", "VB"):
        return "PRESENT"
    return None


def directed_complement(verb: Token) -> bool:
    """`verb` is the to-infinitive complement of a verb of directing or committing ("called on
    supporters to march", "urged the sides to meet", "vowed to return"): it happens after it."""
    return verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.head.lemma_.lower() in directive_lemmas()


@lru_cache(maxsize=1)
def directive_lemmas() -> frozenset[str]:
    return frozenset(lexicon()["directive_verbs"]["lemmas"])


def deadline_ahead(tok: Token) -> bool:
    """`tok` is the object of "by" in a clause of wanting, expecting or aiming ("wanted a government
    in place by Christmas", "aims to finish the work by Friday", "a deadline by March 1"): a
    deadline, which lies ahead of the wish whatever the tense of the verb."""
    prep = tok.head if tok.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "by":
        return False
    cur = prep.head
    for _ in range(4):
        if cur.lemma_.lower() in deadline_heads():
            return True
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("xcomp", "ccomp", "acl", "relcl"):
            return False
        if cur.head is cur:
            return False
        cur = cur.head
    return False


@lru_cache(maxsize=1)
def deadline_heads() -> frozenset[str]:
    return frozenset(lexicon()["deadline_heads"]["lemmas"])


@lru_cache(maxsize=1)
def prospective_lemmas() -> frozenset[str]:
    return frozenset(lexicon()["prospective_participles"])


def prospective_participle(verb: Token) -> bool:
    """A bare participle that looks forward: "the vote scheduled Tuesday", "a summit set for
    April", but not "the record set on Aug. 6" or "a truce agreed on Monday"."""
    if verb.lemma_ in prospective_lemmas():
        return True
    return verb.lemma_ in FUTURE_LEMMAS and any(
        c.lower_ in ("for", "to") or c.dep_ == "xcomp" for c in verb.children)


def past_perfect(tok: Token) -> bool:
    """The clause above `tok` is in the past perfect ("had been scheduled", "had been due"): a plan
    seen from a past reference time, typically one that has been overtaken."""
    verb = governing_verb(tok)
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.lower_ in ("had", "'d") for a in auxes) and (verb.tag_ == "VBN" or any(a.lower_ == "been" for a in auxes))


def scheduled_present(tok: Token) -> bool:
    """`tok` (a weekday) modifies a finite present-simple verb with no auxiliary, directly or
    through a preposition: "the leaders meet Monday", "talks resume on Tuesday" (news present
    for a scheduled event)."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    for _ in range(4):                    # "polls close at 8 p.m. on Sunday": up through the clock time
        if head.pos_ in ("VERB", "AUX") or head.dep_ not in ("pobj", "prep", "nummod", "compound", "npadvmod"):
            break
        head = head.head
    if head is tok or head.tag_ not in ("VBZ", "VBP") or head.pos_ != "VERB":
        return False
    if head.tag_ == "VBP" and head.lower_ in lexicon()["past_equals_present"]:
        return False                      # "stocks hurt the index Friday" may be past
    return not any(c.dep_ in ("aux", "auxpass", "neg") for c in head.children)


def present_passive(tok: Token) -> bool:
    """`tok` sits in a present-tense passive clause ("the appeal is argued in May", "the plant is
    closed on Friday"): like the scheduled present, it points forward for a bare month."""
    verb = governing_verb(tok)
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return _participle_with_present_auxes(verb, auxes) and any(a.dep_ == "auxpass" for a in auxes)


def _participle_with_present_auxes(verb: Token, auxes: list[Token]) -> bool:
    """A past participle whose auxiliaries are all present-tense forms ("is argued", "are closed")."""
    return verb.tag_ == "VBN" and bool(auxes) and all(a.tag_ in ("VBZ", "VBP") for a in auxes)


def tense_at(doc: Doc | None, char: int) -> str | None:
    """Tense of the clause governing the text at char offset `char`."""
    if doc is None or not len(doc):
        return None
    tok = token_at(doc, char)
    if tok is None:
        return None
    verb = governing_verb(tok)
    return verb_tense(verb) if verb is not None else None
