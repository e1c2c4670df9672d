"""CAMEO root codes of the trigger and its frame, on invented sentences: verbs of praise,
criticism, rejection, recall and destruction; a third party's report of an attack is an
accusation; an accusation or a denial takes over the act it names; a negated attack is a
denial (said by its doer) or an intent to de-escalate (will not); a demand's addressee
after 'on'/'to'; an accident is no attack; and the actors of such events."""
from __future__ import annotations

import pytest

from events_helpers import dyads
from events_helpers import events_of as stage_events


def events_of(nlp, text):
    return stage_events(nlp, text, with_entities=True, published="2024-06-03")


def codes(events):
    return {(e.cameo, tuple(a.actor_code for a in e.source), tuple(a.actor_code for a in e.target)) for e in events}


def roots(events):
    return {e.cameo[:2] for e in events if e.cameo}


@pytest.mark.parametrize("text, root", [
    ("Germany commended Poland for taking in refugees from the war.", "05"),
    ("The Kenyan president hailed the agreement reached by the two factions.", "05"),
    ("Turkey slammed Sweden over the burning of a holy book.", "11"),
    ("The foreign ministry of Japan rebuked China for the incursion.", "11"),
    ("Brazil complained to Argentina about the new tariffs.", "11"),
    ("Hungary rebuffed the European Commission's proposal on migration.", "12"),
    ("The rebels turned down the government's offer of an amnesty.", "12"),
    ("The Malian junta recalled its ambassador from France.", "16"),
    ("Canadian officials conferred with their Mexican counterparts on trade.", "04"),
    ("Russian artillery bombarded Ukrainian positions near the town.", "19"),
    ("Gunmen ambushed a police convoy in northern Nigeria.", "19"),
    ("The army chief stepped down after the protests in Peru.", "08"),
    ("China expressed concern over the American military drills near Taiwan.", "11"),
    ("Japan lodged a protest with South Korea over the islands.", "11"),
    ("Thousands joined a protest against the government in Serbia.", "14"),
    ("Turkey issued a warning to Greece over the islands.", "13"),
    ("The president of Chile held a phone call with his Peruvian counterpart.", "04"),
    ("Azerbaijani forces violated the ceasefire overnight, Armenia said.", "19"),
    ("Syrian government forces used chemical weapons against rebels in Ghouta.", "20"),
    ("The Hungarian government defied the European Union over migrant quotas.", "12"),
    ("China staged military exercises near Taiwan.", "15"),
    ("The Ukrainian president rallied support for the peace plan in Brussels.", "05"),
    ("The Thai government imposed a state of emergency in Bangkok.", "17"),
])
def test_codebook_verbs_get_their_root(nlp, text, root):
    assert root in roots(events_of(nlp, text))


def test_cutting_aid_is_reducing_aid_and_its_kind_is_no_recipient(nlp):
    events = events_of(nlp, "The United States cut off military aid to Egypt.")
    assert {(e.cameo, a.actor_code, b.actor_code) for e in events for a in e.source for b in e.target} == {("162", "USA", "EGY")}


def test_using_energy_is_no_attack(nlp):
    assert not events_of(nlp, "Iran said it would use nuclear energy for peaceful purposes.")


def test_a_recalled_envoy_names_the_country_left_as_recipient(nlp):
    assert ("MLIMIL", "FRA") in dyads(events_of(nlp, "The Malian junta recalled its ambassador from France."), "SANCTION")


def test_a_foreign_government_reporting_an_attack_accuses_its_doer(nlp):
    got = codes(events_of(nlp, "France said Russian troops had shelled a village in Ukraine."))
    assert got == {("112", ("FRA",), ("RUSMIL",))}


def test_a_side_reporting_its_own_attack_keeps_the_attack(nlp):
    events = events_of(nlp, "The Russian defence ministry said its troops had shelled Ukrainian positions.")
    assert roots(events) == {"19"}


def test_a_trailing_attribution_keeps_the_attack(nlp):
    assert roots(events_of(nlp, "Rebels attacked an army convoy in Mali, the French government said.")) == {"19"}


def test_an_accusation_takes_over_the_act_it_alleges(nlp):
    events = events_of(nlp, "Syria accused Turkey of shelling its villages.")
    assert roots(events) == {"11"}
    assert ("SYR", "TUR") in dyads(events, "ACCUSE")


