"""Stories settle step: a batch's stories do not depend on the order it arrived in, an
article that opened a story of its own early gets a second chance against the stories that
grew after it, and annotate writes the settled story ids."""
import io
import json
import random

from newsgraph.records import Analysis, Article, Entity, Mention
from newsgraph.stories import Params, StoryIndex


def art(aid, title, text, published=None):
    return Article(id=aid, source=f"test://{aid}", text=text, title=title, published=published)


def ents(aid, *specs):
    out = []
    for n, spec in enumerate(specs):
        name, etype = spec.split(":")
        out.append(Entity(id=f"{aid}#e{n}", name=name, type=etype, mentions=[Mention(aid, 0, len(name), name)] * 2))
    return out


DAM = ("Dam:FAC", "Ribeira:LOC", "Vale Verde:GPE", "Portugal:GPE", "Marta Neves:PERSON")
MINE = ("Kasama:GPE", "Zambia:GPE", "Copperline:ORG", "Joseph Banda:PERSON")
CORPUS = {
    "warning": (art("warning", "Flood warning in northern Portugal",
                  "Sirens sounded in Vale Verde as water rose behind the Ribeira dam late on Friday. Mayor Marta "
                  "Neves told residents of low-lying streets to leave their homes.", "2023-02-03"),
              ("Vale Verde:GPE", "Ribeira:LOC", "Marta Neves:PERSON")),
    "dam-1": (art("dam-1", "Dam bursts above Vale Verde, flooding the Ribeira valley",
                  "An earthen dam on the Ribeira river burst before dawn on Saturday and a wall of water swept "
                  "through Vale Verde in northern Portugal. Mayor Marta Neves said 230 homes were flooded and "
                  "eleven people were missing. Firefighters used boats to reach families on rooftops.",
                  "2023-02-04"), DAM),
    "dam-2": (art("dam-2", "Vale Verde searches for missing after dam collapse",
                  "Rescue teams in Vale Verde searched flooded streets on Sunday for eleven people missing since "
                  "the Ribeira dam burst. Marta Neves, the mayor, said 230 homes were under water and the "
                  "school gym had become a shelter for 400 people.", "2023-02-05"), DAM),
    "dam-3": (art("dam-3", "Engineers warned of cracks in Ribeira dam, documents show",
                  "Engineers reported cracks in the earthen Ribeira dam two years before it burst and flooded "
                  "Vale Verde, documents seen by reporters show. Mayor Marta Neves demanded an inquiry as the "
                  "search for the eleven missing went on.", "2023-02-07"), DAM),
    "dam-4": (art("dam-4", "Portugal declares emergency in flooded Ribeira valley",
                  "Portugal declared a state of emergency in the Ribeira valley, where the dam burst flooded "
                  "230 homes in Vale Verde. Marta Neves said the bodies of three of the eleven missing had "
                  "been found.", "2023-02-06"), DAM),
    "mine-1": (art("mine-1", "Copper mine collapse traps 19 miners near Kasama",
                   "Nineteen miners were trapped on Tuesday when a shaft of the Copperline copper mine near "
                   "Kasama in northern Zambia collapsed. Mine manager Joseph Banda said rescuers were pumping "
                   "air into the shaft and drilling toward the men.", "2023-03-14"), MINE),
    "mine-2": (art("mine-2", "Rescuers drill toward trapped Zambian miners",
                   "Rescuers at the Copperline mine near Kasama drilled through the night toward 19 miners "
                   "trapped since the shaft collapsed on Tuesday, Joseph Banda said. Families waited at the "
                   "gate of the copper mine.", "2023-03-15"), MINE),
    "mine-3": (art("mine-3", "All 19 miners rescued from collapsed Zambia copper shaft",
                   "All nineteen miners trapped in the collapsed Copperline shaft near Kasama were brought to the "
                   "surface on Thursday, Joseph Banda said, and taken to hospital in Kasama.", "2023-03-16"), MINE),
}


def items(ids):
    return [(CORPUS[a][0], ents(a, *CORPUS[a][1]), []) for a in ids]


def groups(assigned):
    by_story = {}
    for aid, (story, _) in assigned.items():
        by_story.setdefault(story, set()).add(aid)
    return sorted(sorted(g) for g in by_story.values())


def settled(order, place=True, params=None):
    index = StoryIndex(params=params)
    for item in items(order):
        index.add(*item, place=place)
    index.settle()
    return index


# A bar so high that the early flood warning matches none of the dam reports alone, only
# the whole story they make together (the same bar when adding and when settling).
STRICT = Params(threshold=2.6, settle_threshold=2.6)
ARRIVAL = ["warning", "mine-1", "dam-1", "mine-2", "dam-2", "dam-3", "mine-3", "dam-4"]


