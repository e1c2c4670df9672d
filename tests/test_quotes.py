"""Tests of the quotes stage on news sentences written for them (not taken from any eval set)."""
from __future__ import annotations

import pytest

from newsgraph.nlp import get_nlp
from newsgraph.quotes import extract_quotes
from newsgraph.quotes.marks import quote_spans
from newsgraph.records import Article, Entity, Mention


def run(text: str, entities: list[Entity] | None = None):
    article = Article(id="a1", source="test", text=text, published="2022-05-04")
    return extract_quotes(article, get_nlp()(text), entities or [])


def only(quotes, words):
    found = [q for q in quotes if words in q.text]
    assert found, f"no quote with {words!r} in {[q.text for q in quotes]}"
    return found[0]


def name(quote):
    return quote.speaker.name if quote.speaker else None


# --- quotation marks -------------------------------------------------------------------
@pytest.mark.parametrize("text, inner", [
    ("He said: “The bridge will reopen in May.”", "The bridge will reopen in May."),
    ("He said: \"The bridge will reopen in May.\"", "The bridge will reopen in May."),
    ("He said: ''The bridge will reopen in May.''", "The bridge will reopen in May."),
    ("Il a dit: «Le pont rouvrira en mai.»", "Le pont rouvrira en mai."),
    ("Er sagte: „Die Brücke wird im Mai geöffnet.“", "Die Brücke wird im Mai geöffnet."),
    ("She said: ‘The bridge will reopen in May.’", "The bridge will reopen in May."),
])
def test_every_quoting_style(text, inner):
    spans = quote_spans(text)
    assert [text[q.start:q.end] for q in spans] == [inner]


def test_quote_inside_quote_is_one_span():
    text = "“They told us ‘stay home’ and we did,” the farmer said."
    assert [text[q.start:q.end] for q in quote_spans(text)] == ["They told us ‘stay home’ and we did,"]


def test_apostrophes_are_not_quotes():
    assert quote_spans("The farmers’ union didn’t meet the governor’s aides.") == []


# --- direct quotes and speakers ---------------------------------------------------------
def test_split_quote_has_one_speaker_for_both_pieces():
    quotes, _ = run("“We will rebuild the port,” Mayor Elena Novak said on Tuesday, “and we will do it this year.”")
    first, second = only(quotes, "rebuild the port"), only(quotes, "do it this year")
    assert first.direct and second.direct
    assert name(first) == name(second) == "Elena Novak" or "Novak" in name(first) and "Novak" in name(second)
    assert first.text.startswith("We will") and not first.text.startswith("“")


def test_said_inversion():
    quotes, _ = run("“The dam is safe for now,” said Tomas Berger, the chief engineer.")
    assert "Berger" in name(only(quotes, "dam is safe"))


def test_quote_running_over_paragraphs_takes_the_cue_of_its_last_piece():
    text = ("“The harvest failed in the north and the south this year.\n\n"
            "“Prices will keep rising until the spring,” the farmers’ leader Ana Ruiz told reporters.")
    quotes, _ = run(text)
    assert "Ruiz" in name(only(quotes, "harvest failed"))
    assert "Ruiz" in name(only(quotes, "Prices will keep rising"))


def test_bare_continuation_keeps_the_previous_speaker():
    text = ("“We have no fuel left for the generators,” hospital director Samir Haddad said.\n\n"
            "“Patients in intensive care are at risk every hour the power is out.”")
    quotes, _ = run(text)
    assert "Haddad" in name(only(quotes, "Patients in intensive care"))


def test_pronoun_speaker_is_the_person_named_before():
    text = ("Finance Minister Karel Dvorak defended the budget on Monday.\n\n"
            "“The deficit will fall by half within three years,” he added.")
    quotes, _ = run(text)
    quote = only(quotes, "deficit will fall")
    assert "Dvorak" in name(quote) and quote.cue == "added"


def test_pronoun_goes_through_the_entities_stage_when_it_resolved_it():
    text = "The general left the capital.\n\n“Our troops will stay,” he said."
    start = text.index("he said")
    general = Entity(id="a1#e1", name="Ivan Petrov", type="PERSON",
                     mentions=[Mention("a1", 4, 11, "general", "title"), Mention("a1", start, start + 2, "he", "pronoun")])
    quotes, _ = run(text, [general])
    assert only(quotes, "troops will stay").speaker.entity_id == "a1#e1"


def test_colon_cue_and_medium():
    quotes, _ = run("The opposition leader Mira Sato wrote on Facebook: “We will march again on Sunday.”")
    quote = only(quotes, "march again")
    assert "Sato" in name(quote) and quote.via == "Facebook"


def test_institution_speaker_and_statement_on_a_channel():
    text = "“Rioters will be punished,” the interior ministry said in a statement broadcast on the KTV news channel."
    quote = only(run(text)[0], "Rioters will be punished")
    assert name(quote) == "the interior ministry" and quote.speaker.entity_id is None
    assert quote.via == "KTV"


def test_scare_quotes_are_not_quotes():
    quotes, _ = run("Critics call the tax a “windfall” for landlords and the city plans to “review” it.")
    assert not any(q.direct and q.text in ("windfall", "review") for q in quotes)


# --- reported speech ----------------------------------------------------------------------
def test_reported_speech_with_said():
    quotes, _ = run("Norway said in April it was deeply worried by the fighting near the border.")
    quote = only(quotes, "deeply worried")
    assert not quote.direct and name(quote) == "Norway" and quote.cue == "said"


def test_told_that():
    quotes, _ = run("The coach told reporters that the team would appeal the ban.")
    quote = only(quotes, "appeal the ban")
    assert name(quote) == "The coach" and not quote.direct


def test_according_to():
    quotes, _ = run("The convoy reached the city on Friday, according to the Red Crescent.")
    quote = only(quotes, "convoy reached the city")
    assert "Red Crescent" in name(quote) and quote.cue == "according to"


def test_warned_and_accused():
    quotes, _ = run("The union warned that the strike would spread. The union accused the company of breaking the deal.")
    assert name(only(quotes, "strike would spread")) == "The union"
    assert "breaking the deal" in only(quotes, "breaking the deal").text


def test_no_source_is_null_not_a_guess():
    quotes, _ = run("“Nobody knows what comes next.”\n\nIt rained all week in the valley.")
    assert all(q.speaker is None for q in quotes)


def test_ids_and_offsets():
    text = "“We are ready,” the captain said."
    quotes, _ = run(text)
    assert quotes[0].id == "a1#q1" and text[quotes[0].start:quotes[0].end] == quotes[0].text
    assert quotes[0].date == "2022-05-04"


def test_named_example_of_a_plural_subject_speaks():
    text = ("Campaigners such as Maria Lopez of the Clean Rivers group have accused the firm of "
            "polluting the delta and of ignoring the \"damage done to the fishermen.\"")
    quote = only(run(text)[0], "polluting the delta")
    assert name(quote) == "Maria Lopez" and not quote.direct
