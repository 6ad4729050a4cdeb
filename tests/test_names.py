"""Claims and semantics named as people name them: by label, last segment or IRI; dfquad or DFQuAD."""

from __future__ import annotations

import json

import pytest

import argmap
from argmap.errors import UsageError
from argmap.names import SEMANTICS_IRI, claim_id, did_you_mean, semantics_iri, semantics_name
from argmap.sparql import param_docs, resolve_params

from .conftest import BUNDLED

NS = "https://w3id.org/argmap/graphs/trump-kim-meeting#"
DUPLICITOUS = NS + "nk-duplicitous"

# Two claims share a label, two more differ only in case, and two are one letter apart.
SMALL = """\
@prefix : <http://example.org/names#> .
@prefix am: <https://w3id.org/argmap#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
:map a am:ArgumentMap ; am:mainThesis :t .
:t a am:Claim ; rdfs:label "Thesis" .
:twin1 a am:Claim ; rdfs:label "Same words" .
:twin2 a am:Claim ; rdfs:label "Same words" .
:lower a am:Claim ; rdfs:label "tax" .
:upper a am:Claim ; rdfs:label "TAX" .
:help a am:Claim ; rdfs:label "Tax cuts help" .
:hurt a am:Claim ; rdfs:label "Tax cuts hurt" .
:r1 a am:Support ; am:premise :help ; am:target :t .
:r2 a am:Attack ; am:premise :hurt ; am:target :t .
"""


@pytest.fixture(scope="module")
def bundled():
    return argmap.load(BUNDLED)


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "names.ttl"
    path.write_text(SMALL, encoding="utf-8")
    return path


def _error(res) -> str:
    assert res.returncode == 2 and res.stdout == "", (res.returncode, res.stdout)
    assert "Traceback" not in res.stderr and len(res.stderr.splitlines()) == 1, res.stderr
    return res.stderr.strip()


# --- claims ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", [
    DUPLICITOUS,
    f"<{DUPLICITOUS}>",
    "nk-duplicitous",
    "North Korea is likely duplicitous",
    "north korea IS likely   duplicitous",
    "[North Korea is likely duplicitous]",  # the Argdown title
])
def test_a_claim_by_iri_segment_label_or_title(bundled, name):
    assert bundled.find_claim(name) == DUPLICITOUS


def test_explain_gives_the_same_answer_by_label_case_changed_label_iri_and_segment(run_cli):
    outputs = set()
    for name in ("North Korea is likely duplicitous", "NORTH KOREA IS LIKELY DUPLICITOUS", DUPLICITOUS,
                 "nk-duplicitous"):
        res = run_cli("explain", BUNDLED, name, "--format", "json")
        assert res.returncode == 0, res.stderr
        assert json.loads(res.stdout)["claim"] == DUPLICITOUS
        outputs.add(res.stdout)
    assert len(outputs) == 1


def test_a_typo_suggests_the_nearest_label(run_cli):
    # difflib's ratio 2M/T: the typo (32 characters) matches the label (33) in 32, 64/65 = 0.98;
    # the next nearest label, 'North Korea has long wanted direct talks', is under the 0.6 cut-off.
    res = run_cli("explain", BUNDLED, "North Korea is likly duplicitous")
    assert _error(res) == ("argmap: error: no claim 'North Korea is likly duplicitous' in the map; "
                           "did you mean 'North Korea is likely duplicitous'?")


def test_a_typo_in_a_last_segment_or_an_iri_suggests_the_segment(bundled):
    with pytest.raises(UsageError, match=r"did you mean 'nk-duplicitous'\?$"):
        bundled.find_claim("nk-duplicitus")
    with pytest.raises(UsageError, match=r"did you mean 'nk-duplicitous'\?$"):
        bundled.find_claim("https://example.org/elsewhere#nk-duplicitous")


def test_nothing_near_suggests_nothing(bundled):
    with pytest.raises(UsageError) as err:
        bundled.find_claim("zzz")
    assert str(err.value) == "no claim 'zzz' in the map"


def test_two_near_labels_are_both_suggested_nearest_first(small):
    # 'tax cuts hlp' against 'tax cuts help': 12 of 12 + 13 characters match, 24/25 = 0.96;
    # against 'tax cuts hurt': 'tax cuts h' matches, 20/25 = 0.8.
    amap = argmap.load(small)
    with pytest.raises(UsageError) as err:
        amap.find_claim("Tax cuts hlp")
    assert str(err.value) == "no claim 'Tax cuts hlp' in the map; did you mean 'Tax cuts help' or 'Tax cuts hurt'?"


def test_a_shared_label_is_ambiguous_and_the_error_lists_the_iris(small, run_cli):
    res = run_cli("explain", small, "Same words")
    assert _error(res) == ("argmap: error: 'Same words' names several claims: "
                           "http://example.org/names#twin1, http://example.org/names#twin2")


