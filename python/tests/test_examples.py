"""The examples run as documented: the notebook executes without errors and
the Dask script tags every article on worker processes."""

import json
import subprocess
import sys

import pytest

from conftest import REPO

EXAMPLES = REPO / "examples"


def test_notebook_executes():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("matplotlib")
    pytest.importorskip("pandas")
    notebook = nbformat.read(EXAMPLES / "vigie.ipynb", as_version=4)
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(EXAMPLES)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("<mark" in h and "Guérassimov" in h for h in html)
    assert any("image/png" in o.get("data", {}) for o in outputs), "the plot is drawn"


def test_dask_example_tags_every_article(tmp_path):
    pytest.importorskip("dask.bag")
    pytest.importorskip("distributed")
    out = tmp_path / "tagged.jsonl"
    run = subprocess.run([sys.executable, str(EXAMPLES / "dask_tag.py"), str(EXAMPLES / "articles.jsonl"), str(out),
                          "--workers", "2"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "on 2 worker processes" in run.stderr
    inputs = [json.loads(line) for line in (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    outputs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(o["id"] for o in outputs) == sorted(i["id"] for i in inputs)
    seed = next(o for o in outputs if o["id"] == "antalya-2017")
    assert len(seed["events"]) == 3
