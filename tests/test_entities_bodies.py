"""Bodies named right after a noun for a body ("the rights group X"): an organisation, whatever
label the model gave the name, with the sector the noun gives it."""
from __future__ import annotations

from newsgraph.entities import extract_entities
from newsgraph.records import Article


def entities(nlp, text):
    ents = extract_entities(Article(id="bd", source="bd", text=text, published="2024-03-01"), nlp(text))
    return {e.name: e for e in ents}


def test_a_name_after_a_rights_group_is_an_ngo(nlp):
    found = entities(nlp, "Police fired tear gas, according to the rights group Voces Libres, which counted 40 arrests.")
    assert found["Voces Libres"].type == "ORG" and found["Voces Libres"].actor_code == "NGO"


def test_a_name_after_a_company_is_a_business(nlp):
    found = entities(nlp, "The mining company Sierra Cobre said output fell in May.")
    assert found["Sierra Cobre"].type == "ORG" and found["Sierra Cobre"].actor_code.endswith("BUS")


def test_a_person_after_a_title_is_still_a_person(nlp):
    found = entities(nlp, "The party leader Ana Beltrán said she would resign.")
    assert found["Ana Beltrán"].type == "PERSON"
