"""Who a personal pronoun or a bare title in a reporting clause stands for. The persons of an
article (named mentions from the entities stage and PERSON names of the parse, outside quotation
marks), the gender each one shows in the article (honorific, gendered role noun, the pronoun that
follows the name in its own sentence) or, failing that, the gender its given name usually marks,
and a salience choice: among the persons of the right gender mentioned in the last few sentences,
the one with the most weight, a mention weighing more as subject (most as subject of a reporting
verb) and less with every sentence back."""
from __future__ import annotations

from newsgraph.nlp import doc_ents

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span, Token

from newsgraph.records import Entity, Speaker
from newsgraph.quotes.lexicon import census_genders, gender_words, pronouns

SUBJECT_DEPS = ("nsubj", "nsubjpass")
SENTENCES_BACK = 4
FAR_SENTENCES_BACK = 10
DECAY = 0.35
WEIGHT_REPORTING_SUBJECT = 4.0
WEIGHT_SUBJECT = 3.0
WEIGHT_EMBEDDED_SUBJECT = 2.0
WEIGHT_PRONOUN = 0.8           # a resolved pronoun adds (a share of) its weight to its person
EMBEDDED_DEPS = ("ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "pcomp")
WEIGHT_OTHER = 1.0
UNKNOWN_FOR_SHE = 0.5          # a person whose gender the article does not show, for "she": news names
                               # women with a marked name or title far more often than men


def gender_lexicon() -> dict[str, frozenset[str]]:
    return gender_words()


@lru_cache(maxsize=1)
def person_titles() -> frozenset[str]:
    """Honorifics and titles written before a person's name ("Mr.", "Mrs.", "President")."""
    lex = gender_lexicon()
    return lex["honorific_male"] | lex["honorific_female"] | pronouns()["person_titles"]


def pronoun_gender(word: str) -> Optional[str]:
    lex = gender_lexicon()
    word = word.lower()
    if word in lex["pronoun_male"]:
        return "m"
    if word in lex["pronoun_female"]:
        return "f"
    return None


@dataclass
class PersonMention:
    start: int
    end: int
    sent: int
    key: str
    weight: float


class PersonIndex:
    """The persons mentioned outside quotation marks in one article, with their gender."""

    def __init__(self, doc: Doc, entities: list[Entity], quoted: list[bool], is_reporting):
        self.doc, self.quoted, self.is_reporting = doc, quoted, is_reporting
        self.sent_of = self._sentence_numbers(doc, quoted)
        self.speakers: dict[str, Speaker] = {}
        self.mentions: list[PersonMention] = []
        self._collect(entities)
        self.mentions.sort(key=lambda m: m.start)
        self.gender = self._genders()
        self.resolved: dict[int, Optional[str]] = {}
        self._resolve_pronouns()

    @staticmethod
    def _sentence_numbers(doc: Doc, quoted: list[bool]) -> list[int]:
        """Each token's sentence number; a paragraph break the parser ran a sentence across
        starts a new one."""
        out = [0] * len(doc)
        n = 0
        for sent in doc.sents:
            n += 1
            for i in range(sent.start, sent.end):
                if i > sent.start and "\n" in doc[i - 1].text and "\n" not in doc[i].text:
                    n += 1
                out[i] = n
        return out

    # --- persons ---------------------------------------------------------------------------
    def _collect(self, entities: list[Entity]) -> None:
        taken: list[tuple[int, int]] = []
        for ent in entities:
            if ent.type != "PERSON" and not self._titled(ent):
                continue
            key = f"e:{ent.id}"
            self.speakers[key] = Speaker(ent.id, ent.name)
            for m in ent.mentions:
                if m.kind != "pronoun" and self._add(m.start, m.end, key):
                    taken.append((m.start, m.end))
        by_surname: dict[str, str] = {}
        for span in list(doc_ents(self.doc)) + self._unlabelled_speakers():
            if span.label_ != "PERSON" or any(s < span.end_char and span.start_char < e for s, e in taken):
                continue
            surname = span[-1].lower_
            key = by_surname.setdefault(surname, f"p:{surname}")
            known = self.speakers.get(key)
            if known is None or len(span.text) > len(known.name):
                self.speakers[key] = Speaker(None, span.text)
            self._add(span.start_char, span.end_char, key)

    def _titled(self, ent: Entity) -> bool:
        """An entity the parse typed as a place or body but the article writes with a personal
        honorific or title ("Mr. Obama", "President Obama"): a person."""
        titles = person_titles()
        for m in ent.mentions:
            if m.kind == "pronoun":
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.start > 0 and self.doc[span.start - 1].lower_ in titles:
                return True
        return False

    def _unlabelled_speakers(self) -> list:
        """Proper nouns the parse left without an entity label that speak ("Bozell says"):
        as PERSON spans."""
        out = []
        for tok in self.doc:
            if tok.pos_ == "PROPN" and not tok.ent_type_ and tok.dep_ == "nsubj" and self.is_reporting(tok.head):
                start = tok.i
                while start > 0 and self.doc[start - 1].dep_ == "compound" and self.doc[start - 1].pos_ == "PROPN":
                    start -= 1
                out.append(Span(self.doc, start, tok.i + 1, label="PERSON"))
        return out

    def _add(self, start: int, end: int, key: str) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0 or self.quoted[span.root.i]:
            return False
        root = span.root
        self.mentions.append(PersonMention(start, end, self.sent_of[root.i], key, self._weight(root)))
        return True

    def _weight(self, root: Token) -> float:
        if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < root.i:
            return self._weight(root.head)         # "Trump's attorney, Alan Garten, said"
        if root.dep_ in SUBJECT_DEPS:
            if self.is_reporting(root.head):
                return WEIGHT_REPORTING_SUBJECT
            return WEIGHT_EMBEDDED_SUBJECT if _embedded(root.head) else WEIGHT_SUBJECT
        if root.i > root.head.i and root.dep_ in ("dobj", "attr", "npadvmod") and self.is_reporting(root.head) \
                and not has_subject(root.head):
            return WEIGHT_REPORTING_SUBJECT        # "..., said Smith"
        return WEIGHT_OTHER

    # --- pronoun chains --------------------------------------------------------------------
    def _resolve_pronouns(self) -> None:
        """Resolve every personal pronoun outside quotation marks in text order; each one
        resolved counts as a further mention of its person for the pronouns after it."""
        names = sorted(self.mentions, key=lambda m: m.start)
        merged: list[PersonMention] = []
        n = 0
        for tok in self.doc:
            if self.quoted[tok.i] or tok.pos_ not in ("PRON", "DET") or not pronoun_gender(tok.text):
                continue
            while n < len(names) and names[n].start < tok.idx:
                merged.append(names[n])
                n += 1
            key = self._choose(merged, tok, pronoun_gender(tok.text))
            self.resolved[tok.i] = key
            if key is not None and self.gender.get(key) is None:
                self.gender[key] = pronoun_gender(tok.text)     # "said Thandar Win. She said ...": a woman
            if key is not None:
                merged.append(PersonMention(tok.idx, tok.idx + len(tok), self.sent_of[tok.i], key,
                                            WEIGHT_PRONOUN * self._weight(tok)))
        merged.extend(names[n:])
        self.mentions = merged
        self._starts = [m.start for m in merged]

    # --- gender ----------------------------------------------------------------------------
    def _genders(self) -> dict[str, Optional[str]]:
        votes: dict[str, dict[str, float]] = {k: {"m": 0.0, "f": 0.0} for k in self.speakers}
        for m in self.mentions:
            for gender, weight in self._mention_votes(m):
                votes[m.key][gender] += weight
        for key, speaker in self.speakers.items():
            first = speaker.name.split()[0].lower() if speaker.name.split() else ""
            given = given_name_gender(first)
            if given:
                votes[key][given] += 1.5
        return {k: (None if v["m"] == v["f"] else ("m" if v["m"] > v["f"] else "f")) for k, v in votes.items()}

    def _mention_votes(self, m: PersonMention):
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        lex = gender_lexicon()
        before = self.doc[span.start - 1] if span.start > 0 else None
        words = [t.lower_ for t in span] + ([before.lower_] if before is not None else [])
        for w in words:
            if w in lex["honorific_male"] or w in lex["role_male"]:
                yield "m", 3.0
            elif w in lex["honorific_female"] or w in lex["role_female"]:
                yield "f", 3.0
        root = span.root
        for near in list(root.children) + ([root.head] if root.dep_ == "appos" else []):
            if near.dep_ in ("appos", "compound") or near is root.head:
                if near.lower_ in lex["role_male"]:
                    yield "m", 3.0
                elif near.lower_ in lex["role_female"]:
                    yield "f", 3.0
        if root.dep_ in SUBJECT_DEPS:
            agreeing = self._next_pronoun(span.end, root.sent.end)
            if agreeing:
                yield agreeing, 1.0

    def _next_pronoun(self, after_token: int, sent_end: int) -> Optional[str]:
        """The gender of the first personal pronoun after a subject name in its sentence, when
        no other person is named between them."""
        for i in range(after_token, sent_end):
            if self.quoted[i]:
                continue
            if self.doc[i].ent_type_ == "PERSON":
                return None
            gender = pronoun_gender(self.doc[i].text) if self.doc[i].pos_ in ("PRON", "DET") else None
            if gender:
                return gender
        return None

    # --- resolution ------------------------------------------------------------------------
    def resolve(self, pronoun: Token, gender: Optional[str] = None) -> Optional[Speaker]:
        """The person a pronoun (or a title, with gender None unless it shows one) stands for."""
        if pronoun.i in self.resolved:
            key = self.resolved[pronoun.i]
        else:
            upto = bisect.bisect_left(self._starts, pronoun.idx)
            key = self._choose(self.mentions[:upto], pronoun, gender or pronoun_gender(pronoun.text))
        return self.speakers[key] if key is not None else None

    def _choose(self, earlier: list[PersonMention], pronoun: Token, gender: Optional[str]) -> Optional[str]:
        """The person subject of the clause that governs the pronoun's own ("Whitlock said, adding
        that he told ..."), else the most salient person within SENTENCES_BACK sentences, else
        (a pronoun after a long quotation) the most salient one within FAR_SENTENCES_BACK."""
        return self._governing_subject(earlier, pronoun, gender) \
            or self._choose_within(earlier, pronoun, gender, SENTENCES_BACK) \
            or self._choose_within(earlier, pronoun, gender, FAR_SENTENCES_BACK)

    def _governing_subject(self, earlier: list[PersonMention], pronoun: Token,
                           gender: Optional[str]) -> Optional[str]:
        """The person named by the first subject found up the tree from the pronoun's clause,
        when it comes before the pronoun in its sentence and agrees in gender."""
        if pronoun.dep_ not in SUBJECT_DEPS or self.quoted[pronoun.i]:
            return None
        node = pronoun.head
        while node.head.i != node.i:
            node = node.head
            subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None:
                return self._key_of(earlier, subject, pronoun, gender)
        return None

    def _key_of(self, earlier: list[PersonMention], subject: Token, pronoun: Token,
                gender: Optional[str]) -> Optional[str]:
        if subject.i >= pronoun.i or self.quoted[subject.i]:
            return None
        key = next((m.key for m in reversed(earlier) if m.start <= subject.idx < m.end), None)
        known = self.gender.get(key)
        if key is None or (gender and known != gender and not (known is None and gender == "m")):
            return None
        return key

    def _choose_within(self, earlier: list[PersonMention], pronoun: Token, gender: Optional[str],
                       back: int) -> Optional[str]:
        here = self.sent_of[pronoun.i]
        salience: dict[str, float] = {}
        latest: dict[str, int] = {}
        for m in reversed(earlier):
            if m.end > pronoun.idx:
                continue
            if here - m.sent > back:
                break
            if gender and self.gender.get(m.key) not in (None, gender):
                continue
            agreement = UNKNOWN_FOR_SHE if gender == "f" and self.gender.get(m.key) is None else 1.0
            salience[m.key] = salience.get(m.key, 0.0) + agreement * m.weight * DECAY ** (here - m.sent)
            latest.setdefault(m.key, m.start)
        if not salience:
            return None
        return max(salience, key=lambda k: (salience[k], latest[k]))


def given_name_gender(word: str) -> Optional[str]:
    """The gender a given name usually marks: the lexicon's lists, else the census lists."""
    lex = gender_lexicon()
    if word in lex["male"]:
        return "m"
    if word in lex["female"]:
        return "f"
    return census_genders().get(word)


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _embedded(verb: Token) -> bool:
    """Is the clause of verb inside another clause (not the sentence's main clause)?"""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ in EMBEDDED_DEPS
