"""Load plus the "strongest claims" query: the Oxigraph store against rdflib in memory.

Run: python3 bench/sparql_store.py [TRIPLES]

Writes a synthetic map of about TRIPLES triples (default 1,000,000) in
Turtle: claims of the four kinds with labels, texts, base scores and
speakers, one support or attack per claim (a tenth of them attacks), and a
DF-QuAD evaluation per claim, as ``argmap score --write`` stores them.  Then,
in the same run, it times each store doing what ``argmap query`` does:

* rdflib in memory (:class:`argmap.store.MemoryStore`): parse, RDFS
  entailment, then the named query ``strongest-claims`` for ``am:DFQuAD``;
* Oxigraph on disk (:class:`argmap.store.OxigraphStore`): the same load into a
  fresh store folder (what ``argmap load`` does), then the same query.

Both answers are checked to be the same rows.  Target: Oxigraph at least 10
times faster end to end.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KINDS = ("FactualClaim", "PredictiveClaim", "EvaluativeClaim", "PolicyClaim")


def write_map(path: Path, triples: int, seed: int = 7) -> int:
    """Write the synthetic map to ``path``; return its number of triples."""
    rnd = random.Random(seed)
    per_claim = 12  # 5 for the claim, 3 for its relation, 4 for its evaluation
    n = max(2, triples // per_claim)
    out = ["@prefix : <http://example.org/bench#> .", "@prefix am: <https://w3id.org/argmap#> .",
           "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
           "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
           ":map a am:ArgumentMap ; am:mainThesis :c0 ; am:source :doc .", ":doc a am:Source ."]
    count = 6
    speakers = 50
    for s in range(speakers):
        out.append(f':agent{s} a <http://www.w3.org/ns/prov#Person> ; rdfs:label "speaker {s}" .')
        count += 2
    for i in range(n):
        kind = KINDS[i % 4]
        base = rnd.randint(1, 99) / 100
        out.append(f':c{i} a am:{kind} ; rdfs:label "claim {i}" ; am:text "The text of claim {i}." ; '
                   f'am:baseScore {base} ; am:attributedTo :agent{rnd.randrange(speakers)} .')
        count += 5
        if i:
            rel = "Attack" if rnd.random() < 0.1 else "Support"
            out.append(f":r{i} a am:{rel} ; am:premise :c{i} ; am:target :c{rnd.randrange(i)} .")
            count += 3
        value = rnd.random()
        out.append(f':c{i}-evaluation-dfquad a am:Evaluation ; am:evaluates :c{i} ; am:semantics am:DFQuAD ; '
                   f'am:value "{value!r}"^^xsd:double .')
        count += 4
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return count


def timed(fn):
    t = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t


def main(triples: int = 1_000_000) -> None:
    from argmap.sparql import bind_params, named_query
    from argmap.store import MemoryStore, OxigraphStore

    text = bind_params(named_query("strongest-claims").text, {"semantics": "am:DFQuAD"})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.ttl"
        n = write_map(path, triples)
        print(f"synthetic map: {n:,} triples, {path.stat().st_size / 1e6:.0f} MB of Turtle")

        with OxigraphStore(Path(tmp) / "store") as ox:
            [report], ox_load = timed(lambda: ox.load([path]))
            ox_rows, ox_query = timed(lambda: ox.query(text).rows)
        print(f"oxigraph: load {ox_load:.2f} s ({report.stored:,} triples), "
              f"query {ox_query:.2f} s, {len(ox_rows):,} rows")

        mem = MemoryStore()
        _, mem_load = timed(lambda: mem.load([path], check=False))
        mem_rows, mem_query = timed(lambda: mem.query(text).rows)
        print(f"rdflib:   load {mem_load:.2f} s, query {mem_query:.2f} s, {len(mem_rows):,} rows")

    assert [[str(t) for t in r] for r in mem_rows] == [[str(t) for t in r] for r in ox_rows], "answers differ"
    total_ox, total_mem = ox_load + ox_query, mem_load + mem_query
    print(f"load + strongest claims: oxigraph {total_ox:.2f} s, rdflib {total_mem:.2f} s, "
          f"{total_mem / total_ox:.1f}x faster (target >= 10x)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
