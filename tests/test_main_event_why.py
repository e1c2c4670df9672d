"""Why candidates of newsgraph.events.main_event on invented articles: a headline purpose clause,
a cause marker inside the headline's verb phrase, what a verb of blaming names, and the accident
condition in a casualty report."""
from newsgraph.events.main_event import main_event
from newsgraph.nlp import get_nlp
from newsgraph.records import Article


def why(title, text):
    art = Article(id="t1", source="test", text=text, title=title, published="2019-03-08")
    me = main_event(art, get_nlp()(text), [], [], [])
    return (me["why"] or {}).get("text", "") if me else ""


def test_headline_purpose_clause_is_why():
    got = why("Finance minister flies to Brussels to negotiate the fishing deal",
              "The finance minister flew to Brussels on Monday for a round of meetings with officials. "
              "She was greeted at the airport by the ambassador and a group of reporters.")
    assert got.startswith("to negotiate the fishing deal")


def test_set_to_is_not_a_purpose():
    got = why("Council set to approve the new bridge",
              "The council is expected to approve the new bridge on Thursday. Residents have waited "
              "ten years for a second crossing over the river.")
    assert "approve" not in got.split()[:2]


def test_for_inside_the_headline_verb_phrase_is_why():
    got = why("Farmers gather in the capital for talks with the agriculture minister",
              "Hundreds of farmers gathered in the capital on Monday morning. They carried banners "
              "and sang songs in the square while police watched.")
    assert got.startswith("talks with the agriculture minister")


def test_blamed_cause_is_the_thing_blamed_not_the_person():
    got = why("Mayor blames flooding on council",
              "The mayor blamed the flooding on the council's decision to close the pumping station "
              "last spring. Dozens of homes in the valley were under water on Sunday.")
    assert "decision to close the pumping station" in got
    assert got.split()[0].lower() not in ("mayor", "council")


def test_condition_of_a_casualty_report_is_why():
    got = why("Two dead as bus overturns on mountain road",
              "Two passengers were killed when a bus overturned on a mountain road on Friday. "
              "Investigators said the bus was travelling too fast on the icy bend. Twelve other people "
              "were taken to hospital.")
    assert got.startswith("travelling too fast")


def test_conditions_are_not_read_outside_casualty_reports():
    got = why("Broadband provider promises faster internet",
              "The company said customers would get faster speeds by the end of the year. The upgrade "
              "will cost about 200 million pounds, it said.")
    assert not got.startswith("get faster speeds")
