"""Every number that decides whether two claims state one fact, in one place.

The score of a pair (see `similarity.score`) is one number in [0, 1]:

    score = W_CONTEXT * context + W_NEAR * near + W_ENTITY * entities + W_KIND * kind
            + W_FRAME * frame

`context` is the rapidfuzz ratio of the two sorted, lexicon-mapped context stem lists of the
values' clauses (numbers masked); on unique sorted lists that ratio is the Dice overlap of
the two word sets. `near` is the same ratio over the NEAR_WORDS content words each side of
the value (it tells two values of one clause apart; `context` stands in when a side has
none). `entities` is the Dice overlap of the canonical entity keys, with the countries they
belong to and the places the sentence is about (`context` stands in when neither names one).
`kind` is 1 for SPECIFIC_KINDS, or when the two share a role concept of the lexicon (the
counted noun, the event): a length or a share stated with the same entities is rarely
another fact, while counts, dates and years are in every sentence and need to count the
same thing or mark the same event. `frame` is the Dice overlap of the role concepts of the
roles both fill (`context` stands in when they fill none in common).
Before any of this, `similarity.frame_clash` parts claims about different subjects. A pair
scores 0 unless both values have one dimension (kind and unit family) and share at least
MIN_SHARED anchors (entity keys and content words), so a single common word ("relations",
"years") never ties two claims.
"""

from verify.claims import Kind

W_CONTEXT = 0.2
W_NEAR = 0.15
W_ENTITY = 0.3
W_KIND = 0.2
W_FRAME = 0.15
NEAR_WORDS = 3
# Words (function words included) each side of a value searched for lexicon phrases.
PHRASE_SPAN = 4
SPECIFIC_KINDS = frozenset(
    {Kind.LENGTH, Kind.AREA, Kind.WEIGHT, Kind.MONEY, Kind.PERCENT, Kind.AGE}
)

# Lexicon roles (`!role` lines) that say which event a year or date is the time of: two
# time values are one fact only when they share a concept of one of these roles.
EVENT_ROLES = frozenset({"event", "facility"})

# Anchors (entity keys + content stems/concepts) two claims must share to be scored at all.
MIN_SHARED = 2

# Two claims in two documents are versions of one fact at or above this score; a group
# needs every pair of its members at or above it (complete linkage: no chaining).
GROUP_THRESHOLD = 0.55

# Two claims of one document (in different sentences) are one fact only at or above this:
# an article states each fact once or repeats it nearly word for word, and a looser tie
# inside one article would raise false self-contradictions.
SAME_DOCUMENT_THRESHOLD = 0.7

# `verify check`: a stored claim is a version of the typed one at or above this score. The
# typed claim is short, so its side is scored by containment (how much of it is found).
CHECK_THRESHOLD = 0.6

# `verify compare`: two statements are about one fact when at least this share of the
# shorter one's anchors is found in the other; below it they are "unrelated".
COMPARE_THRESHOLD = 0.5

# Two amounts (not years or dates) this many times apart are other facts that share words
# ("a month after" and "30 years of"), never one figure misreported.
MAX_RATIO = 10.0

# A blocking key shared by more claims than this is too common to be a key (a "rare stem"
# is one under the cap); it is skipped when candidates are gathered.
MAX_BLOCK = 500
