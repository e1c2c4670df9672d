"""The leaders gazetteer (entities/data/leaders.tsv): political leaders whom news names
without a title, with the actor code of their office, looked up by any listed form."""
from __future__ import annotations

from newsgraph.entities import leader_code


def test_lookup_by_any_listed_form_folds_dots_and_case():
    assert leader_code("F.W. de Klerk") == leader_code("f w de klerk") == "ZAFGOV"
    assert leader_code("Putin") == leader_code("Vladimir Putin") == "RUSGOV"
    assert leader_code("Antonio Guterres") == "IGO"


def test_known_leader_is_the_first_listed_of_several_names():
    from newsgraph.entities import known_leader
    assert known_leader(["Nobody In Particular", "Vladimir Putin", "Macron"]) == "RUSGOV"
    assert known_leader(["Rice", "Nobody In Particular"]) is None and known_leader([]) is None


def test_names_not_listed_are_unknown():
    assert leader_code("Nobody In Particular") is None
    assert leader_code("Rice") is None        # a shared family name is listed only with its given name


def people(nlp, text):
    from newsgraph.entities import extract_entities
    from newsgraph.records import Article
    ents = extract_entities(Article(id="ld", source="ld", text=text, published="2024-02-01"), nlp(text))
    return {e.name: e for e in ents if e.type == "PERSON"}


def test_a_bare_leader_name_gets_the_office_s_country_marked_as_the_gazetteer_s(nlp):
    found = people(nlp, "Putin told reporters that the talks had failed. Macron said he would call him again.")
    assert found["Putin"].country == "RUS" and found["Putin"].actor_code == "RUSGOV"
    assert found["Putin"]._country_from_gazetteer and found["Macron"].country == "FRA"


def test_what_the_text_says_comes_first(nlp):
    found = people(nlp, "Former Brazilian striker Carlos Macron scored twice on Sunday.")
    assert all(e.country != "FRA" and not e._country_from_gazetteer for e in found.values())


def test_an_international_office_has_a_sector_but_no_country(nlp):
    found = people(nlp, "Antonio Guterres urged both sides to return to the table.")
    assert found["Antonio Guterres"].country is None and found["Antonio Guterres"].actor_code == "IGO"


def test_the_gazetteer_mark_is_not_exported():
    from newsgraph.records import Entity, to_dict
    assert "_country_from_gazetteer" not in to_dict(Entity("e", "Putin", "PERSON", _country_from_gazetteer=True))


def test_a_listed_leader_s_name_the_model_labels_a_place_is_relabelled_a_person(nlp):
    from spacy.tokens import Span
    from newsgraph.entities.recognize import relabel
    doc = nlp("Late on Sunday Ramaphosa signed the decree.")
    start = next(t.i for t in doc if t.text == "Ramaphosa")
    assert relabel(Span(doc, start, start + 1, label="GPE")).label_ == "PERSON"
    assert relabel(Span(doc, start, start + 1, label="PERSON")).label_ == "PERSON"
    sunday = next(t.i for t in doc if t.text == "Sunday")
    assert relabel(Span(doc, sunday, sunday + 1, label="DATE")).label_ == "DATE"
