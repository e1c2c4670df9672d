"""Stories stage: near-duplicates, translated copies, same-kind events kept apart, online
ingest equal to batch, time gaps that must not veto a story, story summaries."""
import hashlib
import json
import random

from newsgraph.records import Article, Entity, Event, EventDate, Mention
from newsgraph.stories import StoryIndex, bench


def ents(article_id, *specs):
    """Entities from "Name:TYPE" or "Name:TYPE:count" specs, with article-local ids."""
    out = []
    for n, spec in enumerate(specs):
        name, etype, *count = spec.split(":")
        mentions = [Mention(article_id, 0, len(name), name)] * int(count[0] if count else 1)
        out.append(Entity(id=f"{article_id}#e{n}", name=name, type=etype, mentions=mentions))
    return out


def art(aid, title, text, published=None, **kw):
    return Article(id=aid, source=f"test://{aid}", text=text, title=title, published=published, **kw)


CHILE_1 = art("chile-1", "Strong earthquake kills 12 in northern Chile",
              "A magnitude 6.8 earthquake struck the Atacama region of northern Chile on Tuesday night, "
              "killing at least 12 people and bringing down adobe houses in Copiapo. The national emergency "
              "office ONEMI said 340 homes were damaged and power was cut to 45,000 customers. Interior "
              "minister Carolina Tohá said rescue teams were searching collapsed buildings in Vallenar.",
              "2024-03-12")
CHILE_2 = art("chile-2", "Chile quake death toll rises as rescuers dig through rubble in Copiapo",
              "Rescuers in Copiapo pulled two more bodies from the rubble on Wednesday, raising the death toll "
              "from Tuesday's magnitude 6.8 earthquake in the Atacama region to 14, Interior minister Carolina "
              "Tohá said. ONEMI said 340 homes were damaged and 1,200 people spent the night in shelters in "
              "Vallenar and Copiapo. Mining giant Codelco said its copper operations were not affected.",
              "2024-03-13")
CHILE_3 = art("chile-3", "Aftershocks rattle Atacama after deadly Chile earthquake",
              "Dozens of aftershocks shook the Atacama region of Chile on Thursday, two days after a magnitude "
              "6.8 earthquake killed 14 people. Carolina Tohá visited shelters in Vallenar and promised "
              "emergency funds for families whose adobe homes collapsed in Copiapo. ONEMI kept a tsunami "
              "watch for the coast near Caldera lifted.", "2024-03-14")
TURKEY_1 = art("turkey-1", "Earthquake kills four in eastern Turkey",
               "A magnitude 5.9 earthquake struck Malatya province in eastern Turkey on Sunday, killing four "
               "people and injuring 87, the disaster agency AFAD said. Several old buildings collapsed in the "
               "district of Yesilyurt. Governor Hulusi Sahin said rescue teams were searching the rubble and "
               "tents were set up for families afraid to return home.", "2022-11-20")
TURKEY_2 = art("turkey-2", "Turkey quake: rescuers search rubble in Malatya",
               "Rescue teams in Malatya searched the rubble of three collapsed buildings on Monday after "
               "Sunday's magnitude 5.9 earthquake in eastern Turkey killed four people, AFAD said. Governor "
               "Hulusi Sahin said 87 people were injured and 600 tents were set up in Yesilyurt. Schools in "
               "the province will stay closed for a week.", "2022-11-21")
TURKEY_3 = art("turkey-3", "Families in Malatya sleep in tents after earthquake",
               "Hundreds of families in Yesilyurt spent a second night in tents after the magnitude 5.9 "
               "earthquake that killed four people in Malatya province, Turkey. AFAD said engineers inspected "
               "1,100 buildings. Governor Hulusi Sahin said aid would reach every village by Wednesday.",
               "2022-11-22")
