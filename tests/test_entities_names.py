"""Name spelling rules of entities/names.py and the word lists of entities/lexicon.py."""
from __future__ import annotations

from newsgraph.entities import lexicon as L
from newsgraph.entities.names import part_key, same_token, surname_forms, without_articles
from newsgraph.entities.resolve import name_key


def test_a_joined_arabic_article_drops_before_three_letters_or_more():
    assert without_articles("al-Qassam") == "Qassam"
    assert without_articles("Abu el-Haj") == "Abu Haj"
    assert without_articles("Al-Ru") == "Al-Ru"          # too short a name left: kept whole
    assert without_articles("Alabama") == "Alabama"      # no hyphen, no article


def test_the_article_rule_is_the_same_for_parts_surnames_and_link_keys():
    assert part_key("Al-Hashimi") == part_key("Hashimi") == "hashimi"
    assert surname_forms(("Tariq", "al-Hashimi")) >= {"al-Hashimi", "Hashimi"}
    assert name_key("the al-Nusra Front") == name_key("Nusra Front")
    assert same_token("el-Masri", "Masri")


def test_word_lists_are_folded_and_skip_comments():
    names = L.word_list("spanish_given_names.txt")
    assert names and all(n == L.fold(n) for n in names)
    assert not any(n.startswith("#") for n in names)
    assert "wang" in L.family_names_first()
