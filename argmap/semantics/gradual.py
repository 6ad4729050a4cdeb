"""Gradual semantics: a strength in [0, 1] for every claim.

Every semantics here has the same shape (the "modular" view of Mossakowski &
Neuhaus 2018): a claim's attackers and supporters are *aggregated*, and an
*influence* function turns the claim's base score and the two aggregates into
its strength.

DF-QuAD (``dfquad``, the default)
    Rago, Toni, Aurisicchio and Baroni, "Discontinuity-Free Decision Support
    with Quantitative Argumentation Debates", KR 2016.  Attackers and
    supporters aggregate by the probabilistic sum F(v1..vn) = 1 - prod(1 - vi),
    and with va, vs the two aggregates

        s = v0 - v0 * (va - vs)          if va >= vs
            v0 + (1 - v0) * (vs - va)    if va <  vs

Quadratic energy (``qe``)
    Potyka, "Continuous Dynamical Systems for Weighted Bipolar Argumentation",
    KR 2018.  The energy E = sum(supporters) - sum(attackers) and
    h(x) = max(x, 0)^2 / (1 + max(x, 0)^2) give

        s = v0 + (1 - v0) * h(E)   if E >= 0
            v0 - v0 * h(-E)        if E <  0

Euler-based (``euler``)
    Amgoud and Ben-Naim, "Weighted Bipolar Argumentation Graphs: Axioms and
    Semantics", IJCAI 2018.  With the same energy E,

        s = 1 - (1 - v0^2) / (1 + v0 * e^E)

Weighted h-categorizer (``hcat``, attacks only; supports are ignored)
    Besnard and Hunter, "A logic-based theory of deductive arguments", AIJ
    2001, weighted by Amgoud, Ben-Naim, Doder and Vesic, "Acceptability
    Semantics for Weighted Argumentation Frameworks", IJCAI 2017:

        s = v0 / (1 + sum(attackers))

Relations as arguments
    A relation contributes the strength of its premises taken together.
    Linked premises act only jointly, so a relation's strength is the minimum
    of its premises' strengths (the Goedel t-norm, as for the conjunctive
    premises of AIF's RA-nodes), times the relation's weight when it has one.
    An undercut (Pollock 1987) attacks that contribution, not the target: a
    relation whose undercutters have strengths u1..uk contributes
    min(premises) * weight * (1 - u1) * ... * (1 - uk), which is DF-QuAD's
    attack C(min, F(u1..uk), 0) applied to the relation.  The same rule is used
    for every semantics, so that an undercut of strength 1 silences a relation
    and one of strength 0 leaves it whole.  With one premise, no weight and no
    undercut, each semantics is exactly as published.

How the strengths are computed
    With x = (claim strengths, relation contributions), one update T(x)
    computes the relations' contributions from the claims (and the undercuts'
    previous contributions), then the claims from those contributions.

    * Acyclic maps: T is applied until x stops changing, which happens
      exactly after as many rounds as the longest chain of relations: the
      result is the exact value of the one-pass topological evaluation
      (method ``"exact"``).  Should the map be deeper than ``DEEP`` rounds,
      the one pass in topological order (the reference's) is cheaper and is
      used instead.
    * Cyclic maps: synchronous iteration x <- T(x) from the base scores until
      max |T(x) - x| <= tol (method ``"iteration"``).
    * Where that does not converge within ``max_iter`` rounds, the continuous
      form dx/dt = T(x) - x (Potyka 2018) is integrated with the
      classical fourth-order Runge-Kutta method from the base scores until
      max |T(x) - x| <= tol (method ``"rk4"``).

Each semantics has a vectorised implementation over numpy arrays (used by
default) and a plain-Python reference (``reference=True``) written straight
from the formulas; the tests hold them against each other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from ..names import semantics_name
from ..progress import progress
from .framework import Arrays, Framework

__all__ = [
    "SparseMatrix",
    "GradualResult",
    "GradualSemantics",
    "GRADUAL",
    "SEMANTICS",
    "evaluate",
    "dfquad",
    "dfquad_reference",
    "quadratic_energy",
    "euler_based",
    "h_categorizer",
    "score",
]


@dataclass
class GradualResult:
    """Scores of a gradual semantics, with how they were reached.

    ``method`` is ``"exact"`` (acyclic map), ``"iteration"`` (synchronous
    iteration converged) or ``"rk4"`` (the continuous form was integrated);
    ``iterations`` counts the discrete rounds plus the Runge-Kutta steps.
    """

    semantics: str
    scores: dict[str, float]
    converged: bool
    iterations: int
    residual: float
    method: str = "iteration"

    def ranking(self) -> list[tuple[str, float]]:
        """Claims from strongest to weakest, ties broken by id."""
        return sorted(self.scores.items(), key=lambda kv: (-kv[1], kv[0]))


# --- influence functions: vectorised (numpy) and scalar (reference) ------------


def _dfquad_np(v0, va, vs):
    d = vs - va
    return v0 + np.where(d > 0, 1.0 - v0, v0) * d


def _dfquad_1(v0, att, sup):
    """DF-QuAD's C with F, Rago et al. 2016."""
    va, vs = 1.0 - math.prod(1.0 - v for v in att), 1.0 - math.prod(1.0 - v for v in sup)
    if va >= vs:
        return v0 - v0 * (va - vs)
    return v0 + (1.0 - v0) * (vs - va)


