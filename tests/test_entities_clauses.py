"""Roles written in a clause or with a "to"/"for" complement, countries of people from the
state body a role belongs to, a surname shared by two people, country and organisation names
that differ only by an abbreviation or a generic word. Invented articles from the Caucasus,
the Sahel, South-East Asia and Latin America."""
import pytest

from newsgraph.entities import extract_entities
from newsgraph.records import Article

CAUCASUS = """Georgia's parliament on Friday approved a new cabinet after weeks of protests in Tbilisi.

Levan Kobakhidze, who serves as secretary of Georgia's National Security Council, said the vote ended the crisis. Davit Beridze, an adviser to the Georgian president, called it illegitimate.

Teimuraz Lomidze was appointed interior minister in 2022. Lomidze said the police had acted lawfully. Turkey's ambassador to Georgia, Ali Kaan Orbay, met opposition leaders on Saturday."""

SAHEL = """Mali's ruling military council on Tuesday extended the transition by five years, state television reported.

Colonel Assimi Diarra, the spokesman of the Transitional National Council, said elections would follow. Moussa Diarra, who heads the Coalition for Democratic Change, rejected the decision. Diarra told reporters the opposition would appeal.

The U.S. envoy for the Sahel, Robert Hensley, said Washington was concerned. The U.S. Treasury imposed sanctions on two officers, and the Treasury Department said more could follow."""

MANILA = """Carmela Reyes, a former senator who now serves as the NDRRMC's deputy administrator, said the typhoon had displaced 40,000 families.

Jose Ramirez, the governor of Albay, and his rival Luis Ramirez toured the evacuation centres. The governor Ramirez promised new funds."""


def run(nlp, aid: str, text: str):
    return extract_entities(Article(id=aid, source=aid, text=text, published="2024-03-01"), nlp(text))


@pytest.fixture(scope="module")
def entities(nlp):
    return {"caucasus": run(nlp, "caucasus", CAUCASUS), "sahel": run(nlp, "sahel", SAHEL), "manila": run(nlp, "manila", MANILA)}


def person(ents, name):
    return next(e for e in ents if e.type == "PERSON" and e.name == name)


def entity_with_mention(ents, text):
    return [e for e in ents if any(m.text == text for m in e.mentions)]


def test_serves_as_clause_gives_role_and_country(entities):
    kobakhidze = person(entities["caucasus"], "Levan Kobakhidze")
    assert any(r.title.startswith("secretary") and r.country == "GEO" for r in kobakhidze.roles)
    assert kobakhidze.country == "GEO"


def test_relative_clause_on_apposition_gives_role_with_organisation(entities):
    reyes = person(entities["manila"], "Carmela Reyes")
    assert any(r.title == "deputy administrator" and r.organization == "NDRRMC" for r in reyes.roles)


def test_adviser_to_a_countrys_office_is_of_that_country(entities):
    assert person(entities["caucasus"], "Davit Beridze").country == "GEO"


def test_was_appointed_gives_role(entities):
    lomidze = person(entities["caucasus"], "Teimuraz Lomidze")
    assert [r.title for r in lomidze.roles] == ["interior minister"]


def test_ambassador_to_a_country_keeps_the_sending_country(entities):
    orbay = person(entities["caucasus"], "Ali Kaan Orbay")
    assert orbay.country == "TUR"
    assert orbay.roles[0].title == "ambassador to Georgia" and orbay.roles[0].country == "TUR"


def test_envoy_for_a_region(entities):
    hensley = person(entities["sahel"], "Robert Hensley")
    assert hensley.country == "USA" and hensley.actor_code == "USAGOV"


def test_who_heads_gives_leader_role_of_the_body(entities):
    moussa = person(entities["sahel"], "Moussa Diarra")
    assert any(r.title == "head" and r.organization == "Coalition for Democratic Change" for r in moussa.roles)


def test_state_body_named_by_a_group_noun_takes_the_country_the_article_ties_to_it(entities):
    council = next(e for e in entities["sahel"] if e.name == "Transitional National Council")
    assert council.country == "MLI"
    assert person(entities["sahel"], "Assimi Diarra").country == "MLI"


def test_surname_of_two_people_stays_unresolved(entities):
    holders = entity_with_mention(entities["sahel"], "Diarra")
    assert len(holders) == 1 and holders[0].name == "Diarra" and holders[0].country is None


def test_surname_with_a_matching_title_is_resolved(entities):
    jose = person(entities["manila"], "Jose Ramirez")
    assert any(m.text == "Ramirez" for m in jose.mentions)
    assert not any(m.text == "Ramirez" for m in person(entities["manila"], "Luis Ramirez").mentions)


def test_full_country_name_is_canonical_and_body_names_merge(entities):
    usa = [e for e in entities["sahel"] if e.type == "GPE" and e.country == "USA"]
    assert [e.name for e in usa] == ["United States"]
    treasury = entity_with_mention(entities["sahel"], "Treasury Department")
    assert len(treasury) == 1 and "U.S. Treasury" in treasury[0].aliases
