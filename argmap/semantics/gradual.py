"""Gradual semantics: a strength in [0, 1] for every claim.

DF-QuAD
    Rago, Toni, Aurisicchio and Baroni, "Discontinuity-Free Decision Support
    with Quantitative Argumentation Debates", KR 2016.  The strength of an
    argument with base score v0 whose attackers aggregate to va and supporters
    to vs, with F(v1..vn) = 1 - (1 - v1)...(1 - vn) and F() = 0, is

        C(v0, va, vs) = v0 - v0 * (va - vs)          if va >= vs
                        v0 + (1 - v0) * (vs - va)    if va <  vs

Relations as arguments
    A relation contributes the strength of its premises taken together.  Linked
    premises act only jointly, so a relation's strength is the minimum of its
    premises' strengths (the conjunction of the Goedel t-norm), times its weight
    when it has one.  An undercut attacks that contribution: a relation with
    undercutters of aggregated strength vu contributes C(min, vu, 0), that is
    min * (1 - vu).  With one premise, no weight and no undercut this is DF-QuAD
    as published.

Acyclic maps are solved exactly in one pass in topological order; cyclic maps
by synchronous iteration from the base scores to a tolerance.
"""

from __future__ import annotations

from dataclasses import dataclass

from .framework import Framework

__all__ = ["GradualResult", "dfquad", "dfquad_reference", "score", "SEMANTICS"]


@dataclass
class GradualResult:
    """Scores of a gradual semantics, with how they were reached."""

    semantics: str
    scores: dict[str, float]
    converged: bool
    iterations: int
    residual: float

    def ranking(self) -> list[tuple[str, float]]:
        """Claims from strongest to weakest, ties broken by id."""
        return sorted(self.scores.items(), key=lambda kv: (-kv[1], kv[0]))


def _aggregate(values) -> float:
    """DF-QuAD's F: the probabilistic sum 1 - prod(1 - v)."""
    rest = 1.0
    for v in values:
        rest *= 1.0 - v
    return 1.0 - rest


def _combine(v0: float, va: float, vs: float) -> float:
    """DF-QuAD's C (Rago et al. 2016, Definition 6)."""
    if va >= vs:
        return v0 - v0 * (va - vs)
    return v0 + (1.0 - v0) * (vs - va)


def _step(fw: Framework, into, strength, rel_strength):
    """One synchronous update: new claim strengths and relation strengths."""
    new_rel = {}
    for rid, _kind, premises, _target in fw.relations:
        v = min(strength[p] for p in premises) * fw.weights.get(rid, 1.0)
        under = into.get(rid, {}).get("undercut", ())
        new_rel[rid] = v * (1.0 - _aggregate(rel_strength[u] for u in under))
    new = {}
    for c, v0 in fw.base.items():
        ins = into.get(c)
        if ins is None:
            new[c] = v0
        else:
            new[c] = _combine(
                v0,
                _aggregate(rel_strength[r] for r in ins["attack"]),
                _aggregate(rel_strength[r] for r in ins["support"]),
            )
    return new, new_rel


def dfquad(fw: Framework, *, tol: float = 1e-9, max_iter: int = 10_000) -> GradualResult:
    """DF-QuAD strengths (Rago et al. 2016) of every claim of ``fw``.

    Acyclic frameworks are evaluated exactly in topological order over the
    claims and relations; cyclic ones by synchronous iteration from the base
    scores until no strength moves more than ``tol``.

    Examples
    --------
    >>> fw = Framework.from_edges({"a": 0.5, "b": 0.8}, attacks=[("b", "a")])
    >>> round(dfquad(fw).scores["a"], 6)
    0.1
    """
    import networkx as nx

    into = fw.incoming()
    dep = nx.DiGraph()
    dep.add_nodes_from(fw.base)
    for rid, _kind, premises, target in fw.relations:
        dep.add_node(rid)
        for p in premises:
            dep.add_edge(p, rid)
        dep.add_edge(rid, target)
    try:
        order = list(nx.topological_sort(dep))
    except nx.NetworkXUnfeasible:
        return _iterate(fw, into, tol, max_iter)
    rels = {rid: (premises, kind) for rid, kind, premises, _t in fw.relations}
    strength, rel_strength = {}, {}
    for node in order:
        ins = into.get(node, {"support": (), "attack": (), "undercut": ()})
        if node in rels:
            premises, _kind = rels[node]
            v = min(strength[p] for p in premises) * fw.weights.get(node, 1.0)
            rel_strength[node] = v * (1.0 - _aggregate(rel_strength[u] for u in ins["undercut"]))
        else:
            strength[node] = _combine(
                fw.base[node],
                _aggregate(rel_strength[r] for r in ins["attack"]),
                _aggregate(rel_strength[r] for r in ins["support"]),
            )
    return GradualResult("dfquad", strength, True, 1, 0.0)


def _iterate(fw, into, tol, max_iter) -> GradualResult:
    strength = dict(fw.base)
    rel_strength = {rid: 0.0 for rid, *_ in fw.relations}
    residual = float("inf")
    for it in range(1, max_iter + 1):
        new, new_rel = _step(fw, into, strength, rel_strength)
        residual = max(
            max((abs(new[c] - strength[c]) for c in new), default=0.0),
            max((abs(new_rel[r] - rel_strength[r]) for r in new_rel), default=0.0),
        )
        strength, rel_strength = new, new_rel
        if residual <= tol:
            return GradualResult("dfquad", strength, True, it, residual)
    return GradualResult("dfquad", strength, False, max_iter, residual)


def dfquad_reference(fw: Framework, *, tol: float = 1e-12, max_iter: int = 100_000) -> GradualResult:
    """Plain synchronous iteration of DF-QuAD from the base scores.

    The obviously-correct version that tests hold :func:`dfquad` against: on an
    acyclic framework it reaches the exact fixpoint after as many rounds as the
    longest chain of relations.
    """
    return _iterate(fw, fw.incoming(), tol, max_iter)


SEMANTICS = {"dfquad": dfquad}


def score(amap, semantics: str = "dfquad") -> GradualResult:
    """Scores of every claim of ``amap`` under a gradual ``semantics``."""
    from ..errors import UsageError

    try:
        fn = SEMANTICS[semantics]
    except KeyError:
        raise UsageError(f"unknown semantics {semantics!r} (known: {', '.join(sorted(SEMANTICS))})") from None
    return fn(Framework.from_map(amap))
