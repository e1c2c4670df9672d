"""US census first names (public-domain data shipped by the MIT-licensed `names` package),
read once per process, most frequent first. A language resource shared by the stages that
check whether a word is a given name: clean (name-only bylines) and entities (name repair)."""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=2)
def census_first_names(sex: str) -> tuple[str, ...]:
    """The census list for "male" or "female", as printed (upper case), by frequency."""
    text = files("names").joinpath(f"dist.{sex}.first").read_text(encoding="utf-8")
    return tuple(line.split()[0] for line in text.splitlines() if line.strip())


def first_names(top: int | None = None) -> list[str]:
    """Male and female census first names, the `top` most frequent of each (all when None)."""
    return [name for sex in ("male", "female") for name in census_first_names(sex)[:top]]
