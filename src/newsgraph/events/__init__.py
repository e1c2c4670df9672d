"""The events stage: political event coding (PLOVER types and modes, CAMEO codes) of an
article, cross-article merging, and exports (PLOVER JSONL, GDELT 2.0 events, ACLED CSV).
src/newsgraph/events/main_event.py (the article's 5W1H main event) belongs to its own owner."""
from .extract import extract_events
from .merge import merge_events
from .export import export_acled, export_gdelt, export_plover

__all__ = ["extract_events", "merge_events", "export_plover", "export_gdelt", "export_acled"]
