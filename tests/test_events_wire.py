"""Shapes of wire copy the events stage must read: a dateline the parser takes for the subject
("LIMA — the army ... agreed") is never an actor; a people word after a region qualifier names
no country; a place after a conjoined preposition; drones or missiles hitting a target."""
from __future__ import annotations

from events_helpers import events_of


def source_names(events):
    return {a.name for e in events for a in e.source}


def test_a_dateline_parsed_as_subject_gives_way_to_its_apposition(nlp):
    text = "MOGADISHU — Somalia's army and clan militias agreed on Tuesday to a two-week truce, elders said."
    names = source_names(events_of(nlp, text, with_entities=True))
    assert "Mogadishu" not in names and "MOGADISHU" not in names
    assert any("army" in n for n in names)


def test_a_dateline_with_a_date_and_agency_is_no_source(nlp):
    text = "NAIROBI, March 3 (Reuters) - Kenyan police fired tear gas at protesters on Tuesday."
    events = events_of(nlp, text, with_entities=True)
    assert source_names(events) and not {"Nairobi", "NAIROBI"} & source_names(events)
    assert {a.actor_code for e in events for a in e.source} == {"KENCOP"}


def test_a_capitalised_subject_inside_a_sentence_is_kept(nlp):
    text = "Talks stalled in March. NATO said on Friday that it would send more troops."
    names = source_names(events_of(nlp, text, with_entities=True))
    assert any("NATO" in n or "North Atlantic" in n for n in names)


def test_the_agency_in_a_dateline_s_parenthesis_is_no_source(nlp):
    text = "QUITO (Sierra Wire) — Ecuador's teachers' union on Monday rejected the new pay offer."
    names = source_names(events_of(nlp, text, with_entities=True))
    assert names and not any("Sierra" in n or "QUITO" in n or "Quito" in n for n in names)


def test_a_region_s_people_word_names_no_country(nlp):
    events = events_of(nlp, "Canada and six West African governments called for a ceasefire.", with_entities=True)
    codes = {a.name: a.actor_code for e in events for a in e.source}
    assert codes.get("Canada") == "CAN"
    assert not any((code or "").startswith("CAN") for name, code in codes.items() if "governments" in name)


def test_a_place_after_a_conjoined_preposition_is_the_event_s_place(nlp):
    events = events_of(nlp, "Police fired tear gas at students in the old town and in Tarija on Friday.", with_entities=True)
    assert any(e.place is not None and e.place.name == "Tarija" for e in events)


def test_a_dateline_cut_off_as_its_own_sentence_after_an_unstopped_deck_is_no_source(nlp):
    text = ("Unions say the offer falls short; ministers cite the budget\n\n"
            "QUITO (Sierra Wire) — Ecuador's teachers' union on Monday rejected the new pay offer.")
    names = source_names(events_of(nlp, text, with_entities=True))
    assert names and not any("Sierra" in n or "Wire" in n for n in names)


def test_a_capitalised_name_inside_a_line_before_a_dash_is_kept(nlp):
    text = "Officials met in Brussels on Monday. NATO — once a silent partner — condemned the strike."
    assert any("NATO" in n or "North Atlantic" in n for n in source_names(events_of(nlp, text, with_entities=True)))


def test_drones_or_missiles_hitting_a_target_is_an_assault_but_prices_hitting_a_record_is_not(nlp):
    events = events_of(nlp, "Overnight, drones hit a fuel depot in the border town of Sudzha.", with_entities=True)
    assert any(e.type == "ASSAULT" for e in events)
    assert not events_of(nlp, "Fuel prices hit a record high on Monday.", with_entities=True)
