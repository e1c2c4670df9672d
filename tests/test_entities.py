"""Tests of the entities stage on invented news sentences: span repair, in-article coreference,
roles, countries, actor codes and cross-article resolution."""
import random

import pytest

from newsgraph.entities import actor_for_text, entity_at, extract_entities, resolve_entities
from newsgraph.entities.names import same_person
from newsgraph.records import Article, Entity, Mention


def run(nlp, text, aid="t1", published="2023-05-02"):
    return extract_entities(Article(id=aid, source=aid, text=text, published=published), nlp(text))


def by_name(ents, name):
    found = [e for e in ents if e.name == name or name in e.aliases]
    assert found, f"no entity {name!r} in {[e.name for e in ents]}"
    return found[0]


# --- names -------------------------------------------------------------------------------------

def test_same_person_rules():
    assert same_person(("Kuleba",), ("Dmytro", "Kuleba"))
    assert same_person(("Maria", "Garcia"), ("Maria", "Lopez", "Garcia"))        # middle part dropped
    assert same_person(("Sergey", "Lavrov"), ("Sergei", "Lavrov"))                 # transliteration
    assert not same_person(("Susan", "Rice"), ("Condoleezza", "Rice"))
    assert not same_person(("Maria", "Lopez"), ("Maria", "Lopez", "Garcia"))     # another person's prefix


# --- recognition repair -------------------------------------------------------------------------

def test_span_repair_trims_parenthesis_and_finds_acronym(nlp):
    doc = nlp("Leaders of the Movement for Democratic Change (MDC) met in Harare on Monday.")
    texts = {e.text: e.label_ for e in doc.ents}
    assert "MDC" in texts and texts["MDC"] == "ORG"
    assert not any("(" in t for t in texts)


def test_lone_title_word_is_not_an_organisation(nlp):
    doc = nlp("Ukrainian Defence Minister Oleksii Reznikov arrived in Warsaw.")
    assert "Defence" not in {e.text for e in doc.ents}
    assert any(e.label_ == "PERSON" and "Reznikov" in e.text for e in doc.ents)


def test_weapon_designations(nlp):
    doc = nlp("The air force flew Su-25 jets and F-16 fighters over the border.")
    weapons = {e.text for e in doc.ents if e.label_ == "WEAPON"}
    assert {"Su-25", "F-16"} <= weapons


def test_chrome_across_lines_is_dropped(nlp):
    ents = run(nlp, "Troops left the city on Friday.\n\nShow More\n\nRelated Articles")
    assert not any(e.type in ("PERSON", "OTHER") and "Show" in e.name for e in ents)


# --- in-article resolution ---------------------------------------------------------------------

TEXT_A = ("Ukrainian Foreign Minister Dmytro Kuleba met Polish officials in Warsaw on Tuesday. "
          "Kuleba said the talks were useful. \"We need more air defence,\" he added.\n\n"
          "The Ukrainian foreign minister later travelled to Brussels. The Kremlin condemned the visit, "
          "and Moscow said it would respond.")


def test_surname_title_and_pronoun_mentions(nlp):
    ents = run(nlp, TEXT_A)
    kuleba = by_name(ents, "Dmytro Kuleba")
    kinds = {(m.text, m.kind) for m in kuleba.mentions}
    assert ("Kuleba", "alias") in kinds
    assert ("he", "pronoun") in kinds
    assert any(k == "title" and "foreign minister" in t for t, k in kinds)
    assert kuleba.country == "UKR" and kuleba.actor_code == "UKRGOV"
    assert any(r.title == "Foreign Minister" and r.country == "UKR" and r.first_seen == "2023-05-02" for r in kuleba.roles)
    assert all(m.article_id == "t1" and TEXT_A[m.start:m.end] == m.text for m in kuleba.mentions)


def test_capital_as_actor_is_its_state_and_as_place_is_a_city(nlp):
    ents = run(nlp, TEXT_A)
    russia = [e for e in ents if e.country == "RUS" and e.type == "GPE"]
    assert len(russia) == 1 and {"Kremlin", "Moscow"} <= set(russia[0].aliases)
    warsaw = by_name(ents, "Warsaw")
    assert warsaw.type == "GPE" and warsaw.country == "POL"


def test_appositive_role_and_rank(nlp):
    text = ("The ministry sent Pavel Orlov, the Deputy Minister of Energy, to Baku. "
            "Separately, Lieutenant General Rashid Karimov inspected the troops.")
    ents = run(nlp, text)
    assert any("Deputy Minister of Energy" in r.title for r in by_name(ents, "Pavel Orlov").roles)
    karimov = by_name(ents, "Rashid Karimov")
    assert any(r.title.lower() == "lieutenant general" for r in karimov.roles)
    assert karimov.actor_code.endswith("MIL")


def test_acronym_and_former_name_are_aliases(nlp):
    text = ("According to the Cambodian Center for Human Rights (CCHR), arrests rose in Sri Lanka "
            "(formerly Ceylon) last year. The CCHR urged restraint.")
    ents = run(nlp, text)
    cchr = by_name(ents, "Cambodian Center for Human Rights")
    assert "CCHR" in cchr.aliases and len([m for m in cchr.mentions if m.text == "CCHR"]) == 2
    lanka = by_name(ents, "Sri Lanka")
    assert "Ceylon" in lanka.aliases and lanka.country == "LKA"


def test_demonym_has_its_country(nlp):
    ents = run(nlp, "Kenyan police said three Somali nationals were arrested.")
    assert by_name(ents, "Kenyan").country == "KEN"
    assert by_name(ents, "Somali").type == "NORP"


