"""Who speaks: the noun phrase of a reporting clause's subject turned into a Speaker. Names come
from the entities stage (`entity_at`, which also knows resolved pronouns and titles) and are
given as the article writes them ("the IMF", "Mr. Trump", "the former president") while
`entity_id` links the canonical entity; a personal pronoun goes to the most salient person
(coref.py) and is named by that person's latest written name; "they" goes to the last group
named as a subject; a description the entities stage did not resolve ("the senator", "a source
familiar with the talks") keeps its own words; an unresolvable pronoun gives None."""
from __future__ import annotations

from newsgraph.nlp import doc_text

from typing import Optional

from spacy.tokens import Doc, Token

from newsgraph.records import Entity, Speaker
from newsgraph.quotes.coref import PersonIndex
from newsgraph.quotes.cues import (FINITE_TAGS, clause_head, entity_span, is_reporting_verb, next_act_of,
                                   parenthetical_addressee, swallowed_subject)
from newsgraph.quotes.lexicon import attribution, media_nouns, pronouns

try:
    from newsgraph.entities import entity_at as _entity_at
except ImportError:          # the entities stage is not there yet: a plain offset lookup
    _entity_at = None

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP")
MAX_DESCRIBED_TOKENS = 14
GROUP_SENTENCES_BACK = 2
DESCRIBING_DEPS = ("prep", "acl", "amod", "relcl")
FLOATING_QUANTIFIERS = ("both", "all", "each", "either", "neither")
DOUBLE_QUOTES = ('"', "“", "”", "''", "``", "«", "»", "„")
CLIMB_DEPS = ("conj", "advcl", "xcomp", "pcomp", "prep", "pobj")


def entity_at(entities: list[Entity], start: int, end: int) -> Optional[Entity]:
    """The entity with a mention inside [start, end) (the entities stage's lookup when present)."""
    if _entity_at is not None:
        return _entity_at(entities, start, end)
    best = None
    for ent in entities:
        for m in ent.mentions:
            if m.start >= start and m.end <= end and (best is None or m.end - m.start > best[1]):
                best = (ent, m.end - m.start)
    return best[0] if best else None


def phrase_tokens(head: Token) -> list[Token]:
    """The noun phrase of head: its left dependents (determiners, titles, compounds, possessors)
    and an "of" phrase after a quantity ("some of her followers"), without appositions,
    relative clauses or leading punctuation."""
    keep = [head]
    for child in head.lefts:
        if child.dep_ not in ("appos", "relcl", "acl", "punct", "cc", "prep", "advmod"):
            keep.extend(child.subtree)
    if head.pos_ != "PROPN":
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                keep.extend(child.subtree)
    entity = entity_span(head)
    if entity is not None and entity.root == head:
        keep.extend(t for t in entity if t not in keep)
    keep.sort(key=lambda t: t.i)
    cut = [t for t in keep if t.i < head.i and (t.text in DOUBLE_QUOTES or t.tag_ in FINITE_TAGS)]
    if cut:                                     # "“...,” tweeted party spokeswoman Jane Roe"
        keep = [t for t in keep if t.i > cut[-1].i]
    while len(keep) > 1 and (keep[0].is_punct or keep[0].dep_ == "cc"):
        keep.pop(0)
    return keep


def described_tokens(head: Token) -> list[Token]:
    """An unnamed speaker with the words that tell who it is: "a report in the Daily Herald",
    "one adviser to the governor", "the documents released by the court" (prepositional and
    participial modifiers kept; relative clauses, appositions, reports of its own ("anyone
    disputing X") and anything after a comma or a bracket left out)."""
    keep = set(phrase_tokens(head))
    for child in head.rights:
        if child.dep_ in DESCRIBING_DEPS and not _after_break(head, child) and not _reports_itself(child) \
                and not _is_time_phrase(child):
            keep.update(child.subtree)
    tokens = sorted(keep, key=lambda t: t.i)
    out = [tokens[0]]
    for tok in tokens[1:]:
        if tok.i != out[-1].i + 1 or len(out) >= MAX_DESCRIBED_TOKENS:
            break
        out.append(tok)
    while len(out) > 1 and (out[-1].is_punct or out[-1].dep_ == "cc"):
        out.pop()
    return out


