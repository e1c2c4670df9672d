"""An actor's country comes from its own clause, not the article's: a country word naming the
group itself wins, then the place of a local act (arrest, attack, protest) -- for sources too,
armies excepted --, then the article's country unless that country is itself a party of the
event; with none of these the code stays country-less. A people the entities stage gives no
country ('ethnic Uzbeks') is no state actor. What is deployed is the theme, not the recipient.
Invented wire sentences."""
from __future__ import annotations

from events_helpers import dyads
from events_helpers import events_of as stage_events


def events_of(nlp, text):
    return stage_events(nlp, text, with_entities=True)


def sources(events):
    return {a.actor_code for e in events for a in e.source}


def test_place_of_an_arrest_gives_the_police_their_country_not_the_detainees(nlp):
    assert "TURCOP" in sources(events_of(nlp, "Police detained five Syrians in Istanbul on Monday."))
    assert "KENCOP" in sources(events_of(nlp, "Police arrested three Somalis in Nairobi."))


def test_a_country_word_on_the_group_wins_over_the_place(nlp):
    assert "LBNMIL" in sources(events_of(nlp, "Lebanese soldiers detained four Syrians in Damascus."))


def test_a_party_of_the_event_lends_no_nationality_to_the_other(nlp):
    got = sources(events_of(nlp, "Police arrested three Somalis."))
    assert got and not any(c and c.startswith("SOM") for c in got)
    got = sources(events_of(nlp, "Parliament urged the president to sanction Venezuela."))
    assert got and not any(c and c.startswith("VEN") for c in got)


def test_a_country_named_as_the_place_still_counts(nlp):
    got = dyads(events_of(nlp, "Opposition groups in Belarus urged the government to release political prisoners."))
    assert ("BLROPP", "BLRGOV") in got


def test_what_is_deployed_is_no_recipient(nlp):
    assert dyads(events_of(nlp, "Nigeria refused to deploy troops in Mali.")) == {("NGA", "MLI")}
    assert dyads(events_of(nlp, "Egypt deployed 500 soldiers to Libya.")) == {("EGY", "LBY")}


def test_its_people_belong_to_the_source(nlp):
    assert ("GHA", "GHACVL") in dyads(events_of(nlp, "Ghana urged its citizens to leave Sudan."))



def test_a_former_name_in_apposition_is_not_a_party(nlp):
    text = ("North Macedonia has been in turmoil since the spring, and North Macedonia remains tense. "
            "China on Friday staged its support for the military junta that overthrew the democratic "
            "government of North Macedonia (formerly Macedonia) last February.")
    assert ("MKDMIL", "MKDGOV") in dyads(events_of(nlp, text), "COERCE")
