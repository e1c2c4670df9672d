"""Tests of reported speech the parser hangs in the wrong place: a "that" clause read as a
relative clause on the addressee, a passive report with its source as agent, a second "that"
clause joined to the verb, "according to" after a verb that reports nothing. Sentences written
for these tests."""
from __future__ import annotations

import pytest

from spacy.tokens import Doc

from newsgraph.nlp import get_nlp
from newsgraph.quotes import extract_quotes
from newsgraph.quotes.cues import according_phrases, content_tokens
from newsgraph.records import Article, Entity, Mention


def run(text: str):
    article = Article(id="a1", source="test", text=text, published="2022-05-04")
    quotes, _ = extract_quotes(article, get_nlp()(text), [])
    return quotes


def reported(quotes, words):
    found = [q for q in quotes if words in q.text and not q.direct]
    assert found, f"no reported quote with {words!r} in {[q.text for q in quotes]}"
    return found[0]


def name(quote):
    return quote.speaker.name if quote.speaker else None


def test_that_clause_hung_on_the_addressee_is_what_was_told():
    quotes = run("The union chief told a meeting of dock workers that no ship would be unloaded until Friday.")
    quote = reported(quotes, "no ship would be unloaded")
    assert quote.text.startswith("that no ship")
    assert "meeting" not in quote.text
    assert name(quote) == "The union chief"


def test_that_clause_hung_on_a_modifier_of_the_verb():
    quotes = run("The governor told reporters at a briefing for farmers that the dam would be finished "
                 "before the rains.")
    quote = reported(quotes, "the dam would be finished")
    assert "briefing" not in quote.text
    assert name(quote) == "The governor"


def test_relative_clause_on_the_object_is_not_a_report():
    quotes = run("The minister told a story that nobody in the room had heard before.")
    assert not [q for q in quotes if "nobody in the room" in q.text]


def test_passive_claim_of_an_attack():
    quote = reported(run("The bombing of the market was claimed by a little-known militant group."),
                     "The bombing")
    assert "militant group" in name(quote)


def test_passive_of_telling_reports_nothing_about_its_subject():
    quotes = run("The villagers were told by the army to leave before dawn.")
    assert not [q for q in quotes if q.text.startswith("The villagers")]


def test_second_that_clause_joined_to_the_verb():
    quote = reported(run("The minister said that the bridge would reopen in May, but that tolls would rise."),
                     "the bridge would reopen")
    assert quote.text.endswith("that tolls would rise")


def test_according_to_after_a_verb_that_reports_nothing():
    quote = reported(run("Most of the 400 inspectors are posted along the southern coast, according to "
                         "the fisheries agency."), "inspectors are posted")
    assert name(quote) == "the fisheries agency"
    assert "according" not in quote.text


