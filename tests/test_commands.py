"""score, query and info on the hand-made map, against hand-computed answers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import BUNDLED, DATA, ROOT

S = "http://example.org/small#"


def test_score_ranks_by_dfquad(run_cli):
    res = run_cli("score", DATA / "small.ttl")
    assert res.returncode == 0, res.stderr
    rows = [line.split(None, 3) for line in res.stdout.splitlines()[2:]]
    # by hand: p1 .8, a .7, p2 .6, q .5, u .5, t .3 (ties by id: q before u)
    assert [(r[0], r[1], r[3]) for r in rows] == [
        ("1", "0.800", "P1"), ("2", "0.700", "A"), ("3", "0.600", "P2"),
        ("4", "0.500", "Q"), ("5", "0.500", "U"), ("6", "0.300", "Thesis"),
    ]


def test_score_json(run_cli):
    res = run_cli("score", DATA / "small.ttl", "--format", "json")
    data = json.loads(res.stdout)
    assert data["semantics"] == "dfquad" and data["converged"] is True
    assert abs(data["scores"][S + "t"] - 0.3) < 1e-12


def test_query_select_with_ontology_labels(run_cli):
    q = ("SELECT ?claim ?kind WHERE { ?claim a ?k . ?k rdfs:subClassOf am:Claim ; rdfs:label ?kind } "
         "ORDER BY ?claim")
    res = run_cli("query", DATA / "small.ttl", q)
    assert res.returncode == 0, res.stderr
    rows = [line.split(None, 1) for line in res.stdout.splitlines()[2:]]
    # IRIs print as prefixed names with the map's own prefixes
    assert rows == [[":a", "evaluative claim"], [":p1", "factual claim"],
                    [":p2", "factual claim"], [":t", "policy claim"]]


def test_query_ask_and_query_file(run_cli, tmp_path):
    ask = run_cli("query", DATA / "small.ttl", f"ASK {{ <{S}u1> am:target <{S}s1> }}")
    assert ask.stdout.strip() == "true"
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(?r) AS ?n) WHERE { ?r am:premise ?p }", encoding="utf-8")
    res = run_cli("query", DATA / "small.ttl", f"@{rq}")
    assert res.stdout.splitlines()[2].strip() == "5"  # s1 has two premises, a1, u1, s2 one each


def test_info(run_cli):
    res = run_cli("info", DATA / "small.ttl")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0] == "claims: 6"
    assert "relations: 4" in lines
    assert "  support: 2" in lines and "  attack: 1" in lines and "  undercut: 1" in lines
    assert lines[-1] == f"main thesis: Thesis <{S}t>"


def test_info_on_bundled_map_names_source_and_thesis(run_cli):
    out = run_cli("info", BUNDLED).stdout
    assert "President Trump Should be Cautious During the Kim Meeting (2018-03)" in out
    assert "main thesis:" in out


def test_help_lists_every_command(run_cli):
    out = run_cli("--help").stdout
    for name in ("render", "score", "query", "export", "info"):
        assert name in out


def test_help_imports_no_heavy_package():
    """``argmap --help`` must stay fast: rdflib, networkx and pyvis load only when used."""
    code = ("import sys; from argmap.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('rdflib', 'networkx', 'pyvis', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_render_takes_pyvis_files_without_importing_pyvis(tmp_path):
    """The page embeds the vis-network that pyvis ships, read from pyvis's folder: pyvis, and the IPython,
    networkx and jinja2 it would import, stay unimported."""
    import importlib.util

    page = tmp_path / "map.html"
    code = ("import sys, argmap\n"
            f"argmap.render(argmap.load(argmap.bundled_map_path()), {str(page)!r})\n"
            "print(sorted(m for m in ('IPython', 'jinja2', 'networkx', 'pyvis') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
    lib = Path(importlib.util.find_spec("pyvis").submodule_search_locations[0]) / "templates" / "lib" / "vis-9.1.2"
    vis = (lib / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    assert vis[:2000] in page.read_text(encoding="utf-8")
