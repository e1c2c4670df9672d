"""Reporting cues in the parse: which tokens are reporting verbs, the content a verb frames,
"according to X" phrases, and the medium or relaying outlet of a reporting clause (via)."""
from __future__ import annotations

from newsgraph.nlp import doc_ents, doc_memo

from typing import Optional

from spacy.tokens import Token

from newsgraph.quotes.lexicon import (attribution, circumstance_only_marks, general_object_preps, media_nouns,
                                     news_agencies, prepositional_cues, reporting_verbs, topic_preps)

FINITE_TAGS = ("VBD", "VBZ", "VBP")             # a finite verb is never inside a noun phrase


def is_reporting_verb(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX") or lemma not in reporting_verbs() or not _used_as_verb(tok):
        return False
    if lemma in attribution()["naming_verbs"] and _names_something(tok):
        return False
    if lemma in attribution()["aspectual_verbs"] and any(c.dep_ == "xcomp" for c in tok.children):
        return False            # "continued to rise"
    if lemma in attribution()["request_verbs"] and any(c.dep_ == "xcomp" for c in tok.children) \
            and not any(c.dep_ in ("dobj", "dative", "ccomp") for c in tok.children):
        return False            # "asked not to be named": a request about oneself
    required = prepositional_cues()["required"].get(lemma)
    return required is None or any(c.dep_ in ("prt", "prep") and c.lower_ in required for c in tok.children)


def _used_as_verb(tok: Token) -> bool:
    """Not a participle used as an adjective ("pledged delegates") nor markup ("<tweet id=...")."""
    return tok.dep_ != "amod" and not (tok.i > 0 and tok.nbor(-1).text == "<")


def parenthetical_addressee(verb: Token) -> bool:
    """"X, asked about Y, said": "asked" set off by commas, with no object, before another
    reporting verb of the same subject (the parser took it for X's own verb)."""
    doc = verb.doc
    if verb.lemma_.lower() not in attribution()["addressee_verbs"] or verb.i == 0 or doc[verb.i - 1].text != ",":
        return False
    if any(c.dep_ in ("dobj", "dative", "ccomp") for c in verb.children):
        return False
    end = verb.i + 1
    while end < verb.sent.end and doc[end].text != "," and doc[end].pos_ not in ("VERB", "AUX"):
        end += 1
    return end + 1 < len(doc) and doc[end].text == "," and is_reporting_verb(doc[end + 1])


def _names_something(tok: Token) -> bool:
    """"a group called X", "a book dubbed X": naming a thing, not saying something."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in tok.children):
        return False
    if tok.dep_ == "acl" and tok.head.dep_ == "ROOT":
        return False        # "Roe, an ally, called the plan “weak”": a finite verb misread
    after_noun = tok.i > 0 and tok.nbor(-1).pos_ in ("NOUN", "PROPN")
    return tok.dep_ == "acl" or (tok.tag_ == "VBN" and after_noun)


def frame_of(tok: Token) -> str:
    return reporting_verbs().get(tok.lemma_.lower(), "clause")


def _same_paragraph(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return not any("\n" in t.text for t in a.doc[lo:hi])


def _object_first(verb: Token) -> bool:
    """An object-frame verb with an object of its own after it."""
    return frame_of(verb) == "object" and any(c.dep_ in ("dobj", "oprd") and c.i > verb.i for c in verb.children) \
        and bool(_object_content(verb))


def _clause_children(verb: Token) -> list[Token]:
    clauses = [c for c in verb.children if c.dep_ in ("ccomp",) and not parenthetical_addressee(c)]
    if swallowed_subject(verb) is not None:
        clauses = [c for c in clauses if c.i > verb.i]
    return clauses + _second_that_clauses(verb, clauses)


def swallowed_subject(verb: Token) -> Token | None:
    """"Roe, who chairs the board, said S" parsed with "Roe, who chairs the board" as a clause
    before the verb and S as one after it: the name opening that first clause, set off by a
    comma, is the verb's subject, and the clause is no part of what was said."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if not before or not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    clause = before[0]
    subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.left_edge.i == clause.left_edge.i]
    if not subjects or subjects[0].pos_ not in ("PROPN", "NOUN"):
        return None
    subject = subjects[0]
    set_off = any(t.text == "," for t in verb.doc[subject.i + 1:clause.i])
    return subject if set_off else None


