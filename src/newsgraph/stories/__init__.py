"""Stories stage: near-duplicate detection and online story clustering.

`StoryIndex.add(article, entities, events)` places one article at a time (no re-clustering),
`StoryIndex.stories()` lists the stories with title, ranked actors and timeline, and
`to_state()` / `StoryIndex(state)` let the store persist the index as JSON."""
from newsgraph.stories.bench import bench
from newsgraph.stories.index import Params, StoryIndex

__all__ = ["StoryIndex", "Params", "bench"]
