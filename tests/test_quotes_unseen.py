"""Quoting styles of conflict and politics news the dev corpus is thin on, one test per
construction: split and mixed quotes, datelines, the person who was asked, sources cited by
a speaker, "it" for a body, quotes running on from reported speech, outlets told. Sentences
written for these tests."""
from __future__ import annotations

import pytest

from newsgraph.quotes import extract_quotes
from newsgraph.records import Article
from test_quotes_speakers import find, name


@pytest.fixture
def annotate(nlp):
    def run(text: str):
        article = Article(id="u1", source="test", text=text, published="2024-05-02")
        return extract_quotes(article, nlp(text), [])
    return run


def quotes_of(annotate, text):
    return annotate(text)[0]


def test_split_quote_gives_two_pieces_without_the_frame(annotate):
    text = '"The river is rising every hour," Teresa Vance said, "and the dam was never finished."'
    quotes = quotes_of(annotate, text)
    assert not any("Vance said" in q.text for q in quotes)
    first, second = find(quotes, "river is rising"), find(quotes, "dam was never finished")
    assert first.direct and second.direct
    assert "Vance" in name(first) and "Vance" in name(second)


def test_mixed_quote_keeps_the_reported_words_before_the_quoted_ones(annotate):
    text = ('The border guard commander said the crossings would reopen '
            '"as soon as the last convoy has passed."')
    quote = find(quotes_of(annotate, text), "last convoy")
    assert quote.text.startswith("the crossings would reopen")
    assert "commander" in name(quote)


def test_dateline_is_not_part_of_what_was_said(annotate):
    text = ("ODESSA (Reuters) — Three cargo ships left the port on Tuesday, the "
            "port authority said.")
    quote = find(quotes_of(annotate, text), "cargo ships")
    assert quote.text.startswith("Three cargo ships")
    assert "port authority" in name(quote)


def test_person_who_was_asked_is_not_quoted_by_the_question(annotate):
    text = ('Senator Paula Grant, asked about the ceasefire during a radio interview, '
            'said: "Nobody trusts the other side yet."')
    quotes = quotes_of(annotate, text)
    assert not any(q.cue and q.cue.lower() == "asked" for q in quotes)
    assert "Grant" in name(find(quotes, "Nobody trusts"))


def test_opening_asked_clause_is_not_a_quote(annotate):
    text = 'Asked whether the talks had failed, the envoy Omar Saleh said: "They are paused, not dead."'
    quotes = quotes_of(annotate, text)
    assert not any("talks had failed" in q.text for q in quotes)
    assert "Saleh" in name(find(quotes, "paused, not dead"))


def test_citing_names_the_source_of_a_claim(annotate):
    text = ("Provincial officials said, citing police reports, that at least 26 people "
            "died in the floods.")
    quotes, claims = annotate(text)
    quote = find(quotes, "died in the floods")
    assert "citing" not in quote.text and name(quote) == "Provincial officials"
    assert not any(q.cue == "citing" for q in quotes)
    claim = next(c for c in claims if c.value == 26)
    assert claim.attribution[-1] == "Provincial officials" and "police reports" in claim.attribution[0]


def test_figures_compiled_by_and_cited_by_form_a_chain(annotate):
    text = ("More than 1,200 homes were destroyed, according to figures compiled by the "
            "Red Cross and cited by Amnesty International.")
    _quotes, claims = annotate(text)
    claim = next(c for c in claims if c.value == 1200)
    assert claim.attribution == ["Red Cross", "Amnesty International"]


def test_it_that_speaks_is_the_organisation(annotate):
    text = ("Amnesty International said on Monday that 40 prisoners had been released. "
            "It said the releases were a first step.")
    quote = find(quotes_of(annotate, text), "first step")
    assert name(quote) == "Amnesty International"


def test_it_skips_a_person_named_in_between(annotate):
    text = ("The Norwegian Refugee Council said the camp had no clean water. Its director, "
            "Jonas Berg, visited the camp on Sunday. It said 3,000 families needed shelter.")
    quote = find(quotes_of(annotate, text), "families needed shelter")
    assert "Refugee Council" in name(quote)


def test_quote_paragraph_after_reported_speech_is_the_same_speaker(annotate):
    text = ("In an interview on Friday, the mayor, Irena Kostic, described the night of the attack.\n\n"
            '"We had no electricity and no water. The shelters were full by midnight, and people '
            'were sleeping in the stairwells."')
    quote = find(quotes_of(annotate, text), "no electricity")
    assert "Kostic" in name(quote)


@pytest.mark.parametrize("text, outlet", [
    ('"We will not sign," Hamid Rostami told the Associated Press.', "Associated Press"),
    ('"We will not sign," Hamid Rostami told the public broadcaster ZDF.', "ZDF"),
])
def test_outlet_told_is_the_via(annotate, text, outlet):
    quote = find(quotes_of(annotate, text), "will not sign")
    assert "Rostami" in name(quote) and quote.via == outlet


