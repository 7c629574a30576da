"""kg: turn news articles into a knowledge graph people can trust, explore and query.

    >>> import kg
    >>> g = kg.build_graph(["Turkey supplies drones to Ukraine."])  # doctest: +SKIP

Stages (one module each): read -> nlp -> extract -> resolve -> rdf -> export / query.
"""

from .errors import ConfigError, GraphFileError, InputError, KGError, QueryError
from .facts import FactRow, read_facts
from .model import Article, Entity, Fact, Mention
from .pipeline import build_dataset_from, build_graph, process_article
from .query import load_graph, run_query
from .read import read_articles

__all__ = [
    "Article", "ConfigError", "Entity", "Fact", "FactRow", "GraphFileError", "InputError",
    "KGError", "Mention", "QueryError", "build_dataset_from", "build_graph", "load_graph",
    "process_article", "read_articles", "read_facts", "run_query",
]  # fmt: skip
__version__ = "0.1.0"
