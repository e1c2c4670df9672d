"""Why: the clauses and phrases after cause markers in the headline (its rest, and inside its verb
phrase only the markers that still mean a cause there) and in the lead sentences, purpose 'to'
clauses, what a verb of blaming names as the cause, and, in a report of deaths or injuries, the
verb phrase that names a known accident condition (speed, drink, weather, a fault). A marker that
introduces a time ("after 40 hours", "after the break") says when, not why; what an instrument is
used for is how; an event a stretch of time is measured from ("days after the vote") dates, it does
not explain; a cause told in one word loses to one that says more."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span

from .candidates import Candidate, headline_candidate, span_candidate
from .headline import Headline
from .lead import Lead, has_subject
from .markers import clip_right, marker_phrases
from .words import ANCHOR_WORDS, lexicon, weight


def why_candidates(head: Optional[Headline], lead: Lead) -> list[Candidate]:
    lex = lexicon()
    out = []
    if head and head.rest[1] > head.rest[0]:
        out.extend(headline_marker_phrases(head, head.rest, lead.body, lex["cause_markers"], weight("title")))
    if head and head.verb is not None and head.what:
        # inside the headline's verb phrase only the markers that still mean a cause there
        # ("arrives for talks"), not those that are read as its topic ("cleared over emails")
        inner = (head.verb + 1, head.what[1])
        markers = verb_phrase_cause_markers(head)
        out.extend(headline_marker_phrases(head, inner, lead.body, markers, weight("title")))
        out.extend(headline_purpose(head, (head.verb + 1, head.rest[1]), lead.body))
    titles = person_titles(lead)
    for sent, prior in zip(lead.sents, lead.prior):
        for w, span in marker_phrases(sent, lex["cause_markers"]):
            if not names_a_time(span) and not measured_from(span):
                out.append(span_candidate(span, w * 0.5 + prior * 0.5))
        for span in purpose_phrases(sent):
            out.append(span_candidate(span, lex["purpose_weight"] * 0.5 + prior * 0.5))
        for span in blamed_causes(sent, titles):
            out.append(span_candidate(span, weight("why_blamed") * 0.5 + prior * 0.5))
    casualties = lex["casualty_words"]
    if any(t.lower_ in casualties for sent in lead.sents for t in sent):
        for sent, prior in zip(lead.sents, lead.prior):
            for span in condition_phrases(sent):
                out.append(span_candidate(span, weight("why_condition") * 0.5 + prior * 0.5))
    if head and head.verb is not None:
        for span in blamed_causes(head.doc[head.verb:head.rest[1]], titles):
            out.append(headline_candidate(head, (span.start, span.end), lead.body,
                                          weight("why_blamed") + weight("title") - 0.5))
    return [bare_words_lose(c) for c in out]


def bare_words_lose(cand: Candidate) -> Candidate:
    """A cause told in one word ("protests", "collapse") names a topic more than it explains:
    a reason is a clause or a phrase, so it loses to one that says more."""
    if len(cand.text.split()) > 1:
        return cand
    return Candidate(cand.text, cand.start, cand.end, cand.score + weight("why_one_word"))


def headline_purpose(head: Headline, span: tuple[int, int], body: str) -> list[Candidate]:
    """A headline's purpose clause: 'to' + verb after the main verb ("lands in X to meet Y")."""
    a, b = span
    hdoc = head.doc
    for i in range(a, b - 1):
        verb = hdoc[i + 1]
        # right after the verb, "to" is part of its phrase ("set to approve", "vows to quit")
        if hdoc[i].tag_ == "TO" and verb.tag_ == "VB" and verb.head.i == head.verb \
                and verb.dep_ in ("advcl", "xcomp") and verb.i - head.verb > 2:
            return [headline_candidate(head, (i, b), body, weight("title") + lexicon()["purpose_weight"])]
    return []


def verb_phrase_cause_markers(head: Headline) -> list:
    """The cause markers that still mean a cause inside the headline's verb phrase ("arrives for
    talks"), not those read as its topic ("cleared over emails") nor a blame verb's 'for'."""
    lex = lexicon()
    blames = head.doc[head.verb].lemma_.lower() in lex["blame_verbs"]
    return [m for m in lex["cause_markers"] if m["words"] not in lex["headline_topic_markers"]
            and not (blames and m["words"] == ["for"])]


def verb_phrase_cause_start(head: Headline) -> Optional[int]:
    """Where a cause or purpose phrase starts inside the headline's verb phrase ("arrives at the
    palace | for talks"), if one does: what happened ends before why it happened."""
    if head.verb is None or not head.what:
        return None
    span = (head.verb + 1, head.what[1])
    starts = [i for i, _, _ in headline_markers(head, span, verb_phrase_cause_markers(head))]
    return min(starts) if starts else None


def headline_marker_phrases(head: Headline, span: tuple[int, int], body: str, markers: list,
                            bonus: float) -> list[Candidate]:
    return [headline_candidate(head, (i + n, span[1]), body, m["weight"] + bonus)
            for i, n, m in headline_markers(head, span, markers)]


def headline_markers(head: Headline, span: tuple[int, int], markers: list) -> list[tuple[int, int, dict]]:
    """(index, length, marker) of each marker in the headline span that does not introduce a time."""
    out = []
    a, b = span
    words = [t.lower_ for t in head.doc]
    for m in markers:
        n = len(m["words"])
        for i in range(a, b - n):
            if words[i:i + n] == m["words"] and m["words"] not in lexicon()["headline_weak_markers"] \
                    and not names_a_time(head.doc[i + n:b]):
                out.append((i, n, m))
    return out


