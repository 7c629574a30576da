"""kg: turn news articles into a knowledge graph people can trust, explore and query.

    >>> import kg
    >>> g = kg.build_graph(["Turkey supplies drones to Ukraine."])  # doctest: +SKIP

Stages (one module each): read -> nlp -> extract -> resolve -> rdf -> export / query.

The public names load on first use (PEP 562): ``import kg`` must not import spaCy, so
that ``kg query``, ``kg facts``, ``kg serve`` and the rest start in a fraction of a
second; only what parses text pays for spaCy's 1.2 s import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import ConfigError, GraphFileError, InputError, KGError, QueryError
    from .facts import FactRow, read_facts
    from .model import Article, Entity, Fact, Mention
    from .pipeline import build_dataset_from, build_graph, process_article
    from .query import load_graph, run_query
    from .read import read_articles

_HOMES = {
    "errors": ["ConfigError", "GraphFileError", "InputError", "KGError", "QueryError"],
    "facts": ["FactRow", "read_facts"],
    "model": ["Article", "Entity", "Fact", "Mention"],
    "pipeline": ["build_dataset_from", "build_graph", "process_article"],
    "query": ["load_graph", "run_query"],
    "read": ["read_articles"],
}
_WHERE = {name: module for module, names in _HOMES.items() for name in names}
__all__ = [
    "Article", "ConfigError", "Entity", "Fact", "FactRow", "GraphFileError", "InputError",
    "KGError", "Mention", "QueryError", "build_dataset_from", "build_graph", "load_graph",
    "process_article", "read_articles", "read_facts", "run_query",
]  # fmt: skip
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``kg.build_graph`` and the other public names, imported when first asked for."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