# --- cross-article resolution ------------------------------------------------------------------

def test_resolution_merges_variants_and_keeps_people_apart(nlp):
    a = run(nlp, "Maria Lopez Garcia, the opposition leader, spoke in Caracas. Condoleezza Rice praised her.", "a")
    b = run(nlp, "Maria Garcia rejected the vote. Susan Rice stayed silent. Maria Lopez arrived later.", "b")
    c = run(nlp, "The Stockholm Centre for Freedom (SCF) said Burma's army had shelled villages.", "c")
    d = run(nlp, "A report by the SCF said Myanmar's junta had shelled villages.", "d")
    glob, mapping = resolve_entities([a, b, c, d])
    names = {e.name: e for e in glob}
    garcia = names["Maria Lopez Garcia"]
    assert "Maria Garcia" in garcia.aliases
    assert "Maria Lopez" not in garcia.aliases
    rices = [e for e in glob if e.type == "PERSON" and e.name.endswith("Rice")]
    assert len(rices) == 2
    scf = names["Stockholm Centre for Freedom"]
    assert {"c", "d"} <= {m.article_id for m in scf.mentions}
    myanmar = [e for e in glob if e.type == "GPE" and e.country == "MMR"]
    assert len(myanmar) == 1 and {"Burma", "Myanmar"} <= set(myanmar[0].aliases)
    assert set(mapping) == {e.id for e in a + b + c + d}


def test_resolution_is_order_independent(nlp):
    arts = [run(nlp, t, f"x{i}") for i, t in enumerate([
        "Sergei Lavrov met Wang Yi in Beijing.", "Sergey Lavrov, the Russian Foreign Minister, flew home.",
        "Lavrov said Moscow would not yield."])]
    first, map1 = resolve_entities(arts)
    shuffled = arts[::-1]
    random.Random(1).shuffle(shuffled)
    second, map2 = resolve_entities(shuffled)
    assert [e.id for e in first] == [e.id for e in second] and map1 == map2
    lavrov = [e for e in first if e.type == "PERSON" and "Lavrov" in e.name]
    assert len(lavrov) == 1 and lavrov[0].country == "RUS"


def entity(eid, name, type_, article):
    return Entity(eid, name, type_, [name], None, None, [], [Mention(article, 0, len(name), name, "name")])


def test_one_full_name_in_many_articles_stays_one_person_beside_a_fuller_name():
    """Copies of "Tom Ashby" must not each stay apart because two fuller names fit them."""
    local = [[entity(f"p{i}", "Tom Ashby", "PERSON", f"a{i}")] for i in range(4)]
    local.append([entity("p8", "Tom Ashby Jr", "PERSON", "a8"), entity("p9", "Tom Ashby Sr", "PERSON", "a8")])
    glob, mapping = resolve_entities(local)
    assert len({mapping[f"p{i}"] for i in range(4)}) == 1
    assert len({e.id for e in glob}) == len(glob)


def test_ids_stay_unique_when_same_names_are_kept_apart():
    """A bare surname that fits two people joins neither; copies of it keep distinct ids."""
    local = [[entity("a", "Ann Hale", "PERSON", "x1"), entity("b", "Bill Hale", "PERSON", "x1")],
             [entity("c", "Hale", "PERSON", "x2")], [entity("d", "Hale", "PERSON", "x3")]]
    glob, mapping = resolve_entities(local)
    assert len({e.id for e in glob}) == len(glob)
    assert mapping["c"] not in (mapping["a"], mapping["b"])
    again, _ = resolve_entities(local[::-1])
    assert sorted(e.id for e in again) == sorted(e.id for e in glob)


def test_unexpanded_acronyms_and_weapon_names_link_across_articles():
    local = [[entity("o1", "NTSB", "ORG", "x1")], [entity("o2", "NTSB", "ORG", "x2")],
             [entity("w1", "AK-47", "WEAPON", "x1")], [entity("w2", "AK-47", "WEAPON", "x3")]]
    glob, mapping = resolve_entities(local)
    assert mapping["o1"] == mapping["o2"] and mapping["w1"] == mapping["w2"]
    assert len(glob) == 2


# --- actors ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,country,expected", [
    ("the junta", "MMR", ("MMR", "MMRMIL")),
    ("the army", "SDN", ("SDN", "SDNMIL")),
    ("protesters", "IRN", ("IRN", "IRNOPP")),
    ("the opposition", "VEN", ("VEN", "VENOPP")),
    ("the ministry", "ETH", ("ETH", "ETHGOV")),
    ("the Kremlin", None, ("RUS", "RUSGOV")),
    ("Moscow", None, ("RUS", "RUSGOV")),
    ("Turkish troops", None, ("TUR", "TURMIL")),
    ("the Chinese foreign minister", None, ("CHN", "CHNGOV")),
    ("the weather", "FRA", (None, None)),
])
def test_actor_for_text(text, country, expected):
    assert actor_for_text(text, country) == expected


def test_entity_at_prefers_exact_then_largest_overlap():
    person = Entity("a#e0", "Ana Diaz", "PERSON", mentions=[Mention("a", 10, 18, "Ana Diaz"), Mention("a", 40, 42, "he", "pronoun")])
    norp = Entity("a#e1", "Chilean", "NORP", mentions=[Mention("a", 2, 9, "Chilean", "demonym")])
    assert entity_at([norp, person], 2, 18) is person
    assert entity_at([norp, person], 40, 42) is person
    assert entity_at([norp, person], 2, 9) is norp
    assert entity_at([norp, person], 20, 30) is None
