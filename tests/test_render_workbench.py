"""The page as an analyst's workbench, in real Chromium: the article beside the map, what-if, verdict colours,
a readable first view, permalinks, PNG export, the keyboard, and untrusted text kept as text.

The what-if tests come in two kinds.  Those at the end run the page's real semantics engine
(``argmap/templates/semantics.js``) and compare it with the library; the others drive the same controls
through a stand-in engine that this file defines (:data:`STAND_IN_JS`), so that the page's side of what-if
(slider, switch, reset, sizes, numbers, ranking) is tested apart from the engine.
"""

from __future__ import annotations

import base64
import importlib
import random
import sys
import types

import pytest
import rdflib
from rdflib import RDF, RDFS, Literal, Namespace, URIRef

from argmap import ArgumentMap
from argmap.drawing import VERDICT_COLOURS, RenderOptions, page_data, render_html, source_pane, verdict
from argmap.semantics.page import what_if_scores

from .conftest import BUNDLED, SOURCE, need_file
from .test_render import assert_no_overlap

render_module = importlib.import_module("argmap.drawing")
AM = Namespace("https://w3id.org/argmap#")
X = Namespace("http://example.org/wb#")
WINDOW = {"width": 1400, "height": 900}
PNG = b"\x89PNG\r\n\x1a\n"


def _open(page, path, hash_=""):
    page.set_viewport_size(WINDOW)
    page.goto(path.as_uri() + hash_)
    page.wait_for_selector("body[data-settled=true]", timeout=60_000)


@pytest.fixture(scope="module")
def bundled_page(tmp_path_factory):
    """The bundled map rendered with its article (the shared source text)."""
    need_file(SOURCE)
    out = tmp_path_factory.mktemp("wb") / "map.html"
    out.write_text(render_html(ArgumentMap.load(BUNDLED), RenderOptions(source=str(SOURCE))), encoding="utf-8")
    return out


def _quotes(amap):
    return sorted(((q.start, q.end, cid, q.text) for cid, c in amap.claims.items() for q in c.quotes))


# --- 1. the article beside the map ----------------------------------------------------------------------

def test_highlights_are_the_quotes(bundled_page, chromium_page):
    amap = ArgumentMap.load(BUNDLED)
    quotes = _quotes(amap)
    page = chromium_page
    _open(page, bundled_page)
    marks = page.eval_on_selector_all("#article-text mark", "ms => ms.map(m => m.textContent)")
    assert len(marks) == len(quotes) == 56
    assert marks == [q[3] for q in quotes]
    # the whole article is there, as text: marks and plain text nodes only
    assert page.eval_on_selector("#article-text", "e => e.textContent") == SOURCE.read_text(encoding="utf-8")
    kinds = page.eval_on_selector("#article-text", "e => [...e.childNodes].map(n => n.nodeName)")
    assert set(kinds) == {"#text", "MARK"}
    assert page.eval_on_selector_all("#article-text mark", "ms => ms.every(m => m.childElementCount === 0)")
    assert page.problems == []


def test_click_through_both_ways(bundled_page, chromium_page):
    amap = ArgumentMap.load(BUNDLED)
    page = chromium_page
    _open(page, bundled_page)
    # a click on a marked passage selects its claim, on the map and in the panel
    last = _quotes(amap)[-1]
    page.locator("#article-text mark").nth(55).click()
    assert page.evaluate("window.argmap.selected()") == last[2]
    assert page.evaluate("window.argmap.network.getSelectedNodes()") == [last[2]]
    assert page.inner_text("#details h2") == amap.claims[last[2]].label
    # selecting a claim marks its quotes in the article and scrolls them into view
    thesis = amap.claims[amap.main_thesis]
    page.evaluate("id => window.argmap.select(id)", thesis.id)
    current = page.eval_on_selector_all("#article-text mark.current", "ms => ms.map(m => m.textContent)")
    assert current == [q.text for q in sorted(thesis.quotes, key=lambda q: q.start)]
    claim = amap.claims[last[2]]
    page.evaluate("id => window.argmap.select(id)", claim.id)
    visible = page.evaluate("""() => { const pane = document.getElementById('article').getBoundingClientRect();
        const m = document.querySelector('#article-text mark.current').getBoundingClientRect();
        return m.top >= pane.top && m.bottom <= pane.bottom; }""")
    assert visible
    assert page.problems == []


