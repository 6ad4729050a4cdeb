"""Argumentation semantics over argument maps.

* :mod:`.gradual`: gradual semantics (DF-QuAD, quadratic energy, Euler-based,
  weighted h-categorizer), a strength in [0, 1] for every claim;
* :mod:`.extensions`: Dung's grounded, complete, preferred and stable
  extensions of the attack graph, with semi-stable, stage and ideal ones,
  labellings and acceptance;
* :mod:`.explain`: why a claim has its score;
* :mod:`.evaluation`: results stored in the map as RDF evaluations.
"""

from __future__ import annotations

from ..progress import progress
from .extensions import AttackGraph, solve

__all__ = [
    "GradualResult",
    "ExtensionResult",
    "dfquad",
    "dfquad_reference",
    "evaluate",
    "SEMANTICS",
    "GRADUAL_NAMES",
    "EXTENSION_NAMES",
    "score",
    "extensions_of",
]

from ..names import EXTENSION_NAMES, GRADUAL_NAMES
from .extensions import ExtensionResult
from .gradual import SEMANTICS, GradualResult, dfquad, dfquad_reference, evaluate, score


def extensions_of(amap, semantics: str = "grounded", support=None) -> ExtensionResult:
    """The extensions of ``amap``'s attack graph under ``semantics``.

    ``support`` names the support-derived attacks to add (see
    :mod:`argmap.semantics.extensions`).
    """
    with progress(f"solving {semantics}"):
        return solve(AttackGraph.from_map(amap, support), semantics)
