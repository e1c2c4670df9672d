"""How: manner phrases of the lead, the headline's verb (with its bare noun after a light verb:
"holds rally", its object after a verb of using: "use tear gas"; the lead's main verb where the
headline has none), and in a casualty report how
the deaths came about (the headline's 'after/as/when' clause, or the verbs of such a clause in the
lead); the body's own fuller telling of the headline's event verb ("skidded and overturned" for
"overturns"); the deed a 'killing ...' clause hangs off ("opened fire, killing five"); 'with' + a
thing attached to the event verb, in the lead or the headline ("with a truck bomb"), or a
participle clause with its object after it ("won the final, beating Rovers 3-2"); and where the
headline only reports a statement, the deed of the reported clause ("found no breach"). A
speech phrase ("in a statement") is no answer in an incident report."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from .candidates import Candidate, headline_candidate, span_candidate
from .headline import Headline, is_verb_like
from .lead import Lead, clause_root, has_subject
from .markers import clip_right, marker_phrases
from .words import NOUN_TAGS, PROPER_TAGS, VERB_TAGS, lexicon, weight


def how_candidates(head: Optional[Headline], lead: Lead) -> list[Candidate]:
    out = []
    incident = is_incident(head, lead)
    # in a report of an incident, "in a statement" tells how someone spoke of it, not how it happened
    markers = [m for m in lexicon()["manner_markers"] if not (incident and m.get("speech"))]
    for sent, prior in zip(lead.sents[:3], lead.prior):
        for w, span in marker_phrases(sent, markers):
            out.append(span_candidate(span, w * 0.5 + prior * 0.5))
    if head and head.verb is not None:
        verb = lexical_verb(head)
        out.append(headline_candidate(head, (verb, support_noun_end(head, verb)), lead.body, 0.7))
        out.extend(reported_deed(head.doc[verb], lead))
        out.extend(headline_instrument(head, lead.body))
    elif lead.sents:
        out.extend(lead_verb(lead.sents[0], lead.prior[0]))
    mechanism = mechanism_span(head) if head else None
    if mechanism:       # how a casualty headline's deaths came about ("Five hurt as bus overturns")
        out.append(headline_candidate(head, mechanism, lead.body, weight("how_mechanism")))
    n = int(weight("how_mechanism_sentences"))
    if incident and not mechanism:
        for sent, prior in zip(lead.sents[:n], lead.prior):
            out.extend(lead_mechanism(sent, prior, incident))
    lemmas = headline_event_lemmas(head, mechanism) if head else frozenset()
    out.extend(body_event_forms(lemmas, mechanism is not None, lead, incident))
    for sent, prior in zip(lead.sents[:3], lead.prior):
        out.extend(instrument_phrases(sent, prior, lemmas))
        out.extend(means_clauses(sent, prior, lemmas))
    return out


def lexical_verb(head: Headline) -> int:
    """The headline's verb past its auxiliaries ("has found" -> "found", "will resign" ->
    "resign"): an auxiliary alone says nothing of how."""
    hdoc, v = head.doc, head.verb
    if hdoc[v].dep_ not in ("aux", "auxpass") and hdoc[v].tag_ != "MD":
        return v
    for j in range(v + 1, min(len(hdoc), v + 4)):
        if hdoc[j].tag_ in VERB_TAGS and hdoc[j].dep_ not in ("aux", "auxpass"):
            return j
        if hdoc[j].tag_ not in VERB_TAGS and hdoc[j].tag_ != "RB":
            break
    return v


def reported_deed(verb: Token, lead: Lead) -> list[Candidate]:
    """A headline that only reports that something was said or announced ("Regulator announces
    it will not act"): how is what the lead says was done, the verb of the clause a reporting
    verb introduces, with its object ("announced that it had found no breach of ..." -> "found
    no breach")."""
    reporting = lexicon()["reporting_verbs"]
    if verb.lemma_.lower() not in reporting:
        return []
    for sent, prior in zip(lead.sents[:3], lead.prior):
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in reporting:
                continue
            deed = next((c for c in tok.children if c.dep_ == "ccomp" and c.pos_ == "VERB"
                         and c.i > tok.i and c.lemma_.lower() not in reporting), None)
            if deed is not None:
                return [span_candidate(deed_phrase(deed), weight("how_reported") + 0.1 * prior)]
    return []


def headline_instrument(head: Headline, body: str) -> list[Candidate]:
    """'with' + a thing attached to the headline's verb or its object ("disperse crowd with tear
    gas", "win title with 3-1 victory"): how it was done. Not a person or a name ("meets with Obama")."""
    hdoc, verb = head.doc, head.verb
    for tok in hdoc[verb + 1:head.what[1]]:
        if tok.lower_ not in lexicon()["instrument_preps"] or tok.dep_ != "prep":
            continue
        if tok.head.i != verb and not (tok.head.dep_ == "dobj" and tok.head.head.i == verb):
            continue
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ == "NOUN" and obj.tag_ in NOUN_TAGS - PROPER_TAGS:
            end = min(obj.right_edge.i, obj.i + 3, head.what[1] - 1)
            return [headline_candidate(head, (tok.i, end + 1), body, weight("how_instrument"))]
    return []


def deed_phrase(verb: Token) -> Span:
    """The verb, a particle after it and the head of its object, without what the object's
    prepositions add ("found no breach [of the rules]"); a negated verb keeps its auxiliary and
    negation ("has not changed its view")."""
    left = [c.i for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg")]
    negated = any(c.dep_ == "neg" for c in verb.lefts)
    start = min(left) if negated else verb.i
    end = complement_end(verb, verb.i, ("dobj", "attr", "acomp"), reach=4)
    return verb.doc[start:end + 1]


def complement_end(verb: Token, end: int, objects: tuple = ("dobj",), pos: tuple = (), reach: int = 3) -> int:
    """Last index of the words that complete `verb` from index `end` on: a particle or negation
    right after it ("tipped over", not "over the barrier") and the head of its first object of a
    role in `objects` (of a part of speech in `pos`, when given) within `reach` tokens ("opened
    fire", "blew himself up", "found no breach [of the rules]")."""
    doc, took_object = verb.doc, False
    for c in verb.rights:
        if c.i <= end:
            continue
        if c.dep_ in ("prt", "neg") and c.i == end + 1 \
                and not (c.i + 1 < len(doc) and doc[c.i + 1].pos_ in ("DET", "PROPN", "NUM")):
            end = c.i
        elif not took_object and c.dep_ in objects and c.i - end <= reach and (not pos or c.pos_ in pos):
            end, took_object = c.i, True
        else:
            break
    return end


def support_noun_end(head: Headline, v: int) -> int:
    """End of the headline's verb v, or of its bare noun object when the verb is a light verb that
    the noun gives its meaning ("holds rally", "holds talks", "launches appeal") or a verb of using
    whose object is the means ("use tear gas")."""
    hdoc = head.doc
    if hdoc[v].lemma_.lower() in lexicon()["instrument_verbs"]:
        return complement_end(hdoc[v], v, pos=("NOUN",)) + 1
    light = lexicon()["light_verbs"]
    if hdoc[v].lemma_.lower() not in light and hdoc[v].lower_ not in light:
        return v + 1
    end = v + 1
    # the tagger may read the noun after a headline verb as a verb ("holds rally/VBP")
    while end < len(hdoc) and (hdoc[end].tag_ in ("NN", "NNS")
                               or end == v + 1 and hdoc[end].tag_ in ("VBP", "VB")):
        end += 1
    return end


def lead_verb(sent: Span, prior: float) -> list[Candidate]:
    """Where the headline has no verb, the first lead sentence's main verb with its particle and
    object ("has reviewed", "opened fire")."""
    root = clause_root(sent)
    if root.pos_ != "VERB":
        return []
    return [span_candidate(event_phrase(root, False, short_object=True), prior * weight("how_lead_verb"))]


def is_incident(head: Optional[Headline], lead: Lead) -> bool:
    """A casualty report: casualty words in the headline's verb phrase or the first lead sentence."""
    if head and is_casualty_headline(head):
        return True
    return bool(lead.sents) and reports_casualties(lead.sents[0])


def reports_casualties(sent: Span) -> bool:
    """A sentence that tells of deaths or injuries ("were killed", "two dead")."""
    words = lexicon()["casualty_words"]
    return any(t.lower_ in words and t.pos_ in ("VERB", "ADJ") for t in sent)


def headline_event_lemmas(head: Headline, span: Optional[tuple[int, int]]) -> frozenset:
    """Lemmas of the headline's event verbs: its main verb and the verbs of its after/as/when
    clause `span`, less the casualty and reporting words (those say what happened to people, not how)."""
    hdoc = head.doc
    idx = [head.verb] if head.verb is not None else []
    if span:
        idx.extend(i for i in range(*span) if hdoc[i].tag_ in VERB_TAGS or hdoc[i].lemma_.lower() in head.verbs)
    skip = lexicon()["not_event_words"]
    out = set()
    for i in idx:
        t = hdoc[i]
        lemma = t.lemma_.lower()
        if lemma not in skip and t.lower_ not in skip and t.is_alpha and not t.is_stop:
            out.add(lemma)
    return frozenset(out)


def body_event_forms(lemmas: frozenset, told: bool, lead: Lead, incident: bool) -> list[Candidate]:
    """The body's own telling of the headline's event verb (`lemmas`) when it says more than the
    headline: verbs coordinated with it ("skidded and overturned" for "overturns") or, in a
    casualty report whose headline has not `told` how, its subject and object ("tram derailed"
    for "Tram Derails")."""
    if not lemmas:
        return []
    out = []
    n = int(weight("how_mechanism_sentences"))
    for sent, prior in zip(lead.sents[:n], lead.prior):
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in lemmas:
                continue
            first = chain_start(tok)
            chain = verb_chain(first)
            if chain.end - chain.start > 1 and tok.i < chain.end:
                phrase, words = event_phrase(first, incident), 2
            elif incident and not told:      # a headline clause that names the actor says it already
                phrase = event_phrase(first, True)
                words = len(phrase)
                if words < 2 or phrase[0].dep_ not in ("nsubj", "nsubjpass"):
                    continue      # the body names what did it ("tram derailed"), not only an object
            else:
                continue
            out.append(span_candidate(phrase, weight("how_body_form") + 0.05 * min(words, 3) + 0.1 * prior))
    return out


def chain_start(verb: Token) -> Token:
    """The first verb of a coordination the verb closes ("flipped and derailed" from 'derailed')."""
    head = verb.head
    if verb.dep_ == "conj" and head.pos_ == "VERB" and verb.i - head.i <= 3 \
            and all(t.pos_ in ("CCONJ", "ADV", "AUX") for t in verb.doc[head.i + 1:verb.i]):
        return head
    return verb


def event_phrase(verb: Token, with_args: bool, short_object: bool = False) -> Span:
    """The verb chain; with_args adds a common-noun subject right before it, and with_args or
    short_object a particle or a short object right after it ("tram jumped the rails", "vehicle
    tipped over", "opened fire")."""
    chain = verb_chain(verb)
    doc = verb.doc
    start, end = chain.start, chain.end
    if not (with_args or short_object):
        return chain
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if with_args and subj is not None and subj.pos_ == "NOUN" and subj.i < start \
            and all(t.pos_ in ("AUX", "PART", "ADV") for t in doc[subj.i + 1:start]):
        start = subj.i
    end = complement_end(doc[end - 1], end - 1, pos=("NOUN",)) + 1
    return doc[start:end]


def instrument_phrases(sent: Span, prior: float, lemmas: frozenset) -> list[Candidate]:
    """'with' + a thing, attached to the event verb: how the deed was done ("stormed the
    consulate with a truck bomb"). Only when the verb is one of the headline's event verbs
    (`lemmas`), and the thing is no person, group, place or time."""
    out = []
    for tok in sent:
        if tok.lower_ not in lexicon()["instrument_preps"] or tok.dep_ != "prep":
            continue
        verb = tok.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lemmas:
            continue
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None or obj.pos_ != "NOUN" or obj.ent_type_:
            continue
        if any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE", "DATE", "TIME") for t in obj.subtree):
            continue
        end = min(clip_right(obj), obj.i + 3)
        out.append(span_candidate(sent.doc[tok.i:end + 1], weight("how_instrument") * 0.5 + prior * 0.5))
    return out


def means_clauses(sent: Span, prior: float, lemmas: frozenset) -> list[Candidate]:
    """A participle clause with its object after the event verb ("won the final, beating the
    champions 24-21"): the deed by which it was done. Only on one of the headline's event verbs
    (`lemmas`); not a casualty ("killing five") nor a saying ("saying ...")."""
    out = []
    skip = lexicon()["not_event_words"]
    for tok in sent:
        verb = tok.head
        if tok.dep_ != "advcl" or tok.tag_ != "VBG" or verb.pos_ != "VERB" or verb.i > tok.i \
                or verb.lemma_.lower() not in lemmas or tok.lemma_.lower() in skip:
            continue
        if has_subject(tok) or any(c.dep_ == "mark" for c in tok.children) \
                or not any(c.dep_ == "dobj" for c in tok.children):
            continue
        out.append(span_candidate(sent.doc[tok.i:object_and_score_end(tok) + 1],
                                  weight("how_means") * 0.5 + prior * 0.5))
    return out


def object_and_score_end(verb: Token) -> int:
    """Last index of the verb's object, and of a score written right after it ("beating
    Saracens 24-21"), before any preposition."""
    obj = next(c for c in verb.children if c.dep_ == "dobj")
    end = min(obj.right_edge.i, clip_right(verb))
    doc = verb.doc
    while end + 1 < verb.sent.end and (doc[end + 1].like_num or doc[end + 1].text in ("-", "–")) \
            and end + 1 - obj.right_edge.i <= 3:
        end += 1
    return end


def mechanism_span(head: Headline) -> Optional[tuple[int, int]]:
    """Token range of a casualty headline's 'after/as/when' clause, up to its verbs and bare object."""
    if not is_casualty_headline(head):
        return None
    a, b = head.rest
    hdoc = head.doc
    for i in range(a, b - 1):
        if hdoc[i].lower_ in lexicon()["mechanism_marks"]:
            verb = next((j for j in range(i + 1, b) if hdoc[j].tag_ in VERB_TAGS
                         or is_verb_like(hdoc[j], head.verbs) or hdoc[j].lemma_.lower() in head.verbs), None)
            if verb is not None and verb > i + 1 and hdoc[verb].lower_ not in lexicon()["casualty_words"]:
                return (i + 1, object_end(hdoc, chain_end(hdoc, verb, b), b))
    return None


def is_casualty_headline(head: Headline) -> bool:
    words = lexicon()["casualty_words"]
    a, b = head.what or (0, 0)
    return any(head.doc[i].lower_ in words for i in range(a, b))


def chain_end(hdoc: Doc, verb: int, b: int) -> int:
    """Last index of 'derails and overturns': a verb with verbs coordinated to it."""
    end = verb
    while end + 2 < b and hdoc[end + 1].lower_ in ("and", "or") and hdoc[end + 2].tag_ in VERB_TAGS:
        end += 2
    return end


def object_end(hdoc: Doc, verb: int, b: int) -> int:
    """End of the bare object after a headline verb ("opens fire"), before any preposition."""
    end = verb + 1
    while end < b and hdoc[end].tag_ in NOUN_TAGS | {"DT", "PRP$", "JJ"}:
        end += 1
    return end


def lead_mechanism(sent: Span, prior: float, incident: bool = True) -> list[Candidate]:
    """In a sentence that reports deaths or injuries, the verbs of its 'after/when/as' clause
    ("... were hurt when a bus skidded and overturned" -> "bus skidded and overturned")."""
    if not reports_casualties(sent):
        return []
    marks = lexicon()["mechanism_marks"]
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() in lexicon()["reporting_verbs"]:
            continue
        score = weight("how_mechanism") * 0.5 + prior * 0.5
        if tok.dep_ == "advcl" and tok.tag_ in ("VBD", "VBZ", "VBP", "VBN") and has_subject(tok) \
                and not personal_subject(tok) \
                and any(c.dep_ in ("mark", "advmod") and c.lower_ in marks for c in tok.children):
            out.append(span_candidate(event_phrase(tok, incident), score))
        elif incident and tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBZ", "VBN") and tok.head.pos_ == "NOUN" \
                and (tok.head.dep_ == "pobj" and tok.head.head.lower_ in marks
                     or any(c.dep_ in ("mark", "advmod") and c.lower_ in marks for c in tok.head.children)):
            # "after a tram overturned", parsed as a noun the verb modifies
            chain = event_phrase(tok, True)
            out.append(span_candidate(sent.doc[tok.head.i:chain.end], score))
        elif killed_by(tok):
            out.append(span_candidate(deed_with_complements(tok.head), score))
    return out


def killed_by(tok: Token) -> bool:
    """'killing'/'wounding' hanging off the verb of the deed that did it ("opened fire ...,
    killing five", "blew himself up ..., wounding 40")."""
    lex = lexicon()
    deed = tok.head
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.lemma_.lower() in lex["casualty_verbs"] \
        and deed.pos_ == "VERB" and deed.i < tok.i and deed.lemma_.lower() not in lex["not_event_words"]


def deed_with_complements(verb: Token) -> Span:
    """The verb with the object and particle that complete it ("opened fire", "blew himself up",
    "stormed the embassy")."""
    return verb.doc[verb.i:complement_end(verb, verb.i, pos=("NOUN", "PRON")) + 1]


def personal_subject(verb: Token) -> bool:
    """'as he spoke': a personal pronoun as subject tells of a person, not of how the event came about."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "PRP" and c.lower_ not in ("it", "they")
               for c in verb.children)


def verb_chain(verb: Token) -> Span:
    """The verb and the verbs coordinated right after it ("derailed and overturned")."""
    end = verb.i
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.i - end <= 3 \
                and all(t.pos_ in ("CCONJ", "ADV", "AUX") for t in verb.doc[end + 1:c.i]):
            end = c.i
    return verb.doc[verb.i:end + 1]
