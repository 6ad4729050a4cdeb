"""Kialo's text exports, both layouts, against files whose answers the test knows.

:func:`write_export` writes a discussion in the ``Discussion Name:`` layout
exactly as Kialo lays it out (as in kialo.com exports of 2021-2023: the title
on the line after the header, ``1.1. Pro:`` alone on a line indented two
spaces a level, the text on the following lines at the same indentation, a
blank line after each claim, footnote marks ``[N]`` numbered in order of
appearance, and a closing ``Sources:`` block of ``[N] URL`` lines, each
followed by its quoted excerpt when it has one).  The discussion is built
first as plain data (:func:`discussion`); the claims, relations and sources
the reader must find are computed from that data, never from the reader.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib import DCTERMS, RDFS, URIRef

import argmap
from argmap.errors import ArgmapError, ParseError

from .conftest import CORPORA, need_file


@dataclass
class Node:
    number: str
    kind: str  # Thesis, Pro or Con
    lines: list = field(default_factory=list)  # the text as written, one entry a line ("" = a paragraph break)
    link: str | None = None  # "-> See <link>." instead of a text
    cites: list = field(default_factory=list)  # footnote numbers, in the order they appear


@dataclass
class Discussion:
    title: str
    nodes: list
    sources: list  # (url, excerpt lines or None), source N at index N - 1


WORDS = ("cities cars air noise parks trains bikes streets health cost jobs shops rents buses trees "
         "children schools taxes roads safety").split()


def discussion(seed: int = 7) -> Discussion:
    """A deterministic discussion: a thesis and a tree of 70-odd claims up to seven levels deep."""
    rng = random.Random(seed)
    nodes: list[Node] = []
    sources: list = []

    def sentence(n):
        words = [rng.choice(WORDS) for _ in range(n)]
        return " ".join(words).capitalize() + "."

    def cite(node, excerpt):
        sources.append((f"https://example.org/study/{len(sources) + 1}?page=2#part", excerpt))
        node.cites.append(len(sources))
        return len(sources)

    def grow(number, kind, depth):
        node = Node(number, kind)
        nodes.append(node)
        k = len(nodes)
        if k % 9 == 4:  # several lines: a paragraph break, lines that start like a number or the sources block
            node.lines = [sentence(6), "", f"2. {sentence(4)}", f"14.5% of {sentence(3)}", "Sources:", sentence(2)]
        elif k % 7 == 3:  # a footnote in the text and one in a page reference
            first = cite(node, [f'"{sentence(8)}', "", "1. Few studies of this", "- a list item",
                                "[999] a reference list inside the excerpt", "[...]", f'{sentence(5)}"'])
            second = cite(node, None)
            node.lines = [f"{sentence(5)[:-1]} [{first}] as shown (p. 3 [{second}]).", sentence(3)]
        elif k % 5 == 0:
            note = cite(node, [f'"{sentence(7)}"'])
            node.lines = [f"{sentence(4)[:-1]} [{note}]."]
        else:
            node.lines = [sentence(5 + k % 4)]
        last = int(number.rpartition(".")[2])
        for i in range(1, (4, 3, 1 + last % 2, last % 2, 1, 1, 0)[depth - 1] + 1):
            grow(f"{number}.{i}", rng.choice(("Pro", "Con")), depth + 1)

    grow("1", "Thesis", 1)
    leaves = [n for n in nodes if not any(m.number.startswith(n.number + ".") for m in nodes)]
    # links from leaves: one back to an earlier claim, one forward to a later one, one to the thesis' first child
    for node, target in ((leaves[-1], nodes[5]), (leaves[3], nodes[-5]), (leaves[len(leaves) // 2], nodes[1])):
        assert target not in leaves[-1:] + leaves[3:4] + leaves[len(leaves) // 2:len(leaves) // 2 + 1]
        assert not node.number.startswith(target.number + ".")
        for n in node.cites:  # a link has no text, so no footnotes: drop its sources from the block
            sources[n - 1] = None
        node.lines, node.link, node.cites = [], target.number, []
    # renumber the footnotes in order of appearance, as Kialo does
    order = [n for node in nodes for n in node.cites]
    new = {old: i for i, old in enumerate(order, 1)}
    for node in nodes:
        node.lines = [re.sub(r"\[(\d+)\]", lambda m: f"[{new[int(m.group(1))]}]", line) for line in node.lines]
        node.cites = [new[n] for n in node.cites]
    sources = [sources[old - 1] for old in order]
    return Discussion("Should cities ban cars?", nodes, sources)


def write_export(path: Path, d: Discussion) -> Path:
    """``d`` in Kialo's ``Discussion Name:`` layout."""
    out = ["Discussion Name:", d.title, ""]
    for node in d.nodes:
        indent = "  " * node.number.count(".")
        out.append(f"{indent}{node.number}. {node.kind}:")
        for line in ([f"-> See {node.link}."] if node.link else node.lines):
            out.append(indent + line)  # a paragraph break is a line of the indentation only
        out.append("")
    out.append("Sources:")
    for n, (url, excerpt) in enumerate(d.sources, 1):
        out.append(f"[{n}] {url}")
        out.extend(excerpt or [])
    path.write_text("\n".join(out), encoding="utf-8")  # Kialo ends the file without a newline
    return path