def _qe_np(v0, att, sup):
    e = sup - att
    e2 = np.square(e)
    return v0 + np.where(e >= 0, 1.0 - v0, -v0) * (e2 / (1.0 + e2))


def _qe_1(v0, att, sup):
    """Quadratic energy, Potyka 2018."""
    energy = sum(sup) - sum(att)
    h = energy * energy / (1.0 + energy * energy)
    return v0 + (1.0 - v0) * h if energy >= 0 else v0 - v0 * h


def _euler_np(v0, att, sup):
    return 1.0 - (1.0 - np.square(v0)) / (1.0 + v0 * np.exp(np.minimum(sup - att, 700.0)))


def _euler_1(v0, att, sup):
    """Euler-based semantics, Amgoud and Ben-Naim 2018."""
    energy = sum(sup) - sum(att)
    return 1.0 - (1.0 - v0 * v0) / (1.0 + v0 * math.exp(min(energy, 700.0)))


def _hcat_np(v0, att, sup):
    return v0 / (1.0 + att)


def _hcat_1(v0, att, sup):
    """Weighted h-categorizer, Amgoud et al. 2017 (Besnard and Hunter 2001)."""
    return v0 / (1.0 + sum(att))


@dataclass(frozen=True)
class GradualSemantics:
    """A gradual semantics: how contributions aggregate, and the influence.

    ``aggregation`` is ``"product"`` (the probabilistic sum 1 - prod(1 - v))
    or ``"sum"``; ``influence(v0, att, sup)`` takes numpy arrays of base scores
    and aggregates; ``scalar(v0, attackers, supporters)`` takes one base score
    and the lists of contributions and is the reference.
    """

    name: str
    title: str
    aggregation: str
    influence: Callable
    scalar: Callable
    uses_support: bool = True
    cite: str = field(default="", compare=False)


GRADUAL = {
    "dfquad": GradualSemantics("dfquad", "DF-QuAD", "product", _dfquad_np, _dfquad_1, cite="Rago et al. 2016"),
    "qe": GradualSemantics("qe", "quadratic energy", "sum", _qe_np, _qe_1, cite="Potyka 2018"),
    "euler": GradualSemantics("euler", "Euler-based", "sum", _euler_np, _euler_1, cite="Amgoud & Ben-Naim 2018"),
    "hcat": GradualSemantics("hcat", "weighted h-categorizer", "sum", _hcat_np, _hcat_1, False,
                             cite="Besnard & Hunter 2001; Amgoud et al. 2017"),
}


# --- one update T(x), vectorised ------------------------------------------------


