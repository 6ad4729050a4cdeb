"""Terms keep their kind: a literal where the ontology wants a node, or a node where it wants a literal, is an error at load.

Both readers (Oxigraph's, argmap's own, and rdflib's, the reference, chosen
here with ``ARGMAP_READER``) must give the same one-line error: the file, the line
of the offending triple and the property.  The lines below are counted by
hand in the map texts.
"""

from __future__ import annotations

import pytest

from argmap import ArgumentMap
from argmap.errors import MapError

PREFIXES = "@prefix am: <https://w3id.org/argmap#> .\n@prefix : <urn:x:> .\n"

#: A sound map: line 4 the map, 5 and 6 the claims, 7 to 9 the attack.
SOUND = PREFIXES + """
:map a am:ArgumentMap ; am:mainThesis :a .
:a a am:Claim ; am:text "A" .
:b a am:Claim ; am:text "B" .
:r a am:Attack ;
    am:premise :b ;
    am:target :a .
"""

#: case: (the sound map's text to replace, its replacement, line, what the message says)
CASES = {
    "literal target": ("am:target :a .", 'am:target "urn:x:a" .', 9,
                       'urn:x:r: am:target takes a node (an IRI), not the literal "urn:x:a"; write <urn:x:a> for the node'),
    "literal premise in a list": ("am:premise :b ;", 'am:premise :b,\n        "B" ;', 9,
                                  'urn:x:r: am:premise takes a node (an IRI), not the literal "B"'),
    "literal main thesis": ("am:mainThesis :a .", 'am:mainThesis "urn:x:a" .', 4,
                            'urn:x:map: am:mainThesis takes a node (an IRI), not the literal "urn:x:a"; write <urn:x:a> for the node'),
    "literal type": (':b a am:Claim ; am:text "B" .', ':b am:text "B" ;\n   a "Claim" .', 7,
                     'urn:x:b: rdf:type takes a node (an IRI), not the literal "Claim"'),
    "literal source of a quote in a blank node": (
        ':a a am:Claim ; am:text "A" .',
        ':a a am:Claim ; am:text "A" ;\n   am:quote [ am:exact "A" ; am:inSource "urn:x:article" ] .', 6,
        # a blank node's label differs from one reading to the next: the subject is not named
        'am:inSource takes a node (an IRI), not the literal "urn:x:article"; write <urn:x:article> for the node'),
    "literal scheme": ("am:target :a .", 'am:target :a ;\n    am:scheme "ExpertOpinion" .', 10,
                       'urn:x:r: am:scheme takes a node (an IRI), not the literal "ExpertOpinion"'),
    "node text": (':b a am:Claim ; am:text "B" .', ":b a am:Claim ;\n   am:text :a .", 7,
                  "urn:x:b: am:text takes a literal, not the node <urn:x:a>"),
    "node base score": (':a a am:Claim ; am:text "A" .', ':a a am:Claim ; am:text "A" ; am:baseScore <urn:x:half> .',
                        5, "urn:x:a: am:baseScore takes a literal, not the node <urn:x:half>"),
    "blank node text": (':b a am:Claim ; am:text "B" .', ":b a am:Claim ; am:text [] .", 6,
                        "urn:x:b: am:text takes a literal, not a blank node"),
}

NTRIPLES = (
    "<urn:x:a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/argmap#Claim> .\n"
    "<urn:x:b> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/argmap#Claim> .\n"
    "<urn:x:r> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/argmap#Support> .\n"
    "<urn:x:r> <https://w3id.org/argmap#premise> <urn:x:b> .\n"
    '<urn:x:r> <https://w3id.org/argmap#target> "urn:x:a" .\n'
)


def _map(tmp_path, case):
    old, new, _line, _message = CASES[case]
    assert SOUND.count(old) == 1
    path = tmp_path / "map.ttl"
    path.write_text(SOUND.replace(old, new), encoding="utf-8")
    return path


def _load(path, reader, monkeypatch):
    monkeypatch.setenv("ARGMAP_READER", reader)
    return ArgumentMap.load(path)


@pytest.mark.parametrize("reader", ["rdflib", "fast"])
def test_the_sound_map_loads(tmp_path, reader, monkeypatch):
    path = tmp_path / "map.ttl"
    path.write_text(SOUND, encoding="utf-8")
    amap = _load(path, reader, monkeypatch)
    assert amap.relations["urn:x:r"].target == "urn:x:a"


@pytest.mark.parametrize("reader", ["rdflib", "fast"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_wrong_kind_is_an_error_at_its_line(tmp_path, case, reader, monkeypatch):
    path = _map(tmp_path, case)
    _old, _new, line, message = CASES[case]
    with pytest.raises(MapError) as err:
        _load(path, reader, monkeypatch)
    assert (err.value.path, err.value.line, err.value.message) == (str(path), line, message)
    assert str(err.value) == f"{path}:{line}: {message}"


@pytest.mark.parametrize("reader", ["rdflib", "fast"])
def test_wrong_kind_in_ntriples(tmp_path, reader, monkeypatch):
    path = tmp_path / "map.nt"
    path.write_text(NTRIPLES, encoding="utf-8")
    with pytest.raises(MapError) as err:
        _load(path, reader, monkeypatch)
    assert str(err.value) == (f'{path}:5: urn:x:r: am:target takes a node (an IRI), not the literal "urn:x:a"; '
                              "write <urn:x:a> for the node")


@pytest.mark.parametrize("reader", ["rdflib", "fast"])
def test_the_first_wrong_triple_in_the_file_is_reported(tmp_path, reader, monkeypatch):
    path = tmp_path / "map.ttl"
    # two faults: the text of :b (line 6) comes before the attack's target (line 9), though "urn:x:r" sorts after
    path.write_text(SOUND.replace('am:text "B"', "am:text :a").replace("am:target :a", 'am:target "urn:x:a"'),
                    encoding="utf-8")
    with pytest.raises(MapError) as err:
        _load(path, reader, monkeypatch)
    assert (err.value.line, err.value.message) == (6, "urn:x:b: am:text takes a literal, not the node <urn:x:a>")


@pytest.mark.parametrize("case", ["literal target", "node text", "literal source of a quote in a blank node"])
def test_both_readers_print_the_same_line_and_exit_2(run_cli, tmp_path, case):
    path = _map(tmp_path, case)
    _old, _new, line, message = CASES[case]
    slow = run_cli("score", path, env={"ARGMAP_READER": "rdflib"})
    fast = run_cli("score", path, env={"ARGMAP_READER": "fast"})
    for res in (slow, fast):
        assert res.returncode == 2 and res.stdout == ""
        assert res.stderr == f"argmap: error: {path}:{line}: {message}\n"
