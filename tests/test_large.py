"""Large maps: the Oxigraph reader gives the same map as the rdflib one.

Each map is read twice, with ``ARGMAP_READER=rdflib`` and ``fast``, and
everything the commands use is compared: claims, relations, sources, thesis,
gradual scores, Dung extensions and ``argmap info``'s output.
"""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import pytest

from .conftest import BUNDLED, CORPORA, ROOT, need_file

spec = importlib.util.spec_from_file_location("genmap", ROOT / "bench" / "genmap.py")
genmap = importlib.util.module_from_spec(spec)
spec.loader.exec_module(genmap)


def _load(paths, reader, monkeypatch):
    import argmap

    monkeypatch.setenv("ARGMAP_READER", reader)
    return argmap.load(*paths) if hasattr(argmap, "load") else argmap.ArgumentMap.load(*paths)


def _answers(amap):
    from argmap.semantics import extensions_of, score

    return {
        "claims": amap.claims,
        "relations": amap.relations,
        "sources": amap.sources,
        "theses": amap.main_theses,
        "dfquad": score(amap, "dfquad").scores,
        "qe": score(amap, "qe").scores,
        "grounded": extensions_of(amap, "grounded").status,
        "preferred": extensions_of(amap, "preferred").extensions,
    }


def _same(paths, monkeypatch):
    slow = _load(paths, "rdflib", monkeypatch)
    fast = _load(paths, "fast", monkeypatch)
    a, b = _answers(slow), _answers(fast)
    assert fast._graph is None  # the answers came without an rdflib graph
    for key in ("claims", "relations", "sources", "theses", "grounded", "preferred"):
        assert a[key] == b[key], key
    for key in ("dfquad", "qe"):
        assert a[key].keys() == b[key].keys()
        assert all(math.isclose(a[key][c], b[key][c], abs_tol=1e-12) for c in a[key])
    return slow, fast


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A generated map of 400 claims and 800 relations (linked premises and undercuts), as Turtle and AIF."""
    return genmap.write(400, tmp_path_factory.mktemp("gen"))


def test_bundled_map_same_by_both_readers(monkeypatch):
    slow, _fast = _same([BUNDLED], monkeypatch)
    assert len(slow.claims) >= 16 and any(q for c in slow.claims.values() for q in c.quotes)


def test_generated_map_same_by_both_readers(generated, monkeypatch):
    slow, fast = _same([generated["turtle"]], monkeypatch)
    claims, relations = genmap.generate(400)
    assert len(fast.claims) == len(claims) and len(fast.relations) == len(relations)
    kinds = [r.type for r in fast.relations.values()]
    assert kinds.count("undercut") == sum(k == "undercut" for k, _p, _t in relations) > 0
    assert sum(len(r.sources) == 2 for r in fast.relations.values()) == sum(len(p) == 2 for _k, p, _t in relations)
    base = {f"{genmap.BASE.format(n=400)}c{i}": b for i, (_k, b) in enumerate(claims)}
    assert {c: fast.claims[c].base_score for c in base} == base


def test_corpus_import_same_by_both_readers(tmp_path, monkeypatch):
    import argmap
    from argmap import io

    files = [need_file(CORPORA / "aif" / "nodeset29.json"),
             need_file(CORPORA / "microtexts" / "micro_b001.xml")]
    monkeypatch.setenv("ARGMAP_READER", "rdflib")
    out = tmp_path / "corpus.nt"
    io.write(argmap.ArgumentMap.load(*files), out)
    _same([out], monkeypatch)


def test_info_output_same_by_both_readers(generated, run_cli):
    slow = run_cli("info", generated["turtle"], env={"ARGMAP_READER": "rdflib"})
    fast = run_cli("info", generated["turtle"], env={"ARGMAP_READER": "fast"})
    assert slow.returncode == fast.returncode == 0, slow.stderr + fast.stderr
    assert slow.stdout == fast.stdout
    assert "claims: 400\n" in fast.stdout and "relations: 800\n" in fast.stdout


def test_reader_chosen_by_size(tmp_path, monkeypatch):
    from argmap.triples import use_fast_reader

    monkeypatch.delenv("ARGMAP_READER", raising=False)
    monkeypatch.setenv("ARGMAP_LARGE_BYTES", str(BUNDLED.stat().st_size))
    assert use_fast_reader([BUNDLED])
    monkeypatch.setenv("ARGMAP_LARGE_BYTES", str(BUNDLED.stat().st_size + 1))
    assert not use_fast_reader([BUNDLED])
    monkeypatch.setenv("ARGMAP_READER", "fast")
    assert use_fast_reader([BUNDLED, need_file(CORPORA / "aif" / "nodeset29.json")])
    assert not use_fast_reader([BUNDLED, need_file(CORPORA / "kialo" / sorted(p.name for p in (CORPORA / "kialo").glob("*.txt"))[0])])


def test_malformed_turtle_on_the_fast_path_is_one_line(tmp_path, run_cli):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix am: <https://w3id.org/argmap#> .\n<a> a am:Claim .\n<b> a am:Claim ) .\n<c> a am:Claim .\n",
                   encoding="utf-8")
    res = run_cli("score", bad, env={"ARGMAP_READER": "fast"})
    assert res.returncode == 2 and res.stdout == ""
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"argmap: error: {bad}:"), res.stderr
    line = int(lines[0][len(f"argmap: error: {bad}:"):].split(":")[0])
    assert line == 3


def test_broken_structure_on_the_fast_path_names_the_line(tmp_path, run_cli):
    bad = tmp_path / "broken.ttl"
    text = Path(BUNDLED).read_text(encoding="utf-8") + "\n<urn:x:r> a <https://w3id.org/argmap#Support> .\n"
    bad.write_text(text, encoding="utf-8")
    slow = run_cli("info", bad, env={"ARGMAP_READER": "rdflib"})
    fast = run_cli("info", bad, env={"ARGMAP_READER": "fast"})
    assert slow.returncode == fast.returncode == 2
    assert slow.stderr == fast.stderr
    assert fast.stderr.startswith(f"argmap: error: {bad}:{text.count(chr(10))}: urn:x:r: relation has 0 targets")


def test_aif_import_same_by_both_readers(generated, tmp_path, run_cli):
    outs = {}
    for reader in ("rdflib", "fast"):
        out = tmp_path / f"{reader}.nt"
        res = run_cli("import", generated["aif"], "-o", out, env={"ARGMAP_READER": reader})
        assert res.returncode == 0, res.stderr
        outs[reader] = out
    import rdflib
    from rdflib.compare import isomorphic

    graphs = {k: rdflib.Graph().parse(v, format="nt") for k, v in outs.items()}
    assert isomorphic(graphs["rdflib"], graphs["fast"])
    again = tmp_path / "again.nt"
    assert run_cli("import", generated["aif"], "-o", again, env={"ARGMAP_READER": "fast"}).returncode == 0
    assert again.read_bytes() == outs["fast"].read_bytes()
    scores = [run_cli("score", outs[k], "--format", "csv", env={"ARGMAP_READER": k}).stdout for k in outs]
    assert scores[0] == scores[1] and scores[0].count("\n") == 401


def test_turtle_export_on_the_fast_path_is_the_same_graph(generated, tmp_path, run_cli):
    import rdflib
    from rdflib.compare import isomorphic

    res = run_cli("export", generated["turtle"], "--format", "turtle", "-o", tmp_path / "out.ttl",
                  env={"ARGMAP_READER": "fast"})
    assert res.returncode == 0, res.stderr
    ours = rdflib.Graph().parse(tmp_path / "out.ttl", format="turtle")
    assert isomorphic(ours, rdflib.Graph().parse(generated["turtle"], format="turtle"))
    json_fast = run_cli("export", generated["turtle"], "--format", "json", env={"ARGMAP_READER": "fast"})
    json_slow = run_cli("export", generated["turtle"], "--format", "json", env={"ARGMAP_READER": "rdflib"})
    assert json_fast.stdout == json_slow.stdout and json_fast.stdout.startswith('{\n  "claims"')
