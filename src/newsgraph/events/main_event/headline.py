"""Reading the headline: it is truecased from the body's spelling (Title Case and ALL CAPS words
re-cased as the body writes them), parsed, split at ':', '|' and spaced dashes, and the part with a
verb and a subject is read into a `Headline`: subject, main verb (including verbs the tagger took
for nouns after a name), the what span up to a subordinator, comma or purpose 'to', the rest of the
part, and its content lemmas. Verbless casualty headlines ("Four dead after ...") and bare-count
subjects ("Five hurt") are recognised here; an explainer part ("What the talks tell us") states
no event, so the lead's clauses answer for it. A frame ("Shocking moment ...") is dropped before
parsing, and a relative clause of the subject ("Boy who fell down well dies") is read past to the
main verb."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

import numpy
from spacy.attrs import IS_ALPHA, LEMMA, ORTH, POS, SENT_START
from spacy.parts_of_speech import AUX as AUX_POS, VERB as VERB_POS
from spacy.tokens import Doc, Token

from .words import NOUN_TAGS, PROPER_TAGS, QUOTES, SEPARATORS, VERB_TAGS, english_verbs, lexicon


@dataclass
class Headline:
    """The headline's main clause, as token index ranges into the parsed headline `doc`."""
    doc: Doc
    title: str
    subject: Optional[tuple[int, int]]
    verb: Optional[int]
    what: Optional[tuple[int, int]]
    rest: tuple[int, int]             # tokens after the what span, inside the chosen segment
    lemmas: frozenset                 # content lemmas, to find the lead sentences about it
    verbs: frozenset = frozenset()    # the body's verb lemmas, to read headline verbs tagged as nouns

    def verb_or(self, default: int) -> int:
        return self.verb if self.verb is not None else default

    def text(self, span: tuple[int, int]) -> str:
        a, b = span
        if a >= b:
            return ""
        return self.title[self.doc[a].idx:self.doc[b - 1].idx + len(self.doc[b - 1])]


def parse_headline(title: str, body: Doc, verbs: frozenset) -> Optional[Headline]:
    """Truecase the headline from the body's spelling, parse it and find its main clause."""
    from newsgraph.nlp import get_nlp
    title = without_frame(" ".join(title.split()))
    if not title:
        return None
    hdoc = get_nlp()(truecase(title, body), disable=["ner"])
    seg = choose_segment(hdoc, verbs)
    return main_clause(hdoc, title, seg, verbs)


def without_frame(title: str) -> str:
    """'(Shocking) moment firefighters rescue dog', 'Video shows ...': a headline that frames its
    event as a moment or a picture tells the event after the frame."""
    return lexicon()["headline_frame"].sub(lambda m: m.group(1) or m.group(2) or "", title)


def truecase(title: str, body: Doc) -> str:
    """Title Case / ALL CAPS headline words re-cased as the body writes them (same length)."""
    counts = body_word_counts(body)
    words = [m for m in re.finditer(r"[^\W\d_][\w'’.-]*", title)]
    capitalised = sum(m.group()[0].isupper() for m in words)
    title_case = len(words) > 3 and capitalised / len(words) > 0.7
    chars = list(title)
    for m in words:
        form = recase(m.group(), counts, title_case, first=m.start() == 0)
        if len(form) == len(m.group()):
            chars[m.start():m.end()] = form
    return "".join(chars)


def recase(word: str, counts: Counter, title_case: bool, first: bool) -> str:
    if word.islower():
        return word
    lower, capital = word.lower(), word[0] + word[1:].lower()
    seen = {f: counts.get(f, 0) for f in (word, lower, capital)}
    form = max(seen, key=lambda f: (seen[f], f == word))
    if seen[form] == 0:
        if word.isupper() and len(word) > 4:
            form = capital
        elif title_case and word[1:].islower():
            form = lower
        else:
            form = word
    if first and form.islower():
        form = form[0].upper() + form[1:]
    return form


def body_word_counts(body: Doc) -> Counter:
    """How often each spelling occurs in the body, sentence-initial words left out."""
    arr = body.to_array([ORTH, IS_ALPHA, SENT_START])
    keep = arr[(arr[:, 1] == 1) & (arr[:, 2].astype("int64") != 1), 0]
    values, counts = numpy.unique(keep, return_counts=True)
    strings = body.vocab.strings
    return Counter({strings[int(v)]: int(c) for v, c in zip(values, counts)})


def body_verb_lemmas(body: Doc) -> frozenset:
    arr = body.to_array([LEMMA, POS])
    verbs = numpy.unique(arr[numpy.isin(arr[:, 1], [VERB_POS, AUX_POS]), 0])
    strings = body.vocab.strings
    return frozenset(strings[int(v)].lower() for v in verbs)