def expected(d: Discussion):
    """What the reader must find: texts by number, (premise, kind, target) relations, sources by claim."""
    by_number = {n.number: n for n in d.nodes}

    def stands_for(number):
        while by_number[number].link:
            number = by_number[number].link
        return number

    texts = {n.number: " ".join(" ".join(n.lines).split()) for n in d.nodes if not n.link}
    relations = {(stands_for(n.number), "support" if n.kind == "Pro" else "attack", n.number.rpartition(".")[0])
                 for n in d.nodes if n.kind != "Thesis"}
    cited = {}
    for n in d.nodes:
        for note in n.cites:
            url, excerpt = d.sources[note - 1]
            exact = "\n".join(excerpt)[1:-1] if excerpt else None
            cited.setdefault(n.number, set()).add((url, exact))
    return texts, relations, cited


def number_of(iri) -> str:
    return str(iri).rsplit("#", 1)[1]


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    d = discussion()
    return d, write_export(tmp_path_factory.mktemp("kialo") / "should-cities-ban-cars-4242.txt", d)


def test_the_generated_file_is_laid_out_as_kialo_writes_it(export):
    d, path = export
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[:5] == ["Discussion Name:", "Should cities ban cars?", "", "1. Thesis:", d.nodes[0].lines[0]]
    heads = [ln for ln in lines if re.fullmatch(r" *(\d+\.)+ (Thesis|Pro|Con):", ln)]
    assert len(heads) == len(d.nodes) >= 50
    assert max(n.number.count(".") for n in d.nodes) >= 4
    assert {n.kind for n in d.nodes} == {"Thesis", "Pro", "Con"}
    assert sum(1 for ln in lines if ln.strip().startswith("-> See")) == 3
    assert any(len([x for x in n.lines if x]) > 1 for n in d.nodes)
    assert any(ln.startswith('"') for ln in lines[lines.index("Sources:"):])
    assert sum(1 for ln in lines if re.fullmatch(r"\[\d+\] https://\S+", ln)) == len(d.sources) >= 5


def test_new_layout_claims_relations_thesis_and_title(export):
    d, path = export
    texts, relations, _cited = expected(d)
    amap = argmap.load(path)
    assert {number_of(c): amap.claims[c].text for c in amap.claims} == texts
    found = {(number_of(r.sources[0]), r.type, number_of(r.target)) for r in amap.relations.values()}
    assert all(len(r.sources) == 1 for r in amap.relations.values())
    assert found == relations and len(amap.relations) == len(d.nodes) - 1
    assert amap.claims[amap.main_thesis].text == " ".join(d.nodes[0].lines)
    assert number_of(amap.main_thesis) == "1"
    assert str(amap.graph.value(URIRef(path.resolve().as_uri() + "#map"), RDFS.label)) == d.title


def test_new_layout_links_reuse_the_claim(export):
    d, path = export
    amap = argmap.load(path)
    numbers = {number_of(c) for c in amap.claims}
    for node in (n for n in d.nodes if n.link):
        assert node.number not in numbers
        parent = node.number.rpartition(".")[0]
        kind = "support" if node.kind == "Pro" else "attack"
        rel = [r for r in amap.relations.values() if number_of(r.target) == parent and
               number_of(r.sources[0]) == node.link and r.type == kind]
        assert len(rel) == 1, node


