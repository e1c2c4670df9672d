"""Names introduced as another name of an entity ("X, known as Y"), cities the model reads as a
people, and office holders of armed groups outside a state."""
from __future__ import annotations

from spacy.tokens import Span

from newsgraph.entities import extract_entities
from newsgraph.entities.recognize import relabel
from newsgraph.records import Article


def entities(nlp, text):
    ents = extract_entities(Article(id="ka", source="ka", text=text, published="2024-03-01"), nlp(text))
    return {e.name: e for e in ents}


def test_a_nickname_after_known_as_is_an_alias_of_the_person(nlp):
    text = ("Militia chief Yusuf Abakar Tahir, widely known as Kolo, denied the charges on Monday. "
            "Kolo said his men had left the town.")
    found = entities(nlp, text)
    person = next(e for e in found.values() if e.type == "PERSON" and "Tahir" in e.name)
    assert "Kolo" in person.aliases
    assert not any(e.name == "Kolo" for e in found.values() if e is not person)


def test_a_body_is_never_merged_into_a_person_by_known_as(nlp):
    from newsgraph.entities.extract import after_alias_cue
    doc = nlp("The unit, also known as the Desert Hawks, moved north.")
    i = next(t.i for t in doc if t.text == ",")
    assert doc[after_alias_cue(doc, i)].text == "Desert"
    assert after_alias_cue(doc, 1) is None          # "unit" is followed by no cue


def test_a_gazetteer_city_the_model_labels_a_people_is_a_place_in_a_place_slot(nlp):
    doc = nlp("Shelling hit a crowded market in Omdurman on Friday.")
    i = next(t.i for t in doc if t.text == "Omdurman")
    assert relabel(Span(doc, i, i + 1, label="NORP")).label_ == "GPE"
    doc = nlp("Kurdish fighters entered the town.")
    assert relabel(Span(doc, 0, 1, label="NORP")).label_ == "NORP"


def test_a_commander_of_an_armed_group_takes_the_group_s_sector_not_the_military_s(nlp):
    found = entities(nlp, "Taliban commander Abdul Wahid Sarwari said the road to the border was closed.")
    person = next(e for e in found.values() if e.type == "PERSON")
    assert person.actor_code == "AFGREB"
    found = entities(nlp, "Army commander Lieutenant General Omar Baday said the border was closed.")
    person = next(e for e in found.values() if e.type == "PERSON")
    assert person.actor_code is None or person.actor_code.endswith("MIL")


def test_a_listed_armed_movement_has_its_country_and_sector(nlp):
    found = entities(nlp, "Fighters of the Rapid Support Forces seized a bridge, residents said.")
    assert found["Rapid Support Forces"].actor_code == "SDNREB"


def test_an_unlabelled_acronym_before_a_title_is_the_body_it_named_earlier(nlp):
    text = ("The paramilitary Rapid Support Forces (RSF) agreed to a truce.\n"
            "RSF commander Ibrahim Gar welcomed the deal.")
    person = next(e for e in entities(nlp, text).values() if e.type == "PERSON")
    assert person.actor_code == "SDNREB" and person.roles[0].organization == "Rapid Support Forces"


def test_a_surname_the_model_labels_a_body_joins_a_person_found_by_title_in_the_same_pass(nlp):
    text = ("A Russian drone attack on the port killed two dock workers and damaged a grain silo overnight, "
            "regional governor Ihor Danyliuk said on Thursday.\n"
            "Danyliuk said air defences had shot down 22 of 30 drones launched from the south.")
    found = entities(nlp, text)
    person = next(e for e in found.values() if e.type == "PERSON")
    assert any(m.text == "Danyliuk" for m in person.mentions)
    assert not any(e.name == "Danyliuk" and e.type != "PERSON" for e in found.values())


def test_a_weapon_known_by_a_one_word_name_is_a_weapon(nlp):
    found = entities(nlp, "Air defences shot down 14 of 20 Shahed drones over the city.")
    assert found.get("Shahed") is None or found["Shahed"].type == "WEAPON"
