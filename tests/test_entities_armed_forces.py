"""National armed forces and armed movements named by their own names or acronyms are
organisations of their state, with the military or rebel sector (organizations.tsv)."""
from __future__ import annotations

import pytest

from newsgraph.entities import extract_entities
from newsgraph.records import Article

TEXT = ("The IDF said its aircraft struck a depot overnight. A spokesman for the Israel Defense Forces "
        "added that the strike was over. In Beijing, the People's Liberation Army announced drills near "
        "the strait, while the PKK denied any role in the bombing in Diyarbakir.")


@pytest.fixture(scope="module")
def orgs(nlp):
    ents = extract_entities(Article(id="af", source="af", text=TEXT, published="2025-03-04"), nlp(TEXT))
    return {e.name: e for e in ents if e.type == "ORG"}


def test_a_national_army_is_its_state_s_military(orgs):
    idf = orgs["Israel Defense Forces"]
    assert idf.country == "ISR" and idf.actor_code == "ISRMIL"
    assert "IDF" in [m.text for m in idf.mentions]
    assert orgs["People's Liberation Army"].actor_code == "CHNMIL"


def test_an_armed_movement_is_a_rebel_group_of_its_state(orgs):
    assert orgs["Kurdistan Workers' Party"].actor_code == "TURREB"