def _is_time_phrase(child: Token) -> bool:
    """"the opposition on Tuesday": a prepositional phrase that dates the act, not the speaker."""
    return child.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in child.children)


def _reports_itself(child: Token) -> bool:
    """"voters disputing the count": a participle that reports something of its own (not "figures
    reported by X", "unions who wrote to the minister")."""
    return child.tag_ == "VBG" and is_reporting_verb(child)


def _after_break(head: Token, child: Token) -> bool:
    between = head.doc[head.i + 1:child.left_edge.i]
    return any(t.text in (",", "(", "—", "–", ";", ":") for t in between)


def _span_of(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _is_pronoun(tok: Token) -> bool:
    return tok.lower_ in pronouns()["person_singular"] | pronouns()["plural"] | pronouns()["first_person"]


def _is_relative(tok: Token) -> bool:
    return tok.lower_ in pronouns()["relative"] and tok.tag_ in ("WP", "WDT", "WP$")


def _named_apposition(head: Token) -> Optional[Token]:
    """"Her campaign manager, Robby Mook": the name in apposition to a common-noun subject; a
    person named after a titled office ("The High Commissioner for X, Jane Roe")."""
    if head.pos_ == "PROPN":
        return _person_after_office(head)
    for child in head.children:
        if child.dep_ == "appos" and (child.pos_ == "PROPN" or child.ent_type_ == "PERSON"):
            return child
    if _bare_role(head):                       # "said lobbyist and party strategist Jane Roe"
        names = [c for c in head.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"]
        if names:
            return names[0]
    if head.tag_ == "NNS":                     # "activists such as Jane Roe", "groups including X"
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("as", "including", "like"):
                names = [c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "PERSON"]
                if names:
                    return names[0]
    return None


def _person_after_office(head: Token) -> Optional[Token]:
    """"The United Nations High Commissioner for Human Rights, Jane Roe, urged": a title-cased
    office that is no person itself, with a person set off in apposition: the person speaks."""
    if head.ent_type_ == "PERSON":
        return None
    return next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)


def _definite_bare(head: Token) -> bool:
    """"the ministry", "The commission": a common noun after "the" with nothing else before it."""
    before = [c for c in head.children if c.i < head.i]
    return head.pos_ == "NOUN" and len(before) == 1 and before[0].lower_ == "the"


def _bare_role(head: Token) -> bool:
    """A singular role noun with no determiner, used as a title ("lobbyist", "strategist")."""
    return head.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod") for c in head.children)


NAME_KINDS = ("name", "alias", "acronym")


def _without_possessive(text: str) -> str:
    for suffix in ("'s", "’s", "‘s", "'", "’"):
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            return text[: -len(suffix)]
    return text


def _shares_word(text: str, name: str) -> bool:
    return bool(set(_without_possessive(text).lower().split()) & set(name.lower().split()))


def written_name(entity: Entity, start: int, end: int) -> str:
    """The entity's name as the article writes it: its named mention inside [start, end) (the
    speaker phrase itself: "the IMF", "Mr. Trump", "Washington"), else its latest named mention
    before start, else its canonical name. The entity id still links the canonical entity."""
    mentions = [m for m in entity.mentions if m.kind != "pronoun"]
    here = [m for m in mentions if m.start < end and start < m.end]
    here = [m for m in here if m.kind in NAME_KINDS] or here   # "Lucia Ferreira", not "The chairwoman of ..."
    if here:
        return _without_possessive(max(here, key=lambda m: m.end - m.start).text)
    earlier = [m for m in mentions if m.end <= start and m.kind in NAME_KINDS]
    earlier = [m for m in earlier if _shares_word(m.text, entity.name)] or earlier   # not "(Mich.)"
    if earlier:
        return _without_possessive(max(earlier, key=lambda m: m.start).text)
    return entity.name


class SpeakerResolver:
    """Turns speaker phrases of one article into Speakers."""

    def __init__(self, doc: Doc, entities: list[Entity], quoted: list[bool]):
        self.doc, self.entities, self.quoted = doc, entities, quoted
        self.index = PersonIndex(doc, entities, quoted, is_reporting_verb)

    def _speaker_at(self, start: int, end: int) -> Optional[Speaker]:
        known = entity_at(self.entities, start, end)
        return Speaker(known.id, written_name(known, start, end)) if known else None

    def as_written(self, speaker: Optional[Speaker], before: int) -> Optional[Speaker]:
        """A resolved speaker named as the article last wrote its name before `before`."""
        if speaker is None or speaker.entity_id is None:
            return speaker
        known = next((e for e in self.entities if e.id == speaker.entity_id), None)
        return Speaker(known.id, written_name(known, before, before)) if known else speaker

    def group_antecedent(self, pronoun: Token) -> Optional[Token]:
        """What a "they" stands for: the nearest earlier subject outside quotation marks, in its
        sentence or GROUP_SENTENCES_BACK before, that names a group (a plural noun, coordinated
        names, an organisation or a nationality); a "they" there passes on its own."""
        sent_of = self.index.sent_of
        for i in range(pronoun.i - 1, -1, -1):
            if sent_of[i] < sent_of[pronoun.i] - GROUP_SENTENCES_BACK:
                return None
            tok = self.doc[i]
            if self.quoted[i] or tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if tok.lower_ in pronouns()["plural"]:
                return self.group_antecedent(tok)
            if _names_group(tok):
                return tok
        return None

    def body_antecedent(self, pronoun: Token) -> Optional[Token]:
        """What an "it" that speaks stands for: the nearest earlier subject outside quotation
        marks, in its sentence or GROUP_SENTENCES_BACK before, naming one body (an organisation,
        a country, "the ministry")."""
        sent_of = self.index.sent_of
        for i in range(pronoun.i - 1, -1, -1):
            if sent_of[i] < sent_of[pronoun.i] - GROUP_SENTENCES_BACK:
                return None
            tok = self.doc[i]
            if not self.quoted[i] and tok.dep_ in ("nsubj", "nsubjpass") and _names_body(tok):
                return tok
        return None

    def _named_before(self, head: Token) -> Optional[Speaker]:
        """"the Interior Ministry said ... The ministry said": a definite noun standing for the
        latest body or person named before it whose name ends in that noun."""
        word = head.lemma_.lower()
        best, best_start = None, -1
        for entity in self.entities:
            last = entity.name.split()[-1].lower() if entity.name.split() else ""
            if last not in (word, head.lower_):
                continue
            starts = [m.start for m in entity.mentions if m.end <= head.idx and m.kind in NAME_KINDS]
            if starts and max(starts) > best_start:
                best, best_start = entity, max(starts)
        return Speaker(best.id, written_name(best, head.idx, head.idx)) if best is not None else None

    def speaker_of_possessor(self, owner: Token) -> Optional[Speaker]:
        """The Speaker of a possessor ("Rubio's", "his", "their")."""
        if owner.lower_ in ("his", "her"):
            return self.as_written(self.index.resolve(owner), owner.idx)
        if owner.lower_ in ("their", "its"):
            antecedent = self.group_antecedent(owner)
            return self.speaker_of(antecedent) if antecedent is not None else None
        return self.speaker_of(owner)

    def speaker_of(self, head: Optional[Token]) -> Optional[Speaker]:
        """The Speaker named by the phrase headed by `head`, or None when nothing is recoverable."""
        if head is None:
            return None
        if _is_relative(head) and head.head.dep_ == "relcl":
            return self.speaker_of(head.head.head)
        head = _named_apposition(head) or head
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None and head.pos_ == "NOUN" and is_utterance_noun(head):
            known = self.speaker_of_possessor(owner)     # "the embassy's statement read"
            if known is not None:
                return known
        tokens = phrase_tokens(head)
        start, end = _span_of(tokens)
        if head.lower_ in pronouns()["person_singular"]:
            return self.as_written(self.index.resolve(head), head.idx) \
                or self._speaker_at(head.idx, head.idx + len(head.text))
        if _described_member(head, tokens) or _part_of_group(head, tokens):
            start, end = _span_of(described_tokens(head))
            return Speaker(None, doc_text(self.doc)[start:end])
        known = self._speaker_at(head.idx, head.idx + len(head.text))
        if known is None and not _common_noun(head):
            known = self._speaker_at(start, end)     # a common noun is not named by its modifier
        if known is None and _definite_bare(head):
            known = self._named_before(head)
        if known is not None:
            return known
        if head.lower_ in pronouns()["plural"]:
            antecedent = self.group_antecedent(head)
            return self.speaker_of(antecedent) if antecedent is not None else None
        if head.lower_ in pronouns()["neuter"]:
            body = self.body_antecedent(head)
            if body is not None:
                return self.speaker_of(body)
        if _is_pronoun(head):
            return None
        if head.pos_ != "PROPN":             # "a source familiar with ...", "those surveyed", "many in X"
            start, end = _span_of(described_tokens(head))
        text = doc_text(self.doc)[start:end].strip()
        return Speaker(None, text) if text else None


def _described_member(head: Token, tokens: list[Token]) -> bool:
    """"the Ohio Democrat", "senior Liberals", "Liberals sitting on the committee": people
    described by their affiliation, not the party or nation the affiliation word names."""
    described = len(tokens) > 1 or any(c.dep_ in ("acl", "prep") for c in head.rights)
    return head.ent_type_ == "NORP" and head.pos_ in ("NOUN", "PROPN") and described \
        and not any(t.ent_type_ == "PERSON" for t in tokens)


def _part_of_group(head: Token, tokens: list[Token]) -> bool:
    """"most of the opposition Conservatives", "some of the protesters": a share of a group is not the
    group the phrase names."""
    return head.pos_ in ("DET", "PRON", "ADJ", "NUM") and not _is_pronoun(head) \
        and any(t.ent_type_ == "NORP" or t.tag_ in ("NNS", "NNPS") for t in tokens if t.i > head.i)


def _common_noun(tok: Token) -> bool:
    """"senator" in "the Florida senator", "ministers" in "the G20 ministers"."""
    return tok.pos_ == "NOUN" and not tok.ent_type_


def _names_group(tok: Token) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return tok.tag_ in ("NNS", "NNPS") or tok.ent_type_ in ("ORG", "NORP") \
        or any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in tok.children)