def test_an_exact_label_wins_over_one_that_differs_in_case(small):
    amap = argmap.load(small)
    assert amap.find_claim("tax") == "http://example.org/names#lower"
    assert amap.find_claim("TAX") == "http://example.org/names#upper"
    with pytest.raises(UsageError, match="names several claims: .*#lower, .*#upper"):
        amap.find_claim("Tax")


def test_an_empty_name_is_no_claim_even_where_a_claim_has_no_label():
    with pytest.raises(UsageError, match="^no claim '' in the map$"):
        claim_id({"urn:x#a": None}, "")


def test_claim_id_over_bare_ids_matches_segments_only():
    assert claim_id(["urn:x#a", "urn:x#b"], "b") == "urn:x#b"
    with pytest.raises(UsageError, match="did you mean 'a' or 'b'"):
        claim_id(["urn:x#a", "urn:x#b"], "ab")


def test_what_if_and_focus_take_labels(bundled):
    from argmap.drawing import RenderOptions, view_of

    by_label = argmap.explain(bundled, "both sides reneged on earlier deals",
                              what_if={"This time may be different": 0})
    by_id = argmap.explain(bundled, "reneged", what_if={"something-different": 0})
    assert by_label.to_dict() == by_id.to_dict()
    focus = view_of(bundled, RenderOptions(focus="North Korea is likely duplicitous", depth=1))
    assert sorted(focus.amap.claims) == sorted(view_of(bundled, RenderOptions(focus="nk-duplicitous", depth=1))
                                               .amap.claims)
    assert DUPLICITOUS in focus.amap.claims


# --- semantics ------------------------------------------------------------------------
@pytest.mark.parametrize("name, cli", [
    ("dfquad", "dfquad"), ("DFQuAD", "dfquad"), ("DF-QuAD", "dfquad"), ("am:DFQuAD", "dfquad"),
    ("https://w3id.org/argmap#DFQuAD", "dfquad"), ("<https://w3id.org/argmap#DFQuAD>", "dfquad"),
    ("quadratic energy", "qe"), ("QuadraticEnergy", "qe"), ("Euler-based", "euler"), ("h-categorizer", "hcat"),
    ("Grounded", "grounded"), ("COMPLETE", "complete"), ("am:Stable", "stable"),
    ("semi-stable", "semistable"), ("SemiStable", "semistable"), ("am:Stage", "stage"), ("Ideal", "ideal"),
])
def test_semantics_by_cli_name_ontology_name_or_label(name, cli):
    assert semantics_name(name) == cli


def test_every_semantics_has_one_iri():
    assert semantics_iri("dfquad") == semantics_iri("DFQuAD") == "https://w3id.org/argmap#DFQuAD"
    assert len(set(SEMANTICS_IRI.values())) == len(SEMANTICS_IRI)


def test_a_semantics_typo_suggests_the_cli_name():
    with pytest.raises(UsageError) as err:
        semantics_name("dfqaud")
    assert str(err.value) == ("unknown semantics 'dfqaud'; did you mean 'dfquad'? "
                              "(known: dfquad, qe, euler, hcat, grounded, complete, preferred, stable, semistable, stage, ideal)")
    with pytest.raises(UsageError, match="known: dfquad, qe, euler, hcat[)]"):
        argmap.score(argmap.ArgumentMap.bundled(), "grounded")


def test_score_takes_the_ontology_name_and_reports_the_cli_name(run_cli):
    plain = run_cli("score", BUNDLED, "--format", "json")
    named = run_cli("score", BUNDLED, "--semantics", "DFQuAD", "--format", "json")
    assert plain.returncode == named.returncode == 0, named.stderr
    assert plain.stdout == named.stdout and json.loads(named.stdout)["semantics"] == "dfquad"
    assert run_cli("score", BUNDLED, "--semantics", "PREFERRED").returncode == 0


def test_score_typo_is_one_line_with_the_suggestion(run_cli):
    res = run_cli("score", BUNDLED, "--semantics", "dfqaud")
    assert _error(res) == ("argmap: error: Invalid value for '--semantics': unknown semantics 'dfqaud'; did you mean "
                           "'dfquad'? (known: dfquad, qe, euler, hcat, grounded, complete, preferred, stable, semistable, stage, ideal) "
                           "(see 'argmap score --help')")


def test_did_you_mean_lists_up_to_three():
    assert did_you_mean("abcd", ["abce", "abcf", "abcg", "zzzz"]) == "; did you mean 'abce', 'abcf' or 'abcg'?"
    assert did_you_mean("abcd", ["zzzz"]) == ""