def segment_ranges(hdoc: Doc) -> list[tuple[int, int]]:
    """Headline parts split at ':' and '|', and at dashes with space around them."""
    cuts = [t.i for t in hdoc if t.text in SEPARATORS and t.whitespace_
            and (t.text in (":", "|") or (t.i > 0 and hdoc[t.i - 1].whitespace_))]
    bounds = [-1] + cuts + [len(hdoc)]
    return [(a + 1, b) for a, b in zip(bounds, bounds[1:]) if b > a + 1]


def choose_segment(hdoc: Doc, verbs: frozenset) -> tuple[int, int]:
    """The part with a verb and a subject before it; on ties the longer, then the later part."""
    def rank(seg):
        v, clause_start = find_verb(hdoc, seg, verbs)
        has_subject = v is not None and v > clause_start
        return (v is not None) + has_subject, seg[1] - seg[0] > 3, seg[0]
    return max(segment_ranges(hdoc) or [(0, len(hdoc))], key=rank)


def is_verb_like(tok: Token, verbs: frozenset) -> bool:
    """A verb by tag, or a headline verb the tagger took for a noun after a name
    ("Gaga stages protest", "Trump slams 'rigged' FBI")."""
    if tok.tag_ in VERB_TAGS:
        return True
    if tok.tag_ not in ("NN", "NNS") or tok.i == 0 or tok.i + 1 >= len(tok.doc):
        return False
    prev, nxt = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
    if prev.tag_ in ("NN", "NNS") and is_verb_over_next(tok, nxt, verbs):
        return True
    if prev.tag_ not in PROPER_TAGS:
        return False
    word = tok.text.lower()
    base = word[:-1] if word.endswith("s") else word
    if nxt.tag_ in ("DT", "``", "PRP", "PRP$") or (nxt.tag_ in ("VBP", "VB") and word.endswith("s")):
        return base in english_verbs() or base in verbs
    return (base in verbs or word in verbs) and nxt.tag_ in (
        "IN", "NNP", "CD", "JJ", "RB", "RP", "NN")


def is_verb_over_next(tok: Token, nxt: Token, verbs: frozenset) -> bool:
    """"Opposition rejects/NNS count/VBP as ...": of a noun in -s and a verb right after it, the
    one the article's body uses as a verb is the headline's verb ("rejected"), when the body
    never uses the other so ("Oil prices fall": the body says "fell", not "priced")."""
    word = tok.text.lower()
    return tok.tag_ == "NNS" and word.endswith("s") and nxt.tag_ in ("VBP", "VB") \
        and word[:-1] in verbs and nxt.lemma_.lower() not in verbs


def find_verb(hdoc: Doc, seg: tuple[int, int], verbs: frozenset) -> tuple[Optional[int], int]:
    """(main verb index, start of its clause): the first verb-like token; a subordinator seen
    before any verb starts the clause anew ("Clinton in the clear as FBI announces ...")."""
    cuts = lexicon()["clause_cuts"]
    clause_start = skip_leading_quote(hdoc, seg)
    for i in range(clause_start, seg[1]):
        tok = hdoc[i]
        if i > clause_start and tok.lower_ in cuts and tok.tag_ in ("IN", "WRB", "WDT", "WP"):
            if is_casualty_clause(hdoc, clause_start, i):
                return None, clause_start     # "Four dead after gunman opens fire": verbless main clause
            main = verb_after_relative_clause(hdoc, i, seg[1], verbs)
            if main is not None:
                return main, clause_start     # "Boy who fell down well dies": the subject's relative clause
            clause_start = i + 1
            continue
        if is_verb_like(tok, verbs) and tok.tag_ != "VBG" and not (tok.tag_ == "VBN" and tok.dep_ == "amod"):
            return i, clause_start
    return None, clause_start


def opens_relative_clause(hdoc: Doc, i: int) -> bool:
    """'who'/'which'/'that' right behind a name or noun (the tagger may read a headline's first
    word as anything: "Boy/UH who ...")."""
    prev = hdoc[i - 1] if i > 0 else None
    return hdoc[i].tag_ in ("WP", "WDT") and prev is not None and prev.is_alpha \
        and prev.tag_ not in VERB_TAGS | {"IN", "DT", "CC", "TO", "WP", "WDT", "PRP"}


def verb_after_relative_clause(hdoc: Doc, i: int, stop: int, verbs: frozenset) -> Optional[int]:
    """After 'who'/'which'/'that' right behind a noun ("Boy who fell down well dies", "Man who
    stabbed neighbour jailed"), the relative clause's verb is followed by the main clause's own
    finite verb; None when there is none before a comma or separator."""
    if not opens_relative_clause(hdoc, i):
        return None
    inner = next((j for j in range(i + 1, stop) if is_verb_like(hdoc[j], verbs)), None)
    if inner is None:
        return None
    for j in range(inner + 1, stop):
        tok = hdoc[j]
        if tok.text in (",", ";") or tok.text in SEPARATORS or tok.tag_ == "CC":
            return None
        finite = tok.tag_ in ("VBZ", "VBD", "VBP", "VBN") or tok.tag_ == "NNS" and tok.lower_[:-1] in verbs
        if finite and j > inner + 1 and hdoc[j - 1].tag_ not in ("TO", "MD") \
                and tok.lemma_.lower() not in lexicon()["reporting_verbs"]:
            return j        # "river dies/NNS in hospital": a verb the body uses, tagged as a noun
    return None