def test_toll_attributed_to_ministry_after_the_number(annotate):
    text = "At least 31 people were killed in the strike on the station, the interior ministry said."
    quotes, claims = annotate(text)
    claim = next(c for c in claims if c.value == 31)
    assert claim.attribution == ["the interior ministry"]
    assert "31 people were killed" in find(quotes, "people were killed").text


def test_two_women_and_a_man_alternating(annotate):
    text = ("Health Minister Karen Holt met the opposition leader, Simon Price, and the "
            "mayor, Mrs. Aylin Demir, on Tuesday.\n\n"
            '"The hospitals are coping," Holt said.\n\n'
            'Price disagreed. "They are at breaking point," he said.\n\n'
            'Demir said her city needed more nurses. "We are short of 300," she said.')
    quotes = quotes_of(annotate, text)
    assert "Holt" in name(find(quotes, "hospitals are coping"))
    assert "Price" in name(find(quotes, "breaking point"))
    assert "Demir" in name(find(quotes, "short of 300"))


def test_statement_on_social_media_keeps_its_medium(annotate):
    text = ('The foreign ministry spokeswoman, Lena Morávková, wrote on Telegram: '
            '"The ambassador has been summoned."')
    quote = find(quotes_of(annotate, text), "ambassador has been summoned")
    assert "Morávková" in name(quote) and quote.via == "Telegram"


def test_british_single_quotes(annotate):
    text = ("'We will not be pushed around,' the trade secretary, Alan Pryce, told Sky News. "
            "'The tariffs stay until the talks resume.'")
    quotes = quotes_of(annotate, text)
    first, second = find(quotes, "pushed around"), find(quotes, "tariffs stay")
    assert first.direct and second.direct and "Pryce" in name(second)


def test_apostrophes_are_not_quote_marks(annotate):
    text = "The farmers' union said it didn't expect the ministry's plan to pass before the '90s rules expire."
    quotes = quotes_of(annotate, text)
    assert all(q.direct is False for q in quotes)


def test_anonymous_source_relative_clause_is_not_the_cue(annotate):
    text = ('"The deal is closer than ever," the official, who asked not to be named, told AFP.')
    quotes = quotes_of(annotate, text)
    quote = find(quotes, "closer than ever")
    assert quote.cue == "told" and quote.via == "AFP" and "official" in name(quote)
    assert not any("named" in q.text for q in quotes)


def test_that_clause_is_not_read_as_a_parenthetical(annotate):
    text = "The militia said in a statement that it had accepted the truce offer."
    quotes = quotes_of(annotate, text)
    assert len(quotes) == 1 and "accepted the truce" in quotes[0].text


def test_according_to_is_cut_from_a_reported_content(annotate):
    text = ("Aid workers say at least 70 wells have dried up, according to a survey by the "
            "water authority.")
    quote = find(quotes_of(annotate, text), "wells have dried up")
    assert "according" not in quote.text


def test_relaying_agency_after_the_report_is_its_via(annotate):
    text = ("The navy said its ships had intercepted two missiles over the strait, "
            "state news agency IRNA reported.")
    quote = find(quotes_of(annotate, text), "intercepted two missiles")
    assert "IRNA" not in quote.text and quote.via == "IRNA" and "navy" in name(quote)


def test_a_statement_of_a_body_is_said_by_the_body(annotate):
    text = 'The consulate\'s statement read: "All visa appointments are suspended until further notice."'
    quote = find(quotes_of(annotate, text), "visa appointments")
    assert name(quote) == "The consulate"


def test_pronoun_teaches_the_gender_of_an_unfamiliar_name(annotate):
    text = ('General Ko Ko Aung said the offensive would go on. "The numbers are invented," '
            'said Nandar Hlaing, an analyst in Bangkok. She said the army had lost 40 bases.\n\n'
            'In a radio address later, he accused the opposition of lying.')
    quote = find(quotes_of(annotate, text), "opposition of lying")
    assert "Ko Ko Aung" in name(quote)


def test_agency_named_in_apposition_relays_the_report(annotate):
    text = ("The army said its units had retaken the airport, state news agency Bakhtar "
            "reported.")
    quote = find(quotes_of(annotate, text), "retaken the airport")
    assert "Bakhtar" not in quote.text and quote.via == "Bakhtar"


def test_titled_subject_misparsed_as_a_noun_phrase_still_speaks(annotate):
    text = "The foreign minister, Dara Soltani, promised on Friday to reopen the embassy."
    quote = find(quotes_of(annotate, text), "reopen the embassy")
    assert "Soltani" in name(quote)
