"""Tests for timex values taken from the discourse focus (the last date named) rather than the
publication date: 'that year', 'the day before', 'two days later'; participles that do or do not
point forward; the report's quarter against a forecast quarter."""
from __future__ import annotations

import pytest
from timex_helpers import one, tag


def value_of(nlp, text, phrase, published="2021-06-23"):
    return one(nlp, text, phrase, published).value


# publication: Wednesday 2021-06-23

@pytest.mark.parametrize("text, phrase, value", [
    # that_unit takes the date in focus
    ("The dam burst in September 2017. That month, floods cut off 40 villages.", "That month", "2017-09"),
    ("The militia entered the town on April 4, 2019. Later that year, it withdrew to the hills.",
     "Later that year", "2019"),
    ("The envoy landed in Juba on May 2. That same day, the ceasefire collapsed.", "That same day", "2021-05-02"),
    # a focus coarser than the unit: its own parts, the rest left unspecified (TIMEX3 X digits)
    ("The bridge reopened in 2015. That same day, traffic returned.", "That same day", "2015-XX-XX"),
    ("Rebels shelled the airport in October 2019. Later that week, the airline stopped flying.",
     "Later that week", "2019-WXX"),
    ("The strike began in March 2018. That same day, the port closed.", "That same day", "2018-03-XX"),
    ("The mine flooded in 2016. That month, output halved.", "That month", "2016-XX"),
    # that quarter: the quarter that holds the day in focus
    ("The plant closed on Aug. 4, 2020. Sales fell 9 percent that quarter.", "that quarter", "2020-Q3"),
    # unit before or after at clause end shifts the focus
    ("Exports fell 4 percent in 2019. The year before, they had risen 2 percent.", "The year before", "2018"),
    ("The governor was shot on March 9, 2020. The day before, he had received threats.",
     "The day before", "2020-03-08"),
    # days later counts from the date in focus
    ("Gunmen stormed the prison on Feb. 10. Three days later, troops retook it.", "Three days later", "2021-02-13"),
    ("The militia took the port on Jan. 5, 2020. Two weeks earlier, it had shelled the city.",
     "Two weeks earlier", "2019-W51"),
    # days later is unknown after a bare year
    ("The dam was finished in 2011. Four months later, it cracked.", "Four months later", None),
])
def test_value_taken_from_the_date_in_focus(nlp, text, phrase, value):
    found = value_of(nlp, text, phrase)
    assert found is None if value is None else found == value


def test_unit_before_an_event_is_not_a_bare_shift(nlp):
    text = "The governor was shot on March 9, 2020, the day before the vote."
    assert all(t.text != "the day before" for t in tag(nlp, text))


@pytest.mark.parametrize("text", [
    "When a rumour spreads, depositors withdraw their savings that day and the bank runs dry.",
    "The bank opened in 2015. When a rumour spreads, depositors withdraw their savings that day.",
])
def test_a_generic_that_day_is_not_a_time(nlp, text):
    assert all("that day" not in t.text for t in tag(nlp, text))


def test_anchored_phrase_in_apposition_takes_the_date_it_renames(nlp):
    text = "Prices peaked on March 9, 2020, the day before the crash, and fell for a month."
    found = [t for t in tag(nlp, text) if t.anchor]
    assert found and found[0].text == "the day before the crash" and found[0].value == "2020-03-09"


def test_anchored_measure_after_a_comma_is_not_an_apposition(nlp):
    text = "The inspectors returned to the site on Friday, nearly two months after their convoy was stopped."
    found = [t for t in tag(nlp, text) if t.anchor]
    assert found and found[0].value is None


def test_bare_past_participle_looks_back(nlp):
    text = "The index closed 40 points below the record it set on Jan. 14."
    assert value_of(nlp, text, "Jan. 14", published="2021-03-02") == "2021-01-14"
    text = "The index closed 40 points below the peak set on Aug. 9."
    assert value_of(nlp, text, "Aug. 9", published="2021-03-02") == "2020-08-09"


def test_scheduling_participle_looks_forward(nlp):
    text = "Officials prepared for a summit set for Aug. 9 in Nairobi."
    assert value_of(nlp, text, "Aug. 9", published="2021-03-02") == "2021-08-09"
    text = "The vote, scheduled Aug. 9, was announced by the electoral board."
    assert value_of(nlp, text, "Aug. 9", published="2021-03-02") == "2021-08-09"


def test_forecast_quarter_does_not_become_the_report_period(nlp):
    text = ("The bank's second-quarter profit rose 8 percent. It expects a third-quarter charge of "
            "$5 million. Deposits grew 3 percent from the year-earlier period.")
    assert value_of(nlp, text, "the year-earlier period", published="2021-07-20") == "2020-Q2"


def test_a_week_later_counts_from_the_last_day_named(nlp):
    text = "The envoys met on Feb. 3, their first meeting since 2018. A week later, the talks collapsed."
    assert value_of(nlp, text, "A week later") == "2021-W06"


def test_infinitive_under_past_be_looks_back(nlp):
    text = "The first two battalions to reach the border on Monday were from the north."
    assert value_of(nlp, text, "Monday") == "2021-06-21"
    text = "The envoy is to reach the border on Monday."
    assert value_of(nlp, text, "Monday") == "2021-06-28"
