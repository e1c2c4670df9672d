"""Cross-article entity resolution: article-local entities become global ones. Blocking keys
keep it linear: countries, places and well-known organisations by their gazetteer key,
organisations by their names and acronyms, people by the last part of their name (then the
pairwise name test of `names.same_person` inside a block). Ids ("ent-" + sha1 of type and
canonical key) and every merged field are independent of the input order."""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from typing import Optional

from newsgraph.entities import lexicon as L
from newsgraph.entities.actors import compose_code, sector_of_code
from newsgraph.entities.names import block_keys, name_tokens, same_person, without_articles
from newsgraph.records import Entity, Role

GAZETTEER_TYPES = ("GPE", "NORP", "LOC", "FAC")


class UnionFind:
    def __init__(self, items):
        self.parent = {i: i for i in items}

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def resolve_entities(local: list[list[Entity]]) -> tuple[list[Entity], dict[str, str]]:
    """Merge the per-article entity lists; returns the global entities (sorted by id) and the map
    local id -> global id."""
    ents = sorted((e for article in local for e in article), key=lambda e: e.id)
    if not ents:
        return [], {}
    uf = UnionFind([e.id for e in ents])
    link_by_keys(ents, uf)
    link_persons(ents, uf)
    link_short_org_names(ents, uf)
    groups: dict[str, list[Entity]] = defaultdict(list)
    for e in ents:
        groups[uf.find(e.id)].append(e)
    merged = distinct_ids([(merge(members), members) for members in groups.values()])
    mapping = {m.id: ent.id for ent, members in merged for m in members}
    return sorted((ent for ent, _ in merged), key=lambda e: e.id), mapping


def distinct_ids(merged: list[tuple[Entity, list[Entity]]]) -> list[tuple[Entity, list[Entity]]]:
    """Groups left apart on purpose can share a canonical key ("Clinton" in one article, too
    ambiguous to join either Clinton of another). The group with the most mentions keeps the
    plain id; each other one is told apart by its first member's id, so ids stay unique and
    independent of the input order."""
    by_id: dict[str, list[tuple[Entity, list[Entity]]]] = defaultdict(list)
    for ent, members in merged:
        by_id[ent.id].append((ent, members))
    out = []
    for eid, same in by_id.items():
        same.sort(key=lambda g: (-len(g[0].mentions), min(m.id for m in g[1])))
        out.append(same[0])
        for ent, members in same[1:]:
            first = min(m.id for m in members)
            ent.id = "ent-" + hashlib.sha1(f"{eid}|{first}".encode("utf-8")).hexdigest()[:16]
            out.append((ent, members))
    return out


# --- blocking and linking ------------------------------------------------------------------

def name_key(text: str) -> str:
    """Folded name without "the", punctuation and a joined Arabic article ("al-Qassam" -> "qassam")."""
    text = L.fold(text)
    text = re.sub(r"^the ", "", text)
    text = without_articles(text)
    return re.sub(r"[^\w ]+", "", text).strip()


def link_by_keys(ents: list[Entity], uf: UnionFind) -> None:
    """Non-person entities sharing a key merge: the country or place they name, a well-known
    organisation, or a full name. An acronym joins the one organisation it abbreviates."""
    owners: dict[tuple[str, str], str] = {}
    acronym_of: dict[str, set[str]] = defaultdict(set)
    for e in ents:
        if e.type == "PERSON":
            continue
        for key in strong_keys(e):
            if key in owners:
                uf.union(owners[key], e.id)
            else:
                owners[key] = e.id
    for e in ents:
        if e.type != "ORG":
            continue
        longs = [a for a in e.aliases if not is_acronym(a)]
        for a in e.aliases:
            if is_acronym(a) and longs:
                acronym_of[name_key(a)].add(uf.find(e.id))
    bare: dict[str, list[str]] = defaultdict(list)
    for e in ents:
        if e.type == "ORG" and all(is_acronym(a) for a in e.aliases):
            for a in e.aliases:
                roots = {uf.find(r) for r in acronym_of.get(name_key(a), ())}
                if len(roots) == 1:
                    uf.union(roots.pop(), e.id)
                elif not roots:
                    bare[name_key(a)].append(e.id)
    for ids in bare.values():          # an acronym nobody spells out: one organisation throughout
        for other in ids[1:]:
            uf.union(ids[0], other)


def strong_keys(e: Entity) -> set[tuple[str, str]]:
    if e.type == "GPE" and e.country and L.country_of_name(e.name):
        return {("country", e.country)}
    if e.type == "NORP" and e.country:
        return {("norp", e.country)}
    if e.type == "ORG" and L.known_org(e.name):
        return {("org", L.known_org(e.name).name)}
    family = "PLACE" if e.type in ("GPE", "LOC") else e.type   # one place, whichever label a sentence gave it
    keys = {(family, name_key(a)) for a in e.aliases + [e.name]
            if name_key(a) and not (e.type == "ORG" and is_acronym(a))}   # org acronyms: link_by_keys
    if e.type in GAZETTEER_TYPES:
        keys |= {(family, name_key(e.name))}
    return keys