def _map_beside(article, text, thesis):
    """The article written to ``article``; a graph of a map with that thesis; the article's file IRI."""
    article.write_text(text, encoding="utf-8")
    g = rdflib.Graph()
    g.add((X.map, RDF.type, AM.ArgumentMap))
    g.add((X.map, AM.mainThesis, thesis))
    return article, g, URIRef(article.resolve().as_uri())


def test_source_comes_from_the_quotes_own_file_iri(tmp_path, run_cli):
    text = "First sentence here. The quoted passage is this one. Unquoted tail."
    article, g, src = _map_beside(tmp_path / "article.txt", text, X.t)
    g.add((X.t, RDF.type, AM.Claim))
    g.add((X.t, RDFS.label, Literal("T")))
    g.add((X.t, AM.text, Literal("T.")))
    g.add((X.t, AM.quote, X.q))
    g.add((X.q, RDF.type, AM.Quote))
    g.add((X.q, AM.exact, Literal("The quoted passage is this one.")))
    g.add((X.q, AM.inSource, src))  # no offsets: found in the text
    ttl = tmp_path / "m.ttl"
    g.serialize(ttl, format="turtle")
    pane = source_pane(ArgumentMap.load(ttl))
    start = text.index("The quoted")
    assert pane["text"] == text and pane["missing"] == 0
    assert [(q["start"], q["end"]) for q in pane["quotes"]] == [(start, start + 31)]
    res = run_cli("render", ttl, "-o", tmp_path / "m.html")
    assert res.returncode == 0, res.stderr
    assert "Unquoted tail." in (tmp_path / "m.html").read_text(encoding="utf-8")
    # without the file, no article pane
    article.unlink()
    assert source_pane(ArgumentMap.load(ttl)) is None


def test_offsets_are_utf16_for_the_page():
    """A quote after a character outside the BMP starts one code unit later in JavaScript."""
    g = rdflib.Graph()
    g.add((X.t, RDF.type, AM.Claim))
    g.add((X.t, AM.text, Literal("T.")))
    g.add((X.t, AM.quote, X.q))
    g.add((X.q, AM.exact, Literal("rocket")))
    g.add((X.q, AM.start, Literal(2)))
    g.add((X.q, AM.end, Literal(8)))
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "s.txt"
        f.write_text("\U0001F680 rocket", encoding="utf-8")
        pane = source_pane(ArgumentMap(g), f)
    assert [(q["start"], q["end"]) for q in pane["quotes"]] == [(3, 9)]


# --- 3. one verdict per claim ---------------------------------------------------------------------------

def test_verdict_colours_strength_against_base():
    amap = ArgumentMap.load(BUNDLED)
    data = page_data(amap, RenderOptions())
    base = amap.base_scores()
    for n in data["nodes"]:
        if n["kind"] == "relation":
            continue
        d = data["details"][n["id"]]
        expected = "raised" if d["score"] > base[n["id"]] + 0.005 else "lowered" if d["score"] < base[n["id"]] - 0.005 else "kept"
        assert n["verdict"] == d["verdict"] == expected
        assert n["color"]["background"] == VERDICT_COLOURS[expected]
    assert {n["verdict"] for n in data["nodes"] if n["kind"] != "relation"} == {"raised", "kept", "lowered"}
    assert verdict(0.504, 0.5) == "kept" and verdict(0.51, 0.5) == "raised" and verdict(0.49, 0.5) == "lowered"


def test_status_colour_takes_supports_into_account():
    from argmap.semantics import extensions_of

    amap = ArgumentMap.load(BUNDLED)
    plain = page_data(amap, RenderOptions(color="status"))
    both = page_data(amap, RenderOptions(color="status", support="all"))
    want = extensions_of(amap, "grounded", "all").status
    assert {c: d["status"] for c, d in both["details"].items()} == want
    assert want != extensions_of(amap, "grounded").status  # supports change the statuses of this map
    assert both["extension"] == "grounded (all)" and plain["extension"] == "grounded"


# --- 4. readable at once --------------------------------------------------------------------------------

