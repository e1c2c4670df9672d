"""The entities stage: recognition repair (spaCy components), article-local entities with
coreference, roles, countries and actor codes, and cross-article resolution."""
from newsgraph.entities.actors import actor_for_text, entity_at
from newsgraph.entities.extract import extract_entities, known_leader
from newsgraph.entities.lexicon import leader_code
from newsgraph.entities.recognize import add_entity_ruler
from newsgraph.entities.resolve import resolve_entities

__all__ = ["add_entity_ruler", "extract_entities", "resolve_entities", "entity_at", "actor_for_text", "country_name",
           "known_leader", "leader_code", "preload"]


def country_name(code: str) -> str:
    """The name the knowledge base shows for a country code ("RUS" -> "Russia"), as entities
    name countries; the code itself when it is no country's."""
    from newsgraph.entities.lexicon import preferred_country_names
    return preferred_country_names().get(code, code)


def preload() -> None:
    """Load the stage's language resources now (see `lexicon.preload`)."""
    from newsgraph.entities import countries, lexicon, recognize
    lexicon.preload()
    countries.words()
    recognize.resources()
    recognize.weapon_designation()
