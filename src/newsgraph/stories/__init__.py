"""Stories stage: near-duplicate detection and online story clustering.

`StoryIndex.add(article, entities, events, timexes=None, place=True, features=None)` places one
article at a time and returns (story_id, duplicate_of) (with place=False it only waits for settle:
story None). `story_features(article, entities)` (features.py) is its per-article, index-free part
(term counts, numbers, copy fingerprint, MinHash sketch, actors): the analysis workers compute it
(pipeline stage "stories", `Analysis.story_features`) and pass it as `features`, so the parent
process only does the stateful part; without it `add` computes it (same result).
`StoryIndex.settle()` then settles the batch added since the last settle: its articles are
taken out of their stories, weighed again with the idf as it stands, placed one by one in the
order of a hash of their ids (threshold Params.settle_threshold), and re-visited (each taken
out and placed again) until nothing moves, at most SETTLE_ROUNDS times, so an article that
came early gets a second chance against the stories that grew after it; a copy moves with its
original. A story made of the batch's articles only is then bisected and split in two when
its parts would not join each other (siblings.py: the second of two same-kind happenings
whose first report joined the first's story). The batch's stories do not depend on its
arrival order; earlier batches are not moved. Until settle, each article of the batch keeps its term counts in memory, compactly
(vectors.TermCounts, ~5 KB; not in the saved state, which holds no per-article vectors); a
stream settles at least every SETTLE_WINDOW articles (annotate does), so that this stays bounded.
`StoryIndex.stories()` lists the stories (title = most representative headline, entity ids
ranked by co-occurrence centrality, event ids in date order); `to_state()` / `StoryIndex(state)`
persist the index as JSON; `assignments()` gives every article's current (story_id,
duplicate_of), which differs from what `add` returned when settle moved it or an
earlier-published copy arrived later and became the original. `bench(articles)` measures the
parent's throughput (features computed before the clock starts).

Matching (index.py): a weighted sum of cosines between the article and each story's
centroids over six channels with their own online idf (title+lead+body words, title words,
entity/event keys, person names, numbers, and the years/months its resolved timexes and
publication date name), minus a penalty when the article's main person and the story's differ
(unless each names the other's prominently), minus a penalty for a gap in time beyond half a
year. Only the first Params.body_chars characters of a body are read (the lead; speed on long
bodies).
Copies (dupes.py): MinHash LSH over word shingles (datasketch's affine32 sketch and banding,
computed in numpy); translated copies through the original
outlet / language metadata plus shared entity names, numbers and quote openings."""
from newsgraph.stories.bench import bench
from newsgraph.stories.features import StoryFeatures, story_features
from newsgraph.stories.index import SETTLE_WINDOW, Params, StoryIndex

__all__ = ["SETTLE_WINDOW", "Params", "StoryFeatures", "StoryIndex", "bench", "story_features"]