ENTITIES = {
    "chile-1": ("Chile:GPE:2", "Atacama:LOC", "Copiapo:GPE", "ONEMI:ORG", "Carolina Tohá:PERSON", "Vallenar:GPE"),
    "chile-2": ("Chile:GPE", "Copiapo:GPE:2", "Atacama:LOC", "Carolina Tohá:PERSON", "ONEMI:ORG", "Vallenar:GPE",
                "Codelco:ORG"),
    "chile-3": ("Atacama:LOC", "Chile:GPE", "Carolina Tohá:PERSON", "Vallenar:GPE", "Copiapo:GPE", "ONEMI:ORG",
                "Caldera:GPE"),
    "turkey-1": ("Malatya:GPE", "Turkey:GPE", "AFAD:ORG", "Yesilyurt:GPE", "Hulusi Sahin:PERSON"),
    "turkey-2": ("Malatya:GPE:2", "Turkey:GPE", "AFAD:ORG", "Hulusi Sahin:PERSON", "Yesilyurt:GPE"),
    "turkey-3": ("Yesilyurt:GPE", "Malatya:GPE", "Turkey:GPE", "AFAD:ORG", "Hulusi Sahin:PERSON"),
}
QUAKES = [CHILE_1, TURKEY_1, CHILE_2, TURKEY_2, CHILE_3, TURKEY_3]


def feed(index, articles):
    return {a.id: index.add(a, ents(a.id, *ENTITIES.get(a.id, ())), []) for a in articles}


def groups(assigned):
    by_story = {}
    for aid, (story, _) in assigned.items():
        by_story.setdefault(story, set()).add(aid)
    return sorted(sorted(g) for g in by_story.values())


def test_two_earthquakes_are_two_stories():
    assigned = feed(StoryIndex(), QUAKES)
    assert groups(assigned) == [["chile-1", "chile-2", "chile-3"], ["turkey-1", "turkey-2", "turkey-3"]]


def test_two_arrests_in_one_community_are_two_stories():
    """Same town, same police force, same charge: only the suspects and dates differ."""
    a1 = art("arrest-1", "Springfield man arrested over warehouse fire",
             "Springfield police arrested Daniel Mercer, 34, on Friday on suspicion of arson after a fire "
             "destroyed a furniture warehouse on Ellis Street. Police chief Laura Grant said Mercer was held at "
             "the county jail and would appear in court on Monday. Mercer was charged with arson and reckless "
             "endangerment.", "2023-05-05")
    a2 = art("arrest-2", "Warehouse fire suspect Daniel Mercer appears in court",
             "Daniel Mercer, the 34-year-old Springfield man charged with arson over the Ellis Street warehouse "
             "fire, pleaded not guilty on Monday. Mercer's lawyer said his client was at home when the fire "
             "started. Judge Owen Price set bail at $50,000 for Mercer.", "2023-05-08")
    b1 = art("arrest-3", "Springfield police arrest teenager over school fire",
             "Springfield police arrested Kevin Ortiz, 17, on Thursday on suspicion of arson after a fire gutted "
             "the gymnasium of Lincoln High School. Police chief Laura Grant said Ortiz was held at the county "
             "juvenile center. Ortiz was charged with arson and burglary.", "2023-10-12")
    b2 = art("arrest-4", "Kevin Ortiz charged as adult in Lincoln High fire",
             "Prosecutors said Kevin Ortiz, the 17-year-old arrested over the Lincoln High School gym fire, "
             "will be tried as an adult. Ortiz's mother told reporters her son was innocent. Judge Owen Price "
             "ordered Ortiz held without bail.", "2023-10-16")
    entities = {
        "arrest-1": ("Springfield:GPE", "Daniel Mercer:PERSON:3", "Ellis Street:FAC", "Laura Grant:PERSON"),
        "arrest-2": ("Daniel Mercer:PERSON:3", "Springfield:GPE", "Ellis Street:FAC", "Owen Price:PERSON"),
        "arrest-3": ("Springfield:GPE", "Kevin Ortiz:PERSON:3", "Lincoln High School:ORG", "Laura Grant:PERSON"),
        "arrest-4": ("Kevin Ortiz:PERSON:4", "Lincoln High School:ORG", "Owen Price:PERSON"),
    }
    index = StoryIndex()
    assigned = {a.id: index.add(a, ents(a.id, *entities[a.id]), []) for a in (a1, b1, a2, b2)}
    assert groups(assigned) == [["arrest-1", "arrest-2"], ["arrest-3", "arrest-4"]]


