"""The right event type from the right trigger, on invented wire sentences: CAMEO 0861/0862
(receiving peacekeepers or inspectors is RETREAT, a delegation is CONSULT), accepting a
proposal (AGREE) vs acceding to demands (CONCEDE), a conditional withdrawal is a threat,
CAMEO 02 appeals vs 10 demands, 'want X to <act>' as an appeal, seizing territory (ASSAULT
192) vs goods (COERCE 171), events held in control complements ('refused to allow X to Y'),
and background clauses (pluperfect relative clauses, 'when' clauses dating a description)."""
from __future__ import annotations

from events_helpers import events_of as stage_events



def events_of(nlp, text):
    return stage_events(nlp, text, published="2024-05-02", art_id="d1")


def kinds(nlp, text):
    return {(e.type, e.cameo) for e in events_of(nlp, text)}


def types(nlp, text):
    return {e.type for e in events_of(nlp, text)}


def test_receiving_inspectors_or_peacekeepers_is_a_retreat_but_a_delegation_is_a_visit(nlp):
    assert kinds(nlp, "Bolivia on Tuesday received a team of inspectors from the International Atomic Energy Agency.") == {("RETREAT", "0862")}
    assert kinds(nlp, "Liberia received 300 peacekeepers from Ghana last week.") == {("RETREAT", "0861")}
    assert types(nlp, "The Kenyan president received a delegation from Uganda on Friday.") == {"CONSULT"}


def test_accepting_a_proposal_is_agree_acceding_to_demands_is_concede(nlp):
    assert types(nlp, "Peru accepted a Brazilian proposal to end the border dispute.") == {"AGREE"}
    assert types(nlp, "Ecuador has accepted the demands of striking miners.") == {"CONCEDE"}


def test_a_withdrawal_announced_unless_is_a_threat_without_condition_a_promise(nlp):
    assert types(nlp, "Ghana would withdraw its ambassador from Togo unless the arrests stopped.") == {"THREATEN"}
    assert types(nlp, "Senegal said it will withdraw its troops from Gambia unless elections are held by June.") == {"THREATEN"}
    assert types(nlp, "Ghana will withdraw its ambassador from Togo next week.") == {"AGREE"}


def test_appeals_are_cameo_02_demands_cameo_10_both_plover_request(nlp):
    assert kinds(nlp, "Nepal is asking India to release the detained fishermen.") == {("REQUEST", "020")}
    assert kinds(nlp, "Poland urged Belarus to free the jailed journalists.") == {("REQUEST", "020")}
    assert kinds(nlp, "Kenya demanded that Somalia release the hostages.") == {("REQUEST", "100")}


def test_wanting_another_actor_to_act_is_an_appeal_only_when_asserted_and_an_act(nlp):
    evs = events_of(nlp, "Armenia wants Russia to deploy more troops along the border.")
    assert [(e.type, [a.actor_code for a in e.source], [a.actor_code for a in e.target]) for e in evs] == [("REQUEST", ["ARM"], ["RUS"])]
    assert events_of(nlp, "Armenian officials might want Moscow to reconsider.") == []


def test_for_to_clause_satisfies_press_for(nlp):
    assert types(nlp, "France is pressing for the EU to impose sanctions on Iran.") == {"REQUEST"}


def test_seizing_territory_is_an_assault_seizing_goods_a_coercion(nlp):
    assert kinds(nlp, "Insurgents seized two villages near Kandahar on Sunday.") == {("ASSAULT", "192")}
    assert kinds(nlp, "Police seized 200 kilograms of cocaine in Lagos.") == {("COERCE", "171")}


def test_expelling_people_other_than_diplomats_is_cameo_174(nlp):
    assert kinds(nlp, "Angola expelled hundreds of Congolese migrants last month.") == {("COERCE", "174")}
    assert types(nlp, "Estonia expelled two Russian diplomats on Thursday.") == {"SANCTION"}


def test_an_act_inside_a_refused_permission_is_no_event_of_its_own(nlp):
    assert types(nlp, "Venezuela refused to allow Colombian planes to land and evacuate the wounded.") == {"REJECT"}


def test_pluperfect_relative_clause_is_background_and_the_reported_promise_counts(nlp):
    evs = events_of(nlp, "The journalist, who had been detained in March, returned to Cairo on Monday "
                         "as Egypt announced it would free 40 other prisoners.")
    assert [(e.type, e.cameo, [a.actor_code for a in e.source]) for e in evs] == [("AGREE", "035", ["EGY"])]


def test_when_clause_dating_a_relative_clause_is_background(nlp):
    text = "Sudan said it had paid compensation to families whose homes soldiers burned when troops raided the village in 2004."
    assert types(nlp, text) == {"RETREAT"}
