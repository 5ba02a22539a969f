"""Every number that decides whether two claims state one fact, in one place.

The score of a pair (see `similarity.score`) is one number in [0, 1]:

    score = W_CONTEXT * context + W_ENTITY * entities

`context` is the rapidfuzz ratio of the two sorted, lexicon-mapped context stem lists
(numbers masked); on unique sorted lists that ratio is the Dice overlap of the two word
sets. `entities` is the share of the smaller entity set found in the other. When neither
claim names an entity, the score is `context` alone. A pair scores 0 unless both values have
one dimension (kind and unit family) and share at least MIN_SHARED anchors (entity keys and
content words), so a single common word ("relations", "years") never ties two claims.
"""

W_CONTEXT = 0.6
W_ENTITY = 0.4

# Anchors (entity keys + content stems/concepts) two claims must share to be scored at all.
MIN_SHARED = 2

# Two claims in two documents are versions of one fact at or above this score; a group
# needs every pair of its members at or above it (complete linkage: no chaining).
GROUP_THRESHOLD = 0.55

# `verify check`: a stored claim is a version of the typed one at or above this score. The
# typed claim is short, so its side is scored by containment (how much of it is found).
CHECK_THRESHOLD = 0.6

# `verify compare`: two statements are about one fact at or above this score (containment
# of the shorter side); below it they are "unrelated".
COMPARE_THRESHOLD = 0.5

# A blocking key shared by more claims than this is too common to be a key (a "rare stem"
# is one under the cap); it is skipped when candidates are gathered.
MAX_BLOCK = 500
