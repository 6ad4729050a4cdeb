"""A whole map in one Argdown file, and back: nothing lost through Argdown or AIF.

The bundled map is exported, imported again with the article as its source,
and compared with the original: claims, relations, thesis, kinds, base
scores, speakers, and every quote with the same text and offsets (which the
import finds in the article again).  Then the errors an analyst meets while
writing such a file: a typo in a title, a misplaced undercut, a quote that is
nowhere, a quote that is in several places.
"""

from __future__ import annotations

import pytest

import argmap

from .conftest import BUNDLED, SOURCE, need_file


def essentials(amap) -> dict:
    """What must survive the way there and back, named by labels (IRIs differ between formats)."""
    label = {cid: c.label for cid, c in amap.claims.items()}

    def speaker(agent):
        from rdflib import RDFS, URIRef

        name = amap.graph.value(URIRef(agent), RDFS.label)
        return str(name) if name is not None else agent

    def end(rid):
        r = amap.relations.get(rid)
        return label[rid] if r is None else (r.type, tuple(sorted(label[p] for p in r.sources)), end(r.target))

    claims = {
        c.label: {
            "text": c.text,
            "kinds": sorted(t.rsplit("#", 1)[-1] for t in c.types),
            "base": c.base_score,
            "speakers": sorted(speaker(a) for a in c.attributed_to),
            "quotes": sorted((q.text, q.start, q.end) for q in c.quotes),
        }
        for c in amap.claims.values()
    }
    relations = sorted(map(str, (end(rid) + (amap.scheme(rid),) for rid in amap.relations)))
    return {"claims": claims, "relations": relations, "thesis": label.get(amap.main_thesis)}


@pytest.fixture
def bundled():
    return argmap.load(BUNDLED)


def test_bundled_map_through_argdown_keeps_everything(bundled, tmp_path, run_cli):
    need_file(SOURCE)
    path = tmp_path / "map.argdown"
    text = argmap.export(bundled, "argdown", path, source=SOURCE)
    # the article's title is the first of two places where its words stand
    assert '{quote: ["President Trump Should be Cautious During the Kim Meeting", ' in text
    assert "occurrence: [2, null]" in text
    again = argmap.load(path, source=SOURCE)
    want, got = essentials(bundled), essentials(again)
    assert got["thesis"] == want["thesis"] == "Be cautious at the Kim meeting"
    assert got["relations"] == want["relations"]
    assert got["claims"] == want["claims"]
    assert sum(len(c["quotes"]) for c in got["claims"].values()) == 56
    # the command line does the same, and what it writes is valid against the article
    out = tmp_path / "map.ttl"
    done = run_cli("import", path, "--source", SOURCE, "-o", out)
    assert done.returncode == 0, done.stderr
    assert essentials(argmap.load(out)) == want
    done = run_cli("validate", out, "--source", SOURCE)
    assert done.returncode == 0, done.stdout + done.stderr


def test_front_matter_source_is_relative_to_the_file(bundled, tmp_path):
    source = need_file(SOURCE)
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "article.txt").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "map.argdown"
    text = argmap.export(bundled, "argdown", path, source=tmp_path / "texts" / "article.txt")
    assert "\nsource: \"texts/article.txt\"\n" in text
    again = argmap.load(path)
    assert essentials(again) == essentials(bundled)
    (src,) = [s for s in again.sources if s.id.endswith("article.txt")]
    assert src.title == "President Trump Should be Cautious During the Kim Meeting"


def test_bundled_map_through_aif_keeps_everything(bundled, tmp_path, run_cli):
    path = tmp_path / "map.json"
    text = argmap.export(bundled, "aif", path)
    want = essentials(bundled)
    assert essentials(argmap.load(path)) == want
    # in AIF's own terms: one L-node per quote, anchored by a YA-node in its claim, and the speakers' locutions
    import json

    data = json.loads(text)
    types = [n["type"] for n in data["nodes"]]
    assert types.count("L") == types.count("YA") == 56 and types.count("I") == 47
    assert len(data["locutions"]) == 47 and len(data["participants"]) == 4
    done = run_cli("validate", path, *(("--source", SOURCE) if SOURCE.exists() else ()))
    assert done.returncode == 0, done.stdout + done.stderr


# --- the errors an analyst meets ---------------------------------------------

ARTICLE = """The mayor says the bridge will open in May. Critics doubt it.
The contractor has missed every deadline so far.
Critics doubt it, again.
"""


