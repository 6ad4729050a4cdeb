"""``argmap ontology-docs -o DIR``: an HTML reference of every ontology term."""

from __future__ import annotations

import pytest

from argmap.vocab import AM
from .conftest import ROOT, need

HERE = {"PYTHONPATH": str(ROOT)}


@pytest.fixture(scope="module")
def page():
    try:
        import pylode  # noqa: F401
    except ImportError:
        need(False, "pyLODE is not installed (pip install '.[test]')")
    from argmap.docs import ontology_html

    return ontology_html()


def test_every_am_term_is_documented(page):
    terms = [name for name in AM.__annotations__ if not name.startswith("_")]
    missing = [t for t in terms if f"https://w3id.org/argmap#{t}" not in page and f"am:{t}<" not in page]
    assert missing == []


def test_schemes_are_listed_with_their_question_texts(page):
    assert "Is E an expert in the field that A belongs to?" in page
    assert "argument from expert opinion" in page


def test_page_is_self_contained(page):
    import re

    assert not re.search(r'<(script|link)[^>]+(src|href)="https?://', page)


def test_cli_writes_index_html(run_cli, tmp_path):
    out = tmp_path / "docs" / "onto"
    done = run_cli("ontology-docs", "-o", out, env=HERE)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out / "index.html")
    assert (out / "index.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in out.iterdir()] == ["index.html"]


def test_cli_refuses_a_file_as_output_folder(run_cli, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    done = run_cli("ontology-docs", "-o", blocker, env=HERE)
    assert done.returncode == 2
    assert done.stderr.strip() == f"argmap: error: {blocker}: exists and is not a folder"
    assert blocker.read_text(encoding="utf-8") == "x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]
