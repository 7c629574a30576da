"""Graph -> JSON-LD with kg's @context inline (never a remote context a reader must
fetch). The same context is kept as ontology/context.jsonld."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

from rdflib import Dataset, Graph

from ..ontology import ONTOLOGY_PATH

CONTEXT_PATH = ONTOLOGY_PATH.with_name("context.jsonld")


def context() -> dict:
    return json.loads(Path(CONTEXT_PATH).read_text(encoding="utf-8"))["@context"]


def to_jsonld(data: Dataset | Graph) -> str:
    """Deterministic JSON-LD: nodes sorted by @id, keys sorted; named graphs kept."""
    ctx = context()
    with warnings.catch_warnings():  # rdflib's serializer uses its deprecated Dataset API
        warnings.simplefilter("ignore", DeprecationWarning)
        text = data.serialize(format="json-ld", context=ctx, auto_compact=True)
    doc = _sorted(json.loads(text))
    if isinstance(doc, dict):
        doc["@context"] = ctx
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def _sorted(node: object) -> object:
    if isinstance(node, dict):
        return {k: _sorted(v) for k, v in node.items()}
    if isinstance(node, list):
        items = [_sorted(v) for v in node]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return node
