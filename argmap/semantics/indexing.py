"""Linear-time index operations on numpy arrays of argument numbers, shared by the framework and the extensions.

Adjacency lists are kept as CSR pairs (``ptr``, ``items``): the items of
node ``v`` are ``items[ptr[v]:ptr[v+1]]``.
"""

from __future__ import annotations

import numpy as np

__all__ = ["gather", "order_by", "distinct"]


def gather(ptr, items, nodes):
    """``items[ptr[v]:ptr[v+1]]`` for every v in ``nodes``, concatenated."""
    starts, ends = ptr[nodes], ptr[nodes + 1]
    lengths = ends - starts
    total = int(lengths.sum())
    if total == 0:
        return items[:0]
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return items[offsets + np.arange(total)]


def order_by(keys):
    """A stable sorting permutation of non-negative integer ``keys``: a radix sort on 16-bit digits.

    numpy sorts 16-bit integers by radix, in linear time; two or three such
    passes sort argument numbers several times faster than a comparison sort.
    """
    order = np.argsort((keys & 0xFFFF).astype(np.uint16), kind="stable")
    top, shift = (int(keys.max()) if len(keys) else 0) >> 16, 16
    while top:
        digit = ((keys[order] >> shift) & 0xFFFF).astype(np.uint16)
        order = order[np.argsort(digit, kind="stable")]
        top, shift = top >> 16, shift + 16
    return order


def distinct(values, stamp):
    """``values`` without repeats, in linear time: each position of ``stamp`` keeps its last writer."""
    k = np.arange(len(values))
    stamp[values] = k
    return values[stamp[values] == k]