def test_new_layout_sources_belong_to_the_claims_that_cite_them(export):
    d, path = export
    _texts, _relations, cited = expected(d)
    amap = argmap.load(path)
    g = amap.graph
    found = {}
    for c in amap.claims:
        for src in g.objects(URIRef(c), RDFS.seeAlso):
            url = str(g.value(src, DCTERMS.title))
            assert g.value(src, RDFS.seeAlso) == URIRef(url)
            excerpts = [q.text for q in amap.claims[c].quotes if q.source == str(src)]
            assert len(excerpts) <= 1
            found.setdefault(number_of(c), set()).add((url, excerpts[0] if excerpts else None))
    assert found == cited
    titles = sorted(s.title for s in amap.sources if s.id != path.resolve().as_uri())
    assert titles == sorted(url for url, _excerpt in d.sources)
    # footnote marks stay in the texts
    assert all(f"[{n}]" in amap.claims[path.resolve().as_uri() + "#" + num].text
               for num, node in ((n.number, n) for n in d.nodes) for n in node.cites)


def test_new_layout_through_the_command_line(export, run_cli, tmp_path):
    d, path = export
    texts, relations, _cited = expected(d)
    out = tmp_path / "out.ttl"
    done = run_cli("import", path, "-o", out)
    assert done.returncode == 0, done.stderr
    info = run_cli("info", out)
    assert info.returncode == 0, info.stderr
    lines = info.stdout.splitlines()
    assert f"claims: {len(texts)}" in lines
    assert f"relations: {len(relations)}" in lines
    assert f"  support: {sum(k == 'support' for _p, k, _t in relations)}" in lines
    assert f"  attack: {sum(k == 'attack' for _p, k, _t in relations)}" in lines
    assert f"main thesis: {texts['1']} <{path.resolve().as_uri()}#1>" in lines
    assert all(f"  {url}" in lines for url, _e in d.sources)
    valid = run_cli("validate", out)
    assert valid.returncode == 0 and valid.stdout.strip() == f"{out}: valid", valid.stdout + valid.stderr
    import json

    score = run_cli("score", out, "--format", "json")
    assert score.returncode == 0, score.stderr
    scores = json.loads(score.stdout)["scores"]
    assert {number_of(k) for k in scores} == set(texts)
    assert all(0 <= v <= 1 for v in scores.values())