class _Counted:
    """An update that calls ``tick`` before each round (for a progress bar)."""

    def __init__(self, update, tick):
        self.update, self.tick = update, tick

    def __call__(self, x):
        self.tick()
        return self.update(x)

    def x0(self):
        return self.update.x0()


class SparseMatrix:
    """A sparse matrix of ``rows`` x anything by its entries; ``m @ v`` sums ``data * v[cols]`` per row."""

    def __init__(self, rows, cols, data, height: int):
        self.rows, self.cols, self.data, self.height = rows, cols, data, height

    def __matmul__(self, v):
        return np.bincount(self.rows, weights=self.data * v[self.cols], minlength=self.height)


class _Update:
    """T(x) over numpy arrays; x = (claim strengths, relation contributions).

    Aggregation is a sparse matrix-vector product: the contributions, or for
    the probabilistic sum their logarithms log(1 - v), summed per target
    (``numpy.bincount`` with weights, over the matrix's entries).
    When every relation has one premise and none is undercut (and, for the
    probabilistic sum, none is weighted), the relations are folded into
    claim-to-claim matrices and x holds the claims' strengths only.
    """

    def __init__(self, arr: Arrays, sem: GradualSemantics):
        self.np = np
        self.arr, self.sem = arr, sem
        self.n, self.r = n, r = len(arr.claims), len(arr.relations)
        self.product = sem.aggregation == "product"
        unweighted = bool(np.all(arr.weight == 1.0))
        undercut = arr.kind == 2
        self.claim_level = arr.single_premise and not undercut.any() and (unweighted or not self.product)
        # one matrix: rows 0..n-1 aggregate the attacks, rows n..2n-1 the supports
        j = np.flatnonzero((arr.kind == 1) | ((arr.kind == 0) & sem.uses_support))
        rows = arr.target[j] + n * (arr.kind[j] == 0)
        if self.claim_level:
            cols, data, shape = arr.premise[j], (np.ones(len(j)) if self.product else arr.weight[j]), (2 * n, n)
        else:
            cols, data, shape = j, np.ones(len(j)), (2 * n, r)
        self.matrix = SparseMatrix(rows, cols, data, shape[0])
        if not self.claim_level:
            j = np.flatnonzero(undercut)
            self.undercut = SparseMatrix(arr.target[j], j, np.ones(len(j)), r) if len(j) else None
            self.starts = arr.premise_ptr[:-1]
            self.weight = None if unweighted else arr.weight

    def x0(self):
        np = self.np
        return self.arr.base.copy() if self.claim_level else np.concatenate([self.arr.base, np.zeros(self.r)])

    def _log(self, v):
        with self.np.errstate(divide="ignore"):
            return self.np.log(1.0 - v)  # log1p is exact-er near 0 but three times slower

    def _combine(self, g):
        """The claims' strengths from g (the contributions, or log(1 - v) of them)."""
        both = self.matrix @ g
        if self.product:
            both = 1.0 - self.np.exp(both)
        return self.sem.influence(self.arr.base, both[: self.n], both[self.n :])

    def __call__(self, x):
        np, arr = self.np, self.arr
        if self.claim_level:
            return self._combine(self._log(x) if self.product else x)
        s, c_old = x[: self.n], x[self.n :]
        c = s[arr.premise] if arr.single_premise else np.minimum.reduceat(s[arr.premise], self.starts)
        if self.weight is not None:
            c = c * self.weight
        if self.undercut is not None:
            c = c * np.exp(self.undercut @ self._log(c_old))
        return np.concatenate([self._combine(self._log(c) if self.product else c), c])


def _residual(tx, x) -> float:
    return float(np.max(np.abs(tx - x))) if len(x) else 0.0


#: Rounds of synchronous updates tried on an acyclic map before one topological pass.
DEEP = 64


def _exact(update, x0):
    """``x`` with T(x) = x reached by rounds of T on an acyclic map, or None if deeper than DEEP."""
    x = x0
    for it in range(1, DEEP + 1):
        tx = update(x)
        if np.array_equal(tx, x):
            return x, it
        x = tx
    return None


