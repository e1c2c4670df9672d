"""CAMEO/PLOVER actor-coding conventions on invented wire sentences: an attack named only by
its means is the unaligned armed force (UAF) of the scene's country, ethnic groups add their
third-level code, and a recipient the grammar leaves unnamed is the first actor after the
trigger in its clause; extremists are rebels; protesters of no known country belong to the
state they address."""
from __future__ import annotations

from events_helpers import dyads
from events_helpers import events_of as stage_events


def events_of(nlp, text):
    return stage_events(nlp, text, with_entities=True, published="2024-06-03")


def sources(events, typ):
    return {a.actor_code for e in events if e.type == typ for a in e.source}


def test_a_bombing_without_a_doer_is_the_scenes_unaligned_force(nlp):
    got = dyads(events_of(nlp, "A roadside bomb near the city of Kandahar killed two Canadian soldiers on Monday."), "ASSAULT")
    assert {s for s, _ in got} == {"AFGUAF"}


def test_an_explosive_device_outside_a_city_is_coded_by_the_city(nlp):
    got = dyads(events_of(nlp, "Two policemen were killed by an explosive device outside of the Pakistani city of Quetta."), "ASSAULT")
    assert {s for s, _ in got} == {"PAKUAF"}


def test_a_named_attacker_is_no_unaligned_force(nlp):
    events = events_of(nlp, "Taliban fighters killed two policemen in a bombing in Kandahar.")
    assert not any(code and code.endswith("UAF") for code in sources(events, "ASSAULT"))


def test_a_disaster_is_no_attack_by_anyone(nlp):
    events = events_of(nlp, "Five villagers were killed in a landslide in northern Nepal.")
    assert not any(code and code.endswith("UAF") for e in events for code in (a.actor_code for a in e.source))


def test_a_stateless_people_adds_its_ethnic_code(nlp):
    got = dyads(events_of(nlp, "Thousands of Syrian Kurds protested in the town of Qamishli on Friday."), "PROTEST")
    assert {s for s, _ in got} == {"SYRCVLKUR"}


def test_a_minority_of_another_states_people_adds_its_ethnic_code(nlp):
    got = dyads(events_of(nlp, "Macedonian police detained four ethnic Albanians in Tetovo."), "COERCE")
    assert {t for _, t in got} == {"MKDCVLALB"}


def test_a_states_own_people_adds_no_ethnic_code(nlp):
    assert sources(events_of(nlp, "Serb forces shelled a Croatian village on Sunday."), "ASSAULT") == {"SRBMIL"}


def test_an_unnamed_recipient_is_the_first_actor_after_the_trigger(nlp):
    got = dyads(events_of(nlp, "Pakistan threatened to launch strikes in its border dispute with Afghanistan."), "THREATEN")
    assert got == {("PAK", "AFG")}


def test_a_recipient_inside_a_relative_clause_is_not_taken(nlp):
    events = events_of(nlp, "Kenya pledged to send troops, which Uganda had asked for.")
    assert not any(b.actor_code == "UGA" for e in events if e.source for b in e.target)


def test_extremists_are_rebels_of_their_country(nlp):
    got = dyads(events_of(nlp, "The Dutch government outlawed the largest extremist organization in the country."), "COERCE")
    assert got == {("NLDGOV", "NLDREB")}


def test_protesters_of_no_known_country_belong_to_the_state_they_address(nlp):
    got = dyads(events_of(nlp, "The Popular Workers Front marched to demand the removal of the Peruvian labour minister."), "PROTEST")
    assert got == {("PERPTY", "PERGOV")}