WORDS = ("talks deal pressure allies sanctions summit regime missile test leverage experts doubt trust promise "
         "envoy treaty troops nuclear freeze verification concession risk history record timing").split()


def hundred_claims(path, n=100, seed=3, shape="tree"):
    """A generated map of ``n`` claims with labels of 3 to 7 words (at most 50 characters), supports and attacks.

    ``shape``: ``tree``, each claim below a random earlier one at most 4 relations from the thesis; ``chain``,
    each below the one before; ``star``, all below the thesis.
    """
    rnd = random.Random(seed)
    lines = ["@prefix : <http://example.org/gen#> .", "@prefix am: <https://w3id.org/argmap#> .",
             "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .", ":map a am:ArgumentMap ; am:mainThesis :c0 ."]
    depth = {0: 0}
    for i in range(n):
        words = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(3, 7)))
        label = (words[0].upper() + words[1:])[:50]
        lines.append(f':c{i} a am:Claim ; rdfs:label "{label}" ; am:text "{label}." ; am:baseScore {rnd.randint(2, 9) / 10} .')
        if i:
            t = {"chain": i - 1, "star": 0}.get(shape) if shape != "tree" else rnd.choice([j for j in range(i) if depth[j] < 4])
            depth[i] = depth[t] + 1
            kind = "am:Attack" if rnd.random() < 0.35 else "am:Support"
            lines.append(f":r{i} a {kind} ; am:premise :c{i} ; am:target :c{t} .")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _first_view(page):
    """Each claim drawn: its label's size on screen in CSS px, and whether its box is inside the map's pane."""
    return page.evaluate("""() => { const n = window.argmap.network, m = document.getElementById('map');
        return window.argmap.view.get().filter(x => x.kind !== 'relation').map(x => {
          const b = n.getBoundingBox(x.id), p = n.canvasToDOM({x: b.left, y: b.top}), q = n.canvasToDOM({x: b.right, y: b.bottom});
          return {id: x.id, px: x.font.size * n.getScale(),
                  inside: p.x >= -0.5 && p.y >= -0.5 && q.x <= m.clientWidth + 0.5 && q.y <= m.clientHeight + 0.5}; }); }""")


def test_map_pane_is_the_area_the_layout_fills(bundled_page, chromium_page):
    _open(chromium_page, bundled_page)
    width, height = chromium_page.evaluate("[document.getElementById('map').clientWidth, document.getElementById('map').clientHeight]")
    assert width == render_module.MAP_AREA[0] and height >= render_module.MAP_AREA[1]


def test_bundled_map_opens_with_every_label_readable(bundled_page, chromium_page):
    page = chromium_page
    _open(page, bundled_page)
    seen = _first_view(page)
    least = min(s["px"] for s in seen)
    print(f"bundled map (47 claims), 1400x900: smallest label {least:.2f} CSS px")
    assert len(seen) == 47
    assert least >= 11
    assert [s["id"] for s in seen if not s["inside"]] == []


@pytest.mark.parametrize("shape,seed", [("tree", 3), ("tree", 4), ("tree", 5), ("tree", 6), ("chain", 3), ("star", 3)])
def test_hundred_claims_open_all_readable(tmp_path, chromium_page, shape, seed):
    amap = ArgumentMap.load(hundred_claims(tmp_path / "h.ttl", seed=seed, shape=shape))
    out = tmp_path / "h.html"
    out.write_text(render_html(amap), encoding="utf-8")
    page = chromium_page
    _open(page, out)
    seen = _first_view(page)
    least = min(s["px"] for s in seen)
    outside = [s["id"] for s in seen if not s["inside"]]
    print(f"generated {shape} (100 claims, seed {seed}), 1400x900: smallest label {least:.2f} CSS px, "
          f"{100 - len(outside)} of 100 in view")
    assert len(seen) == 100 and least >= 11 and outside == []
    assert_no_overlap(page)


def test_larger_map_opens_on_the_thesis_and_its_reasons(tmp_path, chromium_page):
    amap = ArgumentMap.load(hundred_claims(tmp_path / "h.ttl", n=250))
    out = tmp_path / "h.html"
    out.write_text(render_html(amap), encoding="utf-8")
    page = chromium_page
    _open(page, out)
    seen = _first_view(page)
    inside = [s["id"] for s in seen if s["inside"]]
    assert len(seen) == 250 and min(s["px"] for s in seen) >= 11 and len(inside) < 250
    thesis = amap.main_thesis
    reasons = {p for r in amap.relations.values() if r.target == thesis for p in r.sources}
    assert {thesis} | reasons <= set(inside)