# --- query parameters -----------------------------------------------------------------
def _rows(res):
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)["results"]["bindings"]


def test_param_claim_by_label_gives_the_rows_of_the_iri(run_cli):
    def run(value):
        return _rows(run_cli("query", BUNDLED, "--named", "attackers-and-supporters", "--param", f"claim={value}",
                             "--format", "json"))

    by_iri = run(DUPLICITOUS)
    # the map: :r-concessions and :r-moratorium attack it, nothing supports it
    assert sorted(b["relation"]["value"] for b in by_iri) == [NS + "r-concessions", NS + "r-moratorium"]
    assert run("North Korea is likely duplicitous") == by_iri
    assert run("north korea is likely duplicitous") == by_iri
    assert run("nk-duplicitous") == by_iri


def test_param_claim_typo_says_did_you_mean(run_cli):
    res = run_cli("query", BUNDLED, "--named", "attackers-and-supporters", "--param",
                  "claim=North Korea is likly duplicitous")
    assert _error(res) == ("argmap: error: no claim 'North Korea is likly duplicitous' in the maps queried; "
                           "did you mean 'North Korea is likely duplicitous'?")


def test_param_semantics_by_cli_name_gives_the_rows_of_the_iri(run_cli, tmp_path):
    target = tmp_path / "scored.ttl"
    target.write_bytes(BUNDLED.read_bytes())
    assert run_cli("score", target, "--write").returncode == 0
    assert run_cli("score", target, "--semantics", "qe", "--write").returncode == 0

    def run(value):
        return _rows(run_cli("query", target, "--named", "strongest-claims", "--param", f"semantics={value}",
                             "--format", "json"))

    by_iri = run("am:DFQuAD")
    assert len(by_iri) == 47 and {b["semantics"]["value"] for b in by_iri} == {"https://w3id.org/argmap#DFQuAD"}
    assert run("dfquad") == run("DFQuAD") == run("DF-QuAD") == by_iri
    assert run("qe") != by_iri
    res = run_cli("query", target, "--named", "strongest-claims", "--param", "semantics=dfqaud")
    assert "did you mean 'dfquad'?" in _error(res)


def test_param_claim_by_label_in_a_store(run_cli, tmp_path):
    store = tmp_path / "store"
    assert run_cli("load", BUNDLED, "--store", store).returncode == 0

    def run(value):
        return _rows(run_cli("query", "--store", store, "--named", "attackers-and-supporters", "--param",
                             f"claim={value}", "--format", "json"))

    assert run("The President needs clarity") == run(NS + "needs-clarity") != []
    res = run_cli("query", "--store", store, "--named", "attackers-and-supporters", "--param",
                  "claim=The President needs clarty")
    assert _error(res).endswith("did you mean 'The President needs clarity'?")


def test_resolve_params_leaves_iris_prefixed_names_and_quoted_literals_alone():
    text = "# params: ?target (a claim or relation IRI), ?who (a speaker)\nSELECT * WHERE { ?target ?p ?who }"
    labels = {"urn:x#a": "Alpha"}
    asked = []

    def claims():
        asked.append(1)
        return labels

    assert resolve_params(text, {"target": "<urn:x#r>", "who": "Alpha"}, claims) == {"target": "<urn:x#r>",
                                                                                   "who": "Alpha"}
    assert resolve_params(text, {"target": '"Alpha"'}, claims) == {"target": '"Alpha"'}
    assert resolve_params(text, {"target": "am:Claim"}, claims) == {"target": "am:Claim"}
    assert asked == []  # nothing to resolve, no claims looked up
    assert resolve_params(text, {"target": "alpha"}, claims) == {"target": "<urn:x#a>"}
    assert resolve_params(text, {"target": "urn:x#r"}, claims) == {"target": "urn:x#r"}  # an IRI that is no claim
    assert param_docs(text) == {"target": "a claim or relation IRI", "who": "a speaker"}


def test_the_semantics_registry_is_what_the_code_computes():
    from argmap.names import EXTENSION_NAMES, GRADUAL_NAMES, SEMANTICS, SEMANTICS_IRI
    from argmap.semantics.extensions import EXTENSION_SEMANTICS
    from argmap.semantics.gradual import GRADUAL
    from argmap.semantics.tasks import TASKS

    assert GRADUAL_NAMES == ("dfquad", "qe", "euler", "hcat") and tuple(GRADUAL) == GRADUAL_NAMES
    assert EXTENSION_SEMANTICS == EXTENSION_NAMES and len(EXTENSION_NAMES) == 7
    assert {t.split("-")[1] for t in TASKS} == {s.code for s in SEMANTICS.values() if s.kind == "extension"}
    assert SEMANTICS_IRI["semistable"] == "SemiStable" and all(s.paper for s in SEMANTICS.values())
