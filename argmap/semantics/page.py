"""The page's gradual semantics: the map's framework as JSON, and the script that scores it.

The rendered page recomputes every claim's strength when the reader changes a
base score or removes a claim.  It does so with ``templates/semantics.js``, a
JavaScript twin of :mod:`argmap.semantics.gradual` (same semantics, same
update, same exact pass, iteration and Runge-Kutta fallback, same
tolerances), run on the framework that :func:`page_framework` compiles.
:func:`what_if_scores` is the same recomputation by the Python library, the
known answer the script is tested against (``tests/test_page_semantics.py``).
"""

from __future__ import annotations

from importlib.resources import files

from .framework import Arrays, Framework
from .gradual import evaluate

__all__ = ["page_framework", "framework_json", "script", "what_if_scores", "what_if"]


def framework_json(fw) -> dict:
    """A :class:`Framework` or :class:`Arrays` as the JSON-able dictionary ``semantics.js`` reads.

    The keys are :class:`Arrays`' fields: ``claims`` and ``relations`` (ids,
    in their order), ``base`` (a score per claim), and per relation ``j``
    its ``kind[j]`` (0 support, 1 attack, 2 undercut), ``weight[j]``,
    ``target[j]`` (a claim number, or for an undercut a relation number) and
    premises ``premise[premise_ptr[j]:premise_ptr[j + 1]]`` (claim numbers).
    Floats are written by ``json`` exactly (shortest round-trip form).

    Examples
    --------
    >>> fw = Framework({"a": 0.5, "b": 0.8}, [("r", "attack", ("b",), "a")])
    >>> framework_json(fw)["premise"], framework_json(fw)["target"]
    ([1], [0])
    """
    arr = fw if isinstance(fw, Arrays) else fw.arrays()
    return {
        "claims": list(arr.claims),
        "relations": list(arr.relations),
        "base": arr.base.tolist(),
        "kind": arr.kind.tolist(),
        "premise_ptr": arr.premise_ptr.tolist(),
        "premise": arr.premise.tolist(),
        "weight": arr.weight.tolist(),
        "target": arr.target.tolist(),
    }


def page_framework(amap, default_base: float = 0.5) -> dict:
    """The framework of ``amap`` (as :func:`argmap.score` scores it) for the page; see :func:`framework_json`."""
    return framework_json(Framework.from_map(amap, default_base))


def script() -> str:
    """The text of ``templates/semantics.js``, which defines ``window.argmapSemantics``.

    ``argmapSemantics.strengths(fw, semantics, changes[, options])`` with
    ``fw`` from :func:`page_framework`, ``semantics`` one of ``"dfquad"``,
    ``"qe"``, ``"euler"``, ``"hcat"`` and ``changes`` =
    ``{base: {claimIndex: score}, removed: {claimIndex: true}}`` returns
    ``{scores, converged, iterations, residual, method}``.
    """
    return files("argmap").joinpath("templates/semantics.js").read_text(encoding="utf-8")


def what_if_scores(amap, semantics: str, base_changes: dict[str, float], removed: set[str],
                   default_base: float = 0.5, **options) -> dict[str, float]:
    """The strengths of ``amap``'s claims with new base scores and without some claims, by the library.

    ``base_changes`` maps claim ids to base scores (as ``argmap explain
    --what-if``); each claim of ``removed`` goes with every relation it takes
    part in (:meth:`Framework.without`).  ``options`` go to
    :func:`~argmap.semantics.gradual.evaluate` (``tol``, ``max_iter``...).
    """
    return what_if(Framework.from_map(amap, default_base), semantics, base_changes, removed, **options).scores


def what_if(fw: Framework, semantics: str, base_changes: dict[str, float], removed, **options):
    """:func:`what_if_scores` on a framework; the whole :class:`GradualResult`."""
    if base_changes:
        fw = fw.with_base(base_changes)
    for claim in sorted(removed):
        fw = fw.without(claim)
    return evaluate(fw, semantics, **options)
