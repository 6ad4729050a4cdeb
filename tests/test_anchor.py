"""Anchoring quotes: ``argmap.anchor`` (locate, reanchor, passages, propose) and ``argmap anchor``.

The spans of the small texts are counted by hand, character by character;
the proposals for the bundled map are measured against the quotes its
authors chose in the real article.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from argmap.anchor import (NoSuchOccurrence, QuoteAmbiguous, QuoteNotFound, Span, locate, normalize, passages,
                           reanchor)
from argmap.errors import InputError

from .conftest import BUNDLED, ROOT, SOURCE, need_file

HERE = {"PYTHONPATH": str(ROOT)}


# --- locate on small texts ----------------------------------------------------------------

def test_exact_text_is_found_where_it_is():
    # T0 h1 e2 _3 c4 a5 t6 _7 s8 a9 t10 _11 o12 n13
    assert locate("The cat sat on the mat.", "sat on") == Span(8, 14, "sat on")


def test_a_line_break_in_the_source_is_a_space_in_the_quote():
    # W0 e1 _2 s3..d8 \n9 b10..d14
    span = locate("We should\nbuild the bridge.", "should build")
    assert (span.start, span.end, span.exact) == (3, 15, "should\nbuild")


def test_straight_quotes_find_curly_ones_and_the_span_keeps_the_source_marks():
    # H0 e1 _2 s3 a4 i5 d6 _7 “8 n9 o10 ”11
    assert locate("He said “no” to it.", 'said "no"') == Span(3, 12, "said “no”")
    assert locate("North Korea’s past", "Korea's") == Span(6, 13, "Korea’s")


def test_a_hyphen_finds_an_en_dash():
    # p0 a1 g2 e3 s4 _5 1 6 0 7 –8 2 9 0 10
    assert locate("pages 10–20 only", "10-20") == Span(6, 11, "10–20")


def test_spaces_beside_a_dash_do_not_count():
    # a0 _1 l2 o3 n4 g5 —6 w7 ... d12 ; the second text: l2 ... g5 _6 –7 _8 w9 ... d14
    assert locate("a long—winded text", "long - winded") == Span(2, 13, "long—winded")
    assert locate("a long – winded text", "Long—winded") == Span(2, 15, "long – winded")


def test_case_does_not_count():
    assert locate("The Bridge is safe.", "the bridge IS") == Span(0, 13, "The Bridge is")


def test_a_character_that_folds_to_two_maps_back_to_itself():
    assert normalize("Aß") == ("ass", [0, 1, 1], [1, 2, 2])
    assert locate("Die Straße.", "STRASSE") == Span(4, 10, "Straße")


def test_an_exact_match_wins_over_a_loose_one():
    # the loose "stop now" is at 0, the exact one at 9
    assert locate("Stop now. stop now", "stop now") == Span(10, 18, "stop now")


def test_a_quote_found_twice_is_ambiguous_with_its_places():
    # y0 e1 s2 ,3 _4 n5 o6 ,7 _8 y9 e10 s11 ,12 _13 n14 o15
    with pytest.raises(QuoteAmbiguous) as caught:
        locate("yes, no, yes, no", "no")
    err = caught.value
    assert [(p.start, p.end) for p in err.places] == [(5, 7), (14, 16)]
    assert str(err) == 'quote "no" occurs 2 times, at [5, 7), [14, 16); quote more words or give {occurrence: N}'
    assert isinstance(err, InputError)
    assert err.describe("Claim X") == "Claim X: " + str(err)


def test_occurrence_picks_one_place_and_carries_context():
    span = locate("yes, no, yes, no", "no", occurrence=2)
    assert span == Span(14, 16, "no", prefix="yes, no, yes, ", suffix="")
    assert locate("yes, no, yes, no", "no", occurrence=1) == Span(5, 7, "no", prefix="yes, ", suffix=", yes, no")


def test_an_occurrence_beyond_the_places_is_not_found():
    with pytest.raises(NoSuchOccurrence) as caught:
        locate("yes, no, yes, no", "no", occurrence=3)
    assert str(caught.value) == 'quote "no" occurs 2 times, so there is no occurrence 3'
    assert isinstance(caught.value, QuoteNotFound)


def test_a_unique_text_has_no_context():
    span = locate("yes, no, yes, no", "yes, no, yes")
    assert (span.prefix, span.suffix) == ("", "")


def test_nowhere_gives_the_closest_passage_and_its_similarity():
    source = "We should build the bridge. It will cut travel times by half."
    with pytest.raises(QuoteNotFound) as caught:
        locate(source, "It will cut travel time in half")
    err = caught.value
    # "It will cut travel times by half" is [28, 60); the folded texts share 29 characters
    # in order, of 31 and 32: Indel similarity 2 * 29 / 63
    assert (err.closest.start, err.closest.end) == (28, 60)
    assert err.closest.exact == "It will cut travel times by half"
    assert err.similarity == pytest.approx(58 / 63)
    assert str(err) == ('quote "It will cut travel time in half" is nowhere in the source; the closest passage is '
                        '[28, 60) "It will cut travel times by half" (similarity 0.92)')


def test_an_empty_quote_is_not_found():
    with pytest.raises(QuoteNotFound, match="the quote is empty"):
        locate("some text", " \n ")


def test_errors_take_a_path_line_and_title_from_the_caller():
    with pytest.raises(QuoteNotFound) as caught:
        locate("abc", "xyz")
    err = caught.value
    again = QuoteNotFound(err.quote, err.closest, err.similarity, prefix="[Title]", path="m.argdown", line=4)
    assert str(again) == 'm.argdown:4: [Title]: quote "xyz" is nowhere in the source'
    placed = err.at("m.argdown", 4, "[Title]")
    assert (type(placed), str(placed), placed.line) == (QuoteNotFound, str(again), 4)
    assert str(err) == 'quote "xyz" is nowhere in the source'  # the original is left as it was
    with pytest.raises(QuoteAmbiguous) as caught:
        locate("no, no", "no")
    placed = caught.value.at("m.argdown", 2, "<Arg>")
    assert str(placed) == ('m.argdown:2: <Arg>: quote "no" occurs 2 times, at [0, 2), [4, 6); '
                           "quote more words or give {occurrence: N}")
    assert placed.places == caught.value.places and placed.exit_code == 2


# --- reanchor -------------------------------------------------------------------------------

def test_reanchor_takes_the_occurrence_nearest_the_old_start():
    source = "abc X def X ghi"  # X at 4 and at 10
    assert reanchor(source, "X", 9) == Span(10, 11, "X", prefix="abc X def ", suffix=" ghi")
    assert reanchor(source, "X", 5).start == 4
    assert reanchor(source, "X", 7).start == 4  # a tie goes to the earlier place
    with pytest.raises(QuoteNotFound):
        reanchor(source, "Y Z", 0)


def test_reanchor_finds_a_quote_after_an_edit_and_compared_loosely():
    old = "It said “yes”."
    new = "Later, it said\n“yes”."
    assert old[3:13] == "said “yes”"
    assert reanchor(new, 'said "yes"', 3) == Span(10, 20, "said\n“yes”")


# --- random texts -------------------------------------------------------------------------------

_TEXTS = st.text(alphabet="ab ’'\n-–ßX", min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.data())
def test_any_slice_is_located_at_its_own_characters(source, data):
    s = data.draw(st.integers(0, len(source) - 1))
    e = data.draw(st.integers(s + 1, len(source)))
    quote = source[s:e]
    starts = [i for i in range(len(source)) if source.startswith(quote, i)]
    if len(starts) == 1:
        span = locate(source, quote)
        assert (span.start, span.end, span.exact) == (s, e, quote)
    else:
        with pytest.raises(QuoteAmbiguous) as caught:
            locate(source, quote)
        assert [p.start for p in caught.value.places] == starts
        span = locate(source, quote, occurrence=starts.index(s) + 1)
        assert (span.start, span.end, span.exact) == (s, e, quote)
        assert span.prefix == source[max(0, s - 32):s] and span.suffix == source[e:e + 32]


_WORDS = st.text(alphabet="abcdefgh’X", min_size=1, max_size=6)
_GAPS = st.sampled_from([" ", "\n", "  ", " \n\t", "\r\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_WORDS, _GAPS), min_size=1, max_size=12), st.data())
def test_a_whitespace_mangled_slice_is_found_at_the_same_offsets(words, data):
    source, places = "", []
    for word, gap in words:
        places.append((len(source), len(source) + len(word)))
        source += word + gap
    i = data.draw(st.integers(0, len(places) - 1))
    j = data.draw(st.integers(i, len(places) - 1))
    s, e = places[i][0], places[j][1]
    gaps = data.draw(st.lists(_GAPS, min_size=j - i, max_size=j - i))
    mangled = "".join(w + g for (w, _), g in zip(words[i:j], gaps)) + words[j][0]
    assume(source.find(mangled) < 0)  # else the exact text is found, wherever it is
    folded, folded_quote = normalize(source)[0], normalize(mangled)[0]
    assume(sum(folded.startswith(folded_quote, k) for k in range(len(folded))) == 1)
    span = locate(source, mangled)
    assert (span.start, span.end, span.exact) == (s, e, source[s:e])


# --- passages ---------------------------------------------------------------------------------

def test_passages_are_sentences_clauses_and_runs_of_clauses():
    text = "We went home; it rained. Then, U.S. troops left."
    # "We went home" [0, 12); "it rained." (two words) is left out; the sentence [0, 24);
    # "Then" is one word; "U.S. troops left." [31, 48) is no new sentence after "U.S."
    assert [(p.start, p.end) for p in passages(text)] == [(0, 12), (0, 24), (25, 48), (31, 48)]
    assert all(p.exact == text[p.start:p.end] for p in passages(text))


# --- argmap anchor on a tiny map ----------------------------------------------------------------

TINY_SOURCE = "We should build the bridge. It will cut travel times by half. Engineers say it is safe; critics call it a waste."
# W0 ... .26 _27 I28 ... .60 _61 E62 ... e85 ;86 _87 c88 ...

TINY_MAP = """\
@prefix : <http://example.org/bridge#> .
@prefix am: <https://w3id.org/argmap#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