def test_a_singleton_joins_the_story_that_grew_after_it():
    index = StoryIndex(params=STRICT)
    online = {item[0].id: index.add(*item) for item in items(ARRIVAL)}
    assert ["warning"] in groups(online)
    index.settle()
    assert groups(index.assignments()) == [["dam-1", "dam-2", "dam-3", "dam-4", "warning"],
                                           ["mine-1", "mine-2", "mine-3"]]
    [story] = [s for s in index.stories() if "warning" in s.article_ids]
    assert sorted(story.article_ids) == ["dam-1", "dam-2", "dam-3", "dam-4", "warning"]


def test_without_revisits_the_early_warning_stays_alone():
    """Settle places the batch in hash order, which puts the warning before every dam report;
    only the re-visit round lets it join them."""
    index = StoryIndex(params=STRICT)
    for item in items(ARRIVAL):
        index.add(*item, place=False)
    assert index.settle(max_rounds=0) == 0
    assert ["warning"] in groups(index.assignments())


def test_a_shuffled_batch_settles_into_the_same_stories_as_the_sorted_one():
    reference = settled(sorted(CORPUS), params=STRICT).assignments()
    online_groupings = set()
    for seed in range(8):
        order = random.Random(seed).sample(sorted(CORPUS), len(CORPUS))
        index = StoryIndex(params=STRICT)
        online = {item[0].id: index.add(*item) for item in items(order)}
        online_groupings.add(json.dumps(groups(online)))
        index.settle()
        assert index.assignments() == reference, order
        assert settled(order, place=False, params=STRICT).assignments() == reference
    assert len(online_groupings) > 1      # arrival order did change the online answer


def test_settle_only_moves_the_new_batch_and_saved_state_has_no_vectors():
    index = settled(["mine-1", "mine-2", "mine-3", "dam-1", "dam-2"])
    before = index.assignments()
    for item in items(["warning", "dam-3", "dam-4"]):
        index.add(*item, place=False)
    assert index.assignments_of("dam-3") == (None, None)
    index.settle()
    after = index.assignments()
    assert {aid: after[aid] for aid in before} == before
    assert after["dam-3"][0] == after["dam-1"][0]
    state = json.loads(json.dumps(index.to_state()))
    assert not index.pending and "pending" not in state
    assert StoryIndex(state).assignments() == after


def test_a_copy_settles_with_its_original():
    original, entities, _ = items(["dam-2"])[0]
    copy = art("dam-2-copy", original.title, original.text + " Updated at 10:40.", original.published)
    index = StoryIndex()
    for item in items(["dam-1", "mine-1", "mine-2"]) + [(copy, entities, []), (original, entities, [])]:
        index.add(*item, place=False)
    index.settle()
    assigned = index.assignments()
    assert assigned["dam-2-copy"] == (assigned["dam-2"][0], "dam-2") or assigned["dam-2"] == (assigned["dam-2-copy"][0], "dam-2-copy")
    assert assigned["dam-2"][0] == assigned["dam-1"][0]


def test_annotate_writes_the_settled_story_ids(tmp_path, monkeypatch):
    """annotate holds its lines until the batch has settled: the flood warning that the online
    pass left alone comes out in the dam story."""
    from newsgraph import service

    analyses = {a: Analysis(article=item[0], entities=item[1]) for a, item in zip(ARRIVAL, items(ARRIVAL))}
    monkeypatch.setattr(service, "analyze_stream", lambda docs, processes=None: (analyses[d.id] for d in docs))
    monkeypatch.setattr(service, "article_id", lambda raw: raw.id)
    import newsgraph.stories as stories_pkg
    monkeypatch.setattr(stories_pkg, "StoryIndex", lambda: StoryIndex(params=STRICT))
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": a, "text": CORPUS[a][0].text}) + "\n" for a in ARRIVAL))
    out = io.StringIO()
    report = service.annotate(str(src), out, stories=True)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert report.ingested == len(ARRIVAL) and [r["id"] for r in rows] == ARRIVAL
    story = {r["id"]: r["story_id"] for r in rows}
    assert story["warning"] == story["dam-1"] == story["dam-4"] != story["mine-1"]
    assert all("entities" in r and r["duplicate_of"] is None for r in rows)


def test_ingest_stores_the_ids_of_articles_settle_moved():
    from newsgraph import service

    class Store:
        def __init__(self):
            self.fields = {}

        def set_article_fields(self, article_id, **fields):
            self.fields[article_id] = fields

    index = StoryIndex(params=STRICT)
    online = {item[0].id: index.add(*item) for item in items(ARRIVAL)}
    store = Store()
    service.write_settled_stories(store, index)
    settled_now = index.assignments()
    assert store.fields["warning"] == {"story_id": settled_now["dam-1"][0], "duplicate_of": None}
    assert all(settled_now[aid] == (f["story_id"], f["duplicate_of"]) for aid, f in store.fields.items())
    assert all(settled_now[aid] == online[aid] for aid in online if aid not in store.fields)