def test_syndicated_copy_is_a_duplicate_of_the_original():
    copy = art("chile-1-copy", "Strong quake kills 12 in Chile",
               "SANTIAGO (Wire) - " + CHILE_1.text.replace("Tuesday night", "Tuesday") +
               " The government declared a state of catastrophe.", "2024-03-12")
    index = StoryIndex()
    story, dup = index.add(CHILE_1, ents("chile-1", *ENTITIES["chile-1"]), [])
    assert dup is None
    assert index.add(TURKEY_1, [], [])[1] is None
    assert index.add(copy, [], []) == (story, "chile-1")


def test_duplicate_points_to_the_earliest_published_copy():
    late = art("late", CHILE_1.title, CHILE_1.text, "2024-03-13")
    early = art("early", CHILE_1.title, CHILE_1.text + " More to follow.", "2024-03-12")
    index = StoryIndex()
    index.add(late, [], [])
    story, dup = index.add(early, [], [])
    assert dup is None
    assert index.assignments() == {"late": (story, "early"), "early": (story, None)}


def test_translated_copy_found_through_source_line_entities_and_numbers():
    original = art("elpais-1", "Un terremoto de magnitud 6,8 deja 12 muertos en el norte de Chile",
                   "Un terremoto de magnitud 6,8 sacudió el martes la región de Atacama, en el norte de Chile, y "
                   "dejó al menos 12 muertos en Copiapó. La oficina de emergencias ONEMI informó de 340 viviendas "
                   "dañadas y 45.000 clientes sin luz. La ministra del Interior, Carolina Tohá, dijo que los "
                   "equipos de rescate buscaban en los edificios derrumbados de Vallenar.",
                   "2024-03-12", outlet="elpais.com", language="es")
    translated = art("copy-1", "An earthquake of magnitude 6.8 leaves 12 dead in northern Chile",
                     "An earthquake of magnitude 6.8 shook the Atacama region on Tuesday, in the north of Chile, "
                     "and left at least 12 dead in Copiapó. The emergency office ONEMI reported 340 damaged homes "
                     "and 45,000 customers without power. Interior Minister Carolina Tohá said rescue teams were "
                     "searching the collapsed buildings of Vallenar.",
                     "2024-03-13", outlet="The Daily Mirror Times", original_outlet="El País", language="en")
    names = ("Chile:GPE", "Atacama:LOC", "Copiapó:GPE", "ONEMI:ORG", "Carolina Tohá:PERSON", "Vallenar:GPE")
    index = StoryIndex()
    story, _ = index.add(original, ents("elpais-1", *names), [])
    index.add(TURKEY_1, ents("turkey-1", *ENTITIES["turkey-1"]), [])
    assert index.add(translated, ents("copy-1", *names), []) == (story, "elpais-1")


def test_same_story_reports_are_not_duplicates():
    index = StoryIndex()
    feed(index, [CHILE_1, CHILE_2])
    assert index.assignments()["chile-2"][1] is None


