"""How fast the bundled map's page (with its article) becomes interactive, and how fast a what-if answers.

Run: python3 bench/page_time.py [RUNS]

Renders the bundled map with the shared article (``../shared/sources``), opens
it in headless Chromium (``/usr/bin/chromium``, 1400 x 900) and prints, best
and all of RUNS loads (default 5):

* the page's size;
* time to interactive as the page reports it (``window.argmap.readyMs``:
  from the start of its script until the map is drawn and settled);
* the time one what-if takes in the page (``window.argmap.setBase`` on the
  thesis, the mean of 20 changes);
* the baseline, measured in the same run: the same navigation to an empty
  page of the same size (the page's bytes in a comment), until its load event.

Targets: interactive in under 1 s, a what-if in under 100 ms.  These were
timed tests of the page until they moved here, as the guide asks.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SOURCE = ROOT.parent / "shared" / "sources" / "trump-kim-meeting-2018.txt"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main(runs: int = 5) -> None:
    from playwright.sync_api import sync_playwright

    import argmap
    from argmap.drawing import RenderOptions, render_html

    amap = argmap.load(argmap.bundled_map_path())
    with tempfile.TemporaryDirectory(prefix="argmap-page-") as tmp:
        page_path, blank_path = Path(tmp) / "map.html", Path(tmp) / "blank.html"
        html = render_html(amap, RenderOptions(source=str(SOURCE) if SOURCE.exists() else None))
        page_path.write_text(html, encoding="utf-8")
        size = page_path.stat().st_size
        blank_path.write_text("<!doctype html><title>blank</title><!--" + "x" * len(html) + "-->", encoding="utf-8")
        ready, whatif, blank = [], [], []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.route("http*://**", lambda r: r.abort())
            for _ in range(runs):
                t0 = time.perf_counter()
                page.goto(blank_path.as_uri(), wait_until="load")
                blank.append((time.perf_counter() - t0) * 1000)
                page.goto(page_path.as_uri())
                page.wait_for_selector("body[data-settled=true]", timeout=60_000)
                ready.append(page.evaluate("window.argmap.readyMs"))
                whatif.append(page.evaluate(
                    """id => { const t = performance.now(); for (let i = 0; i < 20; i++) window.argmap.setBase(id, i / 20);
                       return (performance.now() - t) / 20; }""", amap.main_thesis))
            browser.close()
    print(f"bundled map with its article: {size / 1024:.0f} KiB")
    for what, times in (("empty page of the same size, to load (baseline)", blank),
                        ("time to interactive (window.argmap.readyMs)", ready),
                        ("one what-if (setBase, mean of 20)", whatif)):
        print(f"{what:52s} best {min(times):7.1f} ms   all: {', '.join(f'{t:.1f}' for t in times)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
