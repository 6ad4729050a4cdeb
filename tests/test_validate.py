"""``argmap validate``: SHACL shapes, structural checks, quotes against a source.

``tests/data/valid-map.ttl`` passes every check; ``tests/data/broken-map.ttl``
is the same map with one fault per node listed in ``BROKEN``, and each must be
reported with its node, and nothing else.
"""

from __future__ import annotations

import os

import pytest

from argmap.validation import Finding, parse_source_options, validate
from argmap.errors import InputError, UsageError
from .conftest import BUNDLED, DATA, ROOT, SOURCE, need_file

VALID = DATA / "valid-map.ttl"
BROKEN = DATA / "broken-map.ttl"
SMALL_SOURCE = DATA / "small-source.txt"
MAPS = sorted((ROOT / "graphs").glob("*.ttl"))

#: node -> a fragment of the message each broken node must get.
EXPECTED = {
    ":build": "claims support each other in a circle: :build, :faster",
    ":faster": "am:baseScore, an xsd:decimal in [0, 1] (value: 1.5)",
    ":faster-q": 'claim "The bridge will halve travel times.": quote does not match the source at [29, 61)',
    ":safe": "a claim needs a non-empty am:text",
    ":waste-q": 'claim "Critics call the bridge a waste.": a quote names exactly one am:Source',
    ":r-faster-cq3": "am:SignCQ2 is not a critical question of am:PositiveConsequences, the scheme :r-faster applies",
    ":r-waste": "exactly one am:target",
    ":u-safe": "an undercut targets a relation, not a claim",
    ":eval-build": "exactly one am:value",
    ":lonely": "does not bear on the main thesis :build",
    ":twokinds": "a claim has more than one kind",
    ":r-twokinds": "exactly one of am:Support, am:Attack, am:Undercut",
    ":r-self": "relation has :waste as both premise and target",
    ":r-nopremise": "at least one am:premise",
    ":r-ghost": "every premise must be a claim (value: :ghost)",
}

# Running the CLI against this checkout, whichever argmap pip installed.
HERE = {"PYTHONPATH": str(ROOT)}


@pytest.fixture(scope="module")
def broken_findings():
    return validate([BROKEN], sources={None: SMALL_SOURCE})


def test_valid_map_has_no_findings():
    assert validate([VALID], sources={None: SMALL_SOURCE}) == []


@pytest.mark.parametrize("node", sorted(EXPECTED))
def test_each_fault_is_reported_at_its_node(broken_findings, node):
    messages = [f.message for f in broken_findings if f.node == node]
    assert any(EXPECTED[node] in m for m in messages), messages


def test_no_finding_on_a_sound_node(broken_findings):
    assert {f.node for f in broken_findings} == set(EXPECTED)


def test_findings_point_at_the_line_of_their_node(broken_findings):
    lines = BROKEN.read_text(encoding="utf-8").splitlines()
    for f in broken_findings:
        assert f.path == str(BROKEN)
        assert f.node in lines[f.line - 1], f


def test_quote_offsets_are_only_checked_with_a_source():
    nodes = {f.node for f in validate([BROKEN])}
    assert ":faster-q" not in nodes
    assert ":faster" in nodes


def test_finding_prints_file_line_node_message():
    assert str(Finding("m.ttl", 3, ":c", "bad")) == "m.ttl:3: :c: bad"


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_bundled_maps_are_valid(path):
    assert validate([path]) == []


def test_bundled_map_quotes_match_the_article():
    need_file(SOURCE)
    assert validate([BUNDLED], sources={None: SOURCE}) == []


def test_source_options():
    assert parse_source_options(["a.txt"]) == {None: "a.txt"}
    assert parse_source_options(["https://x.org/s=a.txt", "https://x.org/t=b.txt"]) == {
        "https://x.org/s": "a.txt", "https://x.org/t": "b.txt"}
    with pytest.raises(UsageError):
        parse_source_options(["a.txt", "b.txt"])


def test_quotes_are_checked_per_source_iri():
    findings = validate([BROKEN], sources={"https://example.org/bridge#text": SMALL_SOURCE})
    assert any(f.node == ":faster-q" for f in findings)
    findings = validate([BROKEN], sources={"https://example.org/bridge#other": SMALL_SOURCE})
    assert not any(f.node == ":faster-q" for f in findings)


def test_missing_source_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        validate([VALID], sources={None: tmp_path / "nope.txt"})


# --- the command line -------------------------------------------------------------

def test_cli_validate_graphs_exits_0(run_cli):
    done = run_cli("validate", *MAPS, env=HERE)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines() == [f"{p}: valid" for p in MAPS]


def test_cli_validate_broken_map_exits_1_naming_each_node(run_cli):
    done = run_cli("validate", BROKEN, "--source", SMALL_SOURCE, env=HERE)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert len(lines) == sum(1 for _ in validate([BROKEN], sources={None: SMALL_SOURCE}))
    for node, fragment in EXPECTED.items():
        assert any(f": {node}: " in line and fragment in line for line in lines), node
    assert done.stderr.strip() == f"argmap: error: {len(lines)} finding(s) in 1 of 1 map(s)"


