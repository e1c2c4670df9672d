"""Exports of events: PLOVER JSONL records, GDELT 2.0 event-file rows (tab separated, with
SOURCEURL and actor/action geography) and ACLED-style CSV rows."""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator, Optional

from newsgraph.records import Actor, Article, Event

QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
        "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 4, "PROTEST": 4, "MOBILIZE": 4,
        "COERCE": 4, "ASSAULT": 4}
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{p}Geo_{f}" for p in ("Actor1", "Actor2", "Action") for f in
      ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]
ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp"]
ACLED_TYPE = {"PROTEST": ("Protests", "Peaceful protest"), "ASSAULT": ("Violence against civilians", "Attack"),
              "COERCE": ("Strategic developments", "Arrests"), "MOBILIZE": ("Strategic developments", "Other"),
              "SANCTION": ("Strategic developments", "Other"), "THREATEN": ("Strategic developments", "Other")}


def _actor_dict(a: Actor) -> dict:
    return {"entity_id": a.entity_id, "name": a.name, "actor_code": a.actor_code}


def export_plover(events: Iterable[Event]) -> Iterator[dict]:
    """PLOVER-style JSON records (one per event)."""
    for ev in events:
        yield {
            "id": ev.id,
            "date": ev.date.value if ev.date else None,
            "date_granularity": ev.date.granularity if ev.date else None,
            "source": [_actor_dict(a) for a in ev.source],
            "source_actor": ev.source[0].actor_code if ev.source else None,
            "recipient": [_actor_dict(a) for a in ev.target],
            "recipient_actor": ev.target[0].actor_code if ev.target else None,
            "event": ev.type,
            "mode": ev.mode,
            "context": None,
            "cameo": ev.cameo,
            "modality": ev.modality,
            "attribution": ev.attribution,
            "quantities": [{"value": q.value, "unit": q.unit, "what": q.what} for q in ev.quantities],
            "event_loc": None if ev.place is None else {
                "name": ev.place.name, "entity_id": ev.place.entity_id, "country": ev.place.country,
                "lat": ev.place.lat, "lon": ev.place.lon},
            "text_info": [{"article_id": e.article_id, "start": e.start, "end": e.end, "text": e.sentence,
                           "trigger": ev.trigger} for e in ev.evidence],
            "cite_info": [{"article_id": e.article_id} for e in ev.evidence],
        }


def _sqldate(ev: Event) -> str:
    v = (ev.date.value if ev.date and ev.date.value else "") or ""
    digits = v[:10].replace("-", "")
    return digits if len(digits) == 8 and digits.isdigit() else ""


def _geo(country: Optional[str], name: str = "", lat=None, lon=None) -> list[str]:
    country = None if country == "---" else country
    if not country and lat is None:
        return ["0", "", "", "", "", "", "", ""]
    kind = "4" if lat is not None else "1"
    return [kind, name or country or "", country or "", "", "", "" if lat is None else f"{lat:.4f}",
            "" if lon is None else f"{lon:.4f}", ""]


def _actor_cols(a: Optional[Actor]) -> list[str]:
    if a is None:
        return [""] * 10
    code = a.actor_code or ""
    return [code, a.name.upper(), code[:3] if len(code) >= 3 else "", "", "", "", "", code[3:6], code[6:9], ""]


def _gdelt_code(ev: Event) -> tuple[str, str, str]:
    code = ev.cameo or ""
    return code, code[:3], code[:2]


def fraction_date(sqldate: str) -> str:
    """GDELT's FractionDate: the year plus the share of it gone by that day (2026-03-13 -> 2026.1945)."""
    if not sqldate:
        return ""
    day = dt.date(int(sqldate[:4]), int(sqldate[4:6]), int(sqldate[6:8]))
    days_in_year = (dt.date(day.year + 1, 1, 1) - dt.date(day.year, 1, 1)).days
    return f"{day.year + (day.timetuple().tm_yday - 1) / days_in_year:.4f}"


