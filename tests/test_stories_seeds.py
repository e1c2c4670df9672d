"""The two seed pages (different outlets, March and June) must land in one story: the time
between them must not veto it. Needs ../shared/seeds and the spaCy model."""
import re
from datetime import datetime
from pathlib import Path

import pytest

from newsgraph.records import Article, Entity, Mention
from newsgraph.stories import StoryIndex

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not here")


def first_date(text):
    """The first ISO date or 'Mon DD, YYYY' date in the page."""
    iso = re.search(r"\b(\d{4}-\d{2}-\d{2})", text)
    named = re.search(r"\b([A-Z][a-z]{2}) (\d{1,2}), (\d{4})\b", text)
    if iso and (not named or iso.start() < named.start()):
        return iso.group(1)
    if named:
        return datetime.strptime(" ".join(named.groups()), "%b %d %Y").date().isoformat()
    return None


def entities(doc, article_id):
    groups = {}
    for ent in doc.ents:
        groups.setdefault((ent.text, ent.label_), []).append(Mention(article_id, ent.start_char, ent.end_char, ent.text))
    return [Entity(id=f"{article_id}#e{n}", name=name, type=label, mentions=mentions)
            for n, ((name, label), mentions) in enumerate(groups.items())]


def test_seed_pages_share_one_story():
    from newsgraph.nlp import get_nlp
    nlp = get_nlp()
    index = StoryIndex()
    stories = set()
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        article = Article(id=path.stem, source=str(path), text=text, published=first_date(text))
        story, dup = index.add(article, entities(nlp(text), path.stem), [])
        assert dup is None
        stories.add(story)
    assert len(stories) == 1
    dates = sorted(first_date(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt"))
    assert dates[0][:7] == "2021-03" and dates[-1][:7] == "2021-06"
