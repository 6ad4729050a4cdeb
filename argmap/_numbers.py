"""Reading numbers that users write: base scores in [0, 1]."""

from __future__ import annotations

__all__ = ["unit_score"]


def unit_score(text: str) -> float:
    """``text`` as a number in [0, 1]; ValueError with a short reason otherwise."""
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{text.strip()!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{text.strip()} is outside [0, 1]")
    return value
