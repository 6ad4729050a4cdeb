"""argmap's JSON export: a stable contract for scripts and other tools.

::

    {
      "claims":    [{"id", "label", "text", "quotes": [{"text", "source", "start", "end"}],
                     "types": [class IRI, ...], "base_score", "attributed_to": [...]}],
      "relations": [{"id", "type": "support" | "attack" | "undercut",
                     "sources": [claim id, ...], "target": claim or relation id}],
      "scores":    {claim id: number},
      "main_thesis": claim id or null
    }

Ids are IRIs.  ``sources`` lists a relation's premises, several when they are
linked; an undercut's ``target`` is a relation id.  ``scores`` are DF-QuAD
strengths.  Lists are sorted by id and keys are sorted, so the same map always
gives the same bytes.
"""

from __future__ import annotations

import json

from ..semantics import score

__all__ = ["to_dict", "dumps", "sniff"]


def sniff(head: str) -> bool:
    """This export starts with its sorted keys: ``{"claims": [...``."""
    return head.lstrip().startswith("{") and head.lstrip()[1:].lstrip().startswith('"claims"')


def to_dict(amap) -> dict:
    """The map as the JSON contract's dictionary."""
    scores = score(amap).scores
    return {
        "claims": [
            {
                "id": c.id,
                "label": c.label,
                "text": c.text,
                "quotes": [{"text": q.text, "source": q.source, "start": q.start, "end": q.end} for q in c.quotes],
                "types": list(c.types),
                "base_score": c.base_score,
                "attributed_to": list(c.attributed_to),
            }
            for c in amap.claims.values()
        ],
        "relations": [
            {"id": r.id, "type": r.type, "sources": list(r.sources), "target": r.target}
            for r in amap.relations.values()
        ],
        "scores": {cid: round(v, 12) for cid, v in scores.items()},
        "main_thesis": amap.main_thesis,
    }


def dumps(amap, fmt=None) -> str:
    """The map as JSON text (sorted keys, two-space indent, final newline)."""
    return json.dumps(to_dict(amap), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