def test_a_denied_attack_is_a_denial_not_an_attack(nlp):
    events = events_of(nlp, "Pakistan denied attacking Indian troops on the border.")
    assert roots(events) == {"01"}
    assert not [e for e in events if e.type == "ASSAULT"]


def test_a_foreign_report_of_an_attack_that_did_not_happen_is_no_accusation(nlp):
    assert "11" not in roots(events_of(nlp, "Ukraine said Russia did not attack Kyiv overnight."))


def test_a_doer_saying_it_did_not_attack_denies_responsibility(nlp):
    events = events_of(nlp, "Israel said it did not attack the convoy in Gaza.")
    assert {e.cameo for e in events} == {"016"}


def test_a_pledge_not_to_attack_is_an_intent_to_de_escalate(nlp):
    events = events_of(nlp, "Iran will not attack Israel, the foreign minister said.")
    assert roots(events) == {"03"} and ("IRN", "ISR") in dyads(events, "AGREE")


def test_a_call_on_someone_makes_them_the_addressee(nlp):
    assert ("EGY", "ISR") in dyads(events_of(nlp, "Egypt called on Israel to stop the bombing of Gaza."), "REQUEST")


def test_an_appeal_to_someone_makes_them_the_addressee(nlp):
    assert ("IGO", "ETH") in dyads(events_of(nlp, "The UN appealed to Ethiopia to allow aid into Tigray."), "REQUEST")


@pytest.mark.parametrize("text", [
    "Three workers were killed in an explosion at a chemical plant in Gujarat, India.",
    "Two people died in a gas explosion in Kyiv on Sunday.",
    "Five soldiers were killed when their helicopter crashed in northern Iraq.",
    "Twelve people were killed in a fire at a market in Lagos, Nigeria.",
])
def test_an_accident_is_no_attack(nlp, text):
    assert not [e for e in events_of(nlp, text) if e.type == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "A Syrian soldier was killed by sniper fire in Aleppo.",
    "Two Palestinians were killed by Israeli fire in Gaza on Friday.",
])
def test_gunfire_is_no_accident(nlp, text):
    assert roots(events_of(nlp, text)) == {"19"}


def test_an_explosion_of_no_named_cause_is_still_an_attack(nlp):
    assert roots(events_of(nlp, "Four soldiers were killed in an explosion near Mosul, Iraq.")) == {"19"}


def test_property_destroyed_by_a_coded_party_is_an_event(nlp):
    assert "1712" in {e.cameo for e in events_of(nlp, "Israeli bulldozers demolished Palestinian homes in the West Bank.")}


def test_property_destroyed_by_nobody_coded_is_no_event(nlp):
    assert not events_of(nlp, "A student demolished the old shed.")


# ---- actors of these events -----------------------------------------------------------

def test_a_describing_word_before_an_organisation_gives_its_sector(nlp):
    events = events_of(nlp, "The Colombian army attacked the rebel National Liberation Army.")
    assert ("COLMIL", "COLREB") in dyads(events, "ASSAULT")


def test_leaders_of_a_people_are_elites_not_the_state(nlp):
    events = events_of(nlp, "A group of Zulu leaders said they are willing to meet the South African president.")
    assert {a.actor_code for e in events for a in e.source} == {"ZAFELIZUL"}


def test_a_nationality_word_on_a_language_names_no_recipient(nlp):
    events = events_of(nlp, "A Lithuanian court cancelled a ban on street signs in the Russian language.")
    assert events and not any(a.actor_code == "RUS" for e in events for a in e.target)


def test_a_medium_something_is_said_on_is_no_recipient(nlp):
    events = events_of(nlp, "The Iranian president threatened on state television to close the strait.")
    assert events and not any(e.target for e in events)


def test_journalists_are_coded_as_journalists(nlp):
    assert ("TURCOP", "TURJRN") in dyads(events_of(nlp, "Police in Turkey detained three reporters."), "COERCE")


def test_a_news_outlet_reporting_an_attack_accuses_no_one(nlp):
    assert roots(events_of(nlp, "Armenian state television said Azerbaijan shelled a village.")) == {"19"}


def test_criticism_between_uncoded_people_is_no_political_event(nlp):
    assert not events_of(nlp, "The coach slammed the referee after the match.")
