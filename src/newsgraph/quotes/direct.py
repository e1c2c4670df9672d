"""Direct quotes: quotation-mark spans given a cue and a speaker from the words around them
(the reporting clause before or after the quote, "X wrote:" before it, the next piece of a
quote running over paragraphs, or the previous quote's speaker for a bare continuation)."""
from __future__ import annotations

from newsgraph.nlp import doc_ents, doc_text

import bisect
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Token

from newsgraph.records import Speaker
from newsgraph.quotes.cues import FINITE_TAGS, is_reporting_verb, via_of
from newsgraph.quotes.lexicon import attribution
from newsgraph.quotes.marks import QuoteSpan
from newsgraph.quotes.speakers import SpeakerResolver, speaker_head, subject_of

SENTENCE_END = {".", "!", "?"}
OPEN_ENDINGS = tuple(",?!—–-…")
WINDOW = 30
MIN_UNCUED_WORDS = 6
MAX_FRAGMENT_WORDS = 3
QUOTE_MARK_CHARS = "\"'“”„«»‘’"
DASHES = {"―", "—", "–", "-", "--"}
MAX_DASH_LINE = 8
MAX_TITLE_WORDS = 5
MAX_LABEL_WORDS = 4
MAX_FRAME_WORDS = 6
TITLE_FUNCTION_WORDS = {"the", "of", "a", "an", "and", "in", "on", "for", "to", "with", "at", "by"}


@dataclass
class Candidate:
    start: int
    end: int
    speaker: Optional[Speaker]
    cue: Optional[str]
    direct: bool
    via: Optional[str] = None
    cue_start: Optional[int] = None
    paragraph: Optional[int] = None
    closed: bool = True
    has_cue: bool = False
    negated: bool = False


def quoted_tokens(doc: Doc, spans: list[QuoteSpan]) -> list[bool]:
    """For each token of doc: is it inside quotation marks (marks included)?"""
    starts = [t.idx for t in doc]
    quoted = [False] * len(doc)
    for q in spans:
        for i in range(bisect.bisect_left(starts, q.mark_start), bisect.bisect_left(starts, q.mark_end)):
            quoted[i] = True
    return quoted


class Windows:
    """Tokens outside quotes around each quote span, up to a sentence end, another quote or a
    paragraph break."""

    def __init__(self, doc: Doc, spans: list[QuoteSpan]):
        self.doc = doc
        starts = [t.idx for t in doc]
        self._bisect = lambda c: bisect.bisect_left(starts, c)
        self.quoted = quoted_tokens(doc, spans)

    def index_at(self, char: int) -> int:
        return self._bisect(char)

    def glued(self, q: QuoteSpan) -> list[Token]:
        """The token holding the closing mark when it runs on past it ("”―")."""
        i = self._bisect(q.mark_end) - 1
        tok = self.doc[i] if 0 <= i < len(self.doc) else None
        return [tok] if tok is not None and tok.idx < q.mark_end < tok.idx + len(tok.text) else []

    def after(self, q: QuoteSpan) -> list[Token]:
        out = []
        for i in range(self._bisect(q.mark_end), min(len(self.doc), self._bisect(q.mark_end) + WINDOW)):
            tok = self.doc[i]
            if self.quoted[i] or "\n" in tok.text or tok.text in SENTENCE_END:
                break
            out.append(tok)
        return out

    def dash_line_after(self, q: QuoteSpan) -> list[Token]:
        """The next paragraph when it is a short "- Name." line (a signature under a quote)."""
        i = self._bisect(q.mark_end)
        while i < len(self.doc) and (self.doc[i].is_space or self.doc[i].text in SENTENCE_END):
            i += 1
        out = []
        while i < len(self.doc) and "\n" not in self.doc[i].text and len(out) <= MAX_DASH_LINE:
            out.append(self.doc[i])
            i += 1
        if not out or out[0].text not in DASHES or len(out) > MAX_DASH_LINE:
            return []
        return out

    def before(self, q: QuoteSpan) -> list[Token]:
        out = []
        i = self._bisect(q.mark_start) - 1
        while i >= 0 and len(out) < WINDOW:
            tok = self.doc[i]
            if self.quoted[i] or "\n" in tok.text or tok.text in SENTENCE_END:
                break
            out.insert(0, tok)
            i -= 1
        if not out and i >= 0 and "\n" in self.doc[i].text:
            return self._previous_paragraph_colon(i)
        return out

    def _previous_paragraph_colon(self, i: int) -> list[Token]:
        """A quote opening a paragraph after one ending in ":" takes that sentence as its frame."""
        while i >= 0 and (self.doc[i].is_space or "\n" in self.doc[i].text):
            i -= 1
        if i < 0 or self.doc[i].text != ":" or self.quoted[i]:
            return []
        out = []
        while i >= 0 and len(out) < WINDOW and not self.quoted[i] and "\n" not in self.doc[i].text \
                and (self.doc[i].text not in SENTENCE_END):
            out.insert(0, self.doc[i])
            i -= 1
        return out