def test_months_apart_do_not_split_a_story():
    march = art("ties-1", "Russia strengthens military ties with Myanmar junta",
                "Russia's deputy defence minister Alexander Fomin met Myanmar junta leader Min Aung Hlaing in "
                "Naypyitaw and pledged closer military cooperation, arms sales and training for Myanmar's army, "
                "while Western governments imposed sanctions over the coup.", "2021-03-26")
    june = art("ties-2", "Myanmar junta chief thanks Moscow for military support",
               "Myanmar junta leader Min Aung Hlaing, visiting Moscow for a security conference, thanked Russia "
               "for arms sales and military training and met defence minister Sergei Shoigu, who pledged to "
               "strengthen military ties with Myanmar's army despite Western sanctions over the coup.",
               "2021-06-23")
    other = art("other", "Chile quake death toll rises", CHILE_2.text, "2021-04-10")
    index = StoryIndex()
    first, _ = index.add(march, ents("ties-1", "Russia:GPE", "Alexander Fomin:PERSON", "Myanmar:GPE:2",
                                     "Min Aung Hlaing:PERSON", "Naypyitaw:GPE"), [])
    index.add(other, [], [])
    second, _ = index.add(june, ents("ties-2", "Myanmar:GPE:2", "Min Aung Hlaing:PERSON", "Moscow:GPE",
                                     "Russia:GPE", "Sergei Shoigu:PERSON"), [])
    assert first == second


def test_incremental_ingest_through_saved_state_equals_one_batch():
    order = QUAKES + [art("chile-1-copy", CHILE_1.title, CHILE_1.text + " Updated.", "2024-03-12")]
    batch = StoryIndex()
    feed(batch, order)
    state = None
    for article in order:
        index = StoryIndex(json.loads(json.dumps(state)) if state is not None else None)
        feed(index, [article])
        state = index.to_state()
    restored = StoryIndex(json.loads(json.dumps(state)))
    assert restored.assignments() == batch.assignments()
    assert [s.article_ids for s in restored.stories()] == [s.article_ids for s in batch.stories()]


def test_story_ids_come_from_the_founding_article():
    assigned = feed(StoryIndex(), QUAKES)
    expected = "story-" + hashlib.sha1(b"chile-1").hexdigest()[:12]
    assert assigned["chile-3"][0] == expected


def test_shuffled_ingest_keeps_the_same_stories():
    reference = groups(feed(StoryIndex(), QUAKES))
    for seed in range(5):
        order = random.Random(seed).sample(QUAKES, len(QUAKES))
        assert groups(feed(StoryIndex(), order)) == reference


def test_story_summary_title_timeline_and_actors():
    def quake_event(eid, day):
        return Event(id=eid, type="ASSAULT", mode=None, cameo=None, source=[], target=[],
                     date=EventDate(day, day, "day"), place=None, modality="asserted", attribution=None,
                     quantities=[], evidence=[])
    index = StoryIndex()
    index.add(CHILE_3, ents("chile-3", *ENTITIES["chile-3"]), [quake_event("ev-late", "2024-03-14")])
    index.add(CHILE_1, ents("chile-1", *ENTITIES["chile-1"]), [quake_event("ev-early", "2024-03-12")])
    index.add(CHILE_2, ents("chile-2", *ENTITIES["chile-2"]), [])
    [story] = index.stories()
    assert story.article_ids == ["chile-3", "chile-1", "chile-2"]
    assert story.title in {a.title for a in (CHILE_1, CHILE_2, CHILE_3)}
    assert story.event_ids == ["ev-early", "ev-late"]
    # Chile, Atacama, Copiapo... are named in every article; Codelco in one only
    assert story.entity_ids.index("chile-2#e6") == len(story.entity_ids) - 1
    assert story.entity_ids[0].startswith("chile-3#")


def test_readding_an_article_returns_its_first_answer():
    index = StoryIndex()
    first = index.add(CHILE_1, [], [])
    index.add(TURKEY_1, [], [])
    assert index.add(CHILE_1, [], []) == first
    assert sum(len(s.article_ids) for s in index.stories()) == 2


def test_bench_reports_a_rate():
    assert bench(QUAKES * 3) > 0


