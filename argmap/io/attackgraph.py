"""An abstract argumentation framework file read as an attack graph, for the reasoning tasks of ICCMA 2023
(:mod:`argmap.semantics.tasks`, ``argmap solve``)."""

from __future__ import annotations

import numpy as np

from .._files import read_text
from ..semantics.extensions import AttackGraph
from . import aspartix, iccma

__all__ = ["read_af"]



def read_af(path):
    """The framework in the file ``path`` as an AttackGraph, its arguments named as in the file.

    An ``.apx`` file is ASPARTIX's (:mod:`argmap.io.aspartix`), its arguments
    named as written and taken in the order of their names; any other is
    ICCMA 2023's (:mod:`argmap.io.iccma`), its arguments numbered from 1 and
    taken in that order.  Both are read by the fast whole-text readers
    (``parse_framework``), which leave every mistake to the line-by-line
    ones.  The one place that reads a file for ``solve``.
    """
    text = read_text(path)
    if str(path).lower().endswith(".apx"):
        parsed = aspartix.parse_framework(text, path, bipolar=False)
        order = np.arange(len(parsed.names))  # the names come sorted
    else:
        parsed = iccma.parse_framework(text, path)
        order = np.argsort(np.array(parsed.names, dtype=np.int64), kind="stable")  # "10" after "9"
    n = len(parsed.names)
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    ends = rank[np.asarray(parsed.attacks, dtype=np.int64).reshape(-1, 2)]
    return AttackGraph.from_indices([parsed.names[i] for i in order], ends[:, 0], ends[:, 1])