def names_a_time(phrase: Span) -> bool:
    """'after 40 hours (underground)', 'after a dramatic final day', 'after the break': a verbless
    phrase headed by a time says when, not why ("as the rains failed for a year" has a verb, "after weeks of protests"
    says what filled the time)."""
    if not len(phrase):
        return False
    lex = lexicon()
    if lex["time_regex"].match(phrase.text):
        return True                   # "after 06:00 GMT ...": a clock time, whatever follows it
    root = phrase.root
    if (root.lower_ in lex["time_nouns"] or root.lower_ in lex["time_units"]) and root.pos_ == "NOUN" \
            and not any(c.lower_ == "of" for c in root.children):
        return True                   # "after the break", "after four days trapped in a well"
    if any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return False
    return any((t.i == root.i or t.head.i == root.i) and (t.lower_ in lex["time_units"] or t.lower_ in
               lex["time_strong_words"]) and not any(c.lower_ == "of" for c in t.children) for t in phrase)


def measured_from(phrase: Span) -> bool:
    """'days after the news broke', 'two hours before the polls closed': a marker behind a stretch
    of time measures from the other event (when), it does not give a cause."""
    doc, at = phrase.doc, phrase.start - 1
    return at > 0 and doc[at].lower_ in ANCHOR_WORDS and doc[at - 1].lower_ in lexicon()["time_units"]


def condition_phrases(sent: Span) -> list[Span]:
    """In a report of deaths or injuries, the verb phrase that names a known cause of accidents
    (speed, drink, weather, a fault): "the tram was travelling at significantly higher speeds"
    -> "travelling at significantly higher speeds"."""
    words = lexicon()["accident_conditions"]
    out = []
    for tok in sent:
        if tok.lower_ not in words:
            continue
        verb = tok
        while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
            verb = verb.head
        if verb.pos_ in ("VERB", "AUX") and verb.i < tok.i:
            span = sent.doc[verb.i:max(clip_right(verb), tok.i) + 1]
            if not out or out[-1].start != span.start:
                out.append(span)
    return out


def person_titles(lead: Lead) -> frozenset:
    """Common nouns the article writes right before a person's name ("director James Lee",
    "chief Ana Ruiz"): titles, so a phrase headed by one names a person."""
    return frozenset(e.doc[e.start - 1].lower_ for e in lead.ents
                     if e.label_ == "PERSON" and e.start > 0 and e.doc[e.start - 1].tag_ == "NN")


def blamed_causes(span: Span, titles: frozenset = frozenset()) -> list[Span]:
    """What a verb of blaming names as the cause: "blamed the inquiry for her defeat" -> "the
    inquiry", "blamed her defeat on the letter" -> "the letter", "accused X of impropriety"."""
    roles = lexicon()["blame_verbs"]
    out = []
    for tok in span:
        wanted = roles.get(tok.lemma_.lower()) if tok.pos_ in ("VERB", "NOUN") else None
        if not wanted:
            continue
        # the preposition may hang off the object in the parse ("blamed [her defeat on X]")
        preps = [p for p in tok.subtree if p.dep_ == "prep" and p.lower_ in wanted and p.i > tok.i
                 and (p.head.i == tok.i or p.head.dep_ == "dobj" and p.head.head.i == tok.i)]
        objs = [g for p in preps[:1] for g in p.children if g.dep_ in ("pobj", "pcomp")]
        if objs:
            out.append(span.doc[objs[0].left_edge.i:clip_right(objs[0]) + 1])
        elif "dobj" in wanted and not names_the_cause_later(tok, wanted):
            out.extend(span.doc[c.left_edge.i:clip_right(c) + 1] for c in tok.children if c.dep_ == "dobj")
    # a person or body blamed is who is blamed, not why: keep only causes headed by a common noun
    # that is no title of a person ("the FBI director")
    return [s for s in out if s.start >= span.start and s.end <= span.end
            and s.root.pos_ not in ("PROPN", "PRON") and s.root.lower_ not in titles]


def names_the_cause_later(verb, wanted: list) -> bool:
    """A role preposition inside the object ("blamed [her defeat in the vote on X]"), wherever
    the parse hangs it, makes the object the effect, not the cause."""
    return any(t.dep_ == "prep" and t.lower_ in wanted
               for obj in verb.children if obj.dep_ == "dobj" for t in obj.subtree)


def purpose_phrases(sent: Span) -> list[Span]:
    """'to' + verb clauses that state a purpose ("flew in to meet the president")."""
    if not has_subject(sent.root):
        return []
    out = []
    for tok in sent:
        if tok.tag_ == "VB" and tok.dep_ in ("advcl", "xcomp") and any(c.tag_ == "TO" for c in tok.lefts):
            if tok.dep_ == "xcomp" and tok.head.i >= tok.i - 2:
                continue      # "set to check": part of the verb phrase, not a purpose
            if tok.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in tok.head.children):
                continue      # "were told to stay indoors": the passive verb's complement, not a purpose
            if not has_subject(tok.head):
                continue      # "Click to share": no actor whose purpose it is
            if tok.head.lemma_.lower() in lexicon()["instrument_verbs"]:
                continue      # "used diggers to reach him": how it was done, not why
            out.append(sent.doc[tok.i:clip_right(tok) + 1])
    return out
