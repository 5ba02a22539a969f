"""verify: find where news articles on one story contradict each other, with proof."""

__version__ = "0.1.0"
