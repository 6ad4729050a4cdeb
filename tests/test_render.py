"""The rendered page: self-contained, deterministic, and showing the map in a browser."""

from __future__ import annotations

from html.parser import HTMLParser

from argmap import ArgumentMap
from argmap.drawing import render_html

from .conftest import BUNDLED, DATA


class _Refs(HTMLParser):
    """Collects every URL that a script, stylesheet, image or frame would load."""

    def __init__(self):
        super().__init__()
        self.refs = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href", "data") and value:
                self.refs.append((tag, value))


def _remote_refs(page: str):
    parser = _Refs()
    parser.feed(page)
    return [(t, v) for t, v in parser.refs if v.strip().lower().startswith(("http:", "https:", "//"))]


def test_page_is_self_contained_and_deterministic(tmp_path, run_cli):
    first = run_cli("render", BUNDLED, "-o", tmp_path / "a.html")
    second = run_cli("render", BUNDLED, "-o", tmp_path / "b.html")
    assert first.returncode == 0 and second.returncode == 0, first.stderr
    a = (tmp_path / "a.html").read_bytes()
    assert a == (tmp_path / "b.html").read_bytes()
    page = a.decode("utf-8")
    assert _remote_refs(page) == []
    assert "vis.Network" in page  # the library is inline, not linked


def test_check_of_remote_refs_has_teeth():
    assert _remote_refs('<script src="https://cdn.example/x.js"></script><link href="//cdn/x.css">') == [
        ("script", "https://cdn.example/x.js"),
        ("link", "//cdn/x.css"),
    ]


