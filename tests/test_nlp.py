"""The memoised reads of a parsed Doc (`doc_text`; `doc_ents`, `doc_sents`, `doc_memo` inside `reading`)."""
from __future__ import annotations

import pytest

from newsgraph.nlp import doc_ents, doc_memo, doc_sents, doc_text, get_nlp, reading

TEXT = ("The Kenyan foreign minister met her Ethiopian counterpart in Addis Ababa on Tuesday. "
        "Both governments said the border talks would resume in Nairobi next month.\n\n"
        "A spokesman for the African Union welcomed the meeting.")


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def test_doc_text_is_the_text(nlp):
    doc = nlp(TEXT)
    assert doc_text(doc) == doc.text == TEXT
    assert doc_text(doc) is doc_text(doc)


def test_ents_and_sents_are_built_once_inside_reading(nlp):
    doc = nlp(TEXT)
    with reading(doc):
        ents, sents = doc_ents(doc), doc_sents(doc)
        assert ents is doc_ents(doc) and sents is doc_sents(doc)
        assert [(e.start, e.end, e.label_) for e in ents] == [(e.start, e.end, e.label_) for e in doc.ents]
        assert [(s.start, s.end) for s in sents] == [(s.start, s.end) for s in doc.sents]
        with reading(doc):                      # a nested scope keeps the outer memo
            assert doc_ents(doc) is ents
        assert doc_ents(doc) is ents


def test_outside_reading_every_call_reads_the_doc(nlp):
    doc = nlp(TEXT)
    with reading(doc):
        doc_ents(doc)
    first = doc_ents(doc)
    assert first is not doc_ents(doc)
    doc.ents = [e for e in first if e.label_ != "GPE"]   # a change made outside a scope is seen
    assert all(e.label_ != "GPE" for e in doc_ents(doc))


def test_doc_memo_builds_once_per_scope(nlp):
    doc = nlp(TEXT)
    calls = []

    def build():
        calls.append(1)
        return len(calls)

    with reading(doc):
        assert doc_memo(doc, "count", build) == doc_memo(doc, "count", build) == 1
    assert doc_memo(doc, "count", build) == 2     # outside a scope: built on every call


def test_a_paragraph_break_ends_a_sentence(nlp):
    doc = nlp("Calls grow for the envoy's release from the United Nations\n\nSoldiers raided the office on Monday.")
    starts = [s.text.strip()[:8] for s in doc.sents]
    assert "Soldiers" in starts
    raided = next(t for t in doc if t.text == "raided")
    assert any(c.text == "Soldiers" and c.dep_ == "nsubj" for c in raided.children)


@pytest.mark.parametrize("text, sentences", [
    ("The talks ended without a deal with the ZfP. ZfP co-leader Ana Berg blamed the mayor.",
     ["The talks ended without a deal with the ZfP.", "ZfP co-leader Ana Berg blamed the mayor."]),
    ("The summit was hosted by the UN. UN envoy Jan Berg said progress was slow.",
     ["The summit was hosted by the UN.", "UN envoy Jan Berg said progress was slow."]),
    ('"We will not leave." He repeated it twice.', ['"We will not leave."', "He repeated it twice."]),
    ('"We will not leave."\n\nHe repeated it twice.', ['"We will not leave."\n\n', "He repeated it twice."]),
    ("Gen. Mark Olsen met envoys in St. Paul on Jan. 5 at the U.S. embassy.",
     ["Gen. Mark Olsen met envoys in St. Paul on Jan. 5 at the U.S. embassy."]),
])
def test_a_full_stop_before_a_capital_ends_a_sentence_abbreviations_do_not(nlp, text, sentences):
    assert [s.text for s in nlp(text).sents] == sentences
