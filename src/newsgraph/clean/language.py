"""Language identification for cleaned text: script ranges for non-Latin writing systems,
stop-word counts (stopwords.json) for the others. Returns ISO 639-1 or None."""
from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

LETTER_RE = re.compile(r"[^\W\d_]")
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# (first code point, last code point, ISO 639-1) for scripts that name their language
SCRIPT_LANGUAGES = [
    (0x3040, 0x30FF, "ja"), (0xAC00, 0xD7AF, "ko"), (0x1100, 0x11FF, "ko"),
    (0x4E00, 0x9FFF, "zh"), (0x0590, 0x05FF, "he"), (0x0600, 0x06FF, "ar"),
    (0x0E00, 0x0E7F, "th"), (0x0900, 0x097F, "hi"), (0x0980, 0x09FF, "bn"),
    (0x0B80, 0x0BFF, "ta"), (0x10A0, 0x10FF, "ka"), (0x0530, 0x058F, "hy"),
]
MIN_STOPWORD_HITS = 3


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    """Stop words per language, from the package data file."""
    path = Path(__file__).with_name("stopwords.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {lang: frozenset(words) for lang, words in data.items()}


def script_language(text: str) -> str | None:
    """The language a non-Latin script points to, when such letters dominate the sample."""
    letters = len(LETTER_RE.findall(text))
    if not letters:
        return None
    counts: Counter[str] = Counter()
    for pattern, lang in script_patterns():
        counts[lang] += len(pattern.findall(text))
    if counts["ja"] > 0.05 * letters:          # kana mixed with kanji is Japanese
        return "ja"
    lang, n = counts.most_common(1)[0]
    return lang if n > 0.3 * letters else None


@lru_cache(maxsize=1)
def script_patterns() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(f"[{chr(lo)}-{chr(hi)}]"), lang) for lo, hi, lang in SCRIPT_LANGUAGES]


def detect_language(text: str, sample_chars: int = 6000) -> str | None:
    """ISO 639-1 code of `text`, or None when the evidence is too thin."""
    sample = text[:sample_chars]
    by_script = script_language(sample)
    if by_script:
        return by_script
    words = [w.lower() for w in WORD_RE.findall(sample)]
    cyrillic = sum(1 for w in words[:200] if "\u0400" <= w[0] <= "\u04FF") > 0.3 * min(len(words), 200)
    index = stopword_index()
    hits: Counter[str] = Counter()
    for w in words:
        for lang in index.get(w, ()):
            hits[lang] += 1
    order = {lang: k for k, lang in enumerate(stopwords())}   # ties go to the more widely used
    candidates = [(n, -order[lang], lang) for lang, n in hits.items() if (lang in ("ru", "uk")) == cyrillic]
    if not candidates:
        return None
    n, _, best = max(candidates)
    return best if n >= MIN_STOPWORD_HITS else None


@lru_cache(maxsize=1)
def stopword_index() -> dict[str, tuple[str, ...]]:
    """word -> languages that list it as a stop word"""
    index: dict[str, list[str]] = {}
    for lang, words in stopwords().items():
        for w in words:
            index.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}