def test_render_with_no_map_writes_bundled_map_to_cwd(run_cli, tmp_path):
    res = run_cli("render", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    out = tmp_path / "argmap.html"
    assert res.stdout.strip() == str(out)
    assert ArgumentMap.bundled().claims[ArgumentMap.bundled().main_thesis].label in out.read_text(encoding="utf-8")


def test_map_text_cannot_break_out_of_the_page(tmp_path):
    evil = tmp_path / "evil.ttl"
    evil.write_text(
        (DATA / "small.ttl").read_text(encoding="utf-8").replace('"Thesis"', '"</script><script>window.pwned=1</script>"'),
        encoding="utf-8",
    )
    page = render_html(ArgumentMap.load(evil), title="<b>title</b>")
    assert "<script>window.pwned" not in page
    assert "<b>title</b>" not in page and "&lt;b&gt;title&lt;/b&gt;" in page


def test_encodings_on_hand_made_map():
    """Size, colour, edge styles and the undercut's diamond, checked on tests/data/small.ttl."""
    from argmap.drawing import EDGE_STYLES, STATUS_COLOURS, RenderOptions, page_data

    amap = ArgumentMap.load(DATA / "small.ttl")
    data = page_data(amap, RenderOptions(color="status"))
    nodes = {n["id"]: n for n in data["nodes"]}
    S = "http://example.org/small#"
    # grounded by hand: a attacks t and nothing attacks a, so a IN, t OUT; the rest IN
    assert {k.removeprefix(S): n["status"] for k, n in nodes.items() if n["kind"] != "relation"} == {
        "a": "IN", "t": "OUT", "p1": "IN", "p2": "IN", "q": "IN", "u": "IN"}
    assert nodes[S + "t"]["color"]["background"] == STATUS_COLOURS["OUT"]
    assert nodes[S + "t"]["borderWidth"] > nodes[S + "a"]["borderWidth"]  # the main thesis
    # stronger claims are drawn bigger: DF-QuAD p1 .8 > a .7 > t .3
    assert nodes[S + "p1"]["font"]["size"] > nodes[S + "t"]["font"]["size"]
    assert nodes[S + "s1"]["kind"] == "relation" and nodes[S + "s1"]["shape"] == "diamond"
    edges = {(e["from"].removeprefix(S), e["to"].removeprefix(S)): e for e in data["edges"]}
    # the undercut relation s1 is drawn through its diamond: p1, p2 -> s1 -> t, and u -> s1
    assert set(edges) == {("p1", "s1"), ("p2", "s1"), ("s1", "t"), ("u", "s1"), ("a", "t"), ("q", "a")}
    assert edges[("a", "t")]["dashes"] == EDGE_STYLES["attack"]["dashes"] != EDGE_STYLES["support"]["dashes"]
    assert edges[("a", "t")]["arrows"]["to"]["type"] == "bar"
    assert edges[("q", "a")]["arrows"]["to"]["type"] == "arrow"
    assert edges[("u", "s1")]["kind"] == "undercut"
    # width by contribution: a's attack carries a (.7), q's support carries q (.5)
    assert edges[("a", "t")]["width"] > edges[("q", "a")]["width"]
    kind = {n["id"]: n["color"]["background"] for n in page_data(amap, RenderOptions(color="kind"))["nodes"]}
    assert kind[S + "p1"] == kind[S + "p2"] != kind[S + "t"]


TINY = """@prefix : <http://example.org/tiny#> .
@prefix am: <https://w3id.org/argmap#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
:map a am:ArgumentMap ; am:mainThesis :t .
:t a am:PolicyClaim ; rdfs:label "Thesis" ; am:text "Do T." ; am:baseScore 0.5 .
:a a am:FactualClaim ; rdfs:label "A" ; am:text "A holds." ; am:baseScore 0.6 .
:u a am:Claim ; rdfs:label "U" ; am:text "A is beside the point." ; am:baseScore 0.5 .
:r a am:Attack ; am:premise :a ; am:target :t .
:x a am:Undercut ; am:premise :u ; am:target :r .
"""


def test_nodes_and_edges_are_vis_network_objects(tmp_path):
    """Every node and edge of a three-claim map with an undercut, worked out by hand (force layout: no positions).

    DF-QuAD: a and u keep their base scores; r contributes a's .6 times (1 - u's .5) = .3, so t = .5 - .5 * .3
    = .35.  Grounded: u undercuts r, so nothing attacks t and all three are IN.  Sizes: margin 2 + round(4s),
    font 12 + round(2s); edge width 1 + 4 * the premises' strength (.6 and .5).
    """
    from argmap.drawing import page_data, RenderOptions

    (tmp_path / "tiny.ttl").write_text(TINY, encoding="utf-8")
    data = page_data(ArgumentMap.load(tmp_path / "tiny.ttl"), RenderOptions(color="kind", layout="force"))
    S = "http://example.org/tiny#"

    def claim(name, label, text, s, base, verdict, kind, colour, thesis=False, dashes=False):
        return {"id": S + name, "label": label, "shape": "box",
                "title": f"{label}\n\n{text}\n\ndfquad: {s:.3f} (base {base:.2f}, {verdict}) \u00b7 grounded: IN",
                "color": {"background": colour, "border": "#000000" if thesis else "#444444"},
                "borderWidth": 5 if thesis else 1, "shapeProperties": {"borderDashes": dashes},
                "margin": 2 + round(4 * s), "font": {"size": 13, "face": "sans-serif", "multi": False},
                "kind": kind, "status": "IN", "verdict": verdict, "thesis": thesis}

    assert {n["id"].removeprefix(S): n for n in data["nodes"]} == {
        "t": claim("t", "Thesis", "Do T.", 0.35, 0.5, "lowered", "policy", "#009E73", thesis=True),
        "a": claim("a", "A", "A holds.", 0.6, 0.6, "kept", "fact", "#56B4E9"),
        "u": claim("u", "U", "A is beside the point.", 0.5, 0.5, "kept", "claim", "#BBBBBB", dashes=[4, 3]),
        "r": {"id": S + "r", "label": " ", "shape": "diamond", "size": 7, "kind": "relation", "status": "",
              "title": "attack: A \u2192 Thesis", "thesis": False, "color": {"background": "#666666", "border": "#333333"}},
    }
    attack = {"color": "#D55E00", "dashes": [10, 6], "kind": "attack", "relation": S + "r", "width": 3.4,
              "title": "attack (0.60)"}
    assert sorted(data["edges"], key=lambda e: (e["from"], e["to"])) == [
        {"from": S + "a", "to": S + "r", "arrows": {"to": {"enabled": False, "type": "bar"}}, **attack},
        {"from": S + "r", "to": S + "t", "arrows": {"to": {"enabled": True, "type": "bar"}}, **attack},
        {"from": S + "u", "to": S + "r", "arrows": {"to": {"enabled": True, "type": "bar"}}, "color": "#7F3C8D",
         "dashes": [2, 5], "kind": "undercut", "relation": S + "x", "width": 3.0, "title": "undercut (0.50)"},
    ]


def test_hierarchical_rows_count_relations_from_the_thesis():
    from argmap.drawing import levels_of

    S = "http://example.org/small#"
    rows = {k.removeprefix(S): v for k, v in levels_of(ArgumentMap.load(DATA / "small.ttl")).items()}
    # t; its relations s1, a1; their premises; s1's undercut u1 and a's support s2; u (moved from
    # odd row 3 to 4, as claims take even rows) and q
    assert rows == {"t": 0, "s1": 1, "a1": 1, "p1": 2, "p2": 2, "a": 2, "u1": 2, "u": 4, "s2": 3, "q": 4}


def test_static_pictures(tmp_path, run_cli):
    from .conftest import need_program

    need_program("dot")
    svg = tmp_path / "map.svg"
    res = run_cli("render", DATA / "small.ttl", "--format", "svg", "-o", svg)
    assert res.returncode == 0, res.stderr
    text = svg.read_text(encoding="utf-8")
    assert text.count('class="node"') == 7 and text.count('class="edge"') == 6
    assert "stroke-dasharray" in text  # attacks and undercuts are dashed or dotted
    png = tmp_path / "map.png"
    assert run_cli("render", DATA / "small.ttl", "-o", png).returncode == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_jupyter_shows_the_map():
    from IPython.core.formatters import HTMLFormatter  # what Jupyter asks a value for its HTML with

    html_text = HTMLFormatter()(ArgumentMap.load(DATA / "small.ttl"))
    assert html_text.startswith("<iframe") and "srcdoc=" in html_text and "vis.Network" in html_text


def test_jupyter_shows_every_map_the_api_returns():
    """argmap.load, argmap.merge and the bundled map all hand out the map that shows itself in a notebook."""
    import argmap
    from IPython.core.formatters import HTMLFormatter

    small = DATA / "small.ttl"
    for amap in (argmap.load(small), argmap.merge(small, small), ArgumentMap.bundled()):
        assert HTMLFormatter()(amap).startswith("<iframe")


def assert_no_overlap(page):
    """No two boxes drawn on the map overlap (each box as vis-network draws it, without the border radius
    that ``getBoundingBox`` adds around it)."""
    boxes = page.evaluate("""() => { const n = window.argmap.network; return n.body.nodeIndices.map(id => {
        const p = n.getPosition(id), s = n.body.nodes[id].shape;
        return {left: p.x - s.width / 2, right: p.x + s.width / 2, top: p.y - s.height / 2, bottom: p.y + s.height / 2}; }); }""")
    assert len(boxes) > 1
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"])


def test_browser_shows_and_explains_the_bundled_map(tmp_path, run_cli, chromium_page):
    out = tmp_path / "map.html"
    assert run_cli("render", BUNDLED, "-o", out).returncode == 0
    amap = ArgumentMap.load(BUNDLED)
    undercut = {r.target for r in amap.relations.values() if r.type == "undercut"}
    page = chromium_page
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-settled=true]", timeout=60_000)
    # every claim and every relation is in the page's vis data
    drawn = set(page.evaluate("window.argmap.network.body.nodeIndices"))
    assert drawn == set(amap.claims) | undercut
    edge_relations = set(page.evaluate("window.argmap.edges.get().map(e => e.relation)"))
    assert edge_relations == set(amap.relations)
    # no two nodes overlap in the settled layout
    assert_no_overlap(page)
    # a click on the thesis shows its text and quote
    thesis = amap.claims[amap.main_thesis]
    pos = page.evaluate("id => window.argmap.network.canvasToDOM(window.argmap.network.getPosition(id))", thesis.id)
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    assert page.locator("#details h2").inner_text() == thesis.label
    details = page.locator("#details").inner_text()
    assert thesis.text in details and thesis.quotes[0].text in details
    # the search box finds a claim by its words and focuses it
    def hits(words):
        return [c for c in amap.claims.values() if words in c.label.lower() or words in c.text.lower()]

    target = next(c for c in amap.claims.values() if hits(c.text[:25].lower()) == [c] and c.id != thesis.id)
    page.fill("#search", target.text[:25].lower())
    assert page.locator("#details h2").inner_text() == target.label
    assert page.evaluate("window.argmap.network.getSelectedNodes()") == [target.id]
    # filters hide a kind
    page.locator("input[data-filter=kind][value=policy]").uncheck()
    visible = page.evaluate("window.argmap.view.getIds()")
    policy = {c for c, cl in amap.claims.items() if "https://w3id.org/argmap#PolicyClaim" in cl.types}
    assert policy and not (policy & set(visible))
    page.screenshot(path=str(tmp_path / "map.png"))
    assert (tmp_path / "map.png").stat().st_size > 10_000
    assert page.problems == []
    assert [u for u in page.requests if not u.startswith("file:")] == []


def test_force_layout_is_seeded_and_stops(tmp_path, run_cli, chromium_page):
    out = tmp_path / "force.html"
    assert run_cli("render", BUNDLED, "--layout", "force", "--color", "kind", "-o", out).returncode == 0
    page = chromium_page
    positions = []
    for _ in range(2):
        page.goto(out.as_uri())
        page.wait_for_selector("body[data-settled=true]", timeout=120_000)
        assert page.evaluate("window.argmap.network.physics.physicsEnabled") is False
        positions.append(page.evaluate("window.argmap.network.getPositions()"))
    assert positions[0] == positions[1]  # the same map gives the same layout
    amap = ArgumentMap.load(BUNDLED)
    assert set(positions[0]) == set(amap.claims) | {r.target for r in amap.relations.values() if r.type == "undercut"}
