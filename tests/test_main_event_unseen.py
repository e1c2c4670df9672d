"""main_event on invented articles of kinds the dev stories do not cover: a sports final, a
product change, an attack with casualties, a rescue. Each asserts the W's the lead makes plain."""
from newsgraph.events.main_event import main_event
from newsgraph.nlp import get_nlp
from newsgraph.records import Article


def answers(title, text, published):
    art = Article(id="u1", source="test", text=text, title=title, published=published)
    me = main_event(art, get_nlp()(text), [], [], [])
    return {w: (v or {}).get("text") for w, v in me.items()}


ATTACK = answers(
    "Four dead after gunman opens fire at Riverside market",
    "At least four people were killed when a gunman opened fire at a crowded market in Riverside, "
    "northern Dalmont, at 9.40pm on Saturday, police said. Officers shot the attacker dead minutes later. "
    "Eleven others were taken to hospital, two of them in a critical condition. The motive for the attack "
    "was not yet known, a police spokesman said on Sunday.",
    "2021-05-09",
)


def test_a_casualty_headline_count_takes_its_noun_from_the_lead():
    assert ATTACK["who"] == "At least four people"


def test_the_clause_after_after_tells_how_the_deaths_came_about():
    assert ATTACK["how"] == "gunman opens fire"


def test_the_most_precise_time_of_the_event_is_chosen():
    assert ATTACK["when"] == "9.40pm on Saturday"


def test_the_town_wins_over_the_region_it_lies_in():
    assert ATTACK["where"].startswith("Riverside")


FINAL = answers(
    "Harbour City beat Northport to win championship final on Sunday",
    "Harbour City won the national championship on Sunday, beating Northport 3-2 in a tense final at the "
    "Grand Arena in Eastvale. Captain Maria Lopez scored the winning goal in the 88th minute after a long "
    "run down the left wing. It is the club's first title in 30 years.",
    "2019-06-03",
)


def test_sports_result_who_what_when_where():
    assert FINAL["who"] == "Harbour City"
    assert FINAL["what"].startswith("beat Northport")
    assert "sunday" not in FINAL["what"].lower(), "the time belongs to when, not what"
    assert FINAL["when"] == "Sunday"
    assert FINAL["where"] in ("Eastvale", "Grand Arena", "the Grand Arena", "Grand Arena in Eastvale")


PRODUCT = answers(
    "Sweets maker shrinks its biscuit bar because of rising sugar costs",
    "A sweets maker has cut the size of its best-known biscuit bar because of rising sugar costs, the "
    "company said on Tuesday. The bar now weighs 150g instead of 170g, but its price in shops is unchanged. "
    "Customers complained about the change on social media.",
    "2018-11-08",
)


def test_product_change_why_is_the_cause_phrase():
    assert PRODUCT["who"] == "Sweets maker"
    assert PRODUCT["what"].startswith("shrinks its biscuit bar")
    assert PRODUCT["why"] == "rising sugar costs"
    assert PRODUCT["when"] == "Tuesday"
    assert PRODUCT["where"] is None


RESCUE = answers(
    "Boy rescued from well in Hallam, north Vestria, after 20 hours",
    "Rescuers have freed a five-year-old boy who fell into a disused well in the village of Hallam, "
    "Vestria, after digging through the night. The boy, who was trapped 15 metres below ground, was "
    "pulled out at about 7am on Monday and taken to hospital in a stable condition, officials said.",
    "2017-02-14",
)


def test_rescue_where_is_the_village_and_when_the_clock_time():
    assert RESCUE["who"] == "Boy"
    assert RESCUE["where"].startswith("Hallam")
    assert RESCUE["when"] == "about 7am on Monday"
