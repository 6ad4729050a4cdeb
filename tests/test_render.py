"""The rendered page: self-contained, deterministic, and showing the map in a browser."""

from __future__ import annotations

from html.parser import HTMLParser

from argmap import ArgumentMap
from argmap.render import render_html

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


def test_browser_shows_every_node(tmp_path, run_cli, chromium_page):
    out = tmp_path / "map.html"
    assert run_cli("render", BUNDLED, "-o", out).returncode == 0
    amap = ArgumentMap.load(BUNDLED)
    undercut = {r.target for r in amap.relations.values() if r.type == "undercut"}
    page = chromium_page
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-settled=true]", timeout=60_000)
    drawn = set(page.evaluate("window.argmap.network.body.nodeIndices"))
    assert drawn == set(amap.claims) | undercut
    edges = page.evaluate("window.argmap.edges.length")
    assert edges == sum(len(r.sources) for r in amap.relations.values()) + sum(
        len(amap.relations[u].sources) for u in undercut
    )
    # clicking a node shows its details
    thesis = amap.main_thesis
    pos = page.evaluate("id => { const p = window.argmap.network.getPosition(id);"
                        " return window.argmap.network.canvasToDOM(p); }", thesis)
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    assert page.locator("#details h2").inner_text() == amap.claims[thesis].label
    page.screenshot(path=str(tmp_path / "map.png"))
    assert page.problems == []
    assert [u for u in page.requests if not u.startswith("file:")] == []
