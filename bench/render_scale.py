"""How fast a large map is written and becomes interactive in headless Chromium.

Run: python3 bench/render_scale.py [CLAIMS]

Builds a random tree-shaped map (default 2,000 claims, one relation per claim,
a fifth of them attacks), then prints, in the same run:

* the time argmap takes to write the page, and the time until the page's
  layout has settled (the page sets ``data-settled``) in headless Chromium;
* the same two figures for pyvis's own defaults (``Network.show``-style HTML,
  force-directed physics with default stabilization) on the same graph.

Targets: a 2,000-claim map written in under 2 s and interactive in under 5 s.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def random_map(n: int, seed: int = 1):
    import rdflib
    from rdflib import RDF, RDFS, Literal

    from argmap import ArgumentMap
    from argmap.vocab import AM

    rng = random.Random(seed)
    ns = rdflib.Namespace("http://example.org/bench#")
    g = rdflib.Graph()
    g.add((ns.map, RDF.type, AM.ArgumentMap))
    g.add((ns.map, AM.mainThesis, ns.c0))
    kinds = [AM.FactualClaim, AM.PredictiveClaim, AM.EvaluativeClaim, AM.PolicyClaim]
    for i in range(n):
        c = ns[f"c{i}"]
        g.add((c, RDF.type, rng.choice(kinds)))
        g.add((c, RDFS.label, Literal(f"Claim {i} about topic {rng.randrange(50)}")))
        g.add((c, AM.text, Literal(f"The full statement of claim {i}.")))
        g.add((c, AM.baseScore, Literal(round(rng.random(), 2))))
        if i:
            r = ns[f"r{i}"]
            g.add((r, RDF.type, AM.Attack if rng.random() < 0.2 else AM.Support))
            g.add((r, AM.premise, c))
            g.add((r, AM.target, ns[f"c{rng.randrange(max(0, i - 30), i)}"]))
    return ArgumentMap(g)


def settle_seconds(path: Path, marker: str | None, limit: float = 180.0) -> float:
    """Seconds from navigation until the page is interactive with its layout settled.

    ``inf`` when it has not settled after ``limit`` seconds.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page()
        page.route("http*://**", lambda r: r.abort())
        t0 = time.perf_counter()
        try:
            page.goto(path.as_uri(), timeout=limit * 1000)
            if marker:
                page.wait_for_selector(marker, timeout=limit * 1000)
            else:  # pyvis: its global network's physics reports that it has settled
                page.wait_for_function("() => typeof network !== 'undefined' && network.physics.stabilized === true",
                                       timeout=limit * 1000, polling=100)
            elapsed = time.perf_counter() - t0
        except Exception:  # playwright's TimeoutError: not settled in time
            elapsed = float("inf")
        browser.close()
    return elapsed


def main(n: int = 2000) -> None:
    from pyvis.network import Network

    from argmap.drawing import render

    amap = random_map(n)
    _ = amap.claims, amap.relations  # parse the structure once, outside the timings
    tmp = Path(tempfile.mkdtemp())
    t0 = time.perf_counter()
    render(amap, tmp / "argmap.html")
    write_argmap = time.perf_counter() - t0
    settle_argmap = settle_seconds(tmp / "argmap.html", "body[data-settled=true]")
    print(f"map: {len(amap.claims)} claims, {len(amap.relations)} relations")
    print(f"{'':24s} {'write (s)':>10s} {'interactive (s)':>16s}")
    print(f"{'argmap render':24s} {write_argmap:10.2f} {settle_argmap:16.2f}", flush=True)

    t0 = time.perf_counter()
    net = Network(directed=True, cdn_resources="in_line")
    for cid, c in amap.claims.items():
        net.add_node(cid, label=c.label, title=c.text)
    for r in amap.relations.values():
        for p in r.sources:
            net.add_edge(p, r.target)
    (tmp / "pyvis.html").write_text(net.generate_html(), encoding="utf-8")
    write_pyvis = time.perf_counter() - t0
    settle_pyvis = settle_seconds(tmp / "pyvis.html", None)
    print(f"{'pyvis defaults':24s} {write_pyvis:10.2f} {settle_pyvis:16.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
