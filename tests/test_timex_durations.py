"""Tests for durations and period edges: "half a century", "year-long", "the end of the month",
spans that leave out the verb "last" and the article of "a decade-long war", and the scheduled
present tense that sends a bare month forward."""
from __future__ import annotations

from newsgraph.records import Article
from newsgraph.timex import extract_timexes


def tag(nlp, text, published="2021-06-23"):
    art = Article(id="t1", source="test", text=text, published=published)
    return extract_timexes(art, nlp(text))


def only(nlp, text, published="2021-06-23"):
    found = tag(nlp, text, published)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0].text, found[0].type, found[0].value


def test_half_a_unit(nlp):
    assert only(nlp, "The region has been under martial law for nearly half a century.") == \
        ("nearly half a century", "DURATION", "P50Y")
    assert only(nlp, "The hostages were questioned for half an hour.") == ("half an hour", "DURATION", "PT30M")
    assert only(nlp, "Half a century ago, the valley was farmland.")[2] == "1971"


def test_unit_long_adjectives(nlp):
    assert only(nlp, "A year-long inquiry cleared the officers.") == ("year-long", "DURATION", "P1Y")
    assert only(nlp, "Dockers began a weeklong strike.") == ("weeklong", "DURATION", "P1W")
    assert only(nlp, "The decade-long insurgency has displaced thousands.") == ("decade-long", "DURATION", "P10Y")


def test_article_of_an_adjectival_duration_stays_outside(nlp):
    assert only(nlp, "After a decade-long insurgency, the valley is calm.")[0] == "decade-long"


def test_verb_last_is_not_part_of_the_duration(nlp):
    assert only(nlp, "The curfew will last 12 days, the governor said.") == ("12 days", "DURATION", "P12D")
    assert only(nlp, "Exports rose over the last 12 months.") == ("the last 12 months", "DURATION", "P12M")


def test_edges_of_the_current_period(nlp):
    assert only(nlp, "Troops will leave by the end of the month.") == ("the end of the month", "DATE", "2021-06")
    assert only(nlp, "The law takes effect at the beginning of the year.")[2] == "2021"
    assert only(nlp, "A deal is expected by the end of the week.")[2] == "2021-W25"


def test_scheduled_present_sends_a_bare_month_forward(nlp):
    assert only(nlp, "The country goes to the polls in October.")[2] == "2021-10"
    assert only(nlp, "The country went to the polls in October.")[2] == "2020-10"


def test_a_quarter_of_something_is_a_fraction(nlp):
    assert tag(nlp, "Small lenders hold more than a quarter of the market.") == []
    assert tag(nlp, "Three quarters of the deputies voted against.") == []
    assert only(nlp, "The firm returned to profit after several quarters of losses.")[0] == "several quarters"
    assert only(nlp, "Sales rose in the first quarter of this year.")[2] == "2021-Q1"


def test_clock_time_in_a_scheduled_present_clause_looks_forward(nlp):
    text = "Voting ends at 7 p.m. on Saturday."
    assert only(nlp, text)[2] == "2021-06-26T19:00"
    text = "Voting ended at 7 p.m. on Saturday."
    assert only(nlp, text)[2] == "2021-06-19T19:00"


def test_present_passive_sends_a_bare_month_forward(nlp):
    assert only(nlp, "The appeal is heard in September by a panel of three judges.")[2] == "2021-09"
    assert only(nlp, "The appeal was heard in September by a panel of three judges.")[2] == "2020-09"


def test_a_newspaper_called_a_daily_is_not_a_frequency(nlp):
    assert tag(nlp, "The state-run daily Al-Ahram said the talks had failed.") == []
    assert only(nlp, "The ministry publishes casualty figures daily.")[1:] == ("SET", "P1D")


def test_noon_is_a_clock_time(nlp):
    assert only(nlp, "The ultimatum expires at noon on Friday.")[1] == "TIME"


def test_halves_and_final_quarters_of_a_named_year(nlp):
    assert only(nlp, "Exports should recover in the second half of the year.") == \
        ("the second half of the year", "DATE", "2021-H2")
    assert only(nlp, "The mine closed in the last half of 2019.")[2] == "2019-H2"
    assert only(nlp, "Output fell in the final quarter of 2020.")[2] == "2020-Q4"
    assert only(nlp, "Output fell last quarter.")[2] == "2021-Q1"