# --- 5. shareable ---------------------------------------------------------------------------------------

def test_permalink_selects_the_claim(bundled_page, chromium_page):
    from urllib.parse import quote

    amap = ArgumentMap.load(BUNDLED)
    claim = sorted((c for c in amap.claims.values() if "'" in c.label), key=lambda c: c.id)[0]  # a quote mark too
    page = chromium_page
    _open(page, bundled_page, "#claim=" + quote(claim.label))
    assert page.evaluate("window.argmap.selected()") == claim.id
    assert page.inner_text("#details h2") == claim.label
    other = next(c for c in amap.claims.values() if c.id != claim.id)
    _open(page, bundled_page, "#claim=" + quote(other.id, safe=""))
    assert page.evaluate("window.argmap.selected()") == other.id
    # selecting a claim writes its permalink
    page.evaluate("id => window.argmap.select(id)", claim.id)
    assert page.evaluate("decodeURIComponent(location.hash)") == "#claim=" + claim.label
    assert page.problems == []


def test_search_matches_quotes(bundled_page, chromium_page):
    amap = ArgumentMap.load(BUNDLED)

    def by_words(words):
        return [c for c in amap.claims.values() if words in c.label.lower() or words in c.text.lower()]

    claim, words = next((c, q.text[:30].lower()) for c in amap.claims.values() for q in c.quotes
                        if not by_words(q.text[:30].lower())
                        and [d for d in amap.claims.values() if any(q.text[:30].lower() in x.text.lower() for x in d.quotes)] == [c])
    page = chromium_page
    _open(page, bundled_page)
    page.fill("#search", words)
    assert page.evaluate("window.argmap.selected()") == claim.id
    assert page.inner_text("#notfound") == ""


def test_png_export(bundled_page, chromium_page):
    page = chromium_page
    _open(page, bundled_page)
    page.click("#save-png")
    href = page.get_attribute("#png-link", "href")
    assert href.startswith("data:image/png;base64,")
    data = base64.b64decode(href.split(",", 1)[1])
    assert data[:8] == PNG and len(data) > 10_000
    assert page.problems == []


def test_keyboard_moves_along_relations(bundled_page, chromium_page):
    amap = ArgumentMap.load(BUNDLED)
    thesis = amap.main_thesis
    page = chromium_page
    _open(page, bundled_page)
    page.focus("#search")
    page.keyboard.press("Tab")  # the search box, then the PNG button, then the map
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "map"
    page.keyboard.press("Home")
    assert page.evaluate("window.argmap.selected()") == thesis
    page.keyboard.press("ArrowDown")
    first = page.evaluate("window.argmap.selected()")
    targets = {r.target for r in amap.relations.values() if first in r.sources}
    undercut = {r.id: r.target for r in amap.relations.values()}
    assert thesis in targets or any(undercut.get(t) == thesis for t in targets)
    page.keyboard.press("ArrowRight")
    second = page.evaluate("window.argmap.selected()")
    assert second != first
    assert thesis in {undercut.get(r.target, r.target) if r.target not in amap.claims else r.target
                      for r in amap.relations.values() if second in r.sources}
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("window.argmap.selected()") == first
    page.keyboard.press("ArrowUp")
    assert page.evaluate("window.argmap.selected()") == thesis
    # the panel tells a screen reader what was chosen
    assert page.get_attribute("#details", "aria-live") == "polite"
    assert amap.claims[thesis].label in page.inner_text("#announce")
    assert page.problems == []


# --- 6. untrusted text stays text -------------------------------------------------------------------------

RUN = "window.__xss=(window.__xss||0)+1;alert(1)"
EVIL = [f"<img src=x onerror=\"{RUN}\">", f"<script>{RUN}</script>", f"</script><script>{RUN}</script>"]