:map a am:ArgumentMap ; am:mainThesis :build ; am:source :doc .
:doc a am:Source ; dcterms:title "The bridge" .

:build a am:PolicyClaim ; rdfs:label "Build it" ; am:text "We should build the bridge." .
:faster a am:Claim ; rdfs:label "Faster trips" ; am:text "Travel times will be cut by half." .
:safe a am:Claim ; rdfs:label "It is safe" ; am:text "Engineers say the bridge is safe." ;
    am:quote :safe-q1 .
:safe-q1 a am:Quote ; am:exact "Engineers say it is safe" ; am:start 60 ; am:end 84 ; am:inSource :doc .

:r1 a am:Support ; am:premise :faster ; am:target :build .
:r2 a am:Support ; am:premise :safe ; am:target :build .
"""


@pytest.fixture
def tiny(tmp_path):
    (tmp_path / "bridge.txt").write_text(TINY_SOURCE, encoding="utf-8")
    (tmp_path / "bridge.ttl").write_text(TINY_MAP, encoding="utf-8")
    return tmp_path / "bridge.ttl", tmp_path / "bridge.txt"


def test_cli_anchor_json_proposes_passages_and_reanchors(run_cli, tiny):
    amap, source = tiny
    done = run_cli("anchor", amap, "--source", source, "--format", "json", env=HERE)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    build = [p for p in out["proposals"] if p["label"] == "Build it"]
    faster = [p for p in out["proposals"] if p["label"] == "Faster trips"]
    assert len(build) == len(faster) == 3
    assert [p["claim"] for p in out["proposals"]] == ["http://example.org/bridge#build"] * 3 + [
        "http://example.org/bridge#faster"] * 3
    # the claim's words are the whole first sentence: both ratios are 100
    assert build[0] == {"claim": "http://example.org/bridge#build", "label": "Build it",
                        "quote": {"text": "We should build the bridge.", "start": 0, "end": 27}, "score": 1.0}
    assert faster[0]["quote"] == {"text": "It will cut travel times by half.", "start": 28, "end": 61}
    assert [p["score"] for p in faster] == sorted((p["score"] for p in faster), reverse=True)
    assert out["reanchors"] == [{
        "quote": "http://example.org/bridge#safe-q1", "claim": "http://example.org/bridge#safe",
        "label": "It is safe", "old": {"text": "Engineers say it is safe", "start": 60, "end": 84},
        "new": {"text": "Engineers say it is safe", "start": 62, "end": 86}}]


def test_cli_anchor_table(run_cli, tiny):
    amap, source = tiny
    done = run_cli("anchor", amap, "--source", source, "--top", "1", env=HERE)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["claim", "score", "span", "proposed", "quote"]
    assert lines[2].split() == ["Build", "it", "1.00", "[0,", "27)", "We", "should", "build", "the", "bridge."]
    assert lines[3].startswith("Faster trips") and lines[3].endswith("[28, 61)  It will cut travel times by half.")
    assert lines[5].split()[:2] == ["claim", "old"]
    assert lines[7].split() == ["It", "is", "safe", "[60,", "84)", "[62,", "86)", "Engineers", "say", "it", "is", "safe"]


def test_cli_anchor_write_makes_the_map_valid_against_its_source(run_cli, tiny):
    amap, source = tiny
    before = run_cli("validate", amap, "--source", source, env=HERE)
    assert before.returncode == 1 and "safe-q1" in before.stdout
    done = run_cli("anchor", amap, "--source", source, "--write", env=HERE)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == f"stored 2 new quotes and mended the offsets of 1 quote in {amap}"
    after = run_cli("validate", amap, "--source", source, env=HERE)
    assert after.returncode == 0, after.stdout
    assert after.stdout.strip() == f"{amap}: valid"
    again = json.loads(run_cli("anchor", amap, "--source", source, "--format", "json", env=HERE).stdout)
    assert again == {"proposals": [], "reanchors": []}
    import argmap

    claims = argmap.load(amap).claims
    assert claims["http://example.org/bridge#build"].quotes[0].text == "We should build the bridge."
    assert claims["http://example.org/bridge#safe"].quotes[0].start == 62


def test_cli_anchor_write_below_the_threshold_stores_nothing_new(run_cli, tiny, tmp_path):
    amap, source = tiny
    out = tmp_path / "out.ttl"
    done = run_cli("anchor", amap, "--source", source, "--write", "--threshold", "1", "-o", out, env=HERE)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == f"stored 1 new quote and mended the offsets of 1 quote in {out}"  # only "Build it" scores 1
    assert amap.read_text(encoding="utf-8") == TINY_MAP


def test_cli_anchor_creates_a_source_when_the_map_names_none(run_cli, tmp_path):
    (tmp_path / "bridge.txt").write_text(TINY_SOURCE, encoding="utf-8")
    amap = tmp_path / "nosource.ttl"
    amap.write_text("@prefix : <http://example.org/b#> .\n@prefix am: <https://w3id.org/argmap#> .\n"
                    ":map a am:ArgumentMap ; am:mainThesis :build .\n"
                    ":build a am:Claim ; am:text \"We should build the bridge.\" .\n", encoding="utf-8")
    done = run_cli("anchor", amap, "--source", tmp_path / "bridge.txt", "--write", env=HERE)
    assert done.returncode == 0, done.stderr
    import argmap

    loaded = argmap.load(amap)
    assert [(s.id, s.title) for s in loaded.sources] == [("http://example.org/b#map-source", "bridge.txt")]
    assert run_cli("validate", amap, "--source", tmp_path / "bridge.txt", env=HERE).returncode == 0


def test_cli_anchor_missing_source_exits_2_in_one_line(run_cli, tiny, tmp_path):
    amap, _ = tiny
    done = run_cli("anchor", amap, "--source", tmp_path / "nope.txt", "--write", env=HERE)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == f"argmap: error: {tmp_path / 'nope.txt'}: no such file\n"
    assert amap.read_text(encoding="utf-8") == TINY_MAP
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bridge.ttl", "bridge.txt"]


def test_cli_anchor_output_needs_write(run_cli, tiny):
    amap, source = tiny
    done = run_cli("anchor", amap, "--source", source, "-o", "x.ttl", env=HERE)
    assert done.returncode == 2
    assert done.stderr == "argmap: error: -o/--output goes with --write\n"


# --- the bundled map without its quotes --------------------------------------------------------

def test_proposals_find_the_authors_quotes_in_the_article(run_cli, tmp_path):
    """Done when: for at least 80% of the claims, the top proposal overlaps one of the claim's own quotes."""
    import rdflib
    from rdflib import RDF

    import argmap
    from argmap.vocab import AM

    source = need_file(SOURCE)
    original = argmap.load(BUNDLED).claims
    quoted = {cid: [(q.start, q.end) for q in c.quotes] for cid, c in original.items() if c.quotes}
    graph = rdflib.Graph().parse(BUNDLED)
    for q in set(graph.subjects(RDF.type, AM.Quote)) | set(graph.objects(None, AM.quote)):
        graph.remove((q, None, None))
    graph.remove((None, AM.quote, None))
    bare = tmp_path / "bare.ttl"
    graph.serialize(bare, format="turtle")
    done = run_cli("anchor", bare, "--source", source, "--format", "json", env=HERE)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    top = {}
    for p in out["proposals"]:
        top.setdefault(p["claim"], p["quote"])
    assert len(quoted) == 47 and set(top) == set(original)
    hits = sum(any(s < top[cid]["end"] and top[cid]["start"] < e for s, e in spans) for cid, spans in quoted.items())
    share = hits / len(quoted)
    print(f"top proposal overlaps the claim's own quote for {hits} of {len(quoted)} claims ({share:.0%})")
    assert share >= 0.8, f"only {hits} of {len(quoted)} ({share:.0%}) top proposals overlap the claim's quote"
    assert out["reanchors"] == []


