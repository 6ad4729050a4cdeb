"""Bipolar argumentation frameworks with linked premises and undercuts.

A :class:`Framework` is the part of an argument map that semantics need:
claims with base scores, and relations, each from one or more premises to one
target (a claim, or for an undercut a relation).  :meth:`Framework.arrays`
compiles it once into index arrays (:class:`Arrays`) for the vectorised
semantics.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from itertools import repeat

import numpy as np

from ..errors import MapError
from .indexing import distinct, gather, order_by

__all__ = ["Framework", "Arrays", "KINDS"]

#: Relation kinds, in the order of their codes in :attr:`Arrays.kind`.
KINDS = ("support", "attack", "undercut")


@dataclass
class Framework:
    """Claims with base scores and relations ``(id, type, premises, target)``."""

    base: dict[str, float]
    relations: list[tuple[str, str, tuple[str, ...], str]] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_map(cls, amap, default_base: float = 0.5) -> "Framework":
        """The framework of an :class:`~argmap.model.ArgumentMap`.

        Built once per map (and ``default_base``), like the map's claims and
        relations, so that several semantics share it and its :meth:`arrays`;
        treat it as read-only (:meth:`with_base` and :meth:`without` copy).
        """
        built = amap.__dict__.setdefault("_frameworks", {})
        fw = built.get(default_base)
        if fw is None:
            fw = built[default_base] = _Compiled(Arrays.from_map(amap, default_base))
        return fw

    @classmethod
    def from_relations(cls, amap, default_base: float = 0.5) -> "Framework":
        """The framework of a map built from its :class:`~argmap.model.Relation` objects, one by one.

        The reference for :meth:`from_map`, which compiles the map's columns
        straight to :class:`Arrays`.
        """
        rels = [(r.id, r.type, r.sources, r.target) for r in amap.relations.values()]
        weights = {r.id: r.weight for r in amap.relations.values() if r.weight is not None}
        return cls(amap.base_scores(default_base), rels, weights)

    @classmethod
    def from_edges(cls, base, attacks=(), supports=()) -> "Framework":
        """A framework of single-premise attacks and supports, e.g. for tests."""
        rels = [(f"att:{a}->{b}", "attack", (a,), b) for a, b in attacks]
        rels += [(f"sup:{a}->{b}", "support", (a,), b) for a, b in supports]
        return cls(dict(base), rels)

    def incoming(self):
        """For each claim and relation, the ids of the relations that target it, by type."""
        into: dict[str, dict[str, list[str]]] = {}
        for rid, kind, _prem, target in self.relations:
            into.setdefault(target, {"support": [], "attack": [], "undercut": []})[kind].append(rid)
        return into

    def with_base(self, changes: dict[str, float]) -> "Framework":
        """A copy whose base scores are updated by ``changes``."""
        return Framework({**self.base, **changes}, list(self.relations), dict(self.weights))

    def without(self, claim: str) -> "Framework":
        """A copy without ``claim`` and every relation it takes part in.

        A relation loses its force when one of its linked premises goes, and
        an undercut falls with the relation it undercuts.
        """
        gone, rels = {claim}, list(self.relations)
        while True:
            keep = [r for r in rels if gone.isdisjoint(r[2]) and r[3] not in gone]
            if len(keep) == len(rels):
                break
            gone.update(r[0] for r in rels if not (gone.isdisjoint(r[2]) and r[3] not in gone))
            rels = keep
        base = {c: v for c, v in self.base.items() if c != claim}
        return Framework(base, rels, {r: w for r, w in self.weights.items() if r not in gone})

    @cached_property
    def _arrays(self) -> "Arrays":
        return Arrays.build(self)

    def arrays(self) -> "Arrays":
        """The framework as index arrays (built once, then cached)."""
        return self._arrays


@dataclass
class Arrays:
    """A framework compiled to numpy index arrays.

    Claims are numbered ``0..n-1`` in the order of ``claims`` and relations
    ``0..r-1`` in the order of ``relations``.  Relation ``j`` has the premises
    ``premise[premise_ptr[j]:premise_ptr[j+1]]`` (claim numbers), the kind
    ``KINDS[kind[j]]``, the weight ``weight[j]`` and the target
    ``target[j]``: a claim number, or for an undercut a relation number.
    """

    claims: list
    relations: list
    base: "object"
    kind: "object"
    premise_ptr: "object"
    premise: "object"
    weight: "object"
    target: "object"

    @classmethod
    def build(cls, fw: Framework) -> "Arrays":
        claims = list(fw.base)
        cidx = {c: i for i, c in enumerate(claims)}
        rels = [r[0] for r in fw.relations]
        ridx = {r: i for i, r in enumerate(rels)}
        code = {k: i for i, k in enumerate(KINDS)}
        lengths = [len(r[2]) for r in fw.relations]
        try:
            premise = [cidx[p] for r in fw.relations for p in r[2]]
            target = [ridx[t] if k == "undercut" else cidx[t] for _r, k, _p, t in fw.relations]
            kind = [code[r[1]] for r in fw.relations]
        except KeyError as exc:
            raise MapError(f"relation refers to unknown claim, relation or kind {exc.args[0]!r}") from None
        if lengths and min(lengths) == 0:
            raise MapError(f"relation {rels[lengths.index(0)]} has no premise")
        ptr = np.zeros(len(rels) + 1, dtype=np.int64)
        np.cumsum(lengths, out=ptr[1:])
        return cls(
            claims=claims,
            relations=rels,
            base=np.fromiter(fw.base.values(), dtype=float, count=len(claims)),
            kind=np.array(kind, dtype=np.int8),
            premise_ptr=ptr,
            premise=np.array(premise, dtype=np.int64),
            weight=np.array([fw.weights.get(r, 1.0) for r in rels], dtype=float),
            target=np.array(target, dtype=np.int64),
        )

    @classmethod
    def from_map(cls, amap, default_base: float = 0.5) -> "Arrays":
        """The arrays of an :class:`~argmap.model.ArgumentMap`, compiled from its columns of triples.

        Equal to ``Framework.from_relations(amap, default_base).arrays()``,
        without building a Python object per relation.  A map read straight
        into arrays (:class:`argmap.io.afmap.FrameworkMap`) hands over its own.
        """
        if hasattr(amap, "arrays"):
            return amap.arrays(default_base)

        cols = amap.relation_columns()
        claims, rels = list(amap.claims), list(amap.relations)  # both sorted by id
        cidx, ridx = dict(zip(claims, range(len(claims)))), dict(zip(rels, range(len(rels))))
        n, r = len(claims), len(rels)

        def numbers(names, of):  # -1 for a name that is not there
            return np.fromiter(map(of.get, names, repeat(-1)), dtype=np.int64, count=len(names))

        supports, attacks = (np.fromiter(map(cols[k].__contains__, rels), dtype=bool, count=r) for k in ("support", "attack"))
        kind = np.where(supports, 0, np.where(attacks, 1, 2)).astype(np.int8)
        subjects, objects = cols["premises"]
        of, premise = numbers(subjects, ridx), numbers(objects, cidx)
        width = max(n, 1)
        pairs = np.sort((of * width + premise)[of >= 0])  # by relation, then claim (so sorted by id)
        pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))[: len(pairs)]]  # each once
        of, premise = pairs // width, pairs % width
        ptr = np.zeros(r + 1, dtype=np.int64)
        np.cumsum(np.bincount(of, minlength=r), out=ptr[1:])
        subjects, objects = cols["targets"]
        at, to = numbers(subjects, ridx), numbers(objects, cidx)
        target = np.full(r, -1, dtype=np.int64)
        target[at[at >= 0]] = to[at >= 0]  # each relation has one target: a repeated pair writes it again
        for k in np.flatnonzero((at >= 0) & (kind[np.maximum(at, 0)] == 2)).tolist():  # an undercut's is a relation
            target[at[k]] = ridx[objects[k]]
        weight = np.ones(r)
        for rid, w in cols["weights"].items():
            weight[ridx[rid]] = w
        base = amap.base_scores(default_base)
        return cls(claims=claims, relations=rels, base=np.fromiter(map(base.__getitem__, claims), dtype=float, count=len(claims)),
                   kind=kind, premise_ptr=ptr, premise=premise, weight=weight, target=target)

    @classmethod
    def from_indices(cls, base, kind, source, target) -> "Arrays":
        """Arrays of single-premise relations given directly as numbers.

        ``kind`` holds codes into :data:`KINDS`; claims and relations get the
        names ``"0".."n-1"`` and ``"r0".."r{m-1}"``.  This is how large random
        maps are built for benchmarks without a dictionary per claim.
        """
        base = np.asarray(base, dtype=float)
        source = np.asarray(source, dtype=np.int64)
        return cls(
            claims=[str(i) for i in range(len(base))],
            relations=[f"r{j}" for j in range(len(source))],
            base=base,
            kind=np.asarray(kind, dtype=np.int8),
            premise_ptr=np.arange(len(source) + 1, dtype=np.int64),
            premise=source,
            weight=np.ones(len(source)),
            target=np.asarray(target, dtype=np.int64),
        )

    def to_framework(self) -> Framework:
        """The same framework with named claims and relations (for references)."""
        claims, relations = self.claims, self.relations
        names = [claims[p] for p in self.premise.tolist()]
        ptr = self.premise_ptr.tolist()
        rels = []
        for j, (rid, code, t) in enumerate(zip(relations, self.kind.tolist(), self.target.tolist())):
            rels.append((rid, KINDS[code], tuple(names[ptr[j]:ptr[j + 1]]), relations[t] if code == 2 else claims[t]))
        weights = {r: float(w) for r, w in zip(self.relations, self.weight) if w != 1.0}
        return Framework(dict(zip(self.claims, map(float, self.base))), rels, weights)

    @property
    def premise_relation(self):
        """The relation number of each premise, in the order of :attr:`premise`."""
        return np.repeat(np.arange(len(self.relations)), np.diff(self.premise_ptr))

    @property
    def single_premise(self) -> bool:
        return len(self.premise) == len(self.relations)

    def is_acyclic(self) -> bool:
        """Whether no claim depends on itself through relations (and undercuts).

        Kahn's algorithm (Kahn, "Topological sorting of large networks",
        CACM 5, 1962) on the graph of claims and relations: what no edge
        enters goes, with its edges, a whole layer at a time; the graph is
        acyclic exactly when everything goes.  Linear in nodes and edges.
        """
        n, r = len(self.claims), len(self.relations)
        if r == 0:
            return True
        size = n + r
        rows = np.concatenate([self.premise, n + np.arange(r)])  # premise -> relation -> target
        cols = np.concatenate([n + self.premise_relation, np.where(self.kind == 2, n + self.target, self.target)])
        out_to = cols[order_by(rows)]
        ptr = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=size), out=ptr[1:])
        entering = np.bincount(cols, minlength=size)
        stamp = np.empty(size, dtype=np.int64)
        frontier, gone = np.flatnonzero(entering == 0), 0
        while len(frontier):
            gone += len(frontier)
            hit = gather(ptr, out_to, frontier)
            np.subtract.at(entering, hit, 1)
            hit = distinct(hit, stamp)
            frontier = hit[entering[hit] == 0]
        return gone == size


class _Compiled(Framework):
    """A map's framework compiled straight to :class:`Arrays`; its list of relations is made only if asked for."""

    def __init__(self, arrays: Arrays):
        self.base = dict(zip(arrays.claims, arrays.base.tolist()))
        weighted = (arrays.weight != 1.0).nonzero()[0].tolist()
        self.weights = {arrays.relations[j]: float(arrays.weight[j]) for j in weighted}
        self.__dict__["_arrays"] = arrays

    @cached_property
    def relations(self) -> list:
        return self._arrays.to_framework().relations
