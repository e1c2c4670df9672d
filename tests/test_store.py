"""The SQLite store: one transaction per article, updates in place, the knowledge base
swapped whole, and a second connection that waits for a writer instead of failing."""
from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from newsgraph.records import (Actor, Analysis, Article, ArticleFacts, Entity, Event, EventDate, Evidence, Mention,
                               Quote, Speaker, Story, Timex)
from newsgraph.store import Store

TEXT = ("The defence minister of Norland, Ivo Brandt, met his Kestrel counterpart in Harwick on Tuesday "
        "and said the two armies would hold joint exercises next month.")


def analysis(article_id: str = "a-1", text: str = TEXT, published: str = "2024-05-07") -> Analysis:
    art = Article(id=article_id, source=f"pages/{article_id}.html", text=text, title="Norland and Kestrel plan exercises",
                  outlet="The Harwick Times", published=published, language="en")
    person = Entity(id=f"{article_id}#e1", name="Ivo Brandt", type="PERSON",
                    mentions=[Mention(article_id, text.index("Ivo Brandt"), text.index("Ivo Brandt") + 10, "Ivo Brandt")])
    meet = Event(id=f"{article_id}#v1", type="CONSULT", mode="meet", cameo="043",
                 source=[Actor(person.id, "Ivo Brandt", None)], target=[], date=EventDate("2024-05-07", "on Tuesday", "day"),
                 place=None, modality="asserted", attribution=None, quantities=[],
                 evidence=[Evidence(article_id, 0, len(text), text)])
    quote = Quote(id=f"{article_id}#q1", article_id=article_id, start=0, end=10, text=text[:10],
                  speaker=Speaker(person.id, "Ivo Brandt"), cue="said", direct=False)
    timex = Timex(article_id, text.index("on Tuesday"), text.index("on Tuesday") + 10, "on Tuesday", "DATE", "2024-05-07", "day")
    return Analysis(article=art, entities=[person], events=[meet], quotes=[quote], timexes=[timex])


@pytest.fixture
def store(tmp_path):
    s = Store(str(tmp_path / "kb.db"))
    yield s
    s.close()


def test_put_then_read_back_the_same_analysis(store):
    a = analysis()
    assert store.put_analysis(a, "hash-1") == "ingested"
    back = store.analysis("a-1")
    assert back.article == a.article
    assert back.entities == a.entities and back.events == a.events
    assert back.quotes == a.quotes and back.timexes == a.timexes
    assert store.raw_hash_of("a-1") == "hash-1" and store.raw_hash_of("nope") is None


def test_changed_article_is_updated_in_place_not_doubled(store):
    store.put_analysis(analysis("a-1"), "h1")
    store.put_analysis(analysis("a-2", published="2024-05-08"), "h2")
    changed = analysis("a-1", text=TEXT + " The exercises will involve 3,000 troops.")
    assert store.put_analysis(changed, "h1b") == "updated"
    assert store.count() == 2
    assert [a.article.id for a in store.analyses()] == ["a-1", "a-2"]       # keeps its place in ingest order
    assert store.article("a-1").text.endswith("3,000 troops.")
    assert store.raw_hash_of("a-1") == "h1b"


def test_article_fields_are_written_with_the_article(store):
    store.put_analysis(analysis(), "h", story_id="story-9", duplicate_of=None)
    assert store.article("a-1").story_id == "story-9"
    store.set_article_fields("a-1", duplicate_of="a-0")
    art = store.article("a-1")
    assert (art.story_id, art.duplicate_of) == ("story-9", "a-0")


def test_article_by_id_prefix(store):
    store.put_analysis(analysis("a-0123456789abcdef"), "h")
    assert store.article("a-0123").id == "a-0123456789abcdef"
    assert store.article("a-9") is None
    assert store.article("a-0123456789abcdef_") is None


def test_a_failed_write_leaves_the_store_as_it_was(store):
    store.put_analysis(analysis("a-1"), "h1")
    broken = analysis("a-2")
    broken.events[0].quantities = [object()]            # not JSON-serializable: fails mid-write
    with pytest.raises(TypeError):
        store.put_analysis(broken, "h2")
    assert store.count() == 1 and store.article("a-2") is None
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.db.execute("DELETE FROM articles")
            raise RuntimeError("crash between statements")
    assert store.count() == 1
    assert store.put_analysis(analysis("a-2"), "h2") == "ingested"      # the connection is usable afterwards


def test_knowledge_base_is_replaced_whole(store):
    store.put_analysis(analysis(), "h")
    a = analysis()
    ent = Entity(id="ent-1", name="Ivo Brandt", type="PERSON", country=None, mentions=a.entities[0].mentions)
    facts = ArticleFacts("a-1", a.quotes, [], a.timexes)
    story = Story("st-1", "Norland and Kestrel plan exercises", ["a-1"], ["ent-1"], ["a-1#v1"])
    store.replace_kb([ent], {"a-1#e1": "ent-1"}, a.events, [facts], [story])
    assert [e.name for e in store.entities()] == ["Ivo Brandt"]
    assert store.entity_map() == {"a-1#e1": "ent-1"}
    assert [e.id for e in store.events()] == ["a-1#v1"]
    assert [q.id for q in store.quotes()] == ["a-1#q1"] and [t.text for t in store.timexes()] == ["on Tuesday"]
    assert [s.id for s in store.stories()] == ["st-1"] and store.story("st-").title == story.title
    with pytest.raises(AttributeError):
        store.replace_kb([ent, "not an entity"], {}, [], [], [])
    assert [e.name for e in store.entities()] == ["Ivo Brandt"]            # the old KB survives a failed swap
    assert [q.id for q in store.quotes()] == ["a-1#q1"] and [s.id for s in store.stories()] == ["st-1"]


def test_quotes_filtered_by_speaker_in_the_store(store):
    a = analysis()
    other = Quote("a-1#q2", "a-1", 20, 30, "x", Speaker("a-1#e9", "Mara Lind"), "said", True)
    store.replace_kb([], {}, [], [ArticleFacts("a-1", a.quotes + [other], [], [])], [])
    assert [q.id for q in store.quotes({"a-1#e9"})] == ["a-1#q2"]
    assert [q.id for q in store.quotes(set())] == []
    assert [q.id for q in store.quotes()] == ["a-1#q1", "a-1#q2"]


def test_store_with_quotes_kept_as_state_is_marked_for_rebuild(tmp_path):
    path = str(tmp_path / "old.db")
    old = Store(path)
    old.set_state("quotes", [{"id": "q"}])
    old.set_state("dirty", False)
    old.close()
    reopened = Store(path)
    assert reopened.get_state("dirty") is True
    reopened.replace_kb([], {}, [], [], [])
    assert reopened.get_state("quotes") is None
    reopened.close()


def test_second_writer_waits_for_the_first(tmp_path):
    path = str(tmp_path / "kb.db")
    Store(path).close()
    locked = threading.Event()

    def hold_lock():
        first = Store(path)
        with first.transaction():
            first.set_state("lock", 1)
            locked.set()
            time.sleep(0.5)
        first.close()

    t = threading.Thread(target=hold_lock)
    t.start()
    locked.wait(5)
    second = Store(path)
    assert second.put_analysis(analysis(), "h") == "ingested"    # waits for the first to commit
    t.join()
    assert second.get_state("lock") == 1
    second.close()


def test_wal_mode_and_schema_on_disk(tmp_path):
    Store(str(tmp_path / "kb.db")).close()
    con = sqlite3.connect(tmp_path / "kb.db")
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "entities", "entity_map", "events", "state"} <= tables