def test_map_and_source_text_never_run(tmp_path, chromium_page):
    text = "Plain opening. " + " and ".join(EVIL) + " plain close."
    _article, g, src = _map_beside(tmp_path / "evil.txt", text, X.c0)
    for i, p in enumerate(EVIL):
        c, q = X[f"c{i}"], X[f"q{i}"]
        g.add((c, RDF.type, AM.Claim))
        g.add((c, RDFS.label, Literal(p)))
        g.add((c, AM.text, Literal(p + " text")))
        g.add((c, AM.quote, q))
        g.add((q, AM.exact, Literal(p)))
        g.add((q, AM.start, Literal(text.index(p))))
        g.add((q, AM.end, Literal(text.index(p) + len(p))))
        g.add((q, AM.inSource, src))
        if i:
            g.add((X[f"r{i}"], RDF.type, AM.Support))
            g.add((X[f"r{i}"], AM.premise, c))
            g.add((X[f"r{i}"], AM.target, X.c0))
    out = tmp_path / "evil.html"
    out.write_text(render_html(ArgumentMap(g), RenderOptions(title="<script>alert(1)</script>")), encoding="utf-8")
    page = chromium_page
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.set_viewport_size(WINDOW)
    page.goto(out.as_uri() + "#claim=" + "%3Cimg%20src%3Dx%3E")
    page.wait_for_selector("body[data-settled=true]", timeout=60_000)
    before = page.evaluate("document.querySelectorAll('img,script,iframe,svg').length")
    for i in range(len(EVIL)):
        page.locator("#article-text mark").nth(i).click()
        page.evaluate("id => window.argmap.select(id)", str(X[f"c{i}"]))
        page.fill("#search", EVIL[i][:12])
    assert page.evaluate("document.querySelectorAll('img,script,iframe,svg').length") == before
    assert page.evaluate("document.querySelectorAll('#article-text *:not(mark), #details img, #ranking img').length") == 0
    assert page.eval_on_selector_all("#article-text mark", "ms => ms.map(m => m.textContent)") == EVIL
    assert page.eval_on_selector("#article-text", "e => e.textContent") == text
    assert page.evaluate("window.__xss === undefined") and dialogs == []
    assert page.problems == []


# --- page size and readiness (its times are figures of bench/page_time.py) -----------------------------------

def test_page_size_and_readiness(bundled_page, chromium_page):
    size = bundled_page.stat().st_size
    page = chromium_page
    for _ in range(2):  # a reload is ready again, and says when it became so
        _open(page, bundled_page)
        assert page.evaluate("typeof window.argmap.readyMs === 'number' && window.argmap.readyMs > 0")
    assert size < 1_000_000


# --- 2. what-if -------------------------------------------------------------------------------------------

#: A stand-in for the page's semantics engine: every claim's strength is its base score, a removed claim 0,
#: and a support lifts its target by a tenth of its premise's strength.  Only the page's side is under test.
STAND_IN_JS = """window.argmapSemantics = {strengths: function (fw, semantics, opts) {
  var s = fw.base.map(function (b, i) { return i in opts.base ? opts.base[i] : b; });
  Object.keys(opts.removed).forEach(function (i) { s[i] = 0; });
  fw.supports.forEach(function (e) { if (!opts.removed[e[0]]) { s[e[1]] = Math.min(1, s[e[1]] + s[e[0]] / 10); } });
  window.__calls = (window.__calls || 0) + 1;
  return {scores: s, converged: true, iterations: 1, residual: 0};
}};"""


def _stand_in_framework(amap):
    ids = sorted(amap.claims)
    at = {c: i for i, c in enumerate(ids)}
    base = amap.base_scores()
    return {"claims": ids, "base": [base[c] for c in ids],
            "supports": [[at[p], at[r.target]] for _k, r in sorted(amap.relations.items())
                         if r.type == "support" and r.target in at for p in r.sources]}