def link_short_org_names(ents: list[Entity], uf: UnionFind) -> None:
    """"Crisis Group" joins "International Crisis Group" when it is the tail of exactly one longer
    organisation name and the words it drops name no country ("Defense Ministry" stays apart
    from "Russian Defense Ministry")."""
    orgs = [e for e in ents if e.type == "ORG"]
    by_last: dict[str, list[tuple[list[str], Entity]]] = defaultdict(list)
    for e in orgs:
        words = name_key(e.name).split()
        if words:
            by_last[words[-1]].append((words, e))
    for members in by_last.values():
        for words, e in members:
            if len(words) < 2:
                continue
            longer = {uf.find(o.id) for ow, o in members if len(ow) > len(words) and ow[-len(words):] == words
                      and not any(L.country_of_demonym(w) or L.country_of_name(w) for w in ow[:-len(words)])}
            if len(longer) == 1 and uf.find(e.id) not in longer:
                uf.union(longer.pop(), e.id)


def is_acronym(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&.\-]{1,7}", text))


def link_identical_full_names(people: list[Entity], uf: UnionFind) -> None:
    """The same full name (two parts or more) in several articles is one person: joined first,
    so that a third, fuller name cannot make each copy ambiguous on its own."""
    first_of: dict[tuple[str, ...], str] = {}
    for e in people:
        tokens = tuple(L.fold(t) for t in name_tokens(e.name))
        if len(tokens) < 2:
            continue
        if tokens in first_of:
            uf.union(first_of[tokens], e.id)
        else:
            first_of[tokens] = e.id


def link_persons(ents: list[Entity], uf: UnionFind) -> None:
    """People whose names fit (`same_person`) within a block of the same last name part; a
    shorter name joins only when exactly one fuller name fits it."""
    people = [e for e in ents if e.type == "PERSON"]
    link_identical_full_names(people, uf)
    blocks: dict[str, list[tuple[tuple[str, ...], Entity]]] = defaultdict(list)
    for e in people:
        tokens = name_tokens(e.name)
        for key in block_keys(tokens) if tokens else ():
            blocks[key].append((tokens, e))
    for members in blocks.values():
        members.sort(key=lambda m: (-len(m[0]), m[1].id))
        for i, (tokens, e) in enumerate(members):
            roots = {uf.find(f[1].id) for f in members[:i] if same_person(tokens, f[0])}
            if len(roots) == 1:
                uf.union(roots.pop(), e.id)


# --- merging -------------------------------------------------------------------------------

def merge(members: list[Entity]) -> Entity:
    members = sorted(members, key=lambda e: e.id)
    type_ = vote([e.type for e in members])
    name = canonical(members, type_)
    aliases = sorted({a for e in members for a in e.aliases} | {name})
    mentions = sorted((m for e in members for m in e.mentions), key=lambda m: (m.article_id, m.start, m.end, m.kind))
    weights = Counter()
    for e in members:
        if e.country:
            weights[e.country] += max(1, sum(m.kind in ("name", "alias", "acronym") for m in e.mentions))
    country = max(weights, key=lambda c: (weights[c], c)) if weights else None
    roles = merge_roles([r for e in members for r in e.roles])
    actor = merged_actor_code(members, type_, country)
    key = entity_key(type_, name, country)
    eid = "ent-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return Entity(eid, name, type_, aliases, country, actor, roles, mentions)


def vote(values: list[str]) -> str:
    counts = Counter(values)
    return max(counts, key=lambda v: (counts[v], v == "PERSON", v))


def canonical(members: list[Entity], type_: str) -> str:
    """The fullest name: most name parts, then the most articles, then alphabetical."""
    counts = Counter(e.name for e in members if e.type == type_) or Counter(e.name for e in members)
    if type_ == "GPE" and any(L.country_of_name(n) for n in counts):
        counts = Counter({n: c for n, c in counts.items() if L.country_of_name(n)})
        return L.best_country_name(counts)
    return max(counts, key=lambda n: (len(n.split()) if not n.isupper() else 0, counts[n], len(n), n))


def entity_key(type_: str, name: str, country: Optional[str]) -> str:
    if type_ in ("GPE", "NORP") and country and L.country_of_name(name):
        return f"{type_}|country|{country}"
    return f"{type_}|{name_key(name)}"


def merge_roles(roles: list[Role]) -> list[Role]:
    out: dict[tuple, Role] = {}
    for r in roles:
        key = (L.fold(r.title), r.organization, r.country)
        seen = out.get(key)
        if seen is None:
            out[key] = Role(r.title, r.organization, r.country, r.first_seen, r.last_seen)
        else:
            dates = [d for d in (seen.first_seen, r.first_seen, seen.last_seen, r.last_seen) if d]
            seen.first_seen, seen.last_seen = (min(dates), max(dates)) if dates else (None, None)
    return [out[k] for k in sorted(out, key=lambda k: (k[0], k[1] or "", k[2] or ""))]


def merged_actor_code(members: list[Entity], type_: str, country: Optional[str]) -> Optional[str]:
    sectors = Counter()
    for e in members:
        sector = sector_of_code(e.actor_code, e.country)
        if sector:
            sectors[sector] += 1
    sector = max(sectors, key=lambda s: (sectors[s], s)) if sectors else None
    return compose_code(type_, country, sector)
