"""Frozen model dataclasses ↔ JSON-ready values, driven by their type hints.

The record store keeps sections, tables and checks as JSON so that a field
the parser adds later (with a default) is stored and restored without a
schema change here.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing


def to_plain(value):
    """A dataclass (or tuple of them) as dicts and lists."""
    if dataclasses.is_dataclass(value):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [to_plain(v) for v in value]
    return value


def from_plain(cls: type, data: dict):
    """Rebuild a `cls` instance from `to_plain` output; unknown keys are ignored, missing ones defaulted."""
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{name: _convert(hints[name], value) for name, value in data.items() if name in names})


@functools.lru_cache(maxsize=None)
def _hints(cls: type) -> dict:
    return typing.get_type_hints(cls)


def _convert(hint, value):
    if value is None:
        return None
    if dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return from_plain(hint, value)
    origin = typing.get_origin(hint)
    if origin is tuple and isinstance(value, list):
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value)) if args else tuple(value)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    return value
