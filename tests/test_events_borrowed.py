"""Event coding faults found by probing with invented pages: a country borrowed from the other
side of a fight, a venue or a news outlet; party names read as unions; warnings that are
forecasts; clashes given a weapon; wishes read as threats; missed triggers (invitations to
talks, suspended broadcasts, arson, ordered hunts); venues as places, never as recipients.
All sentences are written for these tests."""
from __future__ import annotations

from events_helpers import events_of, of_type


def coded(nlp, text):
    return events_of(nlp, text, with_entities=True)


def codes(actors):
    return [a.actor_code for a in actors]


# ---- fault 1: borrowed countries ------------------------------------------------------

def test_an_army_does_not_take_the_country_of_the_group_it_strikes(nlp):
    ev = of_type(coded(nlp, "The interior minister said the army would keep bombing Boko Haram."), "THREATEN")
    assert ev and "NGAMIL" not in codes(ev[0].source)


def test_victims_of_a_foreign_air_strike_are_not_the_attackers_people(nlp):
    ev = of_type(coded(nlp, "Turkish warplanes struck a market, killing seven people."), "ASSAULT")
    assert ev and codes(ev[0].source) == ["TURMIL"]
    assert "TURCVL" not in codes(ev[0].target)


def test_victims_take_the_country_named_apart_from_the_attacker(nlp):
    text = "Turkish warplanes struck a market, killing seven people, the Syrian civil defence said."
    ev = of_type(coded(nlp, text), "ASSAULT")
    assert ev and codes(ev[0].target) == ["SYRCVL"]


def test_a_news_outlet_lends_no_country_to_the_story(nlp):
    text = ("Mali's army rejected a report by Al Jazeera. Al Jazeera said Al Jazeera had counted the dead. "
            "Al Jazeera reported that 40 soldiers were killed.")
    ev = [e for e in of_type(coded(nlp, text), "ASSAULT") if e.target]
    assert ev and all(not c.startswith("QAT") for e in ev for c in codes(e.target))


def test_a_venue_lends_no_country_to_the_parties(nlp):
    ev = coded(nlp, "Rebel commanders will hold talks in Geneva next month.")
    assert ev and all(not (c or "").startswith("CHE") for e in ev for c in codes(e.source))


# ---- fault 2: party names ------------------------------------------------------------

def test_an_ideology_word_before_union_names_a_party(nlp):
    ev = coded(nlp, "The Liberal Democratic Union (LDU) criticised the cabinet on Tuesday.")
    assert ev and ev[0].source and ev[0].source[0].actor_code.endswith("PTY")


def test_a_plain_trade_union_stays_labour(nlp):
    ev = coded(nlp, "The National Union of Teachers criticised the cabinet on Tuesday.")
    assert ev and ev[0].source and ev[0].source[0].actor_code.endswith("LAB")


# ---- fault 3: invented or mistyped events ----------------------------------------------

def test_a_warning_about_a_figure_is_no_threat(nlp):
    assert not coded(nlp, "The central bank governor warned that inflation could exceed 9 percent next year.")


def test_a_warning_naming_an_actor_is_still_a_threat(nlp):
    ev = coded(nlp, "The Iranian foreign minister warned that Israel would pay a heavy price.")
    assert of_type(ev, "THREATEN")


def test_a_clash_names_no_weapon(nlp):
    ev = of_type(coded(nlp, "Students clashed with riot police in Dhaka on Sunday."), "ASSAULT")
    assert ev and ev[0].cameo == "190" and ev[0].mode is None


def test_a_wish_to_free_prisoners_is_no_threat_to_detain_them(nlp):
    ev = coded(nlp, "The movement wanted the release of activists arrested in March.")
    assert not of_type(ev, "THREATEN")


# ---- fault 4: missed triggers ----------------------------------------------------------

def test_an_invitation_to_talks_is_an_intent_to_meet(nlp):
    ev = coded(nlp, "Prime Minister Mark Carney on Tuesday invited the Green Party to formal coalition talks.")
    assert ev and ev[0].type == "CONSULT" and ev[0].cameo == "036"


def test_suspending_broadcasts_is_a_restriction(nlp):
    ev = of_type(coded(nlp, "Burkina Faso's junta has suspended the broadcasts of Radio France Internationale."), "COERCE")
    assert ev and ev[0].cameo == "172"