def _names_body(tok: Token) -> bool:
    """"Amnesty International", "the ministry", "Russia": one organisation or country."""
    if tok.ent_type_ in ("ORG", "GPE", "NORP"):
        return tok.ent_type_ != "NORP" or tok.tag_ != "NNPS"
    if tok.text[:1].isupper() and any(t.ent_type_ == "ORG" for t in tok.subtree):
        return True                             # "Doctors Without Borders" tagged in part
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.lemma_.lower() in pronouns()["body_nouns"]


def is_utterance_noun(tok: Token) -> bool:
    """"statement", "tweet", "letter": a noun for something said or written."""
    return tok.lemma_.lower() in media_nouns() or tok.lemma_.lower() in attribution()["source_nouns"] \
        or tok.lemma_.lower() in attribution()["utterance_nouns"]


def subject_of(verb: Token) -> Optional[Token]:
    """The subject of a reporting verb, climbing conjunctions and participial clauses
    ("he said, adding ..."), or the agent of a passive, or the name after an inverted "said"."""
    subject = _nearest_subject(verb)
    if subject is not None:
        return _last_listless_conjunct(subject, verb)
    swallowed = swallowed_subject(verb)
    if swallowed is not None:
        return swallowed                        # "Roe, who chairs the board, said S" misparsed
    for tok in verb.children:                   # "X, asked about Y, said" parsed as X asked
        if tok.i < verb.i and parenthetical_addressee(tok):
            subjects = [c for c in tok.children if c.dep_ == "nsubj"]
            if subjects:
                return subjects[0]
    for tok in verb.children:
        if tok.dep_ == "agent":
            objs = [c for c in tok.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    inverted = verb.tag_ not in ("VBG", "VBN") and verb.lemma_.lower() not in attribution()["addressee_verbs"]
    for tok in verb.children if inverted else ():     # not "telling CBS", "tells Fox News"
        if tok.i > verb.i and tok.left_edge.i == verb.i + 1 and tok.dep_ in ("dobj", "attr", "npadvmod", "nsubj") \
                and (tok.pos_ == "PROPN" or tok.ent_type_ in NAME_LABELS):
            return tok          # "..., said Smith"
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN") and _finite_misread(verb):
        return verb.head        # "The minister, Jane Roe, promised ..." misparsed as a noun phrase
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN") and verb.tag_ == "VBG":
        if is_utterance_noun(verb.head) and verb.head.dep_ in ("dobj", "pobj", "nsubjpass"):
            holder = verb.head.head.head if verb.head.dep_ == "pobj" else verb.head.head
            if holder.pos_ in ("VERB", "AUX") and holder is not verb:
                return subject_of(holder)   # "X issued a statement saying ...", "in a post saying"
        if _free_adjunct(verb):
            return subject_of(clause_head(verb.head))
        return verb.head        # "Smith, the lawyer, ..., saying she ..."
    controller = _object_controller(verb)
    if controller is not None:
        return controller
    reporter = next_act_of(verb)
    if reporter is not None:
        return subject_of(reporter)         # "X noted that S lags and asked whether ..."
    if verb.dep_ in CLIMB_DEPS and verb.head is not verb:
        return subject_of(verb.head)        # "..., before insisting", "pivoted to arguing"
    return None


def _free_adjunct(verb: Token) -> bool:
    """"X derided the plan, suggesting ...": a participle set off by a comma after the object of
    a clause is said by that clause's subject, not by the object the parser hung it on."""
    head = verb.head
    holder = clause_head(head)
    return head.dep_ in ("dobj", "pobj", "dative", "oprd") and verb.left_edge.i > 0 \
        and verb.doc[verb.left_edge.i - 1].text == "," and holder.pos_ in ("VERB", "AUX") \
        and holder.i != verb.i and any(c.dep_ in SUBJECT_DEPS for c in holder.children)


def _finite_misread(verb: Token) -> bool:
    """A past-tense verb the parser hung on its subject as a modifier: tagged VBD, or tagged VBN
    with no agent while the subject heads a sentence that has no verb ("The minister, who is
    seeking a second term, posted on Monday to say ...")."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and verb.head.dep_ == "ROOT" and not any(c.dep_ == "agent" for c in verb.children)


def _object_controller(verb: Token) -> Optional[Token]:
    """"The ruling led unions to say ...", "prompted the minister to declare ...": after a
    verb of causing, the object of the verb an infinitive hangs on is who speaks (not after "used
    blunt language to describe", "took time to attack")."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in attribution()["object_control_verbs"]:
        return None
    objects = [c for c in verb.head.children if c.dep_ in ("dobj", "dative") and c.i < verb.i
               and c.pos_ in ("NOUN", "PROPN", "PRON")]
    return objects[-1] if objects else None


def _nearest_subject(verb: Token) -> Optional[Token]:
    """The verb's subject; of two ("Voters, Clinton suggested, don't ...", "Speaking in Salem,
    New Hampshire, Trump went ..."), the one nearest before the verb."""
    subjects = [t for t in verb.children if t.dep_ in SUBJECT_DEPS and t.dep_ != "nsubjpass"]
    if len(subjects) > 1:                       # "Party leaders ... both suggested"
        subjects = [t for t in subjects if t.lower_ not in FLOATING_QUANTIFIERS] or subjects
    before = [t for t in subjects if t.i < verb.i]
    if before:
        return max(before, key=lambda t: t.i)
    return subjects[0] if subjects else None


def _last_listless_conjunct(subject: Token, verb: Token) -> Token:
    """"... to, now, Cruz, Wilkin said": two names joined by a bare comma right before the verb
    are the end of the content and the speaker, not a list (a list has "and" or "or")."""
    if any(t.dep_ == "cc" for t in subject.subtree):
        return subject
    for conj in subject.children:
        if conj.dep_ == "conj" and conj.i < verb.i and conj.right_edge.i + 1 == verb.i \
                and _is_name(conj) and verb.doc[conj.left_edge.i - 1].text == ",":
            return conj
    return subject


def speaker_head(verb: Token) -> Optional[Token]:
    """The subject of a reporting verb, or when the parse gives it none, the subject of its
    sentence's main verb before it, or a name opening the sentence right before a verb
    ("Trump defended X, calling ..." misparsed with "Trump" as a noun root)."""
    subject = subject_of(verb)
    if subject is not None and _across_break(subject, verb):
        subject = _name_in_segment(verb)
    if subject is not None:
        return subject
    root = verb.sent.root
    if root is not verb and root.pos_ in ("VERB", "AUX"):
        subject = subject_of(root)
        if subject is not None and subject.i < verb.i:
            return subject
    addressee = verb.lemma_.lower() in attribution()["addressee_verbs"]
    return _opening_name(verb) or (None if addressee else _name_after(verb)) or _lost_subject(root)


def _lost_subject(root: Token) -> Optional[Token]:
    """"Friday, Texas, leading a coalition, asked ..." parsed with "Texas" hung on "Friday": a finite
    main verb has a subject, so when the parse gives it none, the first name before it in its
    sentence (a person first; not the object of a preposition, not a date) is that subject."""
    if root.tag_ not in FINITE_TAGS or root.dep_ != "ROOT" \
            or any(c.dep_ in SUBJECT_DEPS + ("expl",) for c in root.children):
        return None
    names = [t for t in root.doc[_clause_start(root):root.i] if t.ent_type_ in NAME_LABELS
             and t.dep_ not in ("pobj", "poss") and t.head.dep_ != "prep"]
    if not names:
        return None
    first = ([t for t in names if t.ent_type_ == "PERSON"] or names)[0]   # "Jane Roe, a rabbi from Hollywood, Fla."
    span = entity_span(first)
    return span.root if span is not None and span.root.i < root.i else first


def _clause_start(root: Token) -> int:
    """Where root's stretch of its sentence starts: after the last quotation mark, line break or
    dash before it (a name quoted before it is not its subject)."""
    start = root.sent.start
    for tok in root.doc[start:root.i]:
        if tok.text in DOUBLE_QUOTES or "\n" in tok.text or tok.text in BREAKS:
            start = tok.i + 1
    return start


def _name_after(verb: Token) -> Optional[Token]:
    """"..., said Jane Roe, 53, who ...": a name right after the verb (adverbs skipped)."""
    i = verb.i + 1
    while i < len(verb.doc) and verb.doc[i].pos_ == "ADV":
        i += 1
    if i >= len(verb.doc) or not (verb.doc[i].ent_type_ == "PERSON" or verb.doc[i].pos_ == "PROPN"):
        return None
    person = _person_compounded(verb.doc[i])
    if person is not None:
        return person
    span = entity_span(verb.doc[i])
    if span is not None:
        return span.root
    while i + 1 < len(verb.doc) and verb.doc[i + 1].pos_ == "PROPN":
        i += 1
    return verb.doc[i]


def _person_compounded(tok: Token) -> Optional[Token]:
    """The person a run of modifiers leads to: "Rubio spokesman Alex Conant", "President Obama"
    (each word a compound of the next, ending on a person's name)."""
    while tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head
    return tok if tok.ent_type_ == "PERSON" else None


def _opening_name(verb: Token) -> Optional[Token]:
    words = [t for t in verb.sent if not (t.is_punct or t.is_space)]
    if not words or not _is_name(words[0]):
        return None
    run = [words[0]]
    while run[-1].i + 1 < verb.i and _is_name(run[-1].nbor()):
        run.append(run[-1].nbor())
    after = run[-1].nbor() if run[-1].i + 1 < len(verb.doc) else None
    if after is None or after.i > verb.i or after.pos_ not in ("VERB", "AUX", "ADV"):
        return None
    return run[-1]


def _is_name(tok: Token) -> bool:
    return tok.ent_type_ in NAME_LABELS or (tok.pos_ == "PROPN" and tok.text[:1].isupper()) \
        or (tok.text[:1].isupper() and tok.is_alpha and tok.i > tok.sent.start and not tok.is_sent_start)


BREAKS = ("—", "–", "--", "―")


def _across_break(subject: Token, verb: Token) -> bool:
    """A subject the parse found across a line break or a dateline dash ("WASHINGTON (AP) —
    Jane Roe said"): sentence splitting failed there."""
    lo, hi = sorted((subject.i, verb.i))
    return any("\n" in t.text or t.text in BREAKS for t in verb.doc[lo:hi])


def _name_in_segment(verb: Token) -> Optional[Token]:
    """The subject in the verb's own stretch of text (after the last line break or dash before
    it): the name nearest the verb that the parse makes a subject, else the first name."""
    start = verb.i
    while start > 0 and "\n" not in verb.doc[start - 1].text and verb.doc[start - 1].text not in BREAKS:
        start -= 1
    names = [t for t in verb.doc[start:verb.i] if t.ent_type_ in NAME_LABELS or t.pos_ == "PROPN"]
    subjects = [t for t in names if t.dep_ in SUBJECT_DEPS]
    if subjects:
        return subjects[-1]
    if names:
        person = _person_compounded(names[0])
        if person is not None:
            return person
        span = entity_span(names[0])
        return span.root if span is not None else names[0]
    return None