def _whatif_walkthrough(page, amap):
    """Slider, switch and reset on the thesis's first reason; returns the strengths seen after each step."""
    thesis = amap.main_thesis
    reason = sorted(p for r in amap.relations.values() if r.target == thesis and r.type == "support" for p in r.sources)[0]
    page.evaluate("id => window.argmap.select(id)", reason)
    assert page.is_visible("#whatif-base") and page.is_visible("#whatif-remove") and page.is_visible("#whatif-reset")
    page.evaluate("window.argmap.reset()")  # the engine's strengths with nothing changed
    before = page.evaluate("window.argmap.strengths()")
    font_before = page.evaluate("id => window.argmap.nodes.get(id).font.size", reason)
    page.fill("#whatif-base", "1")  # the range input's value, with an input event
    raised = page.evaluate("window.argmap.strengths()")
    assert page.inner_text("#whatif-value") == "1.00"
    assert page.inner_text("#strength") == f"{raised[reason]:.3f}"
    assert page.evaluate("id => window.argmap.nodes.get(id).font.size", reason) >= font_before
    first = page.eval_on_selector("#ranking li", "li => li.getAttribute('data-claim')")
    assert raised[first] == max(raised.values())
    page.check("#whatif-remove")
    removed = page.evaluate("window.argmap.strengths()")
    assert reason not in removed
    assert page.inner_text("#strength") == "removed"
    assert page.eval_on_selector_all("#ranking li", "lis => lis.map(l => l.getAttribute('data-claim'))").count(reason) == 0
    page.click("#whatif-reset")
    assert page.evaluate("window.argmap.strengths()") == pytest.approx(before, abs=1e-9)
    return before, raised, removed, reason


def test_whatif_controls_drive_the_engine(tmp_path, chromium_page, monkeypatch):
    """The page's what-if controls with a stand-in engine (see STAND_IN_JS) in place of argmap.semantics.page."""
    monkeypatch.setitem(sys.modules, "argmap.semantics.page",
                        types.SimpleNamespace(page_framework=_stand_in_framework, script=lambda: STAND_IN_JS))
    amap = ArgumentMap.load(BUNDLED)
    out = tmp_path / "w.html"
    out.write_text(render_html(amap), encoding="utf-8")
    page = chromium_page
    _open(page, out)
    assert page.evaluate("window.argmap.whatIf()") is True
    before, raised, removed, reason = _whatif_walkthrough(page, amap)
    assert raised[reason] == 1.0 and page.evaluate("window.__calls") >= 3
    # the API does what the controls do
    assert page.evaluate("id => window.argmap.setBase(id, 0.25)", reason) is True
    assert 0.25 <= page.evaluate("window.argmap.strengths()")[reason] <= 0.35  # its base, lifted by its supporters
    assert page.evaluate("id => window.argmap.remove(id, true)", reason) is True
    assert reason not in page.evaluate("window.argmap.strengths()")
    assert page.evaluate("window.argmap.reset()") is True
    assert page.problems == []


def test_whatif_hidden_without_an_engine(tmp_path, chromium_page, monkeypatch):
    monkeypatch.setitem(sys.modules, "argmap.semantics.page", None)  # as where the engine's module is not there
    amap = ArgumentMap.load(BUNDLED)
    out = tmp_path / "plain.html"
    out.write_text(render_html(amap), encoding="utf-8")
    page = chromium_page
    _open(page, out)
    page.evaluate("id => window.argmap.select(id)", amap.main_thesis)
    assert page.is_hidden("#whatif")
    assert page.evaluate("window.argmap.whatIf()") is False
    assert page.evaluate("window.argmap.strengths()") == pytest.approx(
        {c: d["score"] for c, d in page_data(amap, RenderOptions())["details"].items()}, abs=1e-9)
    assert page.problems == []


# --- the page's real engine (argmap/templates/semantics.js) -----------------------------------------------

def test_whatif_with_the_real_engine(bundled_page, chromium_page):
    amap = ArgumentMap.load(BUNDLED)
    page = chromium_page
    _open(page, bundled_page)
    assert page.evaluate("window.argmap.whatIf()") is True
    # with nothing changed, the page's engine agrees with argmap's own scores
    from argmap.semantics import score

    assert page.evaluate("window.argmap.strengths()") == pytest.approx(score(amap, "dfquad").scores, abs=1e-9)
    before, raised, removed, reason = _whatif_walkthrough(page, amap)
    assert raised[amap.main_thesis] >= before[amap.main_thesis]  # a stronger supporter never weakens its target
    assert page.problems == []