def test_cli_validate_mixed_maps(run_cli):
    done = run_cli("validate", VALID, BROKEN, env=HERE)
    assert done.returncode == 1
    assert f"{VALID}: valid" in done.stdout.splitlines()


@pytest.mark.parametrize("content, line", [("@prefix am: <https://w3id.org/argmap#> .\n:x a am:Claim ;;; .\n", 2)])
def test_cli_validate_malformed_turtle_exits_2_in_one_line(run_cli, tmp_path, content, line):
    bad = tmp_path / "bad.ttl"
    bad.write_text(content, encoding="utf-8")
    done = run_cli("validate", bad, env=HERE)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(f"argmap: error: {bad}:{line}: ")
    assert len(done.stderr.splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_cli_validate_missing_source_exits_2(run_cli, tmp_path):
    done = run_cli("validate", VALID, "--source", tmp_path / "nope.txt", env=HERE)
    assert done.returncode == 2
    assert done.stderr.strip() == f"argmap: error: {tmp_path / 'nope.txt'}: no such file"


def test_blank_nodes_are_named_by_their_types_so_output_repeats(tmp_path):
    amap = tmp_path / "blank.ttl"
    amap.write_text(
        "@prefix am: <https://w3id.org/argmap#> .\n"
        "<urn:x:c> a am:Claim ; am:text \"c\" .\n"
        "[] a am:Attack ; am:premise <urn:x:c> ; am:target <urn:x:c> .\n",
        encoding="utf-8",
    )
    first, second = validate([amap]), validate([amap])
    assert first == second
    assert [(f.node, f.message) for f in first] == [
        ("[a am:Attack]", "relation has <urn:x:c> as both premise and target")]


def _structure(tmp_path, body):
    amap = tmp_path / "s.ttl"
    amap.write_text("@prefix : <urn:x:> .\n@prefix am: <https://w3id.org/argmap#> .\n" + body, encoding="utf-8")
    return sorted((f.node, f.message) for f in validate([amap]))


def test_undercuts_in_a_circle(tmp_path):
    found = _structure(tmp_path, """
        :m a am:ArgumentMap ; am:mainThesis :t .
        :t a am:Claim ; am:text "t" .  :a a am:Claim ; am:text "a" .  :b a am:Claim ; am:text "b" .
        :r a am:Support ; am:premise :a ; am:target :t .
        :u1 a am:Undercut ; am:premise :a ; am:target :u2 .
        :u2 a am:Undercut ; am:premise :b ; am:target :u1 .
        :r2 a am:Support ; am:premise :b ; am:target :t .
    """)
    assert found == [(":u1", "undercuts undercut each other in a circle: :u1, :u2")]


def test_main_thesis_that_nothing_reaches(tmp_path):
    found = _structure(tmp_path, """
        :m a am:ArgumentMap ; am:mainThesis :t .
        :t a am:Claim ; am:text "t" .  :a a am:Claim ; am:text "a" .  :b a am:Claim ; am:text "b" .
        :r a am:Support ; am:premise :a ; am:target :b .
    """)
    assert (":t", "main thesis: no relation supports or attacks it") in found
    assert {node for node, _ in found} == {":t", ":a", ":b"}


def test_undercut_premises_reach_the_thesis_through_the_relation(tmp_path):
    found = _structure(tmp_path, """
        :m a am:ArgumentMap ; am:mainThesis :t .
        :t a am:Claim ; am:text "t" .  :a a am:Claim ; am:text "a" .  :b a am:Claim ; am:text "b" .
        :r a am:Support ; am:premise :a ; am:target :t .
        :u a am:Undercut ; am:premise :b ; am:target :r .
    """)
    assert found == []


def test_mutual_attack_is_not_a_finding(tmp_path):
    found = _structure(tmp_path, """
        :m a am:ArgumentMap ; am:mainThesis :t .
        :t a am:Claim ; am:text "t" .  :a a am:Claim ; am:text "a" .
        :r1 a am:Attack ; am:premise :a ; am:target :t .
        :r2 a am:Attack ; am:premise :t ; am:target :a .
    """)
    assert found == []


def test_quote_offsets_must_span_the_exact_text_and_come_in_pairs(tmp_path):
    found = _structure(tmp_path, """
        :s a am:Source ; <http://purl.org/dc/terms/title> "s" .
        :q1 a am:Quote ; am:exact "four" ; am:start 0 ; am:end 5 ; am:inSource :s .
        :q2 a am:Quote ; am:exact "four" ; am:start 0 ; am:inSource :s .
        :q3 a am:Quote ; am:exact "four" ; am:start 0 ; am:end 4 ; am:inSource :s .
    """)
    assert found == [(":q1", "quote's offsets span 5 characters but its exact text has 4"),
                     (":q2", "a quote has both am:start and am:end, or neither")]


def test_question_status_without_a_scheme(tmp_path):
    found = _structure(tmp_path, """
        :t a am:Claim ; am:text "t" .  :a a am:Claim ; am:text "a" .
        :r a am:Support ; am:premise :a ; am:target :t ; am:questionStatus :s .
        :s a am:OpenQuestion ; am:question am:SignCQ1 .
    """)
    assert found == [(":s", "the question am:SignCQ1 has no scheme to come from: :r applies no am:scheme")]


def test_quote_offsets_in_the_wrong_order_are_said_to_be(run_cli, tmp_path):
    """[504, 473) is not a span outside the source, nor one of -31 characters: its ends are swapped."""
    source = need_file(SOURCE)
    text = BUNDLED.read_text(encoding="utf-8")
    assert text.count("am:start 402 ;\n    am:end 473 ;") == 1
    amap = tmp_path / "swapped.ttl"
    amap.write_text(text.replace("am:start 402 ;", "am:start 504 ;"), encoding="utf-8")
    done = run_cli("validate", amap, "--source", source, env=HERE)
    assert done.returncode == 1
    quote = [line for line in done.stdout.splitlines() if ":nk-duplicitous-q1:" in line]
    # line 60 describes the quote (line 59 names it as the claim's am:quote)
    assert (f'{amap}:60: :nk-duplicitous-q1: claim "North Korea is likely duplicitous": '
            "quote offsets [504, 473) are in the wrong order: start 504 is after end 473") in quote
    assert not any("outside the source" in line or "span -31" in line for line in quote), quote


# --- quote findings name the claim and say where the quote is ---------------------------------

_BRIDGE = "We should build the bridge. It will cut travel times by half.\nEngineers say “it is safe”."
# W0 ... .26 _27 I28 ... h56 a57 l58 f59 .60 \n61 E62 ... s70 _71 s72 a73 y74 _75 “76 i77 ... e86 ”87 .88


def _quote_map(tmp_path, exact, start, end):
    (tmp_path / "bridge.txt").write_text(_BRIDGE, encoding="utf-8")
    amap = tmp_path / "q.ttl"
    amap.write_text(
        "@prefix : <http://example.org/q#> .\n@prefix am: <https://w3id.org/argmap#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        ":s a am:Source ; <http://purl.org/dc/terms/title> \"s\" .\n"
        ":c a am:Claim ; rdfs:label \"Quick trips\" ; am:text \"Trips get faster.\" ;\n"
        "    am:quote :q .\n"
        f":q a am:Quote ; am:exact \"{exact}\" ; am:start {start} ; am:end {end} ; am:inSource :s .\n",
        encoding="utf-8")
    return [(f.line, f.node, f.message) for f in validate([amap], sources={None: tmp_path / "bridge.txt"})]


def test_a_moved_quote_gets_the_offsets_to_use(tmp_path):
    found = _quote_map(tmp_path, "It will cut travel times", 27, 51)
    assert found == [(7, ":q", 'claim "Quick trips": quote does not match the source at [27, 51): the source has '
                               "' It will cut travel time'; the exact text is at [28, 52): use am:start 28 ; am:end 52")]


def test_a_quote_typed_with_straight_quotes_and_a_space_is_found_as_the_source_writes_it(tmp_path):
    found = _quote_map(tmp_path, 'half. Engineers say \\"it is safe\\"', 55, 87)
    assert found == [(7, ":q", 'claim "Quick trips": quote does not match the source at [55, 87): the source has '
                               "' half.\\nEngineers say “it is safe'; the quote is at [56, 88) as the source writes "
                               'it: use am:start 56 ; am:end 88 ; am:exact "half.\\nEngineers say “it is safe”"')]


def test_a_quote_found_nowhere_gets_the_closest_passage(tmp_path):
    found = _quote_map(tmp_path, "It will cut travel time in half", 28, 59)
    assert found == [(7, ":q", 'claim "Quick trips": quote does not match the source at [28, 59): the source has '
                               "'It will cut travel times by hal'; the exact text occurs nowhere in the source; the "
                               'closest passage is [28, 60) "It will cut travel times by half" (similarity 0.92)')]


def test_a_quote_written_inside_its_claim_is_pointed_at_the_claim(tmp_path):
    (tmp_path / "bridge.txt").write_text(_BRIDGE, encoding="utf-8")
    amap = tmp_path / "inner.ttl"
    amap.write_text('@prefix : <http://example.org/q#> .\n@prefix am: <https://w3id.org/argmap#> .\n'
                    ':s a am:Source ; <http://purl.org/dc/terms/title> "s" .\n\n'
                    ':c a am:Claim ; am:text "Trips get faster." ;\n'
                    '    am:quote [ a am:Quote ; am:exact "It will cut" ; am:start 0 ; am:end 11 ; am:inSource :s ] .\n',
                    encoding="utf-8")
    found = validate([amap], sources={None: tmp_path / "bridge.txt"})
    assert [(f.line, f.node, f.message) for f in found] == [
        (5, "[a am:Quote]", 'claim "Trips get faster.": quote does not match the source at [0, 11): the source has '
                        "'We should b'; the exact text is at [28, 39): use am:start 28 ; am:end 39")]
