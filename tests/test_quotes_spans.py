"""Quote spans of the quotes stage: quotation marks next to a no-break space, topics after
"about"/"against" that name an organisation, mixed quotes whose reporting verb comes first,
and "called X Y" judgements the parser hung on a noun. Sentences written for these tests."""
from __future__ import annotations

import pytest

from quotes_helpers import find, run


def speaker(quote):
    return quote.speaker.name if quote.speaker else None


def test_quote_after_a_no_break_space_is_found():
    text = ('Ms. Adeyemi spoke after the vote. "The port will reopen," she said.\u00a0"The ships '
            'are already waiting outside the harbour and the crews have been paid."')
    quote = find(run(text), "ships are already waiting")
    assert quote.text.startswith("The ships") and quote.direct


def test_no_break_space_does_not_pair_the_wrong_marks():
    text = 'The mayor called the plan\u00a0"reckless" and said the council would vote again.'
    assert not [q for q in run(text) if q.text.startswith("and said")]


@pytest.mark.parametrize("text, words", [
    ("The senator talked about NATO for most of the hour.", "NATO"),
    ("The candidate railed against Brussels at every stop of the tour.", "Brussels"),
])
def test_organisation_after_a_topic_preposition_is_content(text, words):
    assert find(run(text), words).cue in ("talked", "railed")


def test_mixed_quote_with_its_verb_first_stays_whole():
    text = ('The mayor argued that the port "needs a real plan now" for the ferries to keep running past the '
            'winter, such as "fresh money from the regional budget."')
    quote = find(run(text), "needs a real plan")
    assert quote.text.startswith("that the port") and "past the winter" in quote.text


def test_two_pieces_around_their_frame_are_still_split():
    text = '"We will appeal," the lawyer said, "and we expect to win in the higher court."'
    quotes = run(text)
    assert find(quotes, "We will appeal").text == "We will appeal,"
    assert find(quotes, "expect to win").text.startswith("and we expect")


def test_two_word_frame_makes_a_mixed_quote():
    text = 'At the rally the governor said she was "here to fight for every job."'
    quote = find(run(text), "here to fight")
    assert quote.text.startswith("she was")


def test_called_misread_as_a_noun_modifier_is_a_report():
    text = 'Dunmore, a longtime Reyes ally, called the plan "a disaster for the county."'
    quote = find(run(text), "the plan")
    assert speaker(quote) == "Dunmore" and quote.cue == "called"


@pytest.mark.parametrize("text", [
    "They founded a charity called the River Trust in 2009.",
    "One of the nurses who signed the petition called the director a liar and a bully.",
])
def test_names_and_misparsed_judgements_are_not_reports(text):
    assert not [q for q in run(text) if q.cue and q.cue.lower().startswith("call")]


def test_pieces_with_a_second_cue_between_them_are_split():
    text = ('The letter from the union to the mayor asks in its first line, "Where is the money we '
            'were promised" and goes on in the next page to ask, "Who will pay the drivers now?"')
    quotes = run(text)
    assert find(quotes, "Where is the money").text.startswith("Where")
    assert find(quotes, "Who will pay").text.startswith("Who will pay")


@pytest.mark.parametrize("text, who, words", [
    ("Mr. Dalton, whose newest venture, Greenway, uses drones to help growers find pests, said "
     "Ms. Ortiz was the best choice for the job.", "Dalton", "best choice for the job"),
    ("One negotiator, who like the rest asked not to be named because the talks were private, "
     "said the deal was close.", "One negotiator", "deal was close"),
    ("Kowalski, meanwhile, who sits on the budget committee, said that plan makes no sense for "
     "the city.", "Kowalski", "makes no sense"),
])
def test_speaker_parsed_into_a_clause_before_the_verb(text, who, words):
    quote = find(run(text), words)
    assert who in (speaker(quote) or "") and not quote.text.startswith(who)


@pytest.mark.parametrize("text, words, who", [
    ("The nurses' union leveled accusations of fraud against the hospital board.", "fraud", "union"),
    ("Ms. Ruiz unleashed sharp attacks against the governor in the last debate.", "the governor", "Ruiz"),
    ("Opposition leaders heaped criticism on the ministry after the flood.", "the ministry", "Opposition leaders"),
])
def test_speech_noun_after_a_light_verb(text, words, who):
    quote = find(run(text), words)
    assert who in (speaker(quote) or "")


def test_time_after_a_light_verb_is_not_content():
    quotes = run("The minister made a statement on Monday about the strike at the port.")
    assert not [q for q in quotes if "Monday" in q.text]


def test_block_quote_after_a_colon_closing_the_paragraph():
    text = ("The columnist was not impressed.\n\nHalloran writes:\n\nThe council never asked the "
            "residents, and no study was made of what the road would do to the river.\n\nThe vote is on Friday.")
    quote = find(run(text), "never asked the residents")
    assert speaker(quote) == "Halloran" and quote.text.startswith("The council")
    assert "vote is on Friday" not in quote.text
