"""``argmap score`` on large argumentation framework files, end to end, against a plain networkx loop.

Writes, in a temporary folder, a weighted bipolar ``.bag`` file (N
arguments with random base scores, 2N relations, half attacks and half
supports, between random arguments; seeded, so the same file every run) and
an ICCMA 2023 ``.af`` file (N arguments, 2.5N random attacks), then times,
each as its own process from start to exit (Python start-up, imports, the
JSON written to a file):

* ``python -m argmap score F.bag --semantics dfquad --format json`` (best of
  ``--repeat`` runs);
* the yardstick: this script's ``--baseline`` mode, a plain networkx program
  that reads the ``.bag`` file with a Python loop over its lines into a
  ``networkx.DiGraph``, iterates DF-QuAD (Rago, Toni, Aurisicchio and Baroni,
  KR 2016) with Python loops over ``G.predecessors`` (the synchronous
  iteration from the base scores that :mod:`argmap.semantics.gradual` uses
  on a cyclic map, until no strength moves more than 1e-9), and writes the
  same JSON (best of ``--baseline-repeat`` runs); both outputs are compared
  score by score;
* ``python -m argmap score F.af --semantics grounded --format json``;
* with ``--rdf``, both commands once more through the RDF graph
  (``ARGMAP_READER=rdflib``), the way argmap read these files before, and
  the outputs compared byte for byte.

Prints a markdown table and the load average before and after.  Run::

    python bench/af_score.py                  # 100,000 arguments
    python bench/af_score.py --size 10000 --rdf
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# --- the files ------------------------------------------------------------------------------


def write_bag(path: Path, n: int, seed: int) -> int:
    """N arguments ``a0..`` with base scores, 2N attacks and supports; returns the number of relations."""
    import numpy as np

    rng = np.random.default_rng(seed)
    base = rng.random(n).round(6)
    m = 2 * n
    src, dst, kind = rng.integers(0, n, m), rng.integers(0, n, m), rng.integers(0, 2, m)
    lines = [f"% {n} arguments, {m} relations, seed {seed}"]
    lines += [f"arg(a{i},{b!r})." for i, b in enumerate(base.tolist())]
    lines += [f"{'att' if k else 'sup'}(a{a},a{b})." for a, b, k in zip(src.tolist(), dst.tolist(), kind.tolist())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return m


def write_af(path: Path, n: int, seed: int) -> int:
    """``p af N`` and 2.5N random attacks; returns the number of attacks."""
    import numpy as np

    rng = np.random.default_rng(seed + 1)
    m = 5 * n // 2
    pairs = rng.integers(1, n + 1, (m, 2))
    path.write_text(f"# {n} arguments, {m} attacks, seed {seed}\np af {n}\n"
                    + "".join(f"{a} {b}\n" for a, b in pairs.tolist()), encoding="utf-8")
    return m


# --- the yardstick: plain Python and networkx ----------------------------------------------------

_FACT = re.compile(r"(arg|att|sup)\(([^,()]+)(?:,([^()]+))?\)\.")


def baseline(bag: str, out: str, tol: float = 1e-9, max_iter: int = 1000) -> None:
    """Read ``bag`` line by line into a DiGraph, iterate DF-QuAD in Python, write the JSON ``out``.

    DF-QuAD (Rago et al. 2016): attackers and supporters aggregate by
    F(v1..vn) = 1 - prod(1 - vi), and with va, vs the two aggregates the
    strength is v0 - v0 (va - vs) if va >= vs, else v0 + (1 - v0) (vs - va).
    A repeated fact is one relation, as in argmap.
    """
    import networkx as nx

    g = nx.DiGraph()
    with open(bag, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("%", 1)[0]
            for pred, a, b in _FACT.findall(line):
                if pred == "arg":
                    g.add_node(a, base=float(b))
                else:
                    if not g.has_edge(a, b):
                        g.add_edge(a, b, kinds=set())
                    g[a][b]["kinds"].add(pred)
    strength = {v: d["base"] for v, d in g.nodes(data=True)}
    converged, residual, rounds = False, math.inf, 0
    for rounds in range(1, max_iter + 1):
        new = {}
        for v in g:
            keep_a = keep_s = 1.0
            for p in g.predecessors(v):
                for kind in g[p][v]["kinds"]:
                    if kind == "att":
                        keep_a *= 1.0 - strength[p]
                    else:
                        keep_s *= 1.0 - strength[p]
            va, vs, v0 = 1.0 - keep_a, 1.0 - keep_s, g.nodes[v]["base"]
            new[v] = v0 - v0 * (va - vs) if va >= vs else v0 + (1.0 - v0) * (vs - va)
        residual = max((abs(new[v] - strength[v]) for v in g), default=0.0)
        strength = new
        if residual <= tol:
            converged = True
            break
    iri = Path(bag).resolve().as_uri() + "#"
    result = {"semantics": "dfquad", "converged": converged, "iterations": rounds, "residual": residual,
              "scores": {iri + v: s for v, s in strength.items()}}
    Path(out).write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")


# --- timing ---------------------------------------------------------------------------------------


def run(cmd, out: Path, env=None) -> float:
    """Wall time of ``cmd`` from start to exit, its standard output written to ``out``."""
    full = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    full.update(env or {})
    with open(out, "wb") as fh:
        t = time.perf_counter()
        subprocess.run(cmd, stdout=fh, check=True, env=full, cwd=out.parent)
        return time.perf_counter() - t


def best(cmd, out: Path, repeat: int, env=None) -> tuple[float, list[float]]:
    times = [run(cmd, out, env) for _ in range(repeat)]
    return min(times), times


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"


def max_diff(a: Path, b: Path) -> tuple[float, bool]:
    x, y = json.loads(a.read_text()), json.loads(b.read_text())
    same = x["scores"].keys() == y["scores"].keys()
    return max((abs(v - y["scores"][k]) for k, v in x["scores"].items()), default=0.0) if same else math.inf, same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="arguments per file")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each argmap command (the best is shown)")
    parser.add_argument("--baseline-repeat", type=int, default=1, help="runs of the networkx yardstick")
    parser.add_argument("--rdf", action="store_true", help="also time the RDF path once (ARGMAP_READER=rdflib)")
    parser.add_argument("--baseline", nargs=2, metavar=("BAG", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.baseline:
        baseline(*args.baseline)
        return
    import numpy as np

    py, n = sys.executable, args.size
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, numpy {np.__version__}; load average before: {load()}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="argmap-af-") as tmp:
        tmp = Path(tmp)
        bag, af = tmp / "F.bag", tmp / "F.af"
        m_bag, m_af = write_bag(bag, n, args.seed), write_af(af, n, args.seed)
        print(f"{bag.name}: {bag.stat().st_size / 1e6:.1f} MB, {af.name}: {af.stat().st_size / 1e6:.1f} MB")
        t_start, _ = best([py, "-c", "pass"], tmp / "pass.out", 5)
        t_help, _ = best([py, "-m", "argmap", "--help"], tmp / "help.out", 5)
        rows.append(("-", "python -c pass / argmap --help (best of 5)", f"{t_start:.3f} / {t_help:.3f} s", "", "", ""))

        score = [py, "-m", "argmap", "score", str(bag), "--semantics", "dfquad", "--format", "json"]
        t_fast, times = best(score, tmp / "fast.json", args.repeat)
        t_base, base_times = best([py, __file__, "--baseline", str(bag), str(tmp / "nx.json")], tmp / "nx.out",
                                  args.baseline_repeat)
        diff, same_keys = max_diff(tmp / "fast.json", tmp / "nx.json")
        iterations = json.loads((tmp / "fast.json").read_text())["iterations"]
        nx_iterations = json.loads((tmp / "nx.json").read_text())["iterations"]
        what = f"{n:,} arguments, {m_bag:,} relations (.bag)"
        rows.append((what, f"score --semantics dfquad --format json ({iterations} rounds)", f"{t_fast:.3f} s",
                     ", ".join(f"{t:.2f}" for t in times), f"{t_base:.2f} s ({nx_iterations} rounds)",
                     f"{t_base / t_fast:.1f}x"))
        print(f"networkx yardstick runs: {', '.join(f'{t:.2f}' for t in base_times)} s; same claims: {same_keys}; "
              f"max abs diff of the scores: {diff:.1e}")

        grounded = [py, "-m", "argmap", "score", str(af), "--semantics", "grounded", "--format", "json"]
        t_af, af_times = best(grounded, tmp / "grounded.json", args.repeat)
        what_af = f"{n:,} arguments, {m_af:,} attacks (.af)"
        rows.append((what_af, "score --semantics grounded --format json", f"{t_af:.3f} s",
                     ", ".join(f"{t:.2f}" for t in af_times), "", ""))
        if args.rdf:
            rdf = {"ARGMAP_READER": "rdflib"}
            for label, cmd, fast_out, t in ((what, score, "fast.json", t_fast), (what_af, grounded, "grounded.json", t_af)):
                t_rdf = run(cmd, tmp / "rdf.json", rdf)
                same = (tmp / "rdf.json").read_bytes() == (tmp / fast_out).read_bytes()
                rows.append((label, f"the same through the RDF graph (ARGMAP_READER=rdflib); output identical: {same}",
                             f"{t_rdf:.2f} s", "1 run", "", f"{t_rdf / t:.1f}x slower"))
    print(f"load average after: {load()}\n")
    print("| file | command | argmap, best | argmap runs (s) | networkx loop | ratio |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
