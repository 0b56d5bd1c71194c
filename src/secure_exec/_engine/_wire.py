"""Decoding of guest values sent to the host (the encoder is js/src/wire.js)."""

from __future__ import annotations

import datetime
import math
from typing import Any

_SPECIAL = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf, "-0": -0.0}


class _Undefined:
    """JavaScript ``undefined`` as a run() value; decoded to ``None``."""


def from_wire(node: Any) -> Any:
    """Turn the tagged tree into Python values.

    Arrays become lists, plain objects dicts, Maps dicts, Sets lists, typed arrays
    ``bytes``, BigInts ints, Dates aware ``datetime``s, ``undefined`` ``None``.
    """
    if node is None or isinstance(node, (str, bool, int, float, bytes)):
        return node
    if isinstance(node, list):  # not produced by the encoder, tolerated
        return [from_wire(v) for v in node]
    if not isinstance(node, dict) or len(node) != 1:
        raise ValueError(f"malformed value from the guest: {type(node).__name__}")
    ((tag, value),) = node.items()
    if tag == "a":
        return [from_wire(v) for v in value]
    if tag == "o":
        return {str(k): from_wire(v) for k, v in value.items()}
    if tag == "u":
        return None
    if tag == "i":
        return int(value)
    if tag == "f":
        return _SPECIAL[value]
    if tag == "d":
        if isinstance(value, float) and math.isnan(value):
            return None
        return datetime.datetime.fromtimestamp(value / 1000, tz=datetime.UTC)
    if tag == "m":
        return {_key(from_wire(k)): from_wire(v) for k, v in value}
    if tag == "S":
        return [from_wire(v) for v in value]
    raise ValueError(f"unknown value tag from the guest: {tag!r}")


def _key(key: Any) -> Any:
    if isinstance(key, (list, dict)):
        return repr(key)
    return key