def test_whatif_answers_each_change(bundled_page, chromium_page):
    """Twenty changes of the thesis's base in a row, each answered at once (the time is bench/page_time.py's):
    the thesis's strength follows its base up, as DF-QuAD's does on this acyclic map, and ends as the library's."""
    amap = ArgumentMap.load(BUNDLED)
    page = chromium_page
    _open(page, bundled_page)
    strengths = page.evaluate("""id => { const out = [];
        for (let i = 0; i < 20; i++) { window.argmap.setBase(id, i / 20); out.push(window.argmap.strengths()[id]); }
        return out; }""", amap.main_thesis)
    assert all(a < b for a, b in zip(strengths, strengths[1:]))
    final = what_if_scores(amap, "dfquad", {amap.main_thesis: 19 / 20}, set())[amap.main_thesis]
    assert strengths[-1] == pytest.approx(final, abs=1e-9)


def _framework_turtle(fw) -> str:
    """A Turtle map of a :class:`~argmap.semantics.framework.Framework` whose names are Turtle local names."""
    kinds = {"attack": "am:Attack", "support": "am:Support", "undercut": "am:Undercut"}
    lines = ["@prefix : <http://example.org/r#> .", "@prefix am: <https://w3id.org/argmap#> .",
             "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
             "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> ."]
    lines += [f':{c} a am:Claim ; rdfs:label "{c}" ; am:baseScore "{b!r}"^^xsd:double .' for c, b in fw.base.items()]
    for rid, kind, premises, target in fw.relations:
        weight = f' ; am:weight "{fw.weights[rid]!r}"^^xsd:double' if rid in fw.weights else ""
        lines.append(f":{rid} a {kinds[kind]} ; am:premise {', '.join(':' + p for p in premises)} ; am:target :{target}{weight} .")
    return "\n".join(lines) + "\n"


def test_whatif_in_the_page_equals_the_library_on_random_maps(tmp_path, chromium_page):
    """Through the real page's ``window.argmap``, on 52 random maps (cycles, self-attacks, linked premises,
    undercuts of undercuts) under each gradual semantics in turn: the strengths as drawn, after a base change
    (``explain --what-if``), and after a removal, all equal the library's to 1e-9."""
    from argmap.semantics.framework import Framework
    from argmap.semantics.gradual import GRADUAL
    from argmap.semantics.page import what_if

    from .test_page_semantics import random_framework

    rng, page, worst, cyclic = random.Random(7), chromium_page, 0.0, 0
    semantics = sorted(GRADUAL)
    for k in range(52):
        n = rng.randint(1, 12)
        path = tmp_path / f"r{k}.ttl"
        path.write_text(_framework_turtle(random_framework(rng, n, rng.randint(0, 2 * n + 2))), encoding="utf-8")
        amap = ArgumentMap.load(path)
        fw = Framework.from_map(amap)
        cyclic += not fw.arrays().is_acyclic()
        sem = semantics[k % len(semantics)]
        out = tmp_path / f"r{k}.html"
        out.write_text(render_html(amap, RenderOptions(semantics=sem)), encoding="utf-8")
        _open(page, out)
        claims = sorted(amap.claims)
        changed = {rng.choice(claims): rng.choice([0.0, 1.0, round(rng.random(), 2)])}
        gone = {rng.choice(claims)} if len(claims) > 1 else set()
        seen = page.evaluate("""([changed, gone]) => { const a = window.argmap, out = [a.strengths()];
            for (const [id, v] of Object.entries(changed)) { a.setBase(id, v); }
            out.push(a.strengths());
            for (const id of gone) { a.remove(id, true); }
            out.push(a.strengths()); a.reset(); out.push(a.strengths()); return out; }""", [changed, sorted(gone)])
        known = [what_if(fw, sem, {}, set()), what_if(fw, sem, changed, set()), what_if(fw, sem, changed, gone),
                 what_if(fw, sem, {}, set())]
        for js, py in zip(seen, known):
            assert set(js) == set(py.scores), (k, sem)
            diff = max((abs(js[c] - py.scores[c]) for c in js), default=0.0)
            worst = max(worst, diff)
            assert diff <= 1e-9, (k, sem, js, py.scores)
        assert page.problems == []
    print(f"52 random maps through the page ({cyclic} cyclic): max |page - library| = {worst:.2e}")
    assert cyclic >= 10
