"""Reported speech without quotation marks: where a content ends when the speaker's next act is
joined to it ("proposed doing X and signaled Y", "denied that S, appearing to ..."), and "warn"
with a topic or an addressee and an infinitive. Sentences written for these tests (not taken
from any eval set)."""
from __future__ import annotations

import pytest

from newsgraph.nlp import get_nlp
from newsgraph.quotes import extract_quotes
from newsgraph.records import Article


def texts(text: str) -> list[str]:
    article = Article(id="a1", source="test", text=text, published="2022-05-04")
    return [q.text for q in extract_quotes(article, get_nlp()(text), [])[0]]


@pytest.mark.parametrize("text, content, not_reached", [
    # a finite verb cannot share a gerund's or an infinitive's form: it is the speaker's act
    ("The mayor has proposed closing the harbour at night and signaled support for a new ferry line.",
     "closing the harbour at night", "signaled support"),
    ("The minister has suggested raising the fuel tax and promised relief for farmers.",
     "raising the fuel tax", "promised relief"),
])
def test_speakers_next_act_is_not_content(text, content, not_reached):
    found = texts(text)
    assert any(content in t for t in found), found
    assert not any(content in t and not_reached in t for t in found), found


@pytest.mark.parametrize("text, content", [
    # a conjunct that shares the content verb's form stays in the content
    ("The mayor said the harbour has lost its trade and needs a new ferry line.", "needs a new ferry line"),
    ("The minister proposed raising the fuel tax and cutting the sales tax.", "cutting the sales tax"),
    # a participle with its own marker clause is not a comma-set description of the speaker
    ("The governor said the prison was overcrowded because of delayed trials.", "because of delayed trials"),
])
def test_shared_conjunct_stays_in_content(text, content):
    found = texts(text)
    assert any(content in t for t in found), found


@pytest.mark.parametrize("text, content", [
    ("The central bank warned of a sharp slowdown in the building trade.", "a sharp slowdown in the building trade"),
    ("The coach warned against changing the squad before the final.", "changing the squad before the final"),
    ("The council warned residents to stay away from the river banks.", "to stay away from the river banks"),
    ("The council warned that the river could flood the lower town.", "the river could flood the lower town"),
])
def test_warn_reports_a_topic_or_a_warning(text, content):
    found = texts(text)
    assert any(content in t for t in found), found


def test_warn_with_only_an_addressee_reports_nothing():
    assert texts("The referee warned the striker twice in the first half.") == []


def test_comma_set_participle_on_the_cue_verb_is_not_content():
    """"denied that S, appearing to rely on Y" with the participle hung on the cue verb (a parse
    given by hand, as the parser gives it for some sentences)."""
    from spacy.tokens import Doc
    from newsgraph.nlp import reading
    from newsgraph.quotes.cues import content_tokens
    words = ["The", "coach", "denied", "that", "the", "team", "lacks", "discipline", ",", "appearing", "to",
             "blame", "the", "referees", "."]
    heads = [1, 2, 2, 6, 5, 6, 2, 6, 2, 2, 11, 9, 13, 11, 2]
    deps = ["det", "nsubj", "ROOT", "mark", "det", "nsubj", "ccomp", "dobj", "punct", "advcl", "aux", "xcomp",
            "det", "dobj", "punct"]
    tags = ["DT", "NN", "VBD", "IN", "DT", "NN", "VBZ", "NN", ",", "VBG", "TO", "VB", "DT", "NNS", "."]
    pos = ["DET", "NOUN", "VERB", "SCONJ", "DET", "NOUN", "VERB", "NOUN", "PUNCT", "VERB", "PART", "VERB", "DET",
           "NOUN", "PUNCT"]
    lemmas = ["the", "coach", "deny", "that", "the", "team", "lack", "discipline", ",", "appear", "to", "blame",
              "the", "referee", "."]
    doc = Doc(get_nlp().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    with reading(doc):
        content = " ".join(t.text for t in content_tokens(doc[2]))
        assert content == "that the team lacks discipline"
        doc[9].tag_ = "VBZ"         # not a participle: the clause tail joins the content
        assert "appearing" in " ".join(t.text for t in content_tokens(doc[2]))
