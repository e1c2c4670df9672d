"""Who acts, which day, which place, why and how in newsgraph.events.main_event, on invented
articles: a passive headline's agent, a time measured from another event or bounding a stretch of
time, the day named by its fullest name and with the part of it, 'the capital' resolved to the city
the article names, a building kept with its city, a headline's purpose phrase left to why, a lead
verb phrase leaving its time phrase to when, 'the result of' only as a predicate, a blamed title
naming a person, phrases cut at their length limit ending on a content word, the words that
complete a verb, and a headline verb of using keeping its means."""
import pytest

from newsgraph.events.main_event import main_event
from newsgraph.events.main_event.how import complement_end
from newsgraph.events.main_event.markers import clip_right
from newsgraph.events.main_event.when import day_named
from newsgraph.nlp import get_nlp
from newsgraph.records import Article


def answers(title, text, published="2022-03-17"):
    art = Article(id="r1", source="test", text=text, title=title, published=published)
    me = main_event(art, get_nlp()(text), [], [], [])
    return {w: (me[w] or {}).get("text", "") for w in me} if me else {}


def test_passive_headline_agent_is_who():
    got = answers("Border post attacked by rebel fighters",
                  "Rebel fighters attacked a border post in the north of the country on Tuesday, "
                  "the army said. Two guards were wounded.")
    assert "rebel fighters" in got["who"].lower()


def test_active_headline_keeps_its_subject():
    got = answers("Rebel fighters attack border post",
                  "Rebel fighters attacked a border post in the north of the country on Tuesday, "
                  "the army said. Two guards were wounded.")
    assert got["who"].lower().startswith("rebel fighters")


def test_time_measured_from_another_event_is_no_cause():
    got = answers("Minister resigns over contracts",
                  "The transport minister resigned on Monday. Her deputy had quit two days after "
                  "the audit was published.")
    assert "audit was published" not in got.get("why", "")


def test_result_of_as_an_object_is_no_cause():
    got = answers("Striker refuses to accept defeat",
                  "The striker is not taking the result of the cup final quietly. He wrote to the "
                  "league on Friday.")
    assert "cup final quietly" not in got.get("why", "")


def test_result_of_as_a_predicate_is_a_cause():
    got = answers("Flooding closes the coast road",
                  "The coast road was closed on Sunday. The closure was the result of a landslide "
                  "that blocked both lanes near the harbour.")
    assert "landslide" in got["why"]


def test_headline_purpose_phrase_is_left_to_why():
    got = answers("Finance minister arrives in the capital for budget talks with unions",
                  "The finance minister arrived in the capital on Monday for budget talks with the "
                  "unions, officials said.")
    assert got["what"] == "arrives in the capital"
    assert "budget talks" in got["why"]


@pytest.mark.parametrize("text,expected", [
    ("this morning", (0, 0)),
    ("Thursday", (0, 1)),
    ("Tuesday night", (2, 1)),
    ("March 17, 2022", (0, 2)),
    ("15 March", (2, 2)),
    ("the spring", (None, 3)),
], ids=["deictic", "weekday", "weekday-part", "date", "day-month", "no-day"])
def test_day_named_with_its_precision(text, expected):
    from datetime import date
    assert day_named(text, date(2022, 3, 17)) == expected


def test_weekday_beats_the_deictic_time_of_the_same_day():
    got = answers("Ferry runs aground off the island",
                  "A passenger ferry ran aground off the island this morning. All 80 passengers "
                  "were taken ashore safely. The coastguard said the ferry struck rocks on Thursday "
                  "as it left the harbour.", published="2022-03-17")
    assert got["when"] == "Thursday"


def test_time_in_a_since_clause_dates_another_stretch():
    got = answers("Union calls off strike at the port",
                  "Dockers at the port have refused to work since the strike was called on Monday. "
                  "Ships queued outside the harbour. Union leaders called off the strike on "
                  "Wednesday night after a new pay offer.", published="2022-03-17")
    assert got["when"] == "Wednesday night"


def test_the_capital_is_resolved_to_the_capital_the_article_names():
    got = answers("Blast hits market",
                  "A bomb exploded at a crowded market in the capital on Friday, killing four "
                  "people. Kenya's interior ministry said the device was hidden in a cart. "
                  "Nairobi's police chief said two men were held.")
    assert got["where"] == "Nairobi"


def test_phrase_cut_at_its_limit_ends_on_a_content_word():
    doc = get_nlp()("Protesters blamed the closure on the decision of the council to sell the old "
                    "library building and the park beside the river to a developer from the city")
    blamed = doc[1]
    end = clip_right(blamed, max_len=9)
    assert not doc[end].is_stop and end <= blamed.i + 9


@pytest.mark.parametrize("sentence,verb,phrase", [
    ("The gunman opened fire on the crowd.", "opened", "opened fire"),
    ("The attacker blew himself up at the gate.", "blew", "blew himself up"),
    ("The review found no breach of the rules.", "found", "found no breach"),
], ids=["object", "object-then-particle", "object-head-only"])
def test_complement_end_takes_particle_and_object(sentence, verb, phrase):
    doc = get_nlp()(sentence)
    v = next(t for t in doc if t.text == verb)
    assert doc[v.i:complement_end(v, v.i, pos=("NOUN", "PRON")) + 1].text == phrase


def test_a_day_keeps_the_part_of_it_the_time_falls_in():
    got = answers("Storm cuts power to thousands",
                  "A storm cut power to 40,000 homes in the early hours of Tuesday, the grid "
                  "operator said.", published="2022-03-17")
    assert got["when"] == "the early hours of Tuesday"


def test_a_named_part_of_the_day_is_not_doubled():
    got = answers("Storm cuts power to thousands",
                  "A storm cut power to 40,000 homes in the early hours of Tuesday morning, the grid "
                  "operator said.", published="2022-03-17")
    assert got["when"] == "Tuesday morning"


def test_a_building_keeps_the_city_it_stands_in():
    got = answers("Nurses rally in pay protest",
                  "Hundreds of nurses rallied outside the Royal Infirmary in Edinburgh on Monday to "
                  "demand higher pay. Union leaders addressed the crowd.")
    assert got["where"] == "Royal Infirmary in Edinburgh"


def test_lead_verb_phrase_leaves_a_time_phrase_to_when():
    got = answers("", "The inspectors examined the damaged hull during a stop in the harbour on "
                      "Friday, the shipping line said.")
    assert got["what"] == "examined the damaged hull"


def test_a_blamed_title_names_a_person_not_a_cause():
    got = answers("Coach blames club chairman for relegation",
                  "The coach of the relegated side blamed chairman Ian Ross for the drop, citing "
                  "the sale of three key players in January. Ross declined to comment.")
    assert got.get("why") != "club chairman"


def test_a_headline_verb_of_using_keeps_its_means_in_how():
    got = answers("Firefighters use drones to find hikers",
                  "Firefighters used thermal drones on Sunday night to find two hikers lost on the "
                  "mountain, the fire service said.")
    assert got["how"].startswith("use") and "drones" in got["how"]