def _drive(update, x0, *, tol: float, max_iter: int, h: float, max_steps: int):
    """Iterate ``update`` from ``x0``; fall back to RK4 on dx/dt = T(x) - x.

    Returns ``(x, converged, iterations, residual, method)``.
    """
    x, residual, limit = x0, math.inf, max_iter
    for it in range(1, limit + 1):
        tx = update(x)
        residual = _residual(tx, x)
        x = tx
        if residual <= tol:
            return x, True, it, residual, "iteration"
    x = x0
    for step in range(1, max_steps + 1):
        k1 = update(x) - x
        residual = _residual(k1, 0.0 * k1)
        if residual <= tol:
            return x, True, limit + step - 1, residual, "rk4"
        y = x + 0.5 * h * k1
        k2 = update(y) - y
        y = x + 0.5 * h * k2
        k3 = update(y) - y
        y = x + h * k3
        k4 = update(y) - y
        # the exact flow stays in [0, 1]; keep the numerical one there too
        x = (x + (h / 6.0) * (k1 + 2.0 * k2 + 2.0 * k3 + k4)).clip(0.0, 1.0)
    tx = update(x)
    return tx, False, limit + max_steps, _residual(tx, x), "rk4"


def evaluate(fw, semantics: str = "dfquad", *, reference: bool = False, tol: float = 1e-9,
             max_iter: int = 1000, h: float = 0.1, max_steps: int = 100_000, on_round=None) -> GradualResult:
    """Strengths of every claim of ``fw`` under a gradual ``semantics``.

    Parameters
    ----------
    fw : Framework or Arrays
        The claims, base scores and relations.
    semantics : {"dfquad", "qe", "euler", "hcat"}
        See the module docstring for each one's definition and paper.
    reference : bool
        Use the plain-Python reference instead of the vectorised version.
    tol : float
        Cyclic maps: stop when no strength moves more than ``tol``.
    max_iter : int
        Cyclic maps: synchronous rounds before falling back to RK4.
    h, max_steps : float, int
        Step size and step budget of the RK4 integration.
    on_round : callable, optional
        Called with no argument before each round of the update.

    Examples
    --------
    >>> fw = Framework.from_edges({"a": 0.5, "b": 0.8}, attacks=[("b", "a")])
    >>> round(evaluate(fw).scores["a"], 6)
    0.1
    >>> round(evaluate(fw, "hcat").scores["a"], 6)
    0.277778
    """
    sem = GRADUAL[semantics_name(semantics, among=GRADUAL)]
    if reference:
        fw = fw.to_framework() if isinstance(fw, Arrays) else fw
        return _reference(fw, sem, tol=tol, max_iter=max_iter, h=h, max_steps=max_steps)
    arr = fw if isinstance(fw, Arrays) else fw.arrays()
    update = _Update(arr, sem) if on_round is None else _Counted(_Update(arr, sem), on_round)
    if arr.is_acyclic():
        done = _exact(update, update.x0())
        if done is None:
            return _reference(arr.to_framework(), sem, tol=tol, max_iter=max_iter, h=h, max_steps=max_steps)
        x, its = done
        return GradualResult(sem.name, dict(zip(arr.claims, x[: len(arr.claims)].tolist())), True, its, 0.0, "exact")
    x, ok, its, res, method = _drive(update, update.x0(), tol=tol, max_iter=max_iter, h=h, max_steps=max_steps)
    scores = dict(zip(arr.claims, x[: len(arr.claims)].tolist()))
    return GradualResult(sem.name, scores, ok, its, res, method)


# --- the reference: plain Python, straight from the formulas ----------------------