def _second_that_clauses(verb: Token, clauses: list[Token]) -> list[Token]:
    """"said that S1, but that S2": a "that" clause the parser joined to the reporting verb
    rather than to its first clause is a second part of what was said."""
    if not clauses or any(c.i < verb.i for c in clauses):
        return []
    first = min(c.i for c in clauses)
    return [c for c in verb.children if c.dep_ == "conj" and c.i > first and c.pos_ in ("VERB", "AUX")
            and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children)]


def _stranded_subjects(verb: Token, clauses: list[Token]) -> list[Token]:
    """"said the days when ... are gone": a noun phrase the parser hung on the verb between it
    and a subjectless clause it frames is that clause's subject."""
    clause = clauses[0]
    if clause.i < verb.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return []
    return [c for c in verb.children if verb.i < c.i < clause.left_edge.i
            and c.dep_ in ("npadvmod", "dobj", "nsubj", "attr") and c.pos_ in ("NOUN", "PROPN", "PRON")
            and c.ent_type_ not in ("DATE", "TIME")]


def content_tokens(verb: Token) -> list[Token]:
    """The tokens of what a reporting verb reports, or [] when it frames no content."""
    clauses = _without_trailing_circumstance(verb, [c for c in _clause_children(verb) if _same_paragraph(c, verb)])
    if clauses and all(c.i < verb.i for c in clauses) and _object_first(verb):
        clauses = []                  # "S - he called her “weak”": the object, not the clause before
    if clauses:
        found = sorted(t for c in clauses + _stranded_subjects(verb, clauses) for t in c.subtree)
        found = _without_own_conjuncts(verb, clauses, found)
        return _with_tail(verb, found, "clause") if all(c.i > verb.i for c in clauses) else found
    head = verb.head
    if verb.dep_ == "parataxis" and head.pos_ not in ("VERB", "AUX"):
        head = clause_head(verb)      # "The difference, he said, is ..." hung on "difference"
    if (verb.dep_ == "parataxis" or verb.dep_ == "ccomp" and head.i < verb.i and not _subordinate(verb)) \
            and (head.pos_ in ("VERB", "AUX") or _set_off_clause(verb)):
        return _before_trailing_circumstance(verb, head) or _around_parenthetical(verb, head)
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
            and any(c.dep_ == "nsubj" for c in verb.children) \
            and not (frame_of(verb) == "object" and _object_content(verb)):
        return _around_parenthetical(verb, head)          # "As X said, S" / "S, as X noted"
    if frame_of(verb) == "object" or _tells_to(verb):
        content = _object_content(verb)
        heads = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i]
        content = _with_tail(verb, _without_own_conjuncts(verb, heads, content), "object")
        if content:
            return content
    stray = _stray_that_clause(verb) or _passive_subject(verb)
    return sorted(stray.subtree, key=lambda t: t.i) if stray is not None else []


def _passive_subject(verb: Token) -> Token | None:
    """"The bombing was claimed by a militant group", "the arrest was confirmed by X": a passive
    reporting verb with an agent reports its subject (not when the subject is the one told,
    asked or named)."""
    lemma = verb.lemma_.lower()
    lex = attribution()
    if lemma in lex["addressee_verbs"] or lemma in lex["naming_verbs"] or lemma in lex["request_verbs"] \
            or not any(c.dep_ == "agent" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)


def _tells_to(verb: Token) -> bool:
    """"told residents to stay indoors": a clause-frame verb of telling with an addressee and an
    infinitive reports an order, as "urged" does."""
    return verb.lemma_.lower() in attribution()["addressee_verbs"] and any(
        c.dep_ == "xcomp" and c.i > verb.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children)