def export_gdelt(events: Iterable[Event], articles_by_id: dict[str, Article]) -> Iterator[str]:
    """GDELT 2.0 event-file lines (tab separated, 61 columns), one per (event, source, target) dyad."""
    for n, ev in enumerate(events, 1):
        sources = ev.source or [None]
        targets = ev.target or [None]
        art = articles_by_id.get(ev.evidence[0].article_id) if ev.evidence else None
        url = (art.url or art.source) if art else ""
        d = _sqldate(ev)
        code, base, root = _gdelt_code(ev)
        place = ev.place
        action_geo = _geo(place.country, place.name, place.lat, place.lon) if place else _geo(None)
        arts = {e.article_id for e in ev.evidence}
        for s in sources:
            for t in targets:
                row = [f"{ev.id}", d, d[:6], d[:4], fraction_date(d),
                       *_actor_cols(s), *_actor_cols(t), "1", code, base, root, str(QUAD.get(ev.type, "")), "",
                       str(len(ev.evidence)), str(len(arts)), str(len(arts)), "",
                       *_geo(((s.actor_code or "")[:3] or None) if s else None),
                       *_geo(((t.actor_code or "")[:3] or None) if t else None),
                       *action_geo, d, url]
                yield "\t".join("" if c is None else str(c).replace("\t", " ") for c in row)


ACLED_COERCE_SUB = {"171": "Looting/property destruction", "172": "Other", "174": "Other", "175": "Other"}


def iso_country(alpha3: Optional[str]):
    """The pycountry record of an alpha-3 code; None for none, '---' or an unknown code."""
    import pycountry
    return pycountry.countries.get(alpha_3=alpha3) if alpha3 and alpha3 != "---" else None


def iso_numeric(alpha3: Optional[str]) -> Optional[int]:
    """ACLED's iso column: the ISO 3166 numeric code (NER -> 562)."""
    found = iso_country(alpha3)
    return int(found.numeric) if found else None


def country_name(alpha3: Optional[str]) -> Optional[str]:
    """ACLED's country column: the ISO 3166 name."""
    found = iso_country(alpha3)
    return found.name if found else None


def export_acled(events: Iterable[Event]) -> Iterator[dict]:
    """ACLED-style rows (dicts keyed by ACLED_COLUMNS); write them with csv.DictWriter."""
    for ev in events:
        etype, sub = ACLED_TYPE.get(ev.type, ("Strategic developments", ev.type.title()))
        if ev.type == "ASSAULT" and ev.mode in {"aerial", "heavy-weapons", "drone"}:
            etype, sub = "Explosions/Remote violence", "Air/drone strike" if ev.mode != "heavy-weapons" else "Shelling/artillery/missile attack"
        if ev.type == "PROTEST" and ev.mode == "riot":
            etype, sub = "Riots", "Violent demonstration"
        if ev.type == "COERCE" and not (ev.cameo or "").startswith("173"):
            sub = ACLED_COERCE_SUB.get((ev.cameo or "")[:3], "Other")     # only 173 is an arrest
        deaths = sum(q.value for q in ev.quantities if q.what in {"killed", "dead"})
        place = ev.place
        yield {
            "event_id_cnty": ev.id, "event_date": ev.date.value if ev.date else None, "year": (ev.date.value or "")[:4] if ev.date else None,
            "time_precision": {"day": 1, "week": 2, "month": 3}.get(ev.date.granularity if ev.date else None, 3),
            "disorder_type": "Political violence" if ev.type in {"ASSAULT"} else "Demonstrations" if ev.type == "PROTEST" else "Strategic developments",
            "event_type": etype, "sub_event_type": sub,
            "actor1": ev.source[0].name if ev.source else None, "assoc_actor_1": "; ".join(a.name for a in ev.source[1:]) or None, "inter1": None,
            "actor2": ev.target[0].name if ev.target else None, "assoc_actor_2": "; ".join(a.name for a in ev.target[1:]) or None, "inter2": None,
            "interaction": None, "civilian_targeting": None,
            "iso": iso_numeric(place.country if place else None), "region": None,
            "country": country_name(place.country if place else None),
            "admin1": None, "admin2": None, "admin3": None, "location": place.name if place else None,
            "latitude": place.lat if place else None, "longitude": place.lon if place else None,
            "geo_precision": 1 if place and place.lat is not None else None,
            "source": ev.attribution, "source_scale": None,
            "notes": ev.evidence[0].sentence if ev.evidence else None,
            "fatalities": int(deaths), "tags": ev.modality if ev.modality != "asserted" else None, "timestamp": None,
        }
