"""Reported speech without quotation marks: how far the content of an object-frame cue runs,
"called for X to V", a "though/as X ..." clause that has content of its own, new cue verbs.
Sentences written for these tests (not taken from any eval set)."""
from __future__ import annotations

import pytest

from newsgraph.nlp import get_nlp
from newsgraph.quotes import extract_quotes
from newsgraph.records import Article


def run(text: str):
    article = Article(id="a1", source="test", text=text, published="2022-05-04")
    return extract_quotes(article, get_nlp()(text), [])[0]


def texts(text):
    return [q.text for q in run(text)]


@pytest.mark.parametrize("text, must_reach", [
    # the parser hangs what follows the object on the verb; it is still what was reported
    ("The ministry reported a 4.1 percent inflation rate in March, the highest in a decade.",
     "the highest in a decade"),
    ("The senator is pushing back, questioning the governor's judgment in approving the dam and "
     "ignoring the farmers.", "ignoring the farmers"),
    ("The mayor has firmly denied any role in the collapse of the tender, and the council has found "
     "no evidence.", "collapse of the tender"),
])
def test_object_content_runs_to_its_tail(text, must_reach):
    found = [t for t in texts(text) if must_reach in t]
    assert found, texts(text)


@pytest.mark.parametrize("text, must_not_reach", [
    ("The union pledged to block the new contract, after it introduced a motion last month.",
     "introduced a motion"),
    ("The council condemned the attack on the depot as rebels fired shells into the town on Monday.",
     "rebels fired"),
    ("Police reported no arrests on Monday night, although 40 people were fined for blocking the road.",
     "people were fined"),
])
def test_tail_stops_at_a_time_or_concession_clause(text, must_not_reach):
    got = texts(text)
    assert got, text
    assert not any(must_not_reach in t for t in got), got


def test_tail_leaves_out_the_occasion():
    got = texts("The minister criticized the budget cuts in an interview.")
    assert any("budget cuts" in t for t in got), got
    assert not any("interview" in t for t in got), got


def test_called_for_someone_to_do_something():
    got = run("The opposition leader attacked the cabinet and called for the prime minister to resign "
              "before the summer.")
    assert any("to resign" in q.text for q in got), [q.text for q in got]


def test_as_clause_with_its_own_object_is_not_parenthetical():
    quotes = run("The coach did not back down, even as fans in the stadium called for his dismissal.")
    assert any("his dismissal" in q.text for q in quotes), [q.text for q in quotes]
    assert not any("did not back down" in q.text for q in quotes), [q.text for q in quotes]


@pytest.mark.parametrize("text, content", [
    ("The activist has railed against the new mining law for months.", "the new mining law"),
    ("The general implied that the army would stay in the capital.", "the army would stay"),
    ("The governor apologized for the delays at the border crossing.", "the delays at the border"),
])
def test_new_cue_verbs(text, content):
    got = texts(text)
    assert any(content in t for t in got), got