def _stray_that_clause(verb: Token) -> Token | None:
    """"told a gathering of nurses that wages would rise": a "that" clause with a subject
    of its own, which the parser hung as a relative clause on a noun of the verb's object or
    modifier, is what the verb reports (a relative "that" has no subject beside it)."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None
    for child in verb.rights:
        if child.dep_ not in ("dobj", "dative", "prep", "npadvmod"):
            continue
        for tok in child.subtree:
            if tok.dep_ in ("relcl", "acl") and _that_complement(tok) and _same_paragraph(tok, verb) \
                    and not any(is_reporting_verb(t) for t in tok.doc[verb.i + 1:tok.left_edge.i]):
                return tok
    return None


def _that_complement(clause: Token) -> bool:
    """A clause opened by the conjunction "that" and with a subject of its own."""
    first = clause.left_edge
    return first.lower_ == "that" and first.dep_ == "mark" and first.head.i == clause.i \
        and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)


def _without_own_conjuncts(verb: Token, heads: list[Token], content: list[Token]) -> list[Token]:
    """"proposed doing X and signaled Y": a verb joined by "and" to the content's verb, with no
    subject of its own, whose form cannot share the content verb's, is the speaker's next act,
    not part of what was said."""
    drop = set()
    for head in heads:
        for conj in head.children:
            if conj.dep_ != "conj" or conj.i < head.i or conj.pos_ not in ("VERB", "AUX") \
                    or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
                continue
            if _tense_breaks(head, conj) or _reporting_form(verb, head, conj):
                first = conj.left_edge.i
                while first - 1 > head.i and head.doc[first - 1].dep_ in ("cc", "punct") \
                        and head.doc[first - 1].head in (head, conj):
                    first -= 1
                drop |= set(range(first, conj.right_edge.i + 1))
    return [t for t in content if t.i not in drop] if drop else content


def _reporting_form(verb: Token, head: Token, conj: Token) -> bool:
    """"said that the state is open, and left the stage": a past-tense verb joined to a
    present-tense content verb, in the reporting verb's own form, is the speaker's next act."""
    return verb.tag_ == "VBD" and conj.tag_ == "VBD" and head.tag_ in ("VBZ", "VBP") \
        and not any(c.dep_ in ("aux", "auxpass") for c in conj.children)


def next_act_of(conj: Token) -> Optional[Token]:
    """The reporting verb whose speaker does what conj says, when the parser joined conj to
    that verb's content clause ("noted that S lags and asked whether ..."), else None."""
    head = conj.head
    if conj.dep_ != "conj" or head.dep_ != "ccomp" or not is_reporting_verb(head.head) \
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
        return None
    return head.head if _reporting_form(head.head, head, conj) else None


def _tense_breaks(head: Token, conj: Token) -> bool:
    """A finite verb with no auxiliary joined to a gerund, an infinitive or a subjunctive
    passive ("proposed conducting ... and signaled", "urged that the plant be closed ... and
    called"): it cannot share the content verb's form."""
    if conj.tag_ not in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") for c in conj.children):
        return False
    aux = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    return head.tag_ == "VBG" and not aux or head.tag_ == "VB" and [a.lower_ for a in aux] == ["to"] \
        or head.tag_ == "VBN" and bool(aux) and all(a.tag_ in ("VB", "VBG", "VBN", "TO") for a in aux)


