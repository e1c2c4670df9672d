"""Who a pronoun speaker stands for: the subject of the clause governing the pronoun's, a name
in apposition to a subject, the target of a reporting verb, given names of the census lists,
and how a resolved person is written. Sentences written for these tests."""
from __future__ import annotations

from newsgraph.quotes.coref import given_name_gender
from newsgraph.quotes.speakers import written_name
from test_quotes_speakers import entity, find, name, run


def test_pronoun_in_a_clause_below_another_subject_is_that_subject():
    text = ("Peter Hall spoke an hour after Michael Grant held a press conference in which "
            "he said the mayor had lied about the budget.")
    assert "Grant" in name(find(run(text), "mayor had lied"))


def test_name_in_apposition_to_a_subject_weighs_as_the_subject():
    text = ("The minister's lawyer, Anton Greiner, said Carl Boden was lying. "
            "He said Boden had signed the contract himself.")
    assert "Greiner" in name(find(run(text), "signed the contract"))


def test_person_a_reporting_verb_is_aimed_at_is_no_speaker():
    text = ("Victor Lang criticized Rafael Ortiz during a rally in Leeds.\n\n"
            "“The man is a fraud,” he said.")
    assert "Lang" in name(find(run(text), "is a fraud"))


def test_governing_subject_of_the_other_gender_is_passed_over():
    text = ("Tomas Reyes chaired the hearing on Monday. Lily Okafor left the room before he "
            "told reporters that the vote was delayed.")
    assert "Reyes" in name(find(run(text), "vote was delayed"))


def test_census_given_names_mark_gender_beyond_the_lexicon():
    assert given_name_gender("stan") == "m" and given_name_gender("lily") == "f"
    assert given_name_gender("hollis") is None


def test_written_name_skips_a_mention_that_shares_no_word_with_the_name():
    text = "Rep. Aldo Ferri (Ohio) said he agreed."
    ferri = entity("t1#e1", "Aldo Ferri", "PERSON", text,
                   (5, 15, "name"), (17, 21, "alias"), (28, 30, "pronoun"))
    assert written_name(ferri, 28, 28) == "Aldo Ferri"