def test_the_module_examples_run():
    import doctest

    import argmap.anchor

    result = doctest.testmod(argmap.anchor)
    assert (result.failed, result.attempted) == (0, 3)


def test_cli_anchor_write_needs_an_rdf_file(run_cli, tiny, tmp_path):
    amap, source = tiny
    done = run_cli("anchor", amap, "--source", source, "--write", "-o", tmp_path / "out.argdown", env=HERE)
    assert done.returncode == 2
    assert done.stderr == (f"argmap: error: {tmp_path / 'out.argdown'}: cannot store quotes in the argdown format; "
                           "give -o FILE.ttl (or .nt, .rdf, .jsonld)\n")
    assert not (tmp_path / "out.argdown").exists()


def test_cli_anchor_write_leaves_a_map_with_nothing_to_change_as_it_is(run_cli, tiny):
    amap, source = tiny
    assert run_cli("anchor", amap, "--source", source, "--write", env=HERE).returncode == 0
    written = amap.read_text(encoding="utf-8") + "# a comment of the author\n"
    amap.write_text(written, encoding="utf-8")
    done = run_cli("anchor", amap, "--source", source, "--write", env=HERE)
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"nothing to store: {amap} is left as it is\n"
    assert amap.read_text(encoding="utf-8") == written


def test_cli_anchor_write_refuses_a_map_of_two_sources(run_cli, tiny):
    amap, source = tiny
    amap.write_text(TINY_MAP.replace("am:source :doc .", "am:source :doc, :other .\n:other a am:Source ; "
                                     'dcterms:title "Other" .'), encoding="utf-8")
    done = run_cli("anchor", amap, "--source", source, "--write", env=HERE)
    assert done.returncode == 2
    assert done.stderr == ("argmap: error: the map has 2 sources (<http://example.org/bridge#doc>, "
                           "<http://example.org/bridge#other>); anchor reads one source's text, so give a map "
                           "of one source\n")