def _circumstance_clause(tok: Token) -> bool:
    """"..., after he introduced a bill", "as Pyongyang fired": a clause of time or concession."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in attribution()["circumstance_marks"]
                                       for c in tok.children)


def _participle_clause(tok: Token) -> bool:
    """"denied that S, appearing to rely on Y": a participle clause set off by a comma after a
    clause content describes the speaker, not what was said."""
    return tok.dep_ == "advcl" and tok.tag_ in ("VBG", "VBN") and not any(c.dep_ == "mark" for c in tok.children) \
        and tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text in (",", "-", "--", "—")


def _occasion(tok: Token) -> bool:
    """"in an interview", "at a rally", "on Sunday": where or when it was said, not what."""
    if tok.dep_ != "prep":
        return False
    objects = [c for c in tok.children if c.dep_ == "pobj"]
    return is_circumstance(tok) or any(c.lemma_.lower() in attribution()["occasion_nouns"] for c in objects)


def _with_tail(verb: Token, content: list[Token], kind: str) -> list[Token]:
    """"reported a 2.8 percent rate in June, one of the lowest", "questioning X's judgment in
    supporting Y": what the parser hung on the verb after its content ("object" or "clause",
    see attribution.json's content_tails) still belongs to what was said; a clause of its own
    joined by "and" does not."""
    if not content:
        return content
    first = content[0].i
    have = {t.i for t in content}
    tail = [c for c in verb.rights if c.i > first and c.i not in have and _in_tail(verb, c, content, kind)]
    return sorted(content + [t for c in tail for t in c.subtree], key=lambda t: t.i)


def _in_tail(verb: Token, tok: Token, content: list[Token], kind: str) -> bool:
    rules = attribution()["content_tails"][kind]
    taken = tok.dep_ in rules["deps"] or rules["stray_objects"] and _stray_object_conjunct(tok) \
        or _content_form_conjunct(verb, tok, content)
    return taken and not is_reporting_verb(tok) and not _circumstance_clause(tok) and not _occasion(tok) \
        and (rules["participle_clauses"] or not _participle_clause(tok))


VERB_FORMS = {"VBD": "past", "VBZ": "present", "VBP": "present", "VB": "base", "VBG": "gerund", "VBN": "participle"}


def _content_form_conjunct(verb: Token, conj: Token, content: list[Token]) -> bool:
    """"pledged that Trump is for free trade, but wants better deals": a verb joined by "and" or
    "but" to the reporting verb, with no subject of its own, in the form of the content's verb
    and not of the reporting verb's, continues what was said (conjuncts share their head's form)."""
    if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX") or conj.i < content[-1].i \
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
        return False
    form = VERB_FORMS.get(conj.tag_)
    heads = [t for t in content if t.dep_ in ("ccomp", "xcomp") and t.head.i == verb.i]
    return form is not None and form != VERB_FORMS.get(verb.tag_) \
        and any(VERB_FORMS.get(h.tag_) == form for h in heads)


def _stray_object_conjunct(tok: Token) -> bool:
    """"praised the mayor's “grit” and her record on taxes": a noun joined to the verb itself is a
    second object the parser hung one level too high (a verb is not coordinated with a noun)."""
    return tok.dep_ == "conj" and tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ == "VERB"


def _set_off_clause(verb: Token) -> bool:
    """"S1, he added, amount to S2" with the sentence's verb misread as a noun: a reporting verb
    with a subject of its own, set off by commas inside its sentence, is a parenthetical."""
    doc = verb.doc
    words = [t.i for t in verb.subtree if not t.is_punct]
    left, right = words[0], words[-1]
    subject = any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)
    return subject and left > verb.sent.start and doc[left - 1].text == "," \
        and (right + 1 >= verb.sent.end or doc[right + 1].is_punct)


def _before_trailing_circumstance(verb: Token, head: Token) -> list[Token]:
    """"S, the ministry said, a day before the truce took effect": when the parser hung the
    reporting clause on a clause of time or concession after it, what was said is the clause
    before the reporting clause; the circumstance is the writer's. [] when that is not so."""
    if head.i < verb.i or not _circumstance_mark(head):
        return []
    before = [t for t in verb.doc[verb.sent.start:verb.left_edge.i]]
    words = [t for t in before if not (t.is_punct or t.is_space)]
    return before if len(words) >= 2 and _same_paragraph(before[0], verb) else []


def _without_trailing_circumstance(verb: Token, clauses: list[Token]) -> list[Token]:
    """"S, the governor said, hours before the talks opened" parsed as two clauses of the verb:
    the one of time or concession after it is the writer's, not part of what was said."""
    if not any(c.i < verb.i for c in clauses):
        return clauses
    return [c for c in clauses if c.i < verb.i or not _circumstance_mark(c)]


def _circumstance_mark(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in circumstance_only_marks() for c in clause.children)


def _subordinate(verb: Token) -> bool:
    """"X said that it had responded": a clause under the verb before it, not a reporting
    clause after its content."""
    return any(c.dep_ == "mark" for c in verb.children) or is_reporting_verb(verb.head)


def _around_parenthetical(verb: Token, head: Token) -> list[Token]:
    """"S, he said." / "S1, he said, S2": the clause the reporting clause interrupts or
    follows, on both sides of it."""
    own = {t.i for t in verb.subtree}
    return [t for t in head.subtree if t.i not in own]


def _object_content(verb: Token) -> list[Token]:
    """"accused Y of Z", "urged Y to Z", "called for Z", "criticized Z": object and its complement."""
    after = [c for c in verb.rights if c.dep_ in ("dobj", "xcomp", "oprd", "prep", "ccomp", "dative")
             or _question_clause(c)]
    lemma = verb.lemma_.lower()
    preps = general_object_preps() | prepositional_cues()["object_preps"].get(lemma, frozenset())
    parts = [c for c in after if c.dep_ != "prep" or (c.lower_ in preps and not is_circumstance(c))]
    if not parts or all(c.dep_ == "dative" for c in parts):
        return []
    if all(c.dep_ == "prep" for c in parts) and any(c.dep_ == "neg" for c in verb.children):
        return []           # "did not comment on the strike": a topic nobody spoke about
    topics = prepositional_cues()["addressee_topics"].get(lemma)
    if topics is not None and not any(
            c.dep_ in ("xcomp", "ccomp") or _question_clause(c) or c.lower_ in topics for c in parts):
        return []           # "told reporters", "asked him": the one addressed, not what was said
    return sorted(t for c in parts for t in c.subtree)