def _colon_speaker_verb(before: list[Token]) -> Optional[Token]:
    """For "X wrote on Facebook:" / "she recites the line:", the verb whose subject speaks."""
    if not before or before[-1].text != ":":
        return None
    verbs = [t for t in _after_last_dash(before) if t.pos_ in ("VERB", "AUX") and subject_of(t) is not None]
    return verbs[-1] if verbs else None


def _comma_frame_verb(before: list[Token]) -> Optional[Token]:
    """'Jane Roe boomed, “...”': a verb right before the comma that opens a quote frames it,
    whatever the verb (the lexicon cannot list every manner of speaking), when its subject
    names someone."""
    if len(before) < 3 or before[-1].text != "," or before[-2].pos_ != "VERB" or before[-2].tag_ not in FINITE_TAGS:
        return None
    subject = subject_of(before[-2])
    return before[-2] if subject is not None and subject in before and subject.i < before[-2].i \
        and (_names_someone(subject) or _determined_noun(subject)) else None


def _frame_verbs(tokens: list[Token]) -> list[Token]:
    """The reporting verbs of a quote's frame, not those of a relative clause describing the
    speaker ("the diplomat, who asked not to be named, told AFP") when another one is there."""
    verbs = [t for t in tokens if is_reporting_verb(t)]
    main = [t for t in verbs if t.dep_ != "relcl"]
    return main or verbs


def _choose_verb(text: str, q: QuoteSpan, before: list[Token], after: list[Token]) -> Optional[Token]:
    after_verbs = _frame_verbs(after)
    before_verbs = _frame_verbs(before)
    ends_open = text[q.start:q.end].rstrip().endswith(OPEN_ENDINGS) or text[q.mark_end:q.mark_end + 1] == ","
    if _closes_its_sentence(text, q):
        return before_verbs[-1] if before_verbs else _governing_verb(before)
    if after_verbs and (ends_open or not before_verbs):
        return after_verbs[0]
    if before_verbs:
        return before_verbs[-1]
    if after_verbs:
        return after_verbs[0]
    return _colon_speaker_verb(before) or _comma_frame_verb(before) or (_frame_verb(after) if ends_open else None)


def _closes_its_sentence(text: str, q: QuoteSpan) -> bool:
    """'Chile called the plan a “dead letter.” Peru insisted ...': quoted words that end with a
    full stop and follow words of their own sentence close it; what comes after them is the
    next sentence, not their frame."""
    return text[q.start:q.end].rstrip().endswith(".") and _after_a_word(text, q.start)


def _governing_verb(before: list[Token]) -> Optional[Token]:
    """'She urged the council to “act before winter.”': the last verb before quoted words ending
    their sentence whose subject, a name or a pronoun, opens the same stretch of text."""
    for tok in reversed(_after_last_dash(before)):
        subject = subject_of(tok) if tok.pos_ == "VERB" else None
        if subject is not None and subject in before and (_names_someone(subject) or _determined_noun(subject)):
            return _reporting_ancestor(tok) or tok
    return None


