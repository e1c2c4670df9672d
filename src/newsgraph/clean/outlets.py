"""Outlet names: resolves a printed name, slug or domain ("elpais", "www.reuters.com",
"The Guardian") to the canonical outlet name from outlets.json, exactly or, for a slug
or a misspelling, by a close fuzzy match."""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

FUZZY_CUTOFF = 85
MIN_FUZZY_KEY = 5
GENERIC_LABELS = {"www", "com", "co", "org", "net", "news", "go", "en", "m", "amp"}


def squeeze(text: str) -> str:
    """Lower case letters and digits only, accents dropped: 'El País' -> 'elpais'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def outlet_keys() -> dict[str, str]:
    """squeezed key -> canonical name, from names, aliases, domains and domain labels (not the
    top-level one: "nation.africa" is no key for "Africa")."""
    data = json.loads(Path(__file__).with_name("outlets.json").read_text(encoding="utf-8"))
    keys: dict[str, str] = {}
    for o in data["outlets"]:
        forms = [o["name"], *o["aliases"]]
        for domain in o["domains"]:
            forms.append(domain)
            forms += [label for label in domain.split(".")[:-1] if label not in GENERIC_LABELS and len(label) > 3]
        for form in forms:
            keys.setdefault(squeeze(form), o["name"])
    return keys


@lru_cache(maxsize=1)
def domain_index() -> dict[str, str]:
    data = json.loads(Path(__file__).with_name("outlets.json").read_text(encoding="utf-8"))
    return {d: o["name"] for o in data["outlets"] for d in o["domains"]}


def host_of(text: str) -> str | None:
    t = text.strip().lower()
    if "://" not in t:
        t = "http://" + t
    host = urlparse(t).netloc.split(":")[0]
    return host if "." in host else None


def outlet_for_domain(url: str | None) -> str | None:
    """Canonical outlet for a URL or host whose domain is known."""
    host = host_of(url or "") if url else None
    if not host:
        return None
    index = domain_index()
    parts = host.split(".")
    for k in range(len(parts) - 1):
        name = index.get(".".join(parts[k:]))
        if name:
            return name
    return None


def resolve_outlet(text: str | None) -> str | None:
    """Canonical outlet name for a printed name/slug/domain, or None when unknown."""
    if not text or not text.strip():
        return None
    by_domain = outlet_for_domain(text) if re.search(r"\w\.\w{2,}", text) else None
    if by_domain:
        return by_domain
    key = squeeze(text)
    keys = outlet_keys()
    if key in keys:
        return keys[key]
    if len(key) < MIN_FUZZY_KEY:
        return None
    from rapidfuzz import fuzz, process
    best = process.extractOne(key, list(keys), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return keys[best[0]] if best else None
