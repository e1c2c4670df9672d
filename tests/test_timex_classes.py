"""Timex classes normalized the TimeML way (issue #4): parts of a named day, clock times given in
two zones, the day before/after the date in focus, "this past"/"this coming", "one day" as an
indefinite future, seasons as sets, fixed-date holidays near publication and deadlines in the
present perfect. Sentences are invented; publication is Wednesday 2021-06-23 unless given."""
from __future__ import annotations

import pytest
from timex_helpers import one, tag


def test_part_of_a_named_day_is_a_time_past_and_future(nlp):
    t = one(nlp, "Gunmen stormed the hotel on Monday night, the ministry said.", "Monday night")
    assert (t.type, t.value, t.granularity) == ("TIME", "2021-06-21TNI", "time")
    t = one(nlp, "The envoy will fly to the capital on Friday morning.", "Friday morning")
    assert (t.type, t.value) == ("TIME", "2021-06-25TMO")
    assert one(nlp, "Crowds gathered again Tuesday evening.", "Tuesday evening").value == "2021-06-22TEV"


def test_clock_takes_the_day_named_after_a_parenthetical(nlp):
    text = "The first bomb went off at about 9:40 a.m. (0640 GMT) Monday near the market."
    assert one(nlp, text, "9:40 a.m.").value == "2021-06-21T09:40"
    gmt = one(nlp, text, "0640 GMT")
    assert (gmt.type, gmt.value) == ("TIME", "2021-06-21T06:40Z")


def test_a_time_zone_that_moves_the_day(nlp):
    # 1:15 a.m. on Tuesday in the capital is still Monday evening in GMT
    text = "The earthquake struck at 1:15 a.m. Tuesday (2215 GMT), officials said."
    assert one(nlp, text, "1:15 a.m. Tuesday").value == "2021-06-22T01:15"
    assert one(nlp, text, "2215 GMT").value == "2021-06-21T22:15Z"
    # and the other way: late on Thursday in New York is Friday in GMT (future tense)
    text = "Voting will end at 11 p.m. EDT Thursday (0300 GMT), organizers said."
    assert one(nlp, text, "11 p.m. EDT Thursday").value == "2021-06-24T23:00-04:00"
    assert one(nlp, text, "0300 GMT").value == "2021-06-25T03:00Z"


def test_local_time_before_the_day_and_a_parallel_time(nlp):
    text = "The ferry sank at 2:30 a.m. local time Sunday, the coast guard said."
    assert one(nlp, text, "2:30 a.m.").value == "2021-06-20T02:30"
    text = "The convoy will leave at 6 in the morning (6 a.m. EDT Friday), the army said."
    assert one(nlp, text, "6 in the morning").value == "2021-06-25T06:00"


def test_previous_and_next_day_follow_the_date_in_focus(nlp):
    text = "Rebels seized the airport on June 3. Troops retook it the next day."
    assert one(nlp, text, "the next day").value == "2021-06-04"
    text = "The verdict came on Monday. The lawyers had met the judge the previous day."
    assert one(nlp, text, "the previous day").value == "2021-06-20"
    text = "The envoy arrives on July 2 and will meet the president the following morning."
    t = one(nlp, text, "the following morning")
    assert (t.type, t.value) == ("TIME", "2021-07-03TMO")
    text = "Gunmen attacked the base on Monday night. The next day troops sealed the town."
    assert one(nlp, text, "The next day").value == "2021-06-22"
    # no date named before it: the reference is an event, so the value stays open
    assert one(nlp, "He was released the next morning.", "the next morning").value is None


def test_this_past_and_this_coming(nlp):
    text = "Thousands marched this past weekend, and more rallies are planned this coming Saturday."
    assert one(nlp, text, "this past weekend").value == "2021-W24-WE"
    assert one(nlp, text, "this coming Saturday").value == "2021-06-26"
    assert one(nlp, "The board met this past Monday.", "this past Monday").value == "2021-06-21"
    t = one(nlp, "The summit opens this coming Sunday, June 27.", "this coming Sunday, June 27")
    assert t.value == "2021-06-27"


def test_one_day_as_an_indefinite_future(nlp):
    assert one(nlp, "Her supporters say she will one day lead the party.", "one day").value == "FUTURE_REF"
    t = one(nlp, "The border was closed for one day last month.", "one day")
    assert (t.type, t.value) == ("DURATION", "P1D")


def test_a_season_each_year_is_a_set(nlp):
    t = one(nlp, "Herders move to the hills every summer.", "every summer")
    assert (t.type, t.value) == ("SET", "XXXX-SU")
    assert one(nlp, "The committee meets every year.", "every year").value == "P1Y"


def test_fixed_holiday_without_a_year_lies_near_publication(nlp):
    # present tense, a few days ahead: this year's date, not last year's
    t = one(nlp, "Christmas is this Saturday and shops are crowded.", "Christmas", "2021-12-22")
    assert t.value == "2021-12-25"
    assert one(nlp, "Shops were crowded before Christmas.", "Christmas", "2022-01-04").value == "2021-12-25"


