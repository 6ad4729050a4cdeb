"""docs/argmap.png, the README's picture: the bundled map as Chromium shows the rendered page.

Drawing is not byte-for-byte reproducible across Chromium versions and
fonts, so the committed picture is checked for what can be: a PNG of the
page's size, as this test takes it, with the map drawn in it (many colours,
not a blank page).  The picture is the page drawn with its article (``--source``)
after its search box found the main thesis: zoomed in on it, with its text,
quotes and reasons beside it and its passages marked in the article below.
``ARGMAP_UPDATE_DOCS=1`` writes a new one.
"""

from __future__ import annotations

import os
import struct
import zlib

from .conftest import ROOT, SOURCE, need_file

PICTURE = ROOT / "docs" / "argmap.png"
SIZE = (1200, 760)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", "not a PNG"
    return struct.unpack(">II", data[16:24])


def _colours(data: bytes) -> int:
    """How many distinct RGB(A) pixels an 8-bit, non-interlaced PNG holds (a sample of rows)."""
    width, height = png_size(data)
    depth, kind = data[24], data[25]
    assert depth == 8 and kind in (2, 6), (depth, kind)
    chunks, i = [], 8
    while i < len(data):
        (length,) = struct.unpack(">I", data[i:i + 4])
        if data[i + 4:i + 8] == b"IDAT":
            chunks.append(data[i + 8:i + 8 + length])
        i += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    bpp = 3 if kind == 2 else 4
    stride = width * bpp + 1
    seen, prev = set(), bytearray(width * bpp)
    for y in range(height):  # undo the PNG filters (PNG spec, section 9)
        f, line = raw[y * stride], bytearray(raw[y * stride + 1:(y + 1) * stride])
        for x in range(len(line)):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if y % 8 == 0:
            seen.update(bytes(line[x:x + 3]) for x in range(0, len(line), bpp))
        prev = line
    return len(seen)


def test_readme_picture_is_the_rendered_bundled_map(tmp_path, run_cli, chromium_page):
    page_file = tmp_path / "argmap.html"
    res = run_cli("render", "--source", need_file(SOURCE), "-o", page_file)
    assert res.returncode == 0, res.stderr
    page = chromium_page
    page.set_viewport_size({"width": SIZE[0], "height": SIZE[1]})
    page.goto(page_file.as_uri())
    page.wait_for_selector("body[data-settled=true]", timeout=60_000)
    # the picture shows the main thesis found by its words: zoomed in, its text, quotes and reasons beside it
    from argmap import ArgumentMap

    amap = ArgumentMap.bundled()
    thesis = amap.claims[amap.main_thesis]
    page.fill("#search", thesis.label)
    assert page.inner_text("#details h2") == thesis.label
    assert page.inner_text("#details .meta").startswith("Main thesis")
    assert thesis.text in page.inner_text("#details")
    assert page.locator("#article-text mark").count() == sum(len(c.quotes) for c in amap.claims.values())
    assert page.locator("#article-text mark.current").count() == len(thesis.quotes)
    shot = page.screenshot()
    assert page.problems == []
    assert png_size(shot) == SIZE
    assert _colours(shot) > 50  # the map, not an empty page
    if os.environ.get("ARGMAP_UPDATE_DOCS") == "1":
        PICTURE.write_bytes(shot)
    assert PICTURE.is_file(), "run: ARGMAP_UPDATE_DOCS=1 python3 -m pytest tests/test_docs_picture.py"
    committed = PICTURE.read_bytes()
    assert png_size(committed) == SIZE
    assert _colours(committed) > 50


def test_readme_shows_the_picture_and_links_every_page():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/argmap.png)" in readme
    for page in ("tutorial.md", "cli.md", "python-api.md", "guide.md", "ontology.md"):
        assert f"](docs/{page})" in readme, page
