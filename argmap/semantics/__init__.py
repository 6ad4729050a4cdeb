"""Argumentation semantics over argument maps.

``gradual`` holds the gradual (weighted) semantics, which give each claim a
strength in [0, 1].
"""

from __future__ import annotations

__all__ = ["GradualResult", "dfquad", "dfquad_reference", "SEMANTICS", "score"]

from .gradual import SEMANTICS, GradualResult, dfquad, dfquad_reference, score
