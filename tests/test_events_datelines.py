"""A wire dateline the parser takes for the subject ("LIMA — the army ... agreed") is never
an actor: the subject in apposition to it, or the clause's other subject, takes its place."""
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