def test_according_to_with_its_object_torn_off():
    words = ["It", "is", "banned", "again", ",", "according", "to", "the", "W.H.O.", "."]
    heads = [2, 2, 2, 2, 2, 2, 5, 2, 7, 2]
    deps = ["nsubjpass", "auxpass", "ROOT", "advmod", "punct", "prep", "prep", "punct", "dep", "punct"]
    pos = ["PRON", "AUX", "VERB", "ADV", "PUNCT", "VERB", "ADP", "DET", "PROPN", "PUNCT"]
    doc = Doc(get_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert [(m.text, obj.text) for m, obj in according_phrases(doc)] == [("according", "W.H.O.")]


def test_telling_someone_to_act_reports_the_order():
    quote = reported(run("The mayor told residents to stay indoors until the storm passed."), "stay indoors")
    assert quote.text.startswith("residents to stay indoors")
    assert name(quote) == "The mayor"


def test_telling_a_broadcaster_alone_reports_nothing():
    assert run("The mayor told local radio on Sunday.") == []


# --- a share of a group is not the group ------------------------------------------------
def test_share_of_a_named_group_is_not_the_group():
    text = "Most of the opposition Democrats in the assembly have said they would back the budget."
    at = text.index("Democrats")
    party = Entity(id="a1#e1", name="Democratic Party", type="NORP",
                   mentions=[Mention("a1", at, at + len("Democrats"), "Democrats", "demonym")])
    article = Article(id="a1", source="test", text=text, published="2022-05-04")
    quotes, _ = extract_quotes(article, get_nlp()(text), [party])
    assert name(reported(quotes, "they would back")) == "Most of the opposition Democrats in the assembly"


def test_second_object_hung_on_the_verb():
    words = ["Okoro", "praised", "Ames", "'s", "grit", "and", "her", "record", "on", "taxes", "."]
    heads = [1, 1, 4, 2, 1, 1, 7, 1, 9, 7, 1]
    deps = ["nsubj", "ROOT", "poss", "case", "dobj", "cc", "poss", "conj", "prep", "pobj", "punct"]
    pos = ["PROPN", "VERB", "PROPN", "PART", "NOUN", "CCONJ", "PRON", "NOUN", "ADP", "NOUN", "PUNCT"]
    lemmas = ["Okoro", "praise", "Ames", "'s", "grit", "and", "her", "record", "on", "tax", "."]
    doc = Doc(get_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert [t.text for t in content_tokens(doc[1])][-3:] == ["record", "on", "taxes"]


def test_unlisted_verb_after_an_open_quote_frames_a_described_speaker():
    quotes = run("\"We will not back down, not this year and not next year,\" the union's chief negotiator "
                 "fumed outside the hall.")
    quote = [q for q in quotes if q.direct][0]
    assert name(quote) == "the union's chief negotiator"


def test_name_and_colon_inside_a_framed_quote_is_what_was_chanted():
    quotes = run("Along the route, the marchers chanted “Mayor Okafor: wrong for the city, wrong for us.”")
    quote = [q for q in quotes if q.direct][0]
    assert name(quote) == "the marchers"
    assert quote.text.startswith("Mayor Okafor:")


def test_transcript_line_quoted_whole_keeps_its_label():
    quotes = run("“MODERATOR: Let's begin with the economy tonight.”")
    assert [name(q) for q in quotes if q.direct] == ["MODERATOR"]


def test_next_act_after_a_subjunctive_proposal_is_not_content():
    quote = reported(run("The senator urged that the old plant be closed within a year, and called for new "
                         "wind farms."), "the old plant be closed")
    assert "wind farms" not in quote.text


def test_verbs_sharing_a_finite_auxiliary_stay_in_the_content():
    quote = reported(run("Officials said the plan would be reviewed and approved by June."), "the plan would")
    assert quote.text.endswith("approved by June")


def test_quote_after_a_colon_is_what_the_following_frame_says():
    quotes = run("After the storm, the union leader argued that the port had been neglected: “The port is ours, "
                 "not theirs,” he claimed.")
    assert any(q.direct and q.text.startswith("The port is ours") for q in quotes)
    assert not any(q.text.startswith("After the storm") for q in quotes)
    assert reported(quotes, "the port had been neglected").text.startswith("that the port")


# --- who speaks a reported quote: passive agents, unnamed speakers kept with the words that say
# who they are, the object of a verb of causing, groups described by their affiliation ----
@pytest.mark.parametrize("text, words, speaker", [
    pytest.param('The arrest of the former mayor was confirmed by the city prosecutor on Sunday.',
                 'The arrest of the former mayor', 'the city prosecutor', id='passive_report_names_its_agent'),
    pytest.param('The spokeswoman later clarified that the ban applied only to new contracts.',
                 'the ban applied', 'The spokeswoman', id='clarifying_is_a_report'),
    pytest.param('The auditors recommended closing two of the regional offices.',
                 'closing two', 'The auditors', id='recommending_is_a_report'),
    pytest.param('By large margins, those polled say housing should come first.',
                 'housing should', 'those polled', id='quantifier_speaker_keeps_its_description'),
    pytest.param('Many in the ruling party say the reforms went too far.',
                 'the reforms went', 'Many in the ruling party', id='quantifier_with_prepositional_phrase'),
    pytest.param('All but two of the council members said the vote should be delayed.',
                 'the vote should', 'All but two of the council members', id='all_but_two_keeps_its_group'),
    pytest.param('Voters disputing the count say the machines failed in three districts.',
                 'the machines failed', 'Voters', id='description_stops_before_a_report_of_its_own'),
    pytest.param('Officials briefed on the talks said a deal was close.',
                 'a deal was close', 'Officials briefed on the talks', id='description_keeps_a_passive_participle'),
    pytest.param('The ruling led unions to say that the strike would go on.',
                 'the strike would go on', 'unions', id='caused_speaker_is_the_object'),
    pytest.param('The scandal prompted the minister to declare that he would resign.',
                 'he would resign', 'the minister', id='prompted_speaker_is_the_object'),
    pytest.param('The senator used unusually blunt language to describe the new tariffs.',
                 'the new tariffs', 'The senator', id='purpose_infinitive_keeps_the_subject'),
    pytest.param('Democrats sitting on the finance committee say they have enough votes to block the bill.',
                 'enough votes', 'Democrats sitting on the finance committee', id='affiliation_group_keeps_what_follows_it'),
    pytest.param('Senior Democrats on the budget committee also wrote that the figures were wrong.',
                 'the figures were wrong', 'Senior Democrats on the budget committee', id='affiliation_group_keeps_its_committee'),
    pytest.param('The mayor, who is seeking a second term, posted on Monday to say she had never promised a tax cut.',
                 'never promised a tax cut', 'The mayor', id='verb_misread_as_a_participle_keeps_its_subject'),
])
def test_reported_speaker(text, words, speaker):
    assert name(reported(run(text), words)) == speaker