def test_present_perfect_deadline_points_forward(nlp):
    pub = "2021-06-21"                                   # a Monday
    t = one(nlp, "The agency has given the tenants until 9 a.m. Thursday to leave.", "9 a.m. Thursday", pub)
    assert t.value == "2021-06-24T09:00"
    # the past perfect still looks back
    assert one(nlp, "Until Thursday, police had not named a suspect.", "Thursday", pub).value == "2021-06-17"


def test_bare_may_after_a_preposition_of_time_is_the_month(nlp):
    assert one(nlp, "The ceasefire talks will conclude by May.", "May", published="2021-03-10").value == "2021-05"
    assert one(nlp, "The ministry disclosed in May that it had bought the drones.", "May").value == "2021-05"
    assert not [t for t in tag(nlp, "Troops may withdraw from the border.") if t.text.lower() == "may"]


def test_bare_may_is_not_the_month_where_a_person_is_named_may(nlp):
    text = "Prime Minister Theresa May faced a revolt. Backbenchers lost confidence in May after the vote."
    assert not [t for t in tag(nlp, text) if t.text == "May"]


def test_news_present_with_a_weekday_is_the_scheduled_day_ahead(nlp):
    # publication is Wednesday 2021-06-23
    assert one(nlp, "The two envoys meet separately Monday with the mediator.", "Monday").value == "2021-06-28"
    assert one(nlp, "On Friday, the union holds a vote on the offer.", "Friday").value == "2021-06-25"
    # a past-tense clause still wins
    assert one(nlp, "The two envoys met separately Monday with the mediator.", "Monday").value == "2021-06-21"
    # "hurt" may be a past form: no forward reading
    assert one(nlp, "Bank shares hurt the index on Friday, traders said.", "Friday").value == "2021-06-18"


def test_a_plan_in_the_past_perfect_looks_back(nlp):
    t = one(nlp, "The offer had been due to expire Friday evening before it was extended.", "Friday evening")
    assert (t.type, t.value) == ("TIME", "2021-06-18TEV")
    t = one(nlp, "The offer is due to expire Friday evening.", "Friday evening")
    assert (t.type, t.value) == ("TIME", "2021-06-25TEV")
    assert one(nlp, "The vote had been scheduled to end at midnight Sunday.", "midnight Sunday").value == "2021-06-20T24:00"


def test_previous_weekday_counts_from_the_day_in_focus(nlp):
    text = "The index closed at 410 on Friday, down 3% from the previous Friday."
    assert one(nlp, text, "Friday").value == "2021-06-18"
    assert one(nlp, text, "the previous Friday").value == "2021-06-11"
    text = "The strike began on June 3. Talks resumed the following Monday."
    assert one(nlp, text, "the following Monday").value == "2021-06-07"


def test_clock_time_takes_the_day_named_earlier_in_its_sentence(nlp):
    text = "On June 3, the first shells fell at 6 a.m., witnesses said."
    assert one(nlp, text, "6 a.m.").value == "2021-06-03T06:00"
    # another sentence: the publication day
    text = "The siege began on June 3. Shelling resumed at 6 a.m. and lasted an hour."
    assert one(nlp, text, "6 a.m.").value == "2021-06-23T06:00"


def test_day_before_a_named_day_at_the_start_of_a_sentence(nlp):
    text = "The day before last Tuesday's hearing, the lawyers met the judge."
    found = [t for t in tag(nlp, text) if t.text.startswith("The day before")]
    assert found and found[0].value == "2021-06-21"


def test_last_before_a_month_and_day_keeps_the_day(nlp):
    t = one(nlp, "He was shot last Oct. 23 at his home, police said.", "Oct. 23", "2022-04-19")
    assert t.value == "2021-10-23"


@pytest.mark.parametrize("text, tagged", [
    ("The ministry said it will soon publish the casualty figures.", True),
    ("Officials may soon reopen the border crossing.", True),
    ("The fire spread to the warehouse and soon reached the fuel depot.", False),
    ("He was arrested at the border and was soon released on bail.", False),
])
def test_soon_in_a_past_narrative_counts_from_the_story_not_publication(nlp, text, tagged):
    soon = [t for t in tag(nlp, text) if t.text == "soon"]
    assert bool(soon) == tagged
    assert all(t.value == "FUTURE_REF" for t in soon)


def test_part_of_the_day_just_named_is_a_time(nlp):
    text = "Troops entered the town on Friday. In the afternoon, the first convoys left for the border."
    t = one(nlp, text, "the afternoon")
    assert (t.type, t.value) == ("TIME", "2021-06-18TAF")


def test_part_of_day_with_no_day_named_is_a_habit_not_a_time(nlp):
    text = "Farmers in the valley usually work in the morning and rest when the heat rises."
    assert all("morning" not in t.text for t in tag(nlp, text))


@pytest.mark.parametrize("text", [
    "The three countries will take part in planning the summit in April.",
    "Delegates will focus on drafting the treaty in April.",
])
def test_a_gerund_takes_the_tense_of_its_clause(nlp, text):
    assert one(nlp, text, "April", published="2021-11-20").value == "2022-04"