def test_title_on_the_header_line_and_claims_text_on_the_head_line_are_read(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("Discussion Name: Cars\n\n1. Thesis: Ban cars.\n\n  1.1. Con:\n  Cars carry\n  goods.\n",
                    encoding="utf-8")
    amap = argmap.load(path)
    assert {number_of(c): amap.claims[c].text for c in amap.claims} == {"1": "Ban cars.", "1.1": "Cars carry goods."}


# --- the older layout ----------------------------------------------------------------


def test_old_layout_links_reuse_the_claim(tmp_path):
    path = tmp_path / "old.txt"
    path.write_text(
        "Discussion Title: Should cities ban cars?\r\n\r\n1. Cities should ban cars.\r\n"
        "1.1. Pro: Cars pollute \\(a lot\\).\r\n1.1.1. Con: Electric cars do not.\r\n"
        "1.2. Con: -> See 1.1.1.\r\n1.3. Pro: -> See 1.2.\r\n1.3.1. Con: -> See 1.4.\r\n1.4. Pro: Streets are for people.\r\n",
        encoding="utf-8")
    amap = argmap.load(path)
    assert {number_of(c): amap.claims[c].text for c in amap.claims} == {
        "1": "Cities should ban cars.", "1.1": "Cars pollute (a lot).", "1.1.1": "Electric cars do not.",
        "1.4": "Streets are for people."}
    found = {(number_of(r.sources[0]), r.type, number_of(r.target)) for r in amap.relations.values()}
    # 1.3 links to a link: it stands for 1.1.1; 1.3.1 is about what 1.3 stands for
    assert found == {("1.1", "support", "1"), ("1.1.1", "attack", "1.1"), ("1.1.1", "attack", "1"),
                     ("1.1.1", "support", "1"), ("1.4", "attack", "1.1.1"), ("1.4", "support", "1")}


def test_old_layout_corpus_link_reuses_the_claim():
    path = need_file(CORPORA / "kialo" / "should-hate-speech-be-illegal-6148.txt")
    text = path.read_text(encoding="utf-8")
    links = re.findall(r"(?m)^((?:\d+\.)+) (Pro|Con): -> See ((?:\d+\.)+)\s*$", text)
    assert links
    amap = argmap.load(path)
    numbers = {number_of(c) for c in amap.claims}
    rels = {(number_of(r.sources[0]), r.type, number_of(r.target)) for r in amap.relations.values()}
    for number, role, target in links:
        number, target = number.rstrip("."), target.rstrip(".")
        assert number not in numbers and target in numbers
        assert (target, "support" if role == "Pro" else "attack", number.rpartition(".")[0]) in rels


# --- malformed files of the newer layout -------------------------------------------------

HEAD = "Discussion Name:\nCars\n\n1. Thesis:\nBan cars.\n\n"
BAD = {
    "no kind": ("Discussion Name:\nCars\n\n1. Ban cars.\n", 4, "number and kind alone"),
    "no title": ("Discussion Name:\n1. Ban cars.\n", 2, "number and kind alone"),
    "thesis below": (HEAD + "  1.1. Thesis:\n  No.\n", 7, "not a 'Thesis:'"),
    "pro at the top": ("Discussion Name:\nCars\n\n1. Pro:\nBan cars.\n", 4, "top-level claim"),
    "no parent": (HEAD + "  1.1. Pro:\n  Yes.\n\n      1.1.2.1. Con:\n      No.\n", 10, "no parent claim 1.1.2."),
    "twice": (HEAD + "  1.1. Pro:\n  Yes.\n\n  1.1. Con:\n  No.\n", 10, "numbered twice"),
    "no text": (HEAD + "  1.1. Pro:\n\n  1.2. Con:\n  No.\n", 7, "has no text"),
    "dangling link": (HEAD + "  1.1. Pro:\n  -> See 1.7.\n", 7, "links to claim 1.7."),
    "circle": (HEAD + "  1.1. Pro:\n  -> See 1.2.\n\n  1.2. Con:\n  -> See 1.1.\n", 7, "links in a circle"),
    "text first": ("Discussion Name:\nCars\nstray text\n\n1. Thesis:\nBan cars.\n", 3, "text before"),
    "no first source": (HEAD + "  1.1. Pro:\n  Yes [1].\n\nSources:\nhttps://example.org\n", 11, "first source"),
    "unquoted excerpt": (HEAD + "  1.1. Pro:\n  Yes [1].\n\nSources:\n[1] https://example.org\nplain words\n",
                         12, "quoted excerpt"),
    "open excerpt": (HEAD + "  1.1. Pro:\n  Yes [1].\n\nSources:\n[1] https://example.org\n\"never closed\n\nat all\n",
                     12, "no closing quotation mark"),
    "missing source": (HEAD + "  1.1. Pro:\n  Yes [2].\n\nSources:\n[1] https://example.org\n", 7, "lacks"),
    "empty source": (HEAD + "  1.1. Pro:\n  Yes [1].\n\nSources:\n[1]\n", 11, "neither a URL"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_malformed_new_layout_names_the_line(tmp_path, case):
    text, line, words = BAD[case]
    assert text.split("\n")[line - 1].strip()  # the line named is one with something on it
    path = tmp_path / "bad.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParseError) as err:
        argmap.load(path)
    assert (err.value.path, err.value.line) == (str(path), line)
    assert words in str(err.value) and "\n" not in str(err.value)


def test_malformed_new_layout_on_the_command_line(tmp_path, run_cli):
    path = tmp_path / "bad.txt"
    text, line, words = BAD["no parent"]
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out.ttl"
    done = run_cli("import", path, "-o", out)
    assert done.returncode == 2 and done.stdout == "" and not out.exists()
    (message,) = done.stderr.splitlines()
    assert message.startswith(f"argmap: error: {path}:{line}:") and words in message


def test_fuzzed_new_layout_raises_only_argmap_errors(tmp_path):
    from hypothesis import HealthCheck, given, settings

    from .test_io_malformed import _mutations

    seed = (HEAD + "  1.1. Pro:\n  Yes [1].\n\n    1.1.1. Con:\n    -> See 1.2.\n\n  1.2. Con:\n  No\n  more.\n\n"
            "Sources:\n[1] https://example.org/a\n\"An excerpt\n\nover lines.\"\n[2] b.org\n")
    path = tmp_path / "fuzz.txt"

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(_mutations()(seed))
    def check(text):
        path.write_text(text, encoding="utf-8")
        try:
            argmap.load(path, format="kialo")
        except ArgmapError as exc:
            assert "\n" not in str(exc)

    check()
