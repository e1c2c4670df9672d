"""The events stage: political event coding (PLOVER types and modes, CAMEO codes) of an
article, cross-article merging, and exports (PLOVER JSONL, GDELT 2.0 events, ACLED CSV).
src/newsgraph/events/main_event/ (the article's 5W1H main event) belongs to its own owner."""
from .extract import extract_events
from .merge import merge_events
from .export import export_acled, export_gdelt, export_plover

__all__ = ["extract_events", "merge_events", "export_plover", "export_gdelt", "export_acled", "preload"]


def preload() -> None:
    """Load the stage's lexicons and gazetteer now (a parent process does it once before
    forking its workers, so that they share the data)."""
    from .lexicon import actor_lexicon, cues, triggers
    from .places import gazetteer
    for load in (triggers, cues, actor_lexicon, gazetteer):
        load()
