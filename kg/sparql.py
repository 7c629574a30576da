"""SPARQL text -> a parsed query, refusing what would reach the network: kg runs queries
on files (rdflib) and on stores (Oxigraph), and both go through here first. Its own
module so that the store and the server need not import the file path's query code.
"""

from __future__ import annotations

import functools
import re

from .errors import QueryError


def _walk(node: object) -> bool:
    """True if the query algebra contains a SERVICE clause."""
    from rdflib.plugins.sparql.algebra import CompValue

    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            return True
        return any(_walk(v) for v in node.values())
    if isinstance(node, list | tuple):
        return any(_walk(v) for v in node)
    return False


@functools.lru_cache(maxsize=64)
def prepare(query: str):
    """Parse once (kg serve answers the same queries again and again); refuse SERVICE.
    (rdflib's SPARQL parser is imported here, not at the top: its 0.2 s import is more
    than a query on a store takes.)"""
    from rdflib.plugins.sparql import prepareQuery

    try:
        q = prepareQuery(query)
    except Exception as exc:
        msg = " ".join(str(exc).split())[:200]
        raise QueryError(f"bad SPARQL query: {msg}") from None
    if _walk(q.algebra):
        raise QueryError("SERVICE clauses are refused: kg does not query remote endpoints")
    return q


# a SERVICE clause needs the keyword, spelt out or with \u escapes (SPARQL decodes
# them before parsing): a query with neither cannot call a remote endpoint
_MAY_CALL_OUT = re.compile(r"service|\\u|\\U", re.IGNORECASE)


def refuse_service(query: str) -> None:
    """Refuse a query with a SERVICE clause before Oxigraph, which would call the
    endpoint, sees it. rdflib's parse decides (as for files), but only for a query that
    has the word or an escape somewhere: that parse costs 15-70 ms a query, more than
    most queries on a store take."""
    if _MAY_CALL_OUT.search(query):
        prepare(query)