def is_casualty_clause(hdoc: Doc, a: int, b: int) -> bool:
    """'Four dead', 'Several dead and dozens hurt': counts with casualty words, no verb."""
    return b - a > 1 and hdoc[b - 1].lower_ in lexicon()["casualty_words"] and is_bare_count(hdoc, (a, b - 1))


def skip_leading_quote(hdoc: Doc, seg: tuple[int, int]) -> int:
    """Index after a quotation that opens the headline ("'I blame him' Clinton blames ...")."""
    a, b = seg
    if hdoc[a].text not in QUOTES:
        return a
    for i in range(a + 2, b):
        if hdoc[i].text in QUOTES and i + 1 < b:
            return i + 1
    return a


def main_clause(hdoc: Doc, title: str, seg: tuple[int, int], verbs: frozenset) -> Headline:
    verb, start = find_verb(hdoc, seg, verbs)
    lemmas = content_lemmas(hdoc[seg[0]:seg[1]])
    if is_explainer(hdoc, seg):
        return Headline(hdoc, title, None, None, None, (seg[1], seg[1]), lemmas, verbs)
    if verb is None:
        start = skip_leading_quote(hdoc, seg)
        end = clause_end(hdoc, start, seg[1], verbs)
        return Headline(hdoc, title, None, None, (start, end), (end, seg[1]), lemmas, verbs)
    first = verb
    while first - 1 > start and hdoc[first - 1].dep_ in ("aux", "auxpass", "neg"):
        first -= 1
    subject = (start, first) if first > start else None
    what_start = first
    common_noun_subject = subject is not None and hdoc[subject[1] - 1].tag_ not in PROPER_TAGS
    if common_noun_subject and hdoc[verb].tag_ == "VBN" and first == verb:
        what_start = start          # headline passive of a common noun: "Five hurt", "Bank staff held"
    end = clause_end(hdoc, verb + 1, seg[1], verbs)
    return Headline(hdoc, title, subject, verb, (what_start, end), (end, seg[1]), lemmas, verbs)


def is_explainer(hdoc: Doc, seg: tuple[int, int]) -> bool:
    """"What the talks tell us", "Why the vote matters": a headline part that opens with a
    wh-word announces an explanation; the event it explains is told in the lead."""
    start = skip_leading_quote(hdoc, seg)
    return start < seg[1] and hdoc[start].tag_ in ("WP", "WRB", "WDT") and seg[1] - start > 2


def has_proper_noun(hdoc: Doc, span: tuple[int, int]) -> bool:
    return any(hdoc[i].tag_ in PROPER_TAGS for i in range(*span))


def clause_end(hdoc: Doc, i: int, stop: int, verbs: frozenset) -> int:
    """Where the verb phrase ends: a subordinator, a comma, a purpose 'to', a second verb."""
    cuts = lexicon()["clause_cuts"]
    for j in range(i, stop):
        tok = hdoc[j]
        if tok.text in (",", ";", "...", "…") or tok.text in SEPARATORS and tok.whitespace_:
            return j
        if tok.lower_ in cuts and tok.tag_ in ("IN", "WRB", "WDT", "WP"):
            return j
        if tok.tag_ == "CC" and j + 1 < stop and is_verb_like(hdoc[j + 1], verbs):
            return j
        if tok.tag_ == "TO" and j > i and hdoc[j - 1].tag_ in NOUN_TAGS \
                and j + 1 < stop and hdoc[j + 1].tag_ in ("VB", "TO"):
            return j
    return stop


def content_lemmas(tokens) -> frozenset:
    """Lemma ids (string hashes) of the nouns, names and verbs among tokens."""
    return frozenset(t.lemma for t in tokens
                     if t.pos_ in ("NOUN", "PROPN", "VERB") and not t.is_stop and t.is_alpha)


def is_count_word(tok: Token) -> bool:
    lex = lexicon()
    return tok.like_num or tok.lower_ in lex["count_words"] or tok.lower_ in lex["casualty_words"] \
        or tok.tag_ in ("CC", "RB", "RBS", "JJS", "RBR", "JJR", "IN")


def is_bare_count(hdoc: Doc, span: tuple[int, int]) -> bool:
    """A headline subject that is only a number or quantity ("Seven killed", "At least 7 dead",
    "Several dead and dozens injured")."""
    toks = hdoc[span[0]:span[1]]
    counted = any(t.like_num or t.lower_ in lexicon()["count_words"] for t in toks)
    return counted and all(is_count_word(t) for t in toks)
