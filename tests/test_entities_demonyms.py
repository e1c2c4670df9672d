"""Peoples and sectors for event actors, on invented sentences: plural demonyms and demonym nouns
("Kuwaitis", "Croats", "Frenchmen") give their country; "ethnic X" names an ethnic group, not a
state's citizens; group nouns take the sector the CAMEO actor codebook and the Phoenix agents
dictionary give them (protesters OPP, students EDU, UN or bare peacekeepers IGO, al-Qaeda IMG)."""
import pytest

from newsgraph.entities import actor_for_text, extract_entities
from newsgraph.entities import lexicon as L
from newsgraph.records import Article


def run(nlp, text, aid="d1"):
    return extract_entities(Article(id=aid, source=aid, text=text, published="2024-05-06"), nlp(text))


@pytest.mark.parametrize("word, code", [
    ("Kuwaitis", "KWT"), ("Yemenis", "YEM"), ("Bangladeshis", "BGD"), ("Israelis", "ISR"),
    ("Croats", "HRV"), ("Serbs", "SRB"), ("Bosniaks", "BIH"), ("Frenchmen", "FRA"), ("Spaniards", "ESP"),
    ("Britons", "GBR"), ("Soviet", "RUS"), ("Hong Konger", "HKG"), ("Fijians", "FJI"), ("Germans", "DEU"),
    ("Irishmen", "IRL"), ("Omanis", "OMN"),
])
def test_demonym_nouns_and_plurals(word, code):
    assert L.country_of_demonym(word) == code


@pytest.mark.parametrize("word", ["Swisss", "Britishs", "Chineses", "Kurds", "Asians"])
def test_no_country_for_forms_that_are_no_demonym(word):
    assert L.country_of_demonym(word) is None


def test_plural_people_as_a_noun_gets_its_country(nlp):
    ents = run(nlp, "Saudi jets struck a convoy near the border, killing six Yemenis on Sunday.")
    yemenis = [e for e in ents if "Yemenis" in e.aliases + [e.name]]
    assert yemenis and yemenis[0].country == "YEM"


def test_ethnic_group_is_not_the_state_its_name_recalls(nlp):
    ents = run(nlp, "Hundreds of ethnic Hungarians rallied in the Romanian city of Cluj on Saturday.")
    hungarians = [e for e in ents if e.type == "NORP" and "Hungarians" in e.aliases + [e.name]]
    assert hungarians and hungarians[0].country is None
    assert any(e.country == "ROU" for e in ents)


@pytest.mark.parametrize("text, context, expected", [
    ("rioters", "KEN", ("KEN", "KENOPP")),
    ("the demonstrators", "PER", ("PER", "PEROPP")),
    ("Nepali students", None, ("NPL", "NPLEDU")),
    ("Ghanaian doctors", None, ("GHA", "GHAHLH")),
    ("Italian peacekeepers", "LBN", ("ITA", "ITA")),          # a national contingent: its country
    ("UN peacekeepers", None, (None, "IGO")),
    ("al-Qaida fighters", "YEM", (None, "IMG")),
    ("Islamic State militants", "SYR", (None, "IMG")),
    ("Red Cross workers", "SDN", (None, "NGO")),           # CAMEO NGOHLHIRC: the Red Cross is no IGO
    ("Ukrainian activists", None, ("UKR", "UKROPP")),
])
def test_group_sectors_follow_the_cameo_codebook(text, context, expected):
    assert actor_for_text(text, context) == expected


def test_student_leader_is_coded_in_education(nlp):
    ents = run(nlp, "Chilean student leader Camila Rojas called for a national strike.")
    rojas = [e for e in ents if e.type == "PERSON"]
    assert rojas and rojas[0].actor_code == "CHLEDU"