def test_period_keys_come_from_resolved_dates_and_the_publication_date():
    from newsgraph.records import Timex
    from newsgraph.stories.keys import period_keys
    article = art("p-1", "Floods hit the valley", "Floods hit the valley on Monday.", "2019-07-02")
    timexes = [Timex("p-1", 0, 6, "Monday", "DATE", "2019-07-01", "day"),
               Timex("p-1", 0, 4, "1998", "DATE", "1998", "year"),
               Timex("p-1", 0, 7, "Tuesday", "DATE", "XXXX-WXX-2", "day"),
               Timex("p-1", 0, 5, "daily", "SET", "P1D", None)]
    keys = period_keys(article, timexes)
    assert keys.count("Y:2019") == 3 and keys.count("M:2019-07") == 3
    assert "Y:1998" in keys and not any(k.startswith("Y:XXXX") or "P1D" in k for k in keys)
    assert period_keys(art("p-2", "t", "x"), None) == []


def test_dates_named_in_the_text_pull_same_kind_events_apart():
    """Two undated reports of a ferry sinking in the same strait: a report naming the other
    sinking's year matches that story less well than one naming the same year."""
    from newsgraph.records import Timex

    def timexes(aid, year):
        return [Timex(aid, 0, 4, year, "DATE", year, "year")] * 3

    first = art("ferry-1", None, "A ferry carrying 120 passengers sank in the Kattegat strait in 2009; coast "
                "guard boats rescued most passengers and searched for nine missing.")
    later = art("ferry-2", None, "A ferry sank in the Kattegat strait with 40 passengers aboard; the coast guard "
                "rescued the passengers and searched for two crew members.")

    def score_against_first(year):
        index = StoryIndex()
        index.add(first, [], [], timexes("ferry-1", "2009"))
        vecs = index._vectors(later, [], [], timexes("ferry-2", year))
        return index._similarity(index._stories[0], vecs, None)

    assert score_against_first("2017") < score_against_first("2009") - 0.3


def test_only_the_lead_of_a_long_body_is_matched():
    """A roundup whose lead is the Chile quake and whose tail is other news joins the Chile
    story; words past `body_chars` never reach the story's vectors."""
    from newsgraph.stories import Params
    roundup = art("roundup", "Chile earthquake: rescuers dig through rubble in Copiapo",
                  CHILE_2.text + "\n\nIn other news: " + TURKEY_1.text + " " + TURKEY_2.text, "2024-03-13")
    index = StoryIndex(params=Params(body_chars=len(CHILE_2.text)))
    chile, _ = index.add(CHILE_1, ents("chile-1", *ENTITIES["chile-1"]), [])
    index.add(TURKEY_1, ents("turkey-1", *ENTITIES["turkey-1"]), [])
    story, dup = index.add(roundup, ents("roundup", *ENTITIES["chile-2"]), [])
    assert (story, dup) == (chile, None)
    text_vec = index._stories[index.story_of["roundup"]].centroids["text"].vec
    assert "copiapo" in text_vec and "malatya" not in text_vec



def test_incremental_settled_ingest_equals_one_settled_batch():
    """Ingest runs settle their own articles only; on clear-cut stories, one article per run
    ends in the same story as in one settled batch (story ids may differ: an id comes from
    the article that founded the story, and settle decides that by its own order)."""
    order = QUAKES + [art("chile-1-copy", CHILE_1.title, CHILE_1.text + " Updated.", "2024-03-12")]
    batch = StoryIndex()
    feed(batch, order)
    batch.settle()
    state = None
    for article in order:
        index = StoryIndex(json.loads(json.dumps(state)) if state is not None else None)
        feed(index, [article])
        index.settle()
        state = index.to_state()
    restored = StoryIndex(json.loads(json.dumps(state)))
    assert groups(restored.assignments()) == groups(batch.assignments())
    assert {a: d for a, (_, d) in restored.assignments().items()} == {a: d for a, (_, d) in batch.assignments().items()}
