"""``argmap score`` and ``argmap explain`` on the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"


def _local(i):
    return i.rsplit("#", 1)[-1]


def test_score_json_gradual(run_cli):
    done = run_cli("score", DATA / "edemocracy.bag", "--semantics", "qe", "--format", "json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert set(out) == {"semantics", "converged", "iterations", "residual", "scores"}
    assert out["semantics"] == "qe" and out["converged"] is True
    scores = {_local(k): v for k, v in out["scores"].items()}
    assert scores["a1"] == pytest.approx(0.71985217877, abs=1e-9)


def test_score_json_extensions(run_cli):
    done = run_cli("score", DATA / "preferred.apx", "--semantics", "preferred", "--format", "json")
    out = json.loads(done.stdout)
    assert out["semantics"] == "preferred"
    assert sorted(sorted(map(_local, e)) for e in out["extensions"]) == [["a", "d"], ["b", "d"]]
    grounded = json.loads(run_cli("score", DATA / "chain8.af", "--semantics", "grounded", "--format", "json").stdout)
    assert [sorted(map(_local, e)) for e in grounded["extensions"]] == [["1", "3", "5", "7"]]


def test_score_csv_and_table(run_cli):
    done = run_cli("score", DATA / "edemocracy.bag", "--format", "csv")
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert rows[0] == ["claim", "score"] and _local(rows[1][0]) == "p3" and len(rows) == 10
    table = run_cli("score", DATA / "preferred.apx", "--semantics", "stable").stdout
    assert table.startswith("2 stable extension(s)") and "sceptical" in table


def test_support_option_changes_the_attacks(tmp_path, run_cli):
    bag = tmp_path / "s.bag"
    bag.write_text("arg(a,0.5). arg(b,0.5). arg(c,0.5).\nsup(a,b). att(c,b).\n", encoding="utf-8")
    plain = json.loads(run_cli("score", bag, "--semantics", "grounded", "--format", "json").stdout)
    # a mediated attack (Cayrol & Lagasquie-Schiex 2013): c attacks b, which a supports, so c attacks a
    derived = json.loads(run_cli("score", bag, "--semantics", "grounded", "--format", "json",
                                 "--support", "mediated").stdout)
    assert sorted(map(_local, plain["extensions"][0])) == ["a", "c"]
    assert sorted(map(_local, derived["extensions"][0])) == ["c"]
    assert run_cli("score", bag, "--semantics", "grounded", "--support", "bogus").returncode == 2


def test_write_stores_evaluations_queryable_by_sparql(tmp_path, run_cli):
    out = tmp_path / "scored.ttl"
    done = run_cli("score", DATA / "edemocracy.bag", "--write", "-o", out)
    assert done.returncode == 0, done.stderr
    q = ("PREFIX am: <https://w3id.org/argmap#> SELECT ?c ?v WHERE "
         "{ ?e a am:Evaluation ; am:evaluates ?c ; am:semantics am:DFQuAD ; am:value ?v }")
    rows = run_cli("query", out, q).stdout.splitlines()[2:]
    assert len(rows) == 9
    # writing again replaces, not piles up; a second semantics adds its own
    assert run_cli("score", out, "--write").returncode == 0
    assert run_cli("score", out, "--semantics", "grounded", "--write").returncode == 0
    from argmap import load
    from argmap.evaluations import evaluations

    g = load(out).graph
    assert len(evaluations(g, "dfquad")) == 9
    assert set(evaluations(g, "grounded").values()) <= {"IN", "OUT", "UNDEC"}
    # am:value is 1 for IN and 0 otherwise, as the ontology defines it; the label is am:acceptance
    q = ("PREFIX am: <https://w3id.org/argmap#> SELECT ?c ?v ?a WHERE { ?e am:evaluates ?c ; "
         "am:semantics am:Grounded ; am:value ?v ; am:acceptance ?a }")
    pairs = {(str(a), float(v)) for _, v, a in g.query(q)}
    assert pairs and pairs <= {("IN", 1.0), ("OUT", 0.0), ("UNDEC", 0.0)}
    first = out.read_bytes()
    assert run_cli("score", out, "--write").returncode == 0 and out.read_bytes() == first


def test_write_refuses_a_non_rdf_target(tmp_path, run_cli):
    done = run_cli("score", DATA / "preferred.apx", "--write")
    assert done.returncode == 2 and "-o FILE.ttl" in done.stderr and len(done.stderr.splitlines()) == 1
    assert run_cli("score", DATA / "preferred.apx", "--write", "-o", tmp_path / "x.html").returncode == 2
    assert not (tmp_path / "x.html").exists()


def test_explain(run_cli):
    done = run_cli("explain", DATA / "edemocracy.bag", "a1", "--format", "json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["score"] == pytest.approx(0.862)
    by = {_local(c["claim"]): c for c in out["contributions"]}
    assert set(by) == {"p1", "p2"} and all(c["kind"] == "support" for c in by.values())
    # without p1 (0.7): a1 = 0.5 + 0.5 * 0.08
    assert by["p1"]["removal"] == pytest.approx(0.862 - 0.54)
    assert out["path"] is None  # the file names no main thesis
    what = json.loads(run_cli("explain", DATA / "edemocracy.bag", "a1", "--what-if", "p1=0", "--format", "json").stdout)
    assert what["score_before"] == pytest.approx(0.862) and what["score"] == pytest.approx(0.54)


def test_explain_bundled_map_path(run_cli):
    from argmap import bundled_map_path

    done = run_cli("explain", bundled_map_path(), "nk-duplicitous")
    assert done.returncode == 0, done.stderr
    assert "path to the main thesis:" in done.stdout and "--support-->" in done.stdout


@pytest.mark.parametrize("args", [["nothing"], ["a1", "--what-if", "a1=2"], ["a1", "--what-if", "zz=0.1"]])
def test_explain_errors(run_cli, args):
    done = run_cli("explain", DATA / "edemocracy.bag", *args)
    assert done.returncode == 2 and done.stdout == "" and len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith("argmap: error: ")


@pytest.mark.parametrize("semantics", ["dfquad", "qe", "euler", "hcat", "grounded", "complete", "preferred", "stable"])
def test_every_semantics_on_the_bundled_map(run_cli, semantics):
    from argmap import bundled_map_path

    done = run_cli("score", bundled_map_path(), "--semantics", semantics, "--format", "json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["semantics"] == semantics
    assert ("scores" in out) != ("extensions" in out)
