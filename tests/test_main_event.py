"""Tests for newsgraph.events.main_event (5W1H of the article's lead event), on invented articles."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.events.main_event import main_event, recase, truecase
from newsgraph.nlp import get_nlp
from newsgraph.records import Article

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "5w1h"


def run(title, text, published="2019-03-08"):
    art = Article(id="t1", source="test", text=text, title=title, published=published)
    return art, main_event(art, get_nlp()(text), [], [], [])


def words(answer):
    return answer["text"].lower().split() if answer else []


RAID = (
    "Rebels seize airport in northern town after days of fierce fighting",
    "Rebel fighters seized the airport in Kidal on Tuesday after two days of fierce fighting with "
    "government troops, officials said. The army withdrew to its base outside the town late on Monday "
    "because its supply lines had been cut. About 40 soldiers were killed in the clashes, which lasted "
    "three days, according to a military source.",
)


def test_who_and_what_come_from_the_headline_clause():
    _, me = run(*RAID)
    assert me["who"]["text"] in ("Rebels", "Rebel fighters")
    assert me["what"]["text"].startswith("seize airport")
    assert "after" not in words(me["what"]), "the subordinate clause belongs to why, not what"


def test_when_is_a_point_in_time_not_a_duration():
    _, me = run(*RAID)
    assert me["when"]["text"] == "Tuesday"


def test_where_prefers_a_place_after_a_locative_preposition():
    _, me = run(*RAID)
    assert me["where"]["text"] == "Kidal"


def test_why_is_the_clause_after_a_cause_marker():
    _, me = run(*RAID)
    assert "fighting" in words(me["why"])


def test_offsets_point_into_the_text_or_are_none_for_headline_words():
    art, me = run(*RAID)
    for w, ans in me.items():
        if ans is None:
            continue
        if ans["start"] is None:
            assert ans["end"] is None
            assert ans["text"] in art.title, w
        else:
            assert art.text[ans["start"]:ans["end"]] == ans["text"], w


def test_headline_name_is_expanded_from_the_lead():
    _, me = run(
        "Merkel warns of tougher border checks",
        "German Chancellor Angela Merkel warned on Wednesday that border checks would be tightened "
        "across the country. She spoke in Berlin after meeting regional leaders.",
    )
    assert me["who"]["text"] == "Angela Merkel"
    assert me["who"]["start"] is not None


def test_label_before_colon_is_not_the_subject():
    _, me = run(
        "Flood crisis: Army deploys troops to stricken villages",
        "The army deployed 2,000 troops to villages in the Sindh province on Sunday as floodwaters "
        "continued to rise, the government said.",
    )
    assert me["who"]["text"] == "Army"
    assert me["what"]["text"].startswith("deploys troops")


def test_title_case_headline_is_truecased_before_parsing():
    text = ("Nurses at the city hospital went on strike over pay on Monday. The union said "
            "the strike would last a week.")
    doc = get_nlp()(text)
    assert truecase("Nurses Strike Over Pay At City Hospital", doc).startswith("Nurses strike over pay")
    assert recase("ATTACKED", {}, title_case=False, first=False) == "Attacked"
    assert recase("UN", {"UN": 3}, title_case=True, first=False) == "UN"


def test_purpose_infinitive_answers_why():
    _, me = run(
        "Foreign minister flies to Cairo for ceasefire talks",
        "The foreign minister flew to Cairo on Friday to press both sides to accept a ceasefire. "
        "The trip had not been announced in advance.",
    )
    assert "ceasefire" in words(me["why"])
    assert me["where"]["text"] == "Cairo"


def test_clock_time_is_found_even_when_ner_misses_it():
    _, me = run(
        "Gas explosion destroys apartment block",
        "A gas explosion destroyed an apartment block in the city centre at 11.40pm, firefighters said. "
        "Residents were evacuated from neighbouring buildings.",
    )
    assert me["when"]["text"].endswith("11.40pm")


def test_dateline_gives_where():
    _, me = run(
        "Parliament approves new budget",
        "NAIROBI, Kenya (Reuters) - Kenya's parliament approved the government's budget on Thursday "
        "after a week of debate over tax rises.",
    )
    assert me["where"]["text"] == "NAIROBI"


def test_caused_by_phrase_answers_why_and_manner_phrase_answers_how():
    _, me = run(
        "Power cut leaves thousands without electricity",
        "A power cut caused by a fire at a substation left 20,000 homes without electricity on Monday, "
        "the operator said in a statement. Engineers restored supply by rerouting power through another line.",
    )
    assert words(me["why"])[:2] == ["a", "fire"]
    assert me["how"]["text"] in ("in a statement", "rerouting power through another line")


def test_attribution_tail_of_headline_is_not_in_what():
    _, me = run(
        "Ship seized in Gulf carried no weapons, says navy",
        "The cargo ship seized in the Gulf on Saturday carried no weapons, the navy said on Sunday.",
    )
    assert me["who"]["text"].lower().endswith("ship")
    assert "navy" not in words(me["what"])


def test_without_headline_the_reported_clause_of_the_lead_is_used():
    art = Article(id="t3", source="test", published="2021-07-27",
                  text="Soldiers seized the state broadcaster on Wednesday, witnesses said.")
    me = main_event(art, get_nlp()(art.text), [], [], [])
    assert me["who"]["text"] == "Soldiers"
    assert me["what"]["text"].startswith("seized the state broadcaster")
    assert me["when"]["text"] == "Wednesday"


def test_prices_and_decimals_are_not_clock_times():
    _, me = run(
        "Bread prices rise again",
        "The price of a loaf rose to 1.25 euros, up from 1.10 euros, the statistics office said.",
    )
    assert me["when"] is None


def test_headline_number_subject_takes_its_noun_from_the_lead():
    _, me = run(
        "Twelve hurt as bus overturns on mountain road",
        "Twelve passengers were hurt when a bus overturned on a mountain road near the border on Sunday "
        "night, police said.",
    )
    assert me["who"]["text"] == "Twelve passengers"
    assert me["what"]["text"].startswith("Twelve hurt")


def test_nothing_to_say_gives_none():
    art = Article(id="t2", source="test", text="", title=None)
    assert main_event(art, get_nlp()(""), [], [], []) is None


def test_missing_parts_are_none_not_guesses():
    _, me = run("Markets rally", "Markets rallied strongly.")
    assert me["when"] is None and me["where"] is None


@pytest.mark.slow
def test_dev_set_mean_f1():
    if not (DEV / "dev.jsonl").exists():
        pytest.skip("../shared/eval/5w1h/dev.jsonl is absent")
    rows = [json.loads(line) for line in open(DEV / "dev.jsonl", encoding="utf-8")]
    nlp = get_nlp()
    preds = []
    for g in rows:
        text = "\n\n".join(x for x in (g.get("description"), g.get("text")) if x)
        art = Article(id=g["id"], source="dev", text=text, title=g.get("title"), published=g.get("date_publish"))
        me = main_event(art, nlp(text), [], [], []) or {}
        preds.append({"id": g["id"], **{w: (me.get(w) or {}).get("text") for w in ("who", "what", "when", "where", "why", "how")}})
    out = Path("/tmp") / "test_main_event_pred.jsonl"
    out.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    res = subprocess.run([sys.executable, str(DEV / "score.py"), str(DEV / "dev.jsonl"), str(out)],
                         capture_output=True, text=True, check=True)
    assert json.loads(res.stdout.strip().splitlines()[-1])["mean"]["f1"] >= 0.45
