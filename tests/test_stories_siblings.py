"""Sibling stories apart: two heists of one kind in one city, reported in the same words,
end in one story until settle bisects it; one happening's reports stay together."""
from newsgraph.stories import Params, StoryIndex
from test_stories import art, ents, groups

LEADS = ["Armed robbers raided a jewellery store in central Lyon",
         "Thieves stole jewels from a jewellery shop in Lyon",
         "Police in Lyon are hunting robbers who hit a jewellery store",
         "A jewellery store in Lyon was robbed by an armed gang",
         "Robbers escaped with jewels after a raid on a Lyon jewellery shop",
         "Lyon police said an armed gang robbed a jewellery store"]
COMMON = ["Shopkeepers in the city centre said they feared more robberies.",
          "Detectives were studying footage from security cameras in the street.",
          "Insurers said jewellery thefts in the city had risen this year.",
          "No one was hurt in the robbery, police said."]
SPECIFIC = {
    "verlaine": ["The gang took rings and watches worth 42 million euros from the Maison Verlaine boutique.",
                 "Two robbers disguised as women pulled guns on the staff of Maison Verlaine.",
                 "Prosecutor Anne Duclos said the gang knew the Maison Verlaine boutique well."],
    "brunet": ["The gang rammed a stolen SUV into the window of the Orfevre Brunet shop.",
               "Necklaces worth 1.8 million euros were taken from Orfevre Brunet.",
               "Commissioner Marc Lefort said the burnt SUV was found near the river."],
}
ENTITIES = {"verlaine": ["Lyon:GPE:2", "Maison Verlaine:ORG", "Anne Duclos:PERSON"],
            "brunet": ["Lyon:GPE:2", "Orfevre Brunet:ORG", "Marc Lefort:PERSON"]}


def reports(heist, count=len(LEADS)):
    """Undated reports of one heist: a lead and two city sentences every report of either heist
    may carry, then what only this heist has (its shop, its loot, its officials)."""
    out = []
    for i in range(count):
        lead, specific = LEADS[i % len(LEADS)], SPECIFIC[heist]
        body = " ".join([lead + ".", COMMON[i % 4], COMMON[(i + 2) % 4]] + specific[i % 3:] + specific[: i % 3])
        out.append((art(f"{heist}-{i}", lead, body), ents(f"{heist}-{i}", *ENTITIES[heist])))
    return out


def settled(articles, params=None):
    index = StoryIndex(params=params)
    for article, entities in articles:
        index.add(article, entities, [], place=False)
    index.settle()
    return groups(index.assignments())


def test_two_heists_in_one_city_are_split_into_two_stories():
    both = reports("verlaine") + reports("brunet")
    assert len(settled(both, Params(split_threshold=None))) == 1      # what settle alone makes of them
    assert settled(both) == [[f"brunet-{i}" for i in range(6)], [f"verlaine-{i}" for i in range(6)]]


def test_the_split_does_not_depend_on_arrival_order():
    both = reports("verlaine") + reports("brunet")
    index_a, index_b = StoryIndex(), StoryIndex()
    for index, order in ((index_a, both), (index_b, both[::-1])):
        for article, entities in order:
            index.add(article, entities, [], place=False)
        index.settle()
    stories = [{aid: story for aid, (story, _) in index.assignments().items()} for index in (index_a, index_b)]
    assert stories[0] == stories[1] and len(set(stories[0].values())) == 2


def test_one_heists_reports_stay_one_story():
    assert len(settled(reports("verlaine", 12))) == 1


def test_a_story_holding_settled_articles_is_not_split():
    """Articles settled in an earlier batch never move: a story that holds one is left whole."""
    first, rest = reports("verlaine")[:1], reports("verlaine")[1:] + reports("brunet")
    index = StoryIndex()
    for article, entities in first:
        index.add(article, entities, [])
    index.settle()
    before = index.assignments_of("verlaine-0")
    for article, entities in rest:
        index.add(article, entities, [], place=False)
    index.settle()
    assert index.assignments_of("verlaine-0") == before
