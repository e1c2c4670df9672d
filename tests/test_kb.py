"""The cross-article knowledge base: an anchored time expression in one article is dated from
the event it names in another, and quotes point at resolved entities."""
from newsgraph import kb
from newsgraph.records import (Actor, Analysis, Article, Entity, Event, EventDate, Evidence, Mention, Quote,
                               Speaker, Timex)


def coup_event(article_id, date_value, gran, text):
    return Event(id=f"{article_id}#v1", type="ASSAULT", mode="coup", cameo="196",
                 source=[Actor(None, "the army", "RURMIL")], target=[], date=EventDate(date_value, text, gran),
                 place=None, modality="asserted", attribution=None, quantities=[],
                 evidence=[Evidence(article_id, 0, 40, "The army seized power in a coup.")], trigger="coup")


def test_anchored_timex_is_dated_from_the_event_it_names_in_another_article():
    first = Analysis(article=Article(id="a1", source="a1", text="x", published="2022-05-10"),
                     events=[coup_event("a1", "2022-05-03", "day", "on 3 May")])
    text = "The envoy visited the capital a week before the coup."
    anchored = Timex("a2", 30, 53, "a week before the coup", "DATE", None, "approx", anchor="the coup")
    visit = Event(id="a2#v1", type="CONSULT", mode="visit", cameo="042", source=[], target=[],
                  date=EventDate(None, "a week before the coup", "approx"), place=None, modality="asserted",
                  attribution=None, quantities=[], evidence=[Evidence("a2", 0, len(text), text)], trigger="visited")
    second = Analysis(article=Article(id="a2", source="a2", text=text, published="2022-06-01"),
                      events=[visit], timexes=[anchored])
    kb.date_anchored(second, first.events + second.events)
    assert second.timexes[0].value == "2022-04-26"
    assert visit.date.value == "2022-04-26" and visit.date.granularity == "approx"


def test_anchor_without_a_dated_event_stays_unresolved():
    tx = Timex("a3", 0, 22, "a day after the summit", "DATE", None, "approx", anchor="the summit")
    analysis = Analysis(article=Article(id="a3", source="a3", text="x"), timexes=[tx])
    kb.date_anchored(analysis, [coup_event("a1", "2022-05-03", "day", "on 3 May")])
    assert analysis.timexes[0].value is None


def test_publication_dated_event_is_not_an_anchor():
    ev = coup_event("a1", "2022-05-10", "publication", None)
    assert kb.find_anchor_event("the coup", "a2", [ev]) is None


def test_quote_speaker_points_at_the_resolved_entity():
    q = Quote("a1#q1", "a1", 0, 5, "Hello", Speaker("a1#e1", "Voss"), "said", True)
    ent = Entity("ent-1", "Artem Voss", "PERSON", mentions=[Mention("a1", 10, 14, "Voss")])
    out = kb.remap_quote(q, {"a1#e1": "ent-1"}, {"ent-1": ent})
    assert out.speaker.entity_id == "ent-1" and out.speaker.name == "Artem Voss"


def test_build_then_article_facts_carry_resolved_anchors_and_speakers():
    first = Analysis(article=Article(id="a1", source="a1", text="x", published="2022-05-10"),
                     events=[coup_event("a1", "2022-05-03", "day", "on 3 May")])
    anchored = Timex("a2", 30, 53, "a week before the coup", "DATE", None, "approx", anchor="the coup")
    plain = Timex("a2", 0, 9, "last year", "DATE", "2021", "year")
    quote = Quote("a2#q1", "a2", 0, 5, "Hello", Speaker("a2#e1", "Voss"), "said", True)
    voss = Entity("a2#e1", "Artem Voss", "PERSON", mentions=[Mention("a2", 10, 14, "Voss")])
    second = Analysis(article=Article(id="a2", source="a2", text="y", published="2022-06-01"),
                      entities=[voss], quotes=[quote], timexes=[plain, anchored])
    built = kb.build(iter([first, second]))
    facts = {f.article_id: f for f in kb.all_facts([first, second], built)}
    assert [t.value for t in facts["a2"].timexes] == ["2021", "2022-04-26"]
    assert facts["a2"].quotes[0].speaker.entity_id == built.entity_map["a2#e1"] != "a2#e1"
    assert facts["a1"].timexes == [] and facts["a1"].quotes == []
