"""The leaders gazetteer (entities/data/leaders.tsv): political leaders whom news names
without a title, with the actor code of their office, looked up by any listed form."""
from __future__ import annotations

from newsgraph.entities import leader_code


def test_lookup_by_any_listed_form_folds_dots_and_case():
    assert leader_code("F.W. de Klerk") == leader_code("f w de klerk") == "ZAFGOV"
    assert leader_code("Putin") == leader_code("Vladimir Putin") == "RUSGOV"
    assert leader_code("Antonio Guterres") == "IGO"


def test_names_not_listed_are_unknown():
    assert leader_code("Nobody In Particular") is None
    assert leader_code("Rice") is None        # a shared family name is listed only with its given name
