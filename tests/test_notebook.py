"""notebooks/explore.ipynb runs from top to bottom (so it never rots)."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # starts a notebook kernel

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"


def test_notebook_executes():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    resources = {"metadata": {"path": str(NOTEBOOK.parent)}}
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", resources=resources)
    client.execute()
    outputs = "\n".join(
        o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
    )
    assert "same answers as rdflib: True" in outputs
    assert " -> " in outputs and "most central:" in outputs
