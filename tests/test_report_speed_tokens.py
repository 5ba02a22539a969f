"""A large store's report stays small: an entity card names, for the document filter, only
the documents the page lists, and still leaves every document filter it does not match."""

from __future__ import annotations

import lxml.html  # type: ignore[import-untyped]
from report_fixtures import sample_report, select

from verify.report import Limits, render_report


def entity_tokens(limits: Limits) -> dict[str, set[str]]:
    tree = lxml.html.fromstring(render_report(sample_report(), limits=limits))
    return {card.get("data-k").split()[0]: set(card.get("data-k").split()[1:])
            for card in select(tree, "li.entity")}


def test_entities_carry_every_document_when_all_are_listed() -> None:
    tokens = entity_tokens(Limits())
    assert tokens["entity:ashgabat"] == {"doc:ar_a.txt", "doc:ar%20b.md", "doc:en_c.txt"}


def test_entities_carry_only_listed_documents() -> None:
    tokens = entity_tokens(Limits(documents=1))
    listed = set().union(*tokens.values()) - {"doc:"}
    assert len(listed) <= 2  # the one document of the list and the one of the filter
    for doc_tokens in tokens.values():
        assert doc_tokens and doc_tokens <= listed | {"doc:"}
