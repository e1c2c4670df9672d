"""Builds the stop-word data file (stopwords.json) this package reads, from spaCy's
per-language stop lists. Run once by hand: `python -m newsgraph.clean.build_lexicons`."""
import importlib
import json
from pathlib import Path

LANGUAGES = "en de fr es it pt nl pl ru sv da nb fi cs hu ro tr id ca uk el".split()


def build() -> dict[str, list[str]]:
    out = {}
    for lang in LANGUAGES:
        module = importlib.import_module(f"spacy.lang.{lang}.stop_words")
        out[lang] = sorted(w.lower() for w in module.STOP_WORDS if w.strip() and " " not in w)
    return out


if __name__ == "__main__":
    path = Path(__file__).with_name("stopwords.json")
    path.write_text(json.dumps(build(), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print("wrote", path)
