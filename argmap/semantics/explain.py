"""Why a claim has its score: contributions, what-ifs, and its path to the thesis.

For a claim c and each claim x that attacks, supports or undercuts into c
directly (a premise of a relation into c, or of an undercut of such a
relation), two attributions are given; both are *contribution functions* in
the sense of Kampik, Potyka, Yin, Cyras and Toni, "Contribution functions for
quantitative bipolar argumentation graphs: a principle-based analysis",
IJAR 173, 2024:

removal
    sigma(c) - sigma'(c), where sigma' is the strength after x and every
    relation it takes part in are removed (the removal-based contribution,
    after Delobelle and Villata, "Interpretability of gradual semantics in
    abstract argumentation", ECSQARU 2019).
gradient
    d sigma(c) / d tau(x), the derivative of c's strength by x's base score
    (the gradient-based attribution of Yin, Potyka and Toni, "Argument
    attribution explanations in quantitative bipolar argumentation
    frameworks", ECAI 2023), by a central difference of step 1e-6 (one-sided
    at 0 and 1).

A supporter usually contributes positively and an attacker negatively; in
cyclic maps either sign can occur.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from .._numbers import unit_score
from ..errors import UsageError
from ..names import claim_id, semantics_name
from .framework import Framework
from .gradual import GRADUAL, evaluate

__all__ = ["Contribution", "Explanation", "explain", "resolve", "path_to", "parse_what_if"]

STEP = 1e-6
TOL = 1e-12


@dataclass
class Contribution:
    """What one claim does to the explained claim."""

    claim: str
    relation: str
    kind: str
    removal: float
    gradient: float


@dataclass
class Explanation:
    """A claim's score and where it comes from."""

    claim: str
    semantics: str
    score: float
    base: float
    contributions: list[Contribution]
    path: list[tuple[str, str, str, str]] | None = None
    what_if: dict = field(default_factory=dict)
    score_before: float | None = None

    def to_dict(self) -> dict:
        return {
            "claim": self.claim,
            "semantics": self.semantics,
            "score": self.score,
            "base": self.base,
            "what_if": self.what_if,
            "score_before": self.score_before,
            "contributions": [vars(c) for c in self.contributions],
            "path": None if self.path is None else [{"from": a, "relation": r, "kind": k, "to": b} for a, r, k, b in self.path],
        }


#: The id in ``ids`` that a name names: see :func:`argmap.names.claim_id`.
resolve = claim_id


def _score(fw, claim, semantics):
    return evaluate(fw, semantics, tol=TOL).scores[claim]


def _gradient(fw, claim, x, semantics):
    v = fw.base[x]
    lo, hi = max(0.0, v - STEP), min(1.0, v + STEP)
    down = _score(fw.with_base({x: lo}), claim, semantics)
    up = _score(fw.with_base({x: hi}), claim, semantics)
    return (up - down) / (hi - lo)


def _sources(fw, claim):
    """(premise, relation, kind) for every relation into ``claim`` and every undercut of one."""
    into = fw.incoming()
    rels = {r[0]: r for r in fw.relations}
    out = []
    for kind in ("attack", "support"):
        for rid in into.get(claim, {}).get(kind, ()):
            out += [(p, rid, kind) for p in rels[rid][2]]
            for uid in into.get(rid, {}).get("undercut", ()):
                out += [(p, uid, "undercut") for p in rels[uid][2]]
    return out


def path_to(fw, claim, thesis) -> list[tuple[str, str, str, str]]:
    """The shortest chain of relations from ``claim`` to ``thesis``.

    Each step is ``(from claim, relation id, kind, to claim)``; an undercut
    leads to the target of the relation it undercuts.  Empty when ``claim``
    is the thesis, None when no chain exists.
    """
    rels = {r[0]: r for r in fw.relations}

    def lands(rid):
        while rels[rid][1] == "undercut":
            rid = rels[rid][3]
        return rels[rid][3]

    step = {}
    for rid, kind, premises, _t in fw.relations:
        for p in premises:
            step.setdefault(p, []).append((rid, kind, lands(rid)))
    back = {claim: None}
    todo = deque([claim])
    while todo:
        here = todo.popleft()
        if here == thesis:
            chain = []
            while back[here] is not None:
                prev, rid, kind = back[here]
                chain.append((prev, rid, kind, here))
                here = prev
            return chain[::-1]
        for rid, kind, there in sorted(step.get(here, ())):
            if there not in back:
                back[there] = (here, rid, kind)
                todo.append(there)
    return None


def explain(fw: Framework, claim: str, semantics: str = "dfquad", *, what_if=None, thesis=None) -> Explanation:
    """Explain ``claim``'s strength in ``fw`` under a gradual ``semantics``.

    ``what_if`` maps claims to new base scores: the explanation is then of
    the changed map, and ``score_before`` is the score without the change.
    ``thesis`` names the claim to trace a path to.

    Examples
    --------
    >>> fw = Framework.from_edges({"a": 0.5, "b": 0.8}, attacks=[("b", "a")])
    >>> e = explain(fw, "a")
    >>> round(e.score, 6), [(c.claim, round(c.removal, 6)) for c in e.contributions]
    (0.1, [('b', -0.4)])
    """
    semantics = semantics_name(semantics, among=GRADUAL)
    before = None
    if what_if:
        before = _score(fw, claim, semantics)
        fw = fw.with_base(what_if)
    score = _score(fw, claim, semantics)
    contributions = [
        Contribution(x, rid, kind, score - _score(fw.without(x), claim, semantics), _gradient(fw, claim, x, semantics))
        for x, rid, kind in _sources(fw, claim)
        if x != claim
    ]
    contributions.sort(key=lambda c: (-abs(c.removal), c.claim, c.relation))
    path = path_to(fw, claim, thesis) if thesis else None
    return Explanation(claim, semantics, score, fw.base[claim], contributions, path, dict(what_if or {}), before)


def parse_what_if(ids, items) -> dict:
    """``{"A=0.3", ...}`` as ``{claim id: 0.3}``; UsageError for a bad item."""
    out = {}
    for item in items:
        name, sep, value = item.rpartition("=")
        if not sep or not name:
            raise UsageError(f"{{what_if}} wants CLAIM=SCORE, not {item!r}", arguments=("what_if",))
        try:
            out[resolve(ids, name)] = unit_score(value)
        except ValueError as exc:
            raise UsageError(f"{{what_if}} {item!r}: {exc}", arguments=("what_if",)) from None
    return out
