"""Which words frame a quote: quoted words that close their own sentence are framed by that
sentence, not by the one after them. Sentences written for these tests."""
from __future__ import annotations

import pytest

from quotes_helpers import find, run


def speaker_of(quotes, words):
    quote = find(quotes, words)
    return quote.speaker.name if quote.speaker else None


def test_embedded_clause_of_a_report_gives_the_reporter():
    text = ("Senator Ingrid Dahl says her colleague Paul Brennan ran “a campaign built on fear and nothing else.”")
    assert "Ingrid Dahl" in speaker_of(run(text), "built on fear")


def test_verb_before_the_comma_opening_a_quote_frames_it():
    text = "Smiling at the crowd, Governor Lena Ortiz boomed, “Tonight this state chose hope over fear.”"
    assert "Lena Ortiz" in str(speaker_of(run(text), "chose hope"))


def content_with(text: str, words: str) -> str:
    found = [q.text for q in run(text) if words in q.text]
    assert found, f"no quote with {words!r}"
    return found[0]


def test_conjunct_in_the_form_of_the_content_verb_is_part_of_what_was_said():
    text = "At the rally, Ortiz pledged that the state is open for business, but wants “fairer and tougher” trade deals."
    assert "trade deals" in content_with(text, "open for business")


def test_past_tense_conjunct_of_a_present_content_is_the_speakers_next_act():
    text = "At the rally, Ortiz said that the state is open for business, and left the stage to loud applause."
    assert "left the stage" not in content_with(text, "open for business")


def test_conjunct_in_the_reporting_verbs_form_stays_out():
    text = "Ortiz announced that the plant is closing, and thanked the staff for their years of work."
    assert "thanked" not in content_with(text, "plant is closing")


def test_the_speakers_next_act_keeps_the_speaker():
    text = ("Karl Brenner, an analyst, noted that enlistment trails the goal of 85,000 and asked "
            "whether the ministry could close the gap by 2028.")
    quotes = run(text)
    assert "close the gap" not in content_with(text, "enlistment trails")
    assert "Brenner" in str(speaker_of(quotes, "close the gap"))


def test_lost_subject_is_not_taken_from_a_quote_or_a_date():
    text = "“We will sue,” Friday, urged a district judge to block the new fuel rules."
    assert speaker_of(run(text), "block the new fuel rules") is None


def test_capitalised_word_after_an_open_quote_is_a_name_even_tagged_as_a_noun():
    text = ("The mayor paused.\n\n“Could the tenants on Mill Lane keep their flats?” Brannity pressed. "
            "“Perhaps, if they sign the lease.”")
    assert speaker_of(run(text), "keep their flats") is not None


def test_lower_case_noun_after_an_open_quote_is_no_speaker():
    text = "“Could the tenants on Mill Lane keep their flats?” rain pressed on the windows."
    assert speaker_of(run(text), "keep their flats") is None


def test_parenthetical_frame_in_a_sentence_whose_verb_was_read_as_a_noun():
    text = "Proposals from the mayor to cut bus fares, she added, amount to little more than a gesture."
    content = content_with(text, "little more than a gesture")
    assert content.startswith("Proposals from the mayor")


def test_a_time_phrase_on_an_unnamed_speaker_is_not_part_of_its_description():
    text = ("Peru's opposition on Tuesday rejected the official result of Sunday's runoff, "
            "a day after the electoral board declared the incumbent the winner.")
    names = [q.speaker.name for q in run(text)]
    assert "Peru's opposition" in names and all("Tuesday" not in n for n in names)


def test_a_topic_nobody_spoke_about_is_no_quote():
    assert not [q for q in run("The ministry did not comment on the report.") if "report" in q.text]
    assert [q for q in run("The ministry commented on the report on Friday.") if "report" in q.text]


# --- who speaks: (text, words of the quote, speaker name) -------------------------------
@pytest.mark.parametrize("text, words, speaker", [
    pytest.param('Norway branded the proposal a “reckless gamble with the future of our fisheries.” Iceland '
                 'insisted that the talks continue.',
                 'reckless gamble',
                 'Norway',
                 id='quote_closing_its_sentence_is_not_framed_by_the_next_one'),
    pytest.param('The union leader, Marta Kowalczyk, urged members to “stand firm until the very last day of the '
                 'strike.” Management replied that the offer was final.',
                 'stand firm',
                 'Marta Kowalczyk',
                 id='quote_closing_its_sentence_takes_the_subject_of_its_own_clause'),
    pytest.param('“We will stand firm until the very last day of the strike,” Marta Kowalczyk said on Tuesday.',
                 'stand firm',
                 'Marta Kowalczyk',
                 id='quote_left_open_is_still_framed_by_the_clause_after_it'),
    pytest.param('Friday, Oregon, leading a group of nine states, urged a district judge to block the new fuel '
                 'rules.',
                 'block the new fuel rules',
                 'Oregon',
                 id='subject_the_parse_lost_is_the_name_before_the_verb'),
    pytest.param('Continuing to explain his view, Okafor rejected the notion that the dispute should be '
                 'forgotten, saying that if he "saw a road that was cracked, I would repair it."',
                 'I would repair it',
                 'Okafor',
                 id='participle_after_a_comma_on_the_object_is_said_by_the_subject'),
])
def test_speaker(text, words, speaker):
    assert speaker_of(run(text), words) == speaker
