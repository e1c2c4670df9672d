"""The census first-name reader shared by clean and entities."""
from newsgraph.census_names import census_first_names, first_names


def test_lists_are_by_frequency_and_top_takes_each_sex():
    assert census_first_names("male")[0] == "JAMES"
    assert census_first_names("female")[0] == "MARY"
    assert first_names(1) == ["JAMES", "MARY"]
    assert len(first_names()) == len(census_first_names("male")) + len(census_first_names("female"))
