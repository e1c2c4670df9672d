"""Story features computed apart from the index (as the analysis workers do): the index
places articles exactly as when it computes them itself, they survive pickling between
processes compactly, and features made under other Params are not trusted."""
import pickle
from array import array
from collections import Counter

from newsgraph.records import Article, Entity, Event, EventDate, Mention
from newsgraph.stories import Params, StoryIndex, bench
from newsgraph.stories.features import story_features
from newsgraph.stories.vectors import OnlineIdf


def art(aid, title, text, published=None, **kw):
    return Article(id=aid, source=f"test://{aid}", text=text, title=title, published=published, **kw)


def ents(aid, *names):
    return [Entity(id=f"{aid}#e{n}", name=name, type=etype, mentions=[Mention(aid, 0, len(name), name)] * 2)
            for n, (name, etype) in enumerate(names)]


def flood_event(aid, value):
    return Event(id=f"{aid}#v0", type="DISASTER", mode="flood", cameo=None, source=[], target=[],
                 date=EventDate(value, "on Monday", "day"), place=None, modality="asserted",
                 attribution=None, quantities=[], evidence=[])


FLOOD = ("Heavy rain sent the Sava river over its banks near Brod on Monday, forcing 2,300 residents "
         "from their homes. Mayor Ivana Kovac said \"the water rose faster than anyone had planned for\" "
         "and army trucks carried sandbags to the levees through the night.")
ARTICLES = [
    (art("flood-1", "Sava floods force 2,300 from homes in Brod", FLOOD, "2025-04-07"),
     ents("flood-1", ("Ivana Kovac", "PERSON"), ("Brod", "GPE"), ("Sava", "LOC")), [flood_event("flood-1", "2025-04-07")]),
    (art("flood-2", "Brod floods: army sandbags the Sava levees", "BROD (Agency) - " + FLOOD, "2025-04-07"),
     ents("flood-2", ("Ivana Kovac", "PERSON"), ("Brod", "GPE")), []),
    (art("strike-1", "Port workers strike in Rijeka over pay",
         "Dock workers at the port of Rijeka walked out on Tuesday, halting 14 container ships, after talks "
         "on a 9 percent raise failed. Union leader Marko Horvat said the strike would last until Friday.",
         "2025-04-08"),
     ents("strike-1", ("Marko Horvat", "PERSON"), ("Rijeka", "GPE")), []),
    (art("flood-3", "Sava levees hold as water recedes near Brod",
         "The Sava began to fall on Wednesday and the levees around Brod held, mayor Ivana Kovac said, "
         "though 2,300 residents still could not return home.", "2025-04-09"),
     ents("flood-3", ("Ivana Kovac", "PERSON"), ("Sava", "LOC")), []),
]


def run(with_features: bool, params: Params | None = None, feature_params: Params | None = None):
    index = StoryIndex(params=params)
    for article, entities, events in ARTICLES:
        feats = story_features(article, entities, feature_params or params) if with_features else None
        index.add(article, entities, events, place=False, features=feats)
    index.settle()
    return index


def test_precomputed_features_place_articles_exactly_as_the_index_does():
    own, given = run(False), run(True)
    assert given.assignments() == own.assignments()
    assert given.assignments()["flood-2"][1] == "flood-1"
    assert given.to_state() == own.to_state()


def test_features_pickle_compactly_and_still_match():
    article, entities, _ = ARTICLES[0]
    feats = story_features(article, entities)
    blob = pickle.dumps(feats, protocol=pickle.HIGHEST_PROTOCOL)
    assert len(blob) < 4000
    back = pickle.loads(blob)
    assert back.counts == feats.counts and back.prints == feats.prints
    assert (back.sketch == feats.sketch).all()


def test_features_made_under_other_params_are_recomputed():
    short = Params(body_chars=60)        # features made under default Params read the whole body
    assert run(True, short, feature_params=Params()).to_state() == run(False, short).to_state()
    assert run(False, short).to_state() != run(False).to_state()


def test_counting_precounted_terms_equals_counting_the_list():
    terms = ["levee", "sava", "levee", "brod", "sava", "levee"]
    by_list, by_counts = OnlineIdf(), OnlineIdf()
    a = by_list.count(terms)
    counter = Counter(terms)
    b = by_counts.count_counted(tuple(counter), array("I", counter.values()))
    assert list(a.items()) == list(b.items())
    assert by_list.to_state() == by_counts.to_state()
    assert by_counts.count_counted((), array("I")).terms == ()


def test_bench_times_the_parent_part_with_and_without_features():
    assert bench(ARTICLES) > 0
    assert bench(ARTICLES, precomputed=False) > 0