def _reference(fw: Framework, sem: GradualSemantics, *, tol, max_iter, h, max_steps) -> GradualResult:
    """One pass in topological order when acyclic; else the same iteration and RK4.

    The update is written with dictionaries and the scalar formulas; the
    iteration driver is shared with the fast version, so that on cyclic maps
    both follow the same trajectory and the tests compare the updates.
    """
    import networkx as nx  # lazy: networkx takes 0.2 s to import

    into = fw.incoming()
    claims = list(fw.base)
    rels = [r[0] for r in fw.relations]
    by_id = {r[0]: r for r in fw.relations}
    empty = {"support": [], "attack": [], "undercut": []}

    def relation(rid, strength, contribution):
        _rid, _kind, premises, _t = by_id[rid]
        v = min(strength[p] for p in premises) * fw.weights.get(rid, 1.0)
        for u in into.get(rid, empty)["undercut"]:
            v *= 1.0 - contribution[u]
        return v

    def claim(cid, contribution):
        ins = into.get(cid, empty)
        att = [contribution[r] for r in ins["attack"]]
        sup = [contribution[r] for r in ins["support"]] if sem.uses_support else []
        return sem.scalar(fw.base[cid], att, sup)

    dep = nx.DiGraph()
    dep.add_nodes_from(claims)
    for rid, _kind, premises, target in fw.relations:
        dep.add_edges_from((p, rid) for p in premises)
        dep.add_edge(rid, target)
    if nx.is_directed_acyclic_graph(dep):
        strength, contribution = {}, {}
        for node in nx.topological_sort(dep):
            if node in by_id:
                contribution[node] = relation(node, strength, contribution)
            else:
                strength[node] = claim(node, contribution)
        return GradualResult(sem.name, {c: strength[c] for c in claims}, True, 1, 0.0, "exact")

    def update(x):
        strength = dict(zip(claims, x[: len(claims)].tolist()))
        old = dict(zip(rels, x[len(claims) :].tolist()))
        contribution = {r: relation(r, strength, old) for r in rels}
        return np.array([claim(c, contribution) for c in claims] + [contribution[r] for r in rels])

    x0 = np.array([fw.base[c] for c in claims] + [0.0] * len(rels))
    x, ok, its, res, method = _drive(update, x0, tol=tol, max_iter=max_iter, h=h, max_steps=max_steps)
    return GradualResult(sem.name, dict(zip(claims, x[: len(claims)].tolist())), ok, its, res, method)


# --- named entry points -------------------------------------------------------------


def dfquad(fw, **kw) -> GradualResult:
    """DF-QuAD strengths (Rago et al. 2016) of every claim of ``fw``.

    Examples
    --------
    >>> fw = Framework.from_edges({"a": 0.5, "b": 0.8}, attacks=[("b", "a")])
    >>> round(dfquad(fw).scores["a"], 6)
    0.1
    """
    return evaluate(fw, "dfquad", **kw)


def dfquad_reference(fw, **kw) -> GradualResult:
    """DF-QuAD by the plain-Python reference (see :func:`evaluate`)."""
    return evaluate(fw, "dfquad", reference=True, **kw)


def quadratic_energy(fw, **kw) -> GradualResult:
    """Quadratic-energy strengths (Potyka 2018) of every claim of ``fw``."""
    return evaluate(fw, "qe", **kw)


def euler_based(fw, **kw) -> GradualResult:
    """Euler-based strengths (Amgoud & Ben-Naim 2018) of every claim of ``fw``."""
    return evaluate(fw, "euler", **kw)


def h_categorizer(fw, **kw) -> GradualResult:
    """Weighted h-categorizer strengths (Besnard & Hunter 2001; Amgoud et al. 2017).

    Supports are ignored: the h-categorizer is defined on attacks only.
    """
    return evaluate(fw, "hcat", **kw)


SEMANTICS = {"dfquad": dfquad, "qe": quadratic_energy, "euler": euler_based, "hcat": h_categorizer}


def score(amap, semantics: str = "dfquad") -> GradualResult:
    """Scores of every claim of ``amap`` under a gradual ``semantics``.

    On a terminal, scoring that takes longer than a second shows its rounds
    (see :mod:`argmap.progress`).
    """
    semantics = semantics_name(semantics, among=SEMANTICS)
    with progress(f"scoring with {semantics}, rounds") as bar:
        return SEMANTICS[semantics](Framework.from_map(amap), on_round=bar.advance)
