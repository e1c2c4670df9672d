"""Tests for the timex stage: tagging, TIMEX3 normalization against the publication date, tense
direction, time zones, anchored expressions and the governing timex of an event trigger."""
from __future__ import annotations

import pytest

from newsgraph.records import Article
from newsgraph.timex import extract_timexes, governing_timex, resolve_anchored


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.nlp import get_nlp
    try:
        return get_nlp()
    except Exception:                      # the entity ruler may be mid-edit; the parse is what we need
        import spacy
        from newsgraph.nlp import MODEL
        return spacy.load(MODEL)


def tag(nlp, text, published="2021-06-23"):
    art = Article(id="t1", source="test", text=text, published=published)
    return extract_timexes(art, nlp(text))


def one(nlp, text, phrase, published="2021-06-23"):
    found = [t for t in tag(nlp, text, published) if t.text == phrase]
    assert found, f"{phrase!r} not tagged in {text!r}: {[t.text for t in tag(nlp, text, published)]}"
    return found[0]


# publication: Wednesday 2021-06-23, ISO week 25

def test_weekday_past_tense_is_before_publication(nlp):
    text = "Soldiers opened fire on protesters on Monday, witnesses said."
    t = one(nlp, text, "Monday")
    assert (t.type, t.value, t.granularity) == ("DATE", "2021-06-21", "day")
    assert (t.start, t.end) == (text.index("Monday"), text.index("Monday") + 6)   # "on" is outside


def test_weekday_future_tense_is_after_publication(nlp):
    t = one(nlp, "The junta will hold talks with the envoy on Monday.", "Monday")
    assert t.value == "2021-06-28"


def test_month_past_and_future(nlp):
    assert one(nlp, "The army seized power in March.", "March").value == "2021-03"
    assert one(nlp, "Elections were held in November.", "November").value == "2020-11"
    assert one(nlp, "Elections will be held in November.", "November").value == "2021-11"


def test_last_month_names_and_earlier_this_month(nlp):
    text = "Earlier this month the party said the vote last November and last February was rigged."
    assert one(nlp, text, "Earlier this month").value == "2021-06"
    assert one(nlp, text, "last November").value == "2020-11"
    assert one(nlp, text, "last February").value == "2021-02"


def test_year_week_and_weekend(nlp):
    text = "Exports fell last year, and officials expect a rebound this weekend and next week."
    assert one(nlp, text, "last year").value == "2020"
    assert one(nlp, text, "this weekend").value == "2021-W25-WE"
    assert one(nlp, text, "next week").value == "2021-W26"


def test_month_day_without_year_takes_the_most_recent(nlp):
    t = one(nlp, "Protests have continued since a Feb. 1 coup toppled the government.", "Feb. 1")
    assert t.value == "2021-02-01"


def test_absolute_dates(nlp):
    text = "The treaty was signed on March 26, 1996, and ratified in July 1997."
    assert one(nlp, text, "March 26, 1996").value == "1996-03-26"
    assert one(nlp, text, "July 1997").value == "1997-07"


def test_durations_and_quarter(nlp):
    text = "Over the past three years the firm's profit in the third quarter rose for two-year periods."
    past = one(nlp, text, "the past three years")
    assert (past.type, past.value) == ("DURATION", "P3Y")
    assert one(nlp, text, "the third quarter").value == "2021-Q3" or one(nlp, text, "the third quarter").value == "2020-Q3"
    assert one(nlp, text, "two-year").value == "P2Y"


def test_ranges_since_and_reference_words(nlp):
    text = ("Between 2014 and 2019 the rebels grew; since 2008 the region has been unstable. "
            "In recent years the fighting spread, and it will spread in the coming years. It is now calm.")
    assert one(nlp, text, "2014").value == "2014"
    assert one(nlp, text, "2019").value == "2019"
    assert one(nlp, text, "2008").value == "2008"
    assert one(nlp, text, "recent years").value == "PAST_REF"
    assert one(nlp, text, "the coming years").value == "FUTURE_REF"
    assert one(nlp, text, "now").value == "PRESENT_REF"


def test_sets(nlp):
    text = "Rebels attack the convoy daily and the council meets every Thursday."
    assert one(nlp, text, "daily").value == "P1D"
    t = one(nlp, text, "every Thursday")
    assert (t.type, t.value) == ("SET", "XXXX-WXX-4")


def test_clock_time_with_zone(nlp):
    t = one(nlp, "The blast occurred at 10:35 a.m. GMT on Tuesday, police said.", "10:35 a.m. GMT on Tuesday")
    assert (t.type, t.value) == ("TIME", "2021-06-22T10:35Z")
    t = one(nlp, "Polls will close at 8 p.m. EST.", "8 p.m. EST", published="2021-06-23T21:00:00-04:00")
    assert (t.type, t.value) == ("TIME", "2021-06-23T20:00-05:00")


def test_publication_zone_decides_the_day(nlp):
    # 22:30 on the 27th in New York is already the 28th in UTC: the page's own day is the anchor
    t = one(nlp, "The minister resigned yesterday.", "yesterday", published="2021-06-27T22:30:00-04:00")
    assert t.value == "2021-06-26"
    t = one(nlp, "The minister resigned yesterday.", "yesterday", published="2021-06-28T01:01:00+05:30")
    assert t.value == "2021-06-27"


def test_unknown_publication_leaves_relative_values_open(nlp):
    t = one(nlp, "The strike began on Wednesday.", "Wednesday", published=None)
    assert (t.value, t.granularity) == ("XXXX-WXX-3", "day")
    assert one(nlp, "The strike began in 1998.", "1998", published=None).value == "1998"


def test_ages_and_money_are_not_durations(nlp):
    texts = [t.text for t in tag(nlp, "A 6-year-old boy and his 37-year-old father were freed.")]
    assert not any("year" in x for x in texts)


def test_anchored_expressions_wait_for_their_anchor(nlp):
    text = "Just over a week before the coup, the general met the ambassador."
    t = [x for x in tag(nlp, text) if x.anchor]
    assert t and t[0].anchor == "the coup" and t[0].value is None
    resolved = resolve_anchored(t[0], "2021-02-01")
    assert resolved.value == "2021-01-25" and resolved.granularity == "approx"
    eve = [x for x in tag(nlp, "Troops deployed on the eve of Armed Forces Day.") if x.anchor]
    assert eve and eve[0].anchor == "Armed Forces Day"
    assert resolve_anchored(eve[0], "2021-03-27").value == "2021-03-26"


def test_day_after_with_dated_anchor_resolves_at_once(nlp):
    t = [x for x in tag(nlp, "Riots broke out the day after the election.") if x.anchor]
    assert t and t[0].anchor == "the election" and t[0].value is None
    assert resolve_anchored(t[0], "2020-11-08").value == "2020-11-09"


def test_governing_timex_prefers_the_attached_expression(nlp):
    text = "Last year the army promised elections, but on Monday soldiers arrested the president."
    doc = nlp(text)
    art = Article(id="t1", source="test", text=text, published="2021-06-23")
    tx = extract_timexes(art, doc)
    trigger = next(t.i for t in doc if t.text == "arrested")
    assert governing_timex(doc, trigger, tx).text == "Monday"
    promised = next(t.i for t in doc if t.text == "promised")
    assert governing_timex(doc, promised, tx).text == "Last year"
    assert governing_timex(doc, trigger, []) is None
