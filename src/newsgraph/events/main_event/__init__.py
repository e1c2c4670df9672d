"""The article's main event as 5W1H (who, what, when, where, why, how), Giveme5W1H-style, offline.
Owns `main_event(article, doc, entities, events, timexes)` and `preload()`: the headline is read
(headline.py), the lead sentences gathered (lead.py), and each W picks the best of its candidates
(who.py, what.py, when.py, where.py, why.py, how.py), scored by position, headline presence, the
sentence's overlap with the headline, frequency in the article and type; weights and word lists
live in main_event/data/lexicon.json (words.py). Each answer is `{text, start, end}` with offsets
into `article.text`, or start/end None when the words come from the headline and do not occur in
the text; a W with no candidate is None, and an article with no answer at all gives None."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from newsgraph.nlp import reading

from .candidates import best
from .headline import body_verb_lemmas, parse_headline, recase, truecase
from .how import how_candidates
from .lead import make_lead
from .what import what_candidates
from .when import when_candidates
from .where import not_the_agent, where_candidates
from .who import who_candidates
from .why import why_candidates
from .words import english_verbs, gazetteer, lexicon, settlements

__all__ = ["main_event", "preload", "recase", "truecase"]


def preload() -> None:
    """Load the word lists, verb index and place names now (before worker processes fork)."""
    for load in (lexicon, english_verbs, gazetteer, settlements):
        load()


def main_event(article, doc: Doc, entities=None, events=None, timexes=None) -> Optional[dict]:
    """The lead event as {who, what, when, where, why, how}, each {text, start, end} or None."""
    if not (article.text or article.title):
        return None
    with reading(doc):
        return lead_event(article, doc, timexes)


def lead_event(article, doc: Doc, timexes) -> Optional[dict]:
    verbs = body_verb_lemmas(doc)
    head = parse_headline(article.title, doc, verbs) if article.title else None
    lead = make_lead(doc, head, article)
    who = best(who_candidates(head, lead))
    answers = {
        "who": who,
        "what": best(what_candidates(head, lead)),
        "when": best(when_candidates(lead, timexes or [], head)),
        "where": best(not_the_agent(where_candidates(lead, head), who)),
        "why": best(why_candidates(head, lead)),
        "how": best(how_candidates(head, lead)),
    }
    return answers if any(answers.values()) else None
