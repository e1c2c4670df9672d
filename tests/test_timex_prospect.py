"""Tests for forward-looking dates in past-tense reporting: the to-infinitive complement of a verb
of directing or committing ("urged workers to strike on Monday"), deadlines after "by" in a
clause of wanting or aiming, and anchored expressions whose anchor event the article dates."""
from __future__ import annotations

from timex_helpers import one

# publication: Wednesday 2021-06-23


def test_urged_to_infinitive_weekday_is_ahead(nlp):
    t = one(nlp, "The union urged dock workers to walk out on Friday.", "Friday")
    assert t.value == "2021-06-25"


def test_called_on_to_infinitive_weekday_is_ahead(nlp):
    t = one(nlp, "The cleric called on his followers to gather outside parliament on Monday.", "Monday")
    assert t.value == "2021-06-28"


def test_invited_to_infinitive_weekday_is_ahead(nlp):
    t = one(nlp, "The mediator invited both delegations to resume negotiations on Thursday.", "Thursday")
    assert t.value == "2021-06-24"


def test_past_event_weekday_stays_behind(nlp):
    t = one(nlp, "The union urged dock workers on Monday to keep the port open.", "Monday")
    assert t.value == "2021-06-21"


def test_by_holiday_after_want_is_the_next_one(nlp):
    t = one(nlp, "The governor said she wanted the bridge reopened by Christmas.", "Christmas", published="2021-09-14")
    assert t.value == "2021-12-25"


def test_by_weekday_after_aim_is_ahead(nlp):
    t = one(nlp, "The ministry said it aimed to restore power to the city by Saturday.", "Saturday")
    assert t.value == "2021-06-26"


def test_by_holiday_in_plain_past_stays_behind(nlp):
    t = one(nlp, "Most of the refugees had returned home by Christmas.", "Christmas", published="2021-09-14")
    assert t.value == "2020-12-25"


def test_anchor_dated_in_earlier_sentence(nlp):
    text = "The truce came into force on Tuesday. Militia fighters shelled the port two days before the truce."
    t = one(nlp, text, "two days before the truce")
    assert (t.value, t.granularity, t.anchor) == ("2021-06-20", "approx", "the truce")


def test_anchor_dated_in_later_sentence_through_complement(nlp):
    text = ("Gunmen raided the border post a day before the election. "
            "The election is scheduled to take place on Sunday.")
    t = one(nlp, text, "a day before the election", published="2021-06-16")
    assert t.value == "2021-06-19"


def test_anchor_with_two_different_dates_stays_open(nlp):
    text = ("The summit opened on Monday. A second summit opened on Thursday. "
            "Protesters marched a day before the summit.")
    t = one(nlp, text, "a day before the summit")
    assert t.value is None


def test_anchor_not_dated_in_article_stays_open(nlp):
    t = one(nlp, "Militia fighters shelled the port two days before the truce.", "two days before the truce")
    assert t.value is None
