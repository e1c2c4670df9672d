"""How, on invented articles: the body's own telling of the event verb (with the verbs coordinated
to it, or the thing that did it), the clause that says how casualties came about, and 'with' + the
means attached to the event verb."""
from newsgraph.events.main_event import main_event
from newsgraph.nlp import get_nlp
from newsgraph.records import Article


def how(title, text):
    art = Article(id="h1", source="test", text=text, title=title, published="2022-03-04")
    me = main_event(art, get_nlp()(text), [], [], []) or {}
    return (me.get("how") or {}).get("text")


def test_the_body_form_with_coordinated_verbs_beats_the_headline_clause():
    got = how("Three hurt after coach overturns on Brenmoor bypass",
              "Three people were injured on Tuesday when a coach skidded and overturned on the Brenmoor "
              "bypass. The driver was treated at the scene.")
    assert got is not None and "skidded and overturned" in got


def test_a_headline_verb_is_told_with_its_subject_from_the_body_in_a_casualty_report():
    got = how("Ferry Capsizes off Tarn Island, Killing 12",
              "Police said the captain had been detained. At least twelve people were killed when a ferry "
              "capsized off Tarn Island on Friday, coastguard officials said.")
    assert got == "ferry capsized"


def test_the_when_clause_of_a_casualty_sentence_tells_how_without_a_headline_clause():
    got = how("At least 9 killed in bridge disaster in Orvale",
              "At least nine people were killed on Monday when a footbridge collapsed into the river in "
              "Orvale, officials said. Rescue teams searched the water through the night.")
    assert got == "footbridge collapsed"


def test_a_speaker_clause_is_not_how_the_deaths_came_about():
    got = how("Survivor recalls night of blaze that left four dead",
              "A survivor of the fire that left four dead described the panic as he spoke to reporters "
              "on Sunday. Four people died when the warehouse caught fire late on Friday.")
    assert got != "spoke" and got != "he spoke"


def test_a_headline_event_verb_outside_a_casualty_report_keeps_the_headline_form():
    got = how("Mayor opens new library in Dunmore",
              "The mayor of Dunmore opened the town's new library on Saturday. Hundreds of residents "
              "attended the ceremony.")
    assert got == "opens"


def test_with_and_the_means_attached_to_the_headline_verb_tells_how():
    got = how("Rebels attack army garrison in Velka",
              "Rebels attacked the army garrison in Velka with a truck bomb early on Thursday. The army said "
              "the fighting lasted six hours.")
    assert got == "with a truck bomb"