def write(tmp_path, body: str):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "map.argdown"
    path.write_text("===\nsource: article.txt\nthesis: Bridge opens in May\n===\n\n" + body, encoding="utf-8")
    return path


def test_quotes_are_found_across_line_breaks_and_quote_marks(tmp_path):
    path = write(tmp_path, '[Bridge opens in May]: The bridge opens in May. #prediction {quote: "the bridge will open '
                           'in May", speaker: The mayor, base: 0.6}\n  <- [Missed deadlines]: The contractor is late. '
                           '#fact {quote: "in May. Critics doubt it. The contractor"}\n')
    amap = argmap.load(path)
    bridge = next(c for c in amap.claims.values() if c.label == "Bridge opens in May")
    (q,) = bridge.quotes
    assert (q.text, q.start, q.end) == ("the bridge will open in May", 15, 42)
    assert ARTICLE[15:42] == q.text and bridge.base_score == 0.6
    late = next(c for c in amap.claims.values() if c.label == "Missed deadlines")
    (q,) = late.quotes  # typed on one line, it crosses a line break in the article
    assert (q.start, q.end) == (36, 76) and q.text == ARTICLE[36:76] and "\n" in q.text
    assert amap.claims[amap.main_thesis].label == "Bridge opens in May"


@pytest.mark.parametrize("body, line, words", [
    # a typo in a title: the nearest defined titles are offered
    ("[Bridge opens in May]: It opens.\n  <- [Missed deadlnes]\n\n[Missed deadlines]: Late.\n", 7,
     ["[Missed deadlnes] has no text anywhere", "did you mean [Missed deadlines]"]),
    # an undercut below a statement at the top has nothing to undercut
    ("[Bridge opens in May]: It opens.\n  <_ [Missed deadlines]: Late.\n", 7,
     ["undercut of [Bridge opens in May] has nothing to undercut"]),
    # a quote that is nowhere in the article: the claim, and the closest passage
    ('[Bridge opens in May]: It opens. {quote: "the tunnel will open in June"}\n', 6,
     ["[Bridge opens in May]", "nowhere"]),
    # a quote that is in two places
    ('[Bridge opens in May]: It opens. {quote: "Critics doubt it"}\n', 6,
     ["[Bridge opens in May]", "Critics doubt it"]),
    # a thesis that no statement has as its title
    ("[Bridge opens on time]: It opens.\n", 3, ["thesis", "did you mean [Bridge opens on time]"]),
])
def test_mistakes_are_errors_with_their_line(tmp_path, run_cli, body, line, words):
    path = write(tmp_path, body)
    out = tmp_path / "map.ttl"
    done = run_cli("import", path, "-o", out)
    assert done.returncode == 2 and not out.exists()
    (message,) = done.stderr.splitlines()
    assert message.startswith(f"argmap: error: {path}:{line}:")  # the front matter takes lines 1 to 4
    for w in words:
        assert w in message, message


def test_occurrence_picks_one_of_several_places(tmp_path):
    path = write(tmp_path, '[Bridge opens in May]: It opens. {quote: "Critics doubt it", occurrence: 2}\n')
    (q,) = argmap.load(path).claims[next(iter(argmap.load(path).claims))].quotes
    assert (q.start, q.end) == (111, 127) and ARTICLE[111:127] == "Critics doubt it"


def test_import_source_anchors_the_quotes_other_readers_bring_without_offsets(bundled, tmp_path, run_cli):
    """AIF's L-nodes written without offsets: `import --source` finds them as the Argdown reader does."""
    import json

    need_file(SOURCE)
    data = json.loads(argmap.export(bundled, "aif"))
    article = SOURCE.read_text(encoding="utf-8")
    stripped = 0
    for node in data["nodes"]:  # a quote in two places keeps its offsets (else: the ambiguity error)
        if node["type"] == "L" and article.count(node["text"]) == 1:
            node["start"] = node["end"] = None
            stripped += 1
    assert stripped == 55
    path = tmp_path / "map.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "map.ttl"
    done = run_cli("import", path, "--source", SOURCE, "-o", out)
    assert done.returncode == 0, done.stderr
    got, want = essentials(argmap.load(out)), essentials(bundled)
    assert {k: c["quotes"] for k, c in got["claims"].items()} == {k: c["quotes"] for k, c in want["claims"].items()}
