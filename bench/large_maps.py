"""Time every command on large generated maps, next to the plain rdflib path, in one run.

``python bench/large_maps.py [--sizes 10000 100000 300000] [--virtuoso] [--repeat K]``

For each size, :mod:`genmap` writes a map of N claims and 2N relations as
Turtle and AIF JSON into ``bench/out`` (git-ignored), and each step runs as
its own process under ``/usr/bin/time -v``, which gives its wall time and
peak memory (maximum resident set size):

* ``rdflib parse``: rdflib alone parsing the Turtle file, the yardstick;
* ``import (AIF)``, ``info``, ``score``, ``export json``, ``render --top 200``:
  argmap as shipped (large files are read without rdflib);
* ``import (AIF), rdflib`` and ``score, rdflib``: the same with
  ``ARGMAP_READER=rdflib`` (skipped above ``--rdflib-up-to`` claims);
* with ``--virtuoso``: a throw-away Virtuoso (``tests/virtuoso.py``) gets the
  map by the Graph Store Protocol, then ``score --endpoint --write`` runs;
  the stored evaluations are counted and compared with the file's scores.

Prints one Markdown table.  Other work on the machine changes the figures;
``--repeat K`` runs each argmap step K times and reports the median run,
with the range.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import genmap  # noqa: E402


def timed(args, env=None, cwd=None) -> dict:
    """Run ``args`` under /usr/bin/time -v: wall seconds, peak RSS in MB, exit code, stdout."""
    full = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    res = subprocess.run(["/usr/bin/time", "-v", *map(str, args)], capture_output=True, text=True, env=full, cwd=cwd)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", res.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", res.stderr)
    seconds = (int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))) if wall else float("nan")
    if res.returncode != 0:
        print(f"  ! {' '.join(map(str, args))} exited {res.returncode}: {res.stderr.strip().splitlines()[:1]}",
              file=sys.stderr)
    return {"s": seconds, "mb": int(rss.group(1)) / 1024 if rss else float("nan"), "rc": res.returncode,
            "out": res.stdout}


def argmap(*args):
    return [sys.executable, "-m", "argmap", *args]


def scores_of(csv_text: str) -> dict:
    rows = list(csv.reader(io.StringIO(csv_text)))[1:]
    return {c: float(v) for c, v in rows}


def put_graph(endpoint: str, graph: str, path: Path) -> float:
    """PUT a Turtle file as ``graph`` by the SPARQL 1.1 Graph Store HTTP Protocol (section 5.3); seconds taken."""
    url = endpoint + "-graph-crud?" + urllib.parse.urlencode({"graph": graph})
    start = time.perf_counter()
    with open(path, "rb") as fh:
        req = urllib.request.Request(url, data=fh, method="PUT", headers={
            "Content-Type": "text/turtle", "Content-Length": str(path.stat().st_size)})
        with urllib.request.urlopen(req, timeout=3600) as res:
            res.read()
    return time.perf_counter() - start


def run_size(n: int, out: Path, rdflib_up_to: int, virtuoso, repeat: int = 1) -> list:
    paths = genmap.write(n, out)
    ttl, aif = paths["turtle"], paths["aif"]
    triples = sum(1 for _ in __import__("pyoxigraph").parse(path=str(ttl), format=__import__("pyoxigraph").RdfFormat.TURTLE))
    work = Path(tempfile.mkdtemp(prefix=f"argmap-bench-{n}-"))
    rows = []

    def step(name, args, env=None, times=1):
        runs = [timed(args, env) for _ in range(times)]
        r = sorted(runs, key=lambda x: x["s"])[len(runs) // 2]  # the median run
        walls = [x["s"] for x in runs]
        spread = f" (median of {times}: {min(walls):.2f}-{max(walls):.2f})" if times > 1 else ""
        rows.append((n, triples, name + spread, r["s"], max(x["mb"] for x in runs), max(x["rc"] for x in runs)))
        print(f"  {n} {name}: {r['s']:.2f} s{spread}, {r['mb']:.0f} MB", file=sys.stderr, flush=True)
        return r

    plain = n <= rdflib_up_to
    if plain:
        step("rdflib parse (Turtle)", [sys.executable, "-c",
             f"import rdflib; rdflib.Graph().parse({str(ttl)!r}, format='turtle')"])
    step("import (AIF JSON -> Turtle)", argmap("import", aif, "-o", work / "imported.ttl"), times=repeat)
    if plain:
        step("import (AIF), rdflib", argmap("import", aif, "-o", work / "imported-rdflib.ttl"),
             {"ARGMAP_READER": "rdflib"})
    step("info", argmap("info", ttl), times=repeat)
    fast = step("score", argmap("score", ttl, "--format", "csv"), times=repeat)
    if plain:
        slow = step("score, rdflib", argmap("score", ttl, "--format", "csv"), {"ARGMAP_READER": "rdflib"})
        same = scores_of(slow["out"]) == scores_of(fast["out"])
        print(f"  {n}: rdflib and fast paths give the same scores: {same}", file=sys.stderr)
    step("export --format json", argmap("export", ttl, "--format", "json", "-o", work / "map.json"), times=repeat)
    step("render --top 200", argmap("render", ttl, "--top", "200", "-o", work / "page.html"), times=repeat)
    if virtuoso is not None:
        graph = f"urn:argmap:bench:{n}"
        seconds = put_graph(virtuoso.endpoint, graph, ttl)
        rows.append((n, triples, "push (Graph Store PUT of the Turtle)", seconds, float("nan"), 0))
        where = ("--endpoint", virtuoso.endpoint, "--graph", graph)
        served = step("score --endpoint", argmap("score", *where, "--format", "csv"))
        step("score --endpoint --write", argmap("score", *where, "--write"))
        q = (f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?e a am:Evaluation ; "
             "am:semantics am:DFQuAD } }")
        count = timed(argmap("query", "--endpoint", virtuoso.endpoint, q, "--format", "csv"))["out"].split()[-1]
        same = scores_of(served["out"]) == scores_of(fast["out"])
        print(f"  {n}: endpoint scores equal the file's: {same}; evaluations stored: {count} of {n} claims",
              file=sys.stderr)
    return rows


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", nargs="*", type=int, default=[10_000, 100_000, 300_000])
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument("--rdflib-up-to", type=int, default=100_000,
                    help="Run the rdflib steps only for maps up to this many claims.")
    ap.add_argument("--virtuoso", action="store_true", help="Also push to a throw-away Virtuoso and score there.")
    ap.add_argument("--repeat", type=int, default=1,
                    help="Run each argmap step this many times and report the median (the rdflib steps run once).")
    args = ap.parse_args(argv)
    server = None
    if args.virtuoso:
        from tests.virtuoso import Virtuoso

        server = Virtuoso(Path(tempfile.mkdtemp(prefix="argmap-bench-virtuoso-")))
    try:
        rows = []
        for n in args.sizes:
            rows += run_size(n, args.out, args.rdflib_up_to, server, args.repeat)
    finally:
        if server is not None:
            server.stop()
    print("| claims | triples | step | wall s | peak RSS MB |")
    print("|---|---|---|---|---|")
    for n, triples, name, seconds, mb, rc in rows:
        flag = "" if rc == 0 else f" (exit {rc})"
        print(f"| {n:,} | {triples:,} | {name}{flag} | {seconds:.2f} | {mb:.0f} |")


if __name__ == "__main__":
    main()