def _question_clause(tok: Token) -> bool:
    """"asked them if they would run", "whether": an indirect question the parser hung as a
    modifier clause."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in tok.children) \
        or _for_to_clause(tok)


def _for_to_clause(tok: Token) -> bool:
    """"called for her to quit": a for-to infinitive the parser hung as a modifier clause."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def is_circumstance(prep: Token) -> bool:
    """"on Sunday", "at Mediaite", "in Iowa", "on condition of anonymity", "to a request for
    comment": a time, place or circumstance, not what was said."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if any(c.lemma_.lower() in attribution()["not_content_nouns"] for c in objects):
        return True
    if prep.lower_ in topic_preps():
        return False        # "talked about CNN", "railed against Washington": the topic
    return any(c.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC", "ORG") for c in prep.children if c.dep_ == "pobj")


def according_phrases(doc) -> list[tuple[Token, Token]]:
    """(marker, source head) for every "according to X" in doc (found once per reading scope)."""
    return doc_memo(doc, "quotes.according", lambda: _according_phrases(doc))


def _according_phrases(doc) -> list[tuple[Token, Token]]:
    found = []
    for tok in doc:
        if tok.lower_ == "according":
            for prep in tok.children:
                if prep.lower_ == "to":
                    objs = [c for c in prep.children if c.dep_ == "pobj"] or _stray_object(prep)
                    if objs:
                        found.append((tok, objs[0]))
        elif tok.lower_ == "to" and tok.i > 0 and doc[tok.i - 1].lower_ == "according" and tok.head.lower_ != "according":
            objs = [c for c in tok.children if c.dep_ == "pobj"]
            if objs:
                found.append((doc[tok.i - 1], objs[0]))
    return found


def _stray_object(prep: Token) -> list[Token]:
    """"according to the W.H.O." with the object torn from the preposition by the parser: the
    first noun right after it (determiners skipped), when nothing else hangs on the preposition."""
    doc = prep.doc
    i = prep.i + 1
    while i < len(doc) and (doc[i].pos_ == "DET" or doc[i].lower_ == "the"):
        i += 1
    if i >= len(doc) or i > prep.i + 2 or doc[i].pos_ not in ("PROPN", "NOUN") or list(prep.children):
        return []
    return [doc[i]]


def clause_head(tok: Token) -> Token:
    """The verb of the clause tok hangs from."""
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and head.head is not head:
        head = head.head
    return head


def short_name(head: Token) -> str:
    """A name as written at head: the proper-noun run ending at head, an acronym given in
    parentheses after it ("Association for ... (AAPP)" -> "AAPP"), else the phrase's words."""
    acronym = _parenthesised_acronym(head)
    if acronym:
        return acronym
    entity = entity_span(head)
    if entity is not None:
        return " ".join(t.text for t in entity if t.lower_ != "the").replace(" - ", "-").replace(" -", "-")
    run = [head]
    while run[0].i > 0 and run[0].nbor(-1).pos_ == "PROPN" and run[0].nbor(-1).dep_ in ("compound", "flat"):
        run.insert(0, run[0].nbor(-1))
    if head.pos_ == "PROPN":
        return " ".join(t.text for t in run)
    left = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("punct",)]
    return head.doc[left[0].i:head.i + 1].text if left else head.text


def entity_span(tok: Token):
    """The named-entity span of the parse that holds tok, or None."""
    if not tok.ent_type_:
        return None
    for ent in doc_ents(tok.doc):
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _parenthesised_acronym(head: Token) -> Optional[str]:
    doc = head.doc
    end = max(t.i for t in head.subtree)
    for i in range(head.i + 1, min(end + 2, len(doc) - 2)):
        if doc[i].text == "(" and doc[i + 2].text == ")" and doc[i + 1].text[:1].isupper() \
                and doc[i + 1].text.replace(".", "").isalpha() and len(doc[i + 1].text) <= 10:
            return doc[i + 1].text
    return None