def _reporting_ancestor(verb: Token) -> Optional[Token]:
    """'X says Y ran “...”': the reporting verb whose content holds the verb, if any."""
    while verb.dep_ in ("ccomp", "xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head
        if is_reporting_verb(verb):
            return verb
    return None


def _frame_verb(after: list[Token]) -> Optional[Token]:
    """"“...,” Jane Roe fumed" / "“...?” interjected Roe": a quote left open by its punctuation
    is framed by the clause right after it, whatever its verb (the lexicon cannot list them all)."""
    words = [t for t in after if not (t.is_punct or t.is_space)][:MAX_FRAME_WORDS]
    for n, tok in enumerate(words):
        if tok.pos_ != "VERB":
            continue
        if any(c.dep_ == "nsubj" and c in words and (_names_someone(c) or _determined_noun(c)
                                                     or _capitalised_mid_sentence(c, words))
               for c in tok.children):
            return tok
        if n == 0 and len(words) > 1 and _names_someone(words[1]):
            return tok
        return None
    return None


def _capitalised_mid_sentence(tok: Token, words: list[Token]) -> bool:
    """"“...?” Brannity pressed" with the name tagged as a common noun: after a quote left open
    the sentence goes on, so a capital on the word right after it marks a name."""
    return tok.i == words[0].i and tok.is_alpha and tok.text[:1].isupper() and not tok.is_upper


def _determined_noun(tok: Token) -> bool:
    """"the party's nominee", "a spokeswoman": a noun phrase with its determiner."""
    return tok.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") for c in tok.children)


def _names_someone(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG") or tok.lower_ in ("he", "she", "they")


def _label_name(before: list[Token], after: list[Token]) -> tuple[Optional[Token], Optional[str]]:
    """A speaker named without a verb: "Jane Roe, a lawyer: “...”" (a label ending in a colon
    before the quote) or "“...” — Jane Roe" (a dash and a name after it). (name head, cue)."""
    label = _after_last_dash(before)
    if label and label[-1].text == ":" and not any(t.pos_ in ("VERB", "AUX") for t in label):
        names = [t for t in label if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG")]
        if not names and len(label) <= MAX_LABEL_WORDS + 1:
            names = [t for t in label if t.is_alpha and t.text[:1].isupper()]
        if names:
            return _ent_root(names[0]), ":"
    while after and (after[0].is_space or after[0].text in ('”', '"', "''")):
        after = after[1:]
    if after and after[0].text not in DASHES and after[0].text[-1:] in DASHES:
        after = [after[0]] + after           # a closing mark glued to the dash: "”―"
    if len(after) >= 2 and after[0].text[-1:] in DASHES and after[1].pos_ == "PROPN":
        run = [after[1]]
        for tok in after[2:]:
            if tok.pos_ != "PROPN":
                break
            run.append(tok)
        return _ent_root(run[-1]), after[0].text[-1]
    return None, None


def _after_last_dash(tokens: list[Token]) -> list[Token]:
    """"HEADLINE - Jane Roe:": the words after the last dash."""
    dashes = [n for n, t in enumerate(tokens) if t.text in DASHES]
    return tokens[dashes[-1] + 1:] if dashes else tokens


def _inner_label(doc: Doc, q: QuoteSpan, windows: Windows) -> Optional[tuple[list[Token], int]]:
    """A transcript line quoted whole: "“WALLACE: Let's start ...”", "“Jane Roe: We ...”".
    (label tokens, start of the words after the colon), or None."""
    first = windows.index_at(q.start)
    for i in range(first, min(len(doc), first + MAX_LABEL_WORDS + 1)):
        if doc[i].text != ":":
            continue
        label = doc[first:i]
        if not label or i + 1 >= len(doc) or not _speaker_label(label):
            return None
        rest = doc[i + 1:]
        words = [t for t in rest if not t.is_space]
        return (list(label), words[0].idx) if words and words[0].idx < q.end else None
    return None


def _speaker_label(label) -> bool:
    if label.text.lower() in attribution()["not_speaker_labels"]:
        return False
    if not all(t.text[:1].isupper() or t.text in (".", "-") for t in label):
        return False
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") or (t.is_upper and len(t) >= 3)
               for t in label)


def _cue_candidate(doc: Doc, q: QuoteSpan, windows: Windows, resolver: SpeakerResolver) -> Candidate:
    before, after = windows.before(q), windows.after(q)
    verb = _choose_verb(doc_text(doc), q, before, after)
    cand = Candidate(q.start, q.end, None, None, True, paragraph=q.paragraph, closed=q.closed)
    labelled = _inner_label(doc, q, windows) if verb is None else None
    if labelled is not None:
        label, cand.start = labelled
        cand.speaker, cand.cue, cand.cue_start, cand.has_cue = \
            resolver.speaker_of(_ent_root(label[-1])), ":", label[0].idx, True
        return cand
    if verb is None:
        name, cue = _label_name(before, windows.glued(q) + after or windows.dash_line_after(q))
        if name is not None:
            cand.speaker, cand.cue, cand.cue_start, cand.has_cue = resolver.speaker_of(name), cue, name.idx, True
        return cand
    subject = speaker_head(verb)
    if verb in after and (subject is None or subject.i > verb.i):
        subject = _name_opening(after, verb) or subject
    if subject is None or windows.quoted[subject.i]:
        subject = _name_beside(verb, before + after)
    cand.speaker = resolver.speaker_of(subject)
    cand.cue = verb.text if is_reporting_verb(verb) or verb in after else ":"
    cand.cue_start = verb.idx
    cand.via = via_of(verb, set())
    cand.has_cue = True
    return cand


def _name_opening(after: list[Token], verb: Token) -> Optional[Token]:
    """"“...,” Jane Roe, a lawyer, said on Fox News": a name opening the frame after the quote
    and before its verb is who speaks, whatever the parser made of the words after the verb."""
    words = [t for t in after if not (t.is_punct or t.is_space)]
    if not words or words[0].i >= verb.i or not (words[0].ent_type_ == "PERSON" or words[0].pos_ == "PROPN"):
        return None
    last = words[0]                 # "Texas delegate Bill Eastland": the end of the name run
    while last.i + 1 < verb.i and (last.nbor().pos_ == "PROPN" or last.nbor().dep_ == "compound"):
        last = last.nbor()
    return _ent_root(last)


def _name_beside(verb: Token, window: list[Token]) -> Optional[Token]:
    """When the parse gives the cue no subject: the name nearest the verb in the quote's frame."""
    names = [t for t in window if t.ent_type_ in ("PERSON", "ORG") and t.ent_iob_ == "B"]
    return _ent_root(min(names, key=lambda t: abs(t.i - verb.i))) if names else None


def _ent_root(tok: Token) -> Token:
    for ent in doc_ents(tok.doc):
        if ent.start <= tok.i < ent.end:
            return ent.root
    return tok


def _words(text: str) -> int:
    return len(text.split())


def direct_quotes(doc: Doc, spans: list[QuoteSpan], resolver: SpeakerResolver) -> list[Candidate]:
    """One Candidate per quoted span that reads as a quote (cued, continued, or sentence-long)."""
    windows = Windows(doc, spans)
    cands = [_cue_candidate(doc, q, windows, resolver) for q in spans]
    _borrow_from_next_piece(cands)
    _continue_previous_speaker(cands)
    return [c for c in cands if (c.has_cue and not _fragment(doc_text(doc), c)) or _words(doc_text(doc)[c.start:c.end]) >= MIN_UNCUED_WORDS]


def _fragment(text: str, c: Candidate) -> bool:
    """A few quoted words inside a sentence ("called the tax a “windfall” for landlords"): a
    scare quote or part of a mixed quote, not a quote of its own; or a title in quotation
    marks ("told “Face the Nation.”"), every word capitalised."""
    words = text[c.start:c.end]
    if _words(words) <= MAX_TITLE_WORDS and _title_case(words):
        return True
    if _words(words) <= MAX_FRAGMENT_WORDS and _after_a_word(text, c.start):
        return True             # "called the plan “a disaster.”": the quote is part of a sentence
    return _words(words) <= MAX_FRAGMENT_WORDS and not words.rstrip().endswith(OPEN_ENDINGS + (".",))


def _after_a_word(text: str, start: int) -> bool:
    """Is the opening quotation mark before start preceded by a word of the same sentence?"""
    i = start - 1
    while i >= 0 and (text[i].isspace() or text[i] in QUOTE_MARK_CHARS):
        if text[i] == "\n":
            return False
        i -= 1
    return i >= 0 and text[i].isalnum()


def _title_case(words: str) -> bool:
    tokens = [w.strip(".,!?;:'’\"") for w in words.split()]
    tokens = [w for w in tokens if w]
    return bool(tokens) and all(w[0].isupper() or w.lower() in TITLE_FUNCTION_WORDS for w in tokens)


def _borrow_from_next_piece(cands: list[Candidate]) -> None:
    """A quote left open at a paragraph's end takes the cue of the piece that continues it."""
    for i in range(len(cands) - 2, -1, -1):
        cur, nxt = cands[i], cands[i + 1]
        if not cur.has_cue and not cur.closed and nxt.paragraph == cur.paragraph + 1 and nxt.has_cue:
            cur.speaker, cur.cue, cur.via, cur.has_cue = nxt.speaker, nxt.cue, nxt.via, True


def _continue_previous_speaker(cands: list[Candidate]) -> None:
    """A bare quote right after a cued one (same or next paragraph) keeps its speaker."""
    for prev, cur in zip(cands, cands[1:]):
        if not cur.has_cue and prev.has_cue and cur.paragraph - prev.paragraph <= 1:
            cur.speaker, cur.cue, cur.via, cur.has_cue = prev.speaker, prev.cue, prev.via, True
