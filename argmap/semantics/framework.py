"""Bipolar argumentation frameworks with linked premises and undercuts.

A :class:`Framework` is the part of an argument map that semantics need:
claims with base scores, and relations, each from one or more premises to one
target (a claim, or for an undercut a relation).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Framework"]


@dataclass
class Framework:
    """Claims with base scores and relations ``(id, type, premises, target)``."""

    base: dict[str, float]
    relations: list[tuple[str, str, tuple[str, ...], str]] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_map(cls, amap, default_base: float = 0.5) -> "Framework":
        """The framework of an :class:`~argmap.model.ArgumentMap`."""
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
