"""Untrusted text stays text: XSS payloads in every text field never run.

The payloads are well-known probes (OWASP's XSS filter evasion cheat sheet
and the pyvis pitfalls: unescaped headings, and titles that switch every
popup to ``innerHTML`` once one contains "href").  Each one, if it ran, would
set ``window.__xss``, open a dialog or write to the console.
"""

from __future__ import annotations

import rdflib
from rdflib import RDF, RDFS, Literal, Namespace, URIRef

from argmap import ArgumentMap
from argmap.drawing import render_html

AM = Namespace("https://w3id.org/argmap#")
DCT = Namespace("http://purl.org/dc/terms/")
PROV = Namespace("http://www.w3.org/ns/prov#")
X = Namespace("http://example.org/xss#")

RUN = "window.__xss=(window.__xss||0)+1;alert(1);console.log('xss-ran')"
PAYLOADS = [
    f"<script>{RUN}</script>",
    f"</script><script>{RUN}</script>",
    f"<img src=x onerror=\"{RUN}\">",
    f"<svg onload=\"{RUN}\">",
    f"<svg><script>{RUN}</script></svg>",
    f"\"><img src=x onerror=\"{RUN}\">",
    f"'><img src=x onerror='{RUN}'>",
    f"\" onmouseover=\"{RUN}\" x=\"",
    f"javascript:{RUN}",
    f"<a href=\"javascript:{RUN}\">href</a>",
    f"<a href=x onclick=\"{RUN}\">click href</a>",
    f"<iframe src=\"javascript:{RUN}\"></iframe>",
    f"<body onload=\"{RUN}\">",
    f"<details open ontoggle=\"{RUN}\">",
    f"<input autofocus onfocus=\"{RUN}\">",
    f"<math><mtext><table><mglyph><style><img src=x onerror=\"{RUN}\">",
    f"<object data=\"javascript:{RUN}\"></object>",
    f"<video><source onerror=\"{RUN}\"></video>",
    f"<meta http-equiv=\"refresh\" content=\"0;url=javascript:{RUN}\">",
    f"{{{{constructor.constructor('{RUN}')()}}}}",
    f"\u2028\u2029</script><script>{RUN}</script>",
    "@@NODES@@ @@DETAILS@@ @@TITLE@@",
    f"<!--<img src=\"--><img src=x onerror=\"{RUN}\">",
    f"<style>@import 'http://127.0.0.1:9/x.css';</style><img src=x onerror=\"{RUN}\">",
    f"href <b onmouseover=\"{RUN}\">bold</b>",
]


def _evil_map() -> ArgumentMap:
    """A map whose every text field, claim by claim, holds one payload.

    Fields: claim label and text, quote, agent, source title (the page's
    heading), relation label, scheme label and critical question text.
    """
    g = rdflib.Graph()
    src = X.source
    g.add((src, RDF.type, AM.Source))
    g.add((src, DCT.title, Literal(PAYLOADS[0] + " title")))
    g.add((X.map, RDF.type, AM.ArgumentMap))
    g.add((X.map, AM.source, src))
    g.add((X.map, AM.mainThesis, X.c0))
    for i, p in enumerate(PAYLOADS):
        c, q, agent = X[f"c{i}"], X[f"q{i}"], X[f"agent{i}"]
        g.add((c, RDF.type, AM.EvaluativeClaim))
        g.add((c, RDFS.label, Literal(p)))
        g.add((c, AM.text, Literal(p + " (text)")))
        g.add((c, AM.quote, q))
        g.add((q, RDF.type, AM.Quote))
        g.add((q, AM.exact, Literal(p + " (quote)")))
        g.add((q, AM.inSource, src))
        g.add((c, AM.attributedTo, agent))
        g.add((agent, RDF.type, PROV.Person))
        g.add((agent, RDFS.label, Literal(p + " (agent)")))
        if i:
            r = X[f"r{i}"]
            g.add((r, RDF.type, AM.Attack if i % 3 == 0 else AM.Support))
            g.add((r, AM.premise, c))
            g.add((r, AM.target, X[f"c{(i - 1) // 2}"]))
            g.add((r, RDFS.label, Literal(p + " (relation)")))
            # a scheme of the map's own, with an open critical question, both named by payloads
            g.add((r, AM.scheme, X[f"scheme{i}"]))
            g.add((X[f"scheme{i}"], RDF.type, AM.ArgumentationScheme))
            g.add((X[f"scheme{i}"], RDFS.label, Literal(p + " (scheme)")))
            g.add((r, AM.questionStatus, X[f"status{i}"]))
            g.add((X[f"status{i}"], RDF.type, AM.OpenQuestion))
            g.add((X[f"status{i}"], AM.question, X[f"cq{i}"]))
            g.add((X[f"cq{i}"], RDF.type, AM.CriticalQuestion))
            g.add((X[f"cq{i}"], AM.questionText, Literal(p + " (question)")))
    u = X.u
    g.add((u, RDF.type, AM.Undercut))
    g.add((u, AM.premise, X[f"c{len(PAYLOADS) - 1}"]))
    g.add((u, AM.target, X.r1))
    return ArgumentMap(g)


def test_there_are_at_least_twenty_payloads():
    assert len(set(PAYLOADS)) >= 20


def test_no_payload_reaches_the_markup_unescaped():
    page = render_html(_evil_map())
    for p in PAYLOADS:
        for needle in ("<script>window", "<img src=x", "<svg", "<iframe", "<body onload", "<details", "<object"):
            if needle in p:
                assert needle not in page.replace("<script>@@", ""), needle


def test_no_script_runs_in_the_browser(tmp_path, chromium_page):
    page_file = tmp_path / "evil.html"
    page_file.write_text(render_html(_evil_map()), encoding="utf-8")
    page = chromium_page
    dialogs, console = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: console.append(m.text))
    page.goto(page_file.as_uri())
    page.wait_for_selector("body[data-settled=true]", timeout=60_000)
    tags_before = page.evaluate("document.querySelectorAll('img,iframe,object,svg,video,details,input:not([type])').length")
    ids = page.evaluate("window.argmap.network.body.nodeIndices")
    assert set(ids) >= {str(X[f"c{i}"]) for i in range(len(PAYLOADS))}
    box = page.locator("#map").bounding_box()
    for node in ids:
        page.evaluate("id => window.argmap.network.focus(id, {scale: 1.0, animation: false})", node)
        pos = page.evaluate("id => window.argmap.network.canvasToDOM(window.argmap.network.getPosition(id))", node)
        x, y = box["x"] + pos["x"], box["y"] + pos["y"]
        page.mouse.move(x, y)
        page.wait_for_timeout(150)  # the hover popup appears
        page.mouse.click(x, y)
        shown = page.evaluate("id => window.argmap.show(id)", node)
        if node.startswith(str(X.c)):
            assert shown is True
            # the payload is on the page as text, its scheme and open question too
            assert page.locator("#details h2").inner_text() == page.evaluate("id => window.argmap.details[id].label", node)
            shown_text = page.locator("#details").inner_text()
            incoming = page.evaluate("id => window.argmap.details[id].relations.length", node)
            if incoming:
                assert "(scheme)" in shown_text and "(question)" in shown_text
    page.fill("#search", "<img")
    page.fill("#search", "href")
    tags_after = page.evaluate("document.querySelectorAll('img,iframe,object,svg,video,details,input:not([type])').length")
    assert page.evaluate("window.__xss === undefined")
    assert dialogs == [] and not [c for c in console if "xss-ran" in c]
    assert tags_after == tags_before
    assert page.problems == []
