"""Readers of ASPARTIX (.apx), bipolar weighted (.bag) and ICCMA 2023 files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.errors import ParseError

DATA = Path(__file__).resolve().parent / "data"
BAD = json.loads((DATA / "bad" / "expected.json").read_text(encoding="utf-8"))


def _names(ids):
    return {i.rsplit("#", 1)[-1] for i in ids}


def test_apx_claims_keep_their_names():
    amap = argmap.load(DATA / "preferred.apx")
    assert _names(amap.claims) == set("abcd")
    attacks = {(_names(r.sources).pop(), r.target.rsplit("#", 1)[-1]) for r in amap.relations.values()}
    assert attacks == {("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")}
    assert all(c.base_score is None for c in amap.claims.values())


def test_bag_reads_base_scores_and_supports():
    amap = argmap.load(DATA / "edemocracy.bag")
    base = {k.rsplit("#", 1)[-1]: v for k, v in amap.base_scores().items()}
    assert base["p3"] == 0.9 and base["c1"] == 0.2
    kinds = sorted(r.type for r in amap.relations.values())
    assert kinds == ["attack"] * 4 + ["support"] * 3
    scores = {k.rsplit("#", 1)[-1]: v for k, v in argmap.score(amap).scores.items()}
    assert scores["a1"] == pytest.approx(0.862) and scores["a2"] == pytest.approx(0.85)


def test_iccma_numbers_become_names():
    from argmap.semantics import extensions_of

    amap = argmap.load(DATA / "chain8.af")
    assert _names(amap.claims) == {str(i) for i in range(1, 9)}
    result = extensions_of(amap, "grounded")
    assert [_names(e) for e in result.extensions] == [{"1", "3", "5", "7"}]


def test_format_named_explicitly(tmp_path):
    path = tmp_path / "graph.txt"
    path.write_text("p af 2\n1 2\n", encoding="utf-8")
    assert len(argmap.load(path, format="iccma").relations) == 1


@pytest.mark.parametrize("name", sorted(k for k in BAD if not k.startswith("_")))
def test_malformed_files_name_file_and_line(name):
    line, words = BAD[name]
    with pytest.raises(ParseError) as err:
        argmap.load(DATA / "bad" / name)
    assert err.value.line == line and err.value.path.endswith(name) and words in err.value.message


@pytest.mark.parametrize("name", ["undeclared.apx", "out-of-range.af"])
def test_malformed_file_on_the_command_line(run_cli, name):
    line = BAD[name][0]
    done = run_cli("score", DATA / "bad" / name)
    assert done.returncode == 2 and done.stdout == ""
    (msg,) = done.stderr.splitlines()
    assert msg.startswith(f"argmap: error: {DATA / 'bad' / name}:{line}: ")


def _write_both(tmp_path, names, attacks):
    apx = tmp_path / "g.apx"
    apx.write_text("\ufeff" + " ".join(f"arg({a})." for a in names) + "\n"
                   + "\n".join(f"att({a},{b})." for a, b in attacks) + "\n", encoding="utf-8")
    af = tmp_path / "g.af"
    num = {a: i for i, a in enumerate(names, 1)}
    af.write_text(f"# generated\np af {len(names)}\n" + "".join(f"{num[a]} {num[b]}\n" for a, b in attacks),
                  encoding="utf-8")
    return apx, af, num


def test_written_frameworks_read_back(tmp_path):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    names = st.lists(st.from_regex(r"[a-z][a-z0-9_]{0,5}", fullmatch=True), min_size=1, max_size=6, unique=True)

    @settings(max_examples=40, deadline=None)
    @given(names.flatmap(lambda ns: st.tuples(st.just(ns), st.lists(st.tuples(st.sampled_from(ns), st.sampled_from(ns)),
                                                                     max_size=10))))
    def check(case):
        ns, attacks = case
        apx, af, num = _write_both(tmp_path, ns, attacks)
        for path, name in ((apx, str), (af, lambda a: str(num[a]))):
            amap = argmap.load(path)
            assert _names(amap.claims) == {name(a) for a in ns}
            got = {(_names(r.sources).pop(), r.target.rsplit("#", 1)[-1]) for r in amap.relations.values()}
            assert got == {(name(a), name(b)) for a, b in attacks}

    check()