def source_head(obj: Token) -> Token:
    """Follow "data from X", "a report by X" to X; otherwise obj itself."""
    if {obj.lemma_.lower(), obj.lower_} & set(attribution()["source_nouns"]):
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ in attribution()["source_preps"]:
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                if objs:
                    return source_head(objs[0])
        for verb in obj.children:              # "figures compiled by X", "data collected by X"
            compiled = verb.lemma_.lower() in attribution()["compiling_verbs"]
            if verb.dep_ == "acl" and verb.tag_ == "VBN" and compiled:
                agents = [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
                if agents:
                    return source_head(agents[0])
    return obj


def _relay_after(obj: Token) -> list[Token]:
    """"figures compiled by X and cited by Y" when the parser hangs "cited" on the main verb:
    a relay participle right after the phrase of obj, joined by "and"."""
    doc, i = obj.doc, obj.right_edge.i + 1
    if i + 1 < len(doc) and doc[i].lower_ in ("and", ",") and doc[i + 1].tag_ == "VBN" \
            and doc[i + 1].lemma_.lower() in attribution()["relay_verbs"]:
        return [doc[i + 1]]
    return []


def relays_of(obj: Token) -> list[Token]:
    """"X cited by Y", "X quoted by Y", "X, as reported by Y": the heads of Y, in order."""
    found = []
    for child in list(obj.subtree) + _relay_after(obj):
        if child.dep_ in ("acl", "relcl", "advcl", "conj") and child.lemma_.lower() in attribution()["relay_verbs"]:
            for agent in child.children:
                if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "by"):
                    objs = [c for c in agent.children if c.dep_ == "pobj"]
                    if objs and objs[0] not in found:
                        found.append(source_head(objs[0]))
    return found


def is_medium(tok: Token) -> bool:
    """A medium or outlet: "Facebook", "state TV", "the Associated Press", "broadcaster ZDF"."""
    words = {tok.lemma_.lower(), tok.lower_}
    words |= {f"{c.lower_} {tok.lower_}" for c in tok.children if c.dep_ in ("compound", "amod")}
    if tok.pos_ == "PROPN":                     # "the public broadcaster ZDF"
        words |= {c.lemma_.lower() for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
    entity = entity_span(tok)
    if entity is not None:
        words.add(" ".join(t.lower_ for t in entity if t.lower_ != "the"))
    return bool(words & media_nouns()) or bool(words & news_agencies()) \
        or tok.text in {a.upper() for a in news_agencies()}


def outlet_name(tok: Token) -> str:
    """The name of an outlet: "IRNA" for "state news agency IRNA" whichever word heads it."""
    names = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    return short_name(names[0]) if names else _medium_name(tok)


def _medium_name(tok: Token) -> str:
    if tok.pos_ == "PROPN" and entity_span(tok) is not None:
        return short_name(tok)                  # "the Associated Press"
    names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if names:                                   # "Al-Manar television": the whole name before the noun
        return " ".join(tok.doc[c.left_edge.i:c.i + 1].text for c in sorted(names, key=lambda t: t.i))
    if tok.pos_ == "PROPN":
        return short_name(tok)
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
    return " ".join(t.text for t in sorted(mods + [tok], key=lambda t: t.i))


def via_of(verb: Token, skip: set[int], depth: int = 0) -> Optional[str]:
    """The medium ("on Facebook", "in a statement issued on X channel") or relaying outlet
    ("as reported by X") of a reporting verb; tokens in skip (the content) are not searched."""
    if depth > 3:
        return None
    for child in verb.children:
        if child.i in skip:
            continue
        if child.dep_ == "prep" and child.lower_ in ("on", "in", "to", "via", "through", "from"):
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                if is_medium(obj) and obj.lemma_.lower() not in ("statement", "interview", "speech", "post", "briefing"):
                    return _medium_name(obj)
                found = _via_inside(obj, skip, depth)
                if found:
                    return found
        if child.dep_ in ("dative", "dobj") and is_medium(child) and child.pos_ == "PROPN":
            return _medium_name(child)
        if child.dep_ in ("dative", "dobj") and is_medium(child):
            names = [c for c in child.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            if names:                             # "told the public broadcaster NRK"
                return short_name(names[0])
            if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in child.children):
                return _medium_name(child)        # "told Al-Manar television"
        if child.dep_ in ("advcl",) and child.lemma_.lower() in attribution()["relay_verbs"]:
            for agent in child.children:
                objs = [c for c in agent.children if c.dep_ == "pobj"] if agent.dep_ == "agent" else []
                if objs:
                    return short_name(objs[0])
    return None


def _via_inside(obj: Token, skip: set[int], depth: int) -> Optional[str]:
    """"in a statement issued on X": a medium inside the modifiers of a statement noun."""
    for child in obj.children:
        if child.dep_ in ("acl", "relcl") and child.i not in skip:
            found = via_of(child, skip, depth + 1)
            if found:
                return found
        if child.dep_ == "prep" and child.lower_ in ("on", "in", "via") and child.i not in skip:
            for sub in (c for c in child.children if c.dep_ == "pobj"):
                if is_medium(sub):
                    return _medium_name(sub)
    return None