def test_protesters_setting_fire_is_a_violent_riot(nlp):
    ev = coded(nlp, "Demonstrators set fire to the headquarters of the electoral commission.")
    assert ev and ev[0].type == "PROTEST" and ev[0].cameo == "145"


def test_an_ordered_hunt_is_not_yet_done(nlp):
    ev = coded(nlp, "The governor ordered the police to hunt down the kidnappers.")
    assert ev and ev[0].modality == "planned"


def test_ordering_an_envoy_out_stays_an_asserted_expulsion(nlp):
    ev = of_type(coded(nlp, "The junta ordered the French ambassador to leave the country."), "SANCTION")
    assert ev and ev[0].modality == "asserted"


# ---- fault 5: places and venues ---------------------------------------------------------

def test_talks_in_a_city_have_that_place(nlp):
    ev = coded(nlp, "Armenia and Azerbaijan will hold talks in Almaty.")
    assert ev and all(e.place is not None and e.place.name == "Almaty" for e in ev)


def test_a_meeting_place_hung_on_the_object_is_the_place(nlp):
    ev = coded(nlp, "The Saudi foreign minister met his Qatari counterpart in Riyadh on Monday.")
    assert ev and ev[0].place is not None and ev[0].place.name == "Riyadh"


def test_a_venue_is_never_the_recipient(nlp):
    ev = coded(nlp, "Rebel commanders will hold talks in Geneva next month.")
    assert all("Geneva" not in a.name for e in ev for a in e.target)


def test_talks_that_would_start_later_are_planned(nlp):
    from newsgraph.records import Timex
    text = "The envoy said the negotiations would begin on Thursday."
    start = text.index("Thursday")
    tx = Timex("d1", start, start + len("Thursday"), "Thursday", "DATE", "2024-05-09", "day")
    ev = events_of(nlp, text, timexes=[tx])
    assert ev and all(e.modality == "planned" for e in ev)


# ---- a claim of responsibility names the attacker ------------------------------------------

def test_a_group_claiming_responsibility_for_an_attack_is_its_source(nlp):
    ev = of_type(coded(nlp, "Al-Shabaab claimed responsibility for the attack, which killed nine soldiers near Baidoa."), "ASSAULT")
    assert ev and [a.name for a in ev[0].source] == ["Al-Shabaab"]
    bombing = of_type(coded(nlp, "The Pakistani Taliban took responsibility for Friday's bombing of a police station."), "ASSAULT")
    assert bombing and any("Taliban" in a.name for a in bombing[0].source)


def test_denying_responsibility_names_no_attacker(nlp):
    ev = of_type(coded(nlp, "Al-Shabaab denied responsibility for the attack, which killed nine soldiers near Baidoa."), "ASSAULT")
    assert not ev or not any(a.name == "Al-Shabaab" for a in ev[0].source)


# ---- a participle the parser hangs on its subject -------------------------------------------

def test_a_participle_with_its_own_object_is_the_active_verb(nlp):
    ev = of_type(coded(nlp, "Gunmen on motorcycles killed at least 20 villagers in Zamfara state on Sunday night, "
                            "a local official said."), "ASSAULT")
    assert ev and [a.name for a in ev[0].source] == ["Gunmen"] and "villagers" in ev[0].target[0].name


def test_a_participle_without_an_object_stays_passive(nlp):
    ev = of_type(coded(nlp, "Five soldiers killed in the ambush near the border were buried on Monday."), "ASSAULT")
    assert not any(a.name == "Five soldiers" for e in ev for a in e.source)


def test_an_attack_beside_what_an_official_said_is_no_accusation(nlp):
    evs = coded(nlp, "Gunmen on motorcycles killed at least 20 villagers in Zamfara state on Sunday night, a local "
                     "official said, the latest in a wave of attacks by armed gangs known locally as bandits.")
    assert not of_type(evs, "ACCUSE")
    assert any(e.trigger == "killed" for e in of_type(evs, "ASSAULT"))


def test_numbers_without_a_noun_count_the_victims(nlp):
    ev = of_type(coded(nlp, "Police fired on protesters outside the court, killing three and wounding 40."), "ASSAULT")
    assert ev and sorted((q.what, q.value) for q in ev[0].quantities) == [("injured", 40), ("killed", 3)]
