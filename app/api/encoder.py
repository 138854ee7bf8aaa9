"""JSON bytes of answer models: the very bytes of pydantic's ``model_dump_json()``, in a fraction of its time.

Why: a computed answer repeats the same records many times. An impact answer for the ATFL (209 KB) holds 126 facts
(54 distinct) and about a thousand ``{id, label, iri}`` references (about a hundred distinct), and the knowledge base
builds each of those records once per graph and never changes it (app/knowledge/base.py). pydantic-core serialises
every occurrence again; here the JSON text of a shared record (an :class:`EntityRef`, a :class:`Fact`, a
:class:`RuleRef`) is written once and reused by identity, and each model class gets an encoder function generated
from its fields' declared types.

The rules are pydantic's own (tests/api/test_encoder.py compares the bytes for every injurable structure's impact
and the other cached answers): fields in declaration order, a field encoded by its declared type (a field declared
``EntityRef`` writes ``id``, ``label`` and ``iri`` whatever subclass it holds), enums by value, ``None`` as
``null``, no spaces, non-ASCII as UTF-8. A value or a type the generated code does not know (a float in exponent
form, an int in a float field, a tuple, ``Any``) is handed to pydantic-core with its declared type, so the
output never differs; a model class with serialisers, aliases or excluded fields is dumped by pydantic whole.

Everything is written as UTF-8 bytes, never as one ``str`` encoded at the end: an answer with a single character
outside Latin-1 (``α``, ``≥``) is a two-byte-per-character ``str``, and encoding the five-injury answer's 800 KB of
it cost more than writing it (1.2 ms against ~0.9 ms); a shared record's bytes are encoded once, when kept.
"""

from __future__ import annotations

import json
import threading
import types
import typing
from collections.abc import Callable
from enum import Enum
from typing import Any

from pydantic import BaseModel, TypeAdapter

from ..models import EntityRef, Fact, RuleRef

__all__ = ["AnswerEncoder", "dump_json"]

Encode = Callable[[Any], bytes]

_basestring: Callable[[str], str] = json.encoder.encode_basestring


def _string(v: str) -> bytes:
    """JSON string literal of a str, UTF-8 (quotes and escapes as pydantic-core writes them; non-ASCII kept)."""
    return _basestring(v).encode()

#: Records built once per graph and never changed after (app/knowledge/base.py): their text is kept by identity
SHARED: tuple[type[BaseModel], ...] = (EntityRef, Fact, RuleRef)

#: The most texts kept per memo (one per shared class and one per list of it; a memo holds the records too, so an id
#: is never reused while its text is kept), and the most bytes of text; past either the memo starts again. An impact
#: answer cites ~100 distinct facts and references (~150 KB of text in its lists); the described rules of
#: ``rules_applied`` are built once per engine too (Context.described). Six memos: at most ~24 MB of text.
MEMO_MAX = 4096
MEMO_MAX_CHARS = 4 * 1024 * 1024


class _Memo(dict[Any, tuple[object, bytes]]):
    """Texts (UTF-8 bytes) by key, each with what it was written from (held, so that the ids in its key stay its
    own); ``chars`` counts their bytes."""

    __slots__ = ("chars", "max_chars", "max_entries")

    def __init__(self, max_entries: int, max_chars: int) -> None:
        super().__init__()
        self.chars, self.max_entries, self.max_chars = 0, max_entries, max_chars

    def keep(self, key: Any, holder: object, text: bytes) -> bytes:
        if len(self) >= self.max_entries or self.chars + len(text) > self.max_chars:
            self.clear()
            self.chars = 0
        self[key] = (holder, text)
        self.chars += len(text)
        return text


class AnswerEncoder:
    """Encoders generated per model class and type, and the memo of shared records' text (one per process)."""

    def __init__(
        self, shared: tuple[type[BaseModel], ...] = SHARED, memo_max: int = MEMO_MAX, memo_chars: int = MEMO_MAX_CHARS
    ) -> None:
        self._shared = frozenset(shared)
        self._memo_max, self._memo_chars = memo_max, memo_chars
        self._memos: dict[object, _Memo] = {}
        self._by_type: dict[object, Encode] = {}
        self._models: dict[type[BaseModel], Encode] = {}
        self._lock = threading.RLock()

    def dumps(self, model: BaseModel) -> bytes:
        """``model.model_dump_json().encode()``, the same bytes."""
        return self._model(type(model))(model)

    # -- per type ------------------------------------------------------------------------------------------------
    def _for(self, annotation: object) -> Encode:
        found = self._by_type.get(annotation)
        if found is None:
            found = self._by_type[annotation] = self._build(annotation)
        return found

    def _build(self, annotation: object) -> Encode:
        fallback = _pydantic(annotation)
        if annotation is str:
            return lambda v: _string(v) if isinstance(v, str) else fallback(v)
        if annotation is bool:
            return lambda v: (b"true" if v else b"false") if type(v) is bool else fallback(v)
        if annotation is int:
            return lambda v: b"%d" % v if type(v) is int else fallback(v)
        if annotation is float:
            return lambda v: _float(v) if type(v) is float else fallback(v)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return self._model_field(annotation)
        if isinstance(annotation, type) and issubclass(annotation, Enum) and issubclass(annotation, str):
            return lambda v: _string(v.value) if isinstance(v, annotation) else fallback(v)
        origin, args = typing.get_origin(annotation), typing.get_args(annotation)
        if origin is list and len(args) == 1:
            if args[0] in self._shared:
                return self._shared_list(args[0], fallback)
            item = self._for(args[0])
            return lambda v: b"[" + b",".join([item(x) for x in v]) + b"]" if type(v) is list else fallback(v)
        if origin is dict and len(args) == 2 and args[0] is str:
            value = self._for(args[1])
            return (
                lambda v: b"{" + b",".join([_string(k) + b":" + value(x) for k, x in v.items()]) + b"}"
                if type(v) is dict and all(type(k) is str for k in v)
                else fallback(v)
            )
        if origin is typing.Literal and all(type(a) is str for a in args):
            return lambda v: _string(v) if type(v) is str else fallback(v)
        if origin in (typing.Union, types.UnionType):
            return self._union(args, fallback)
        return fallback

    def _union(self, args: tuple[object, ...], fallback: Encode) -> Encode:
        """``X | None``, and unions of ``str`` with one list type (a fact's qualifiers): chosen by the value's type,
        as pydantic's union serialiser does for these; anything else goes to pydantic."""
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            inner = self._for(rest[0])
            if len(args) == 1:
                return inner
            return lambda v: b"null" if v is None else inner(v)
        lists = [a for a in rest if typing.get_origin(a) is list]
        if len(rest) == 2 and str in rest and len(lists) == 1:
            as_list = self._for(lists[0])
            nullable = type(None) in args

            def either(v: Any) -> bytes:
                if type(v) is str:
                    return _string(v)
                if type(v) is list:
                    return as_list(v)
                return b"null" if v is None and nullable else fallback(v)

            return either
        return fallback

    # -- models --------------------------------------------------------------------------------------------------
    def _model_field(self, cls: type[BaseModel]) -> Encode:
        """A field declared as ``cls``: an instance of it or of a subclass written as ``cls`` (pydantic's rule),
        a shared record's text from its class's memo; anything else (a dict) through pydantic."""
        fallback = _pydantic(cls)
        encode = self._model(cls)
        if cls not in self._shared:
            return lambda v: encode(v) if isinstance(v, cls) else fallback(v)
        memo = self._memo_of(cls)

        def field(v: Any) -> bytes:
            kept = memo.get(id(v))  # only exact instances of cls are kept, each held so that its id stays its own
            if kept is not None:
                return kept[1]
            if not isinstance(v, cls):
                return fallback(v)
            if type(v) is not cls:
                return encode(v)
            return memo.keep(id(v), v, encode(v))

        return field

    def _shared_list(self, cls: type[BaseModel], fallback: Encode) -> Encode:
        """A list of shared records (a conclusion's ``because`` and ``rules``): conclusions cite the same facts in
        the same order again and again, so the list's text is kept by its items' identities (the items held)."""
        item = self._for(cls)
        memo = self._memo_of(list[cls])  # type: ignore[valid-type]

        def shared_list(v: Any) -> bytes:
            if type(v) is not list:
                return fallback(v)
            if not v:
                return b"[]"
            key = tuple(map(id, v))
            kept = memo.get(key)
            if kept is not None:
                return kept[1]
            return memo.keep(key, tuple(v), b"[" + b",".join([item(x) for x in v]) + b"]")

        return shared_list

    def _memo_of(self, what: object) -> _Memo:
        return self._memos.setdefault(what, _Memo(self._memo_max, self._memo_chars))

    def _model(self, cls: type[BaseModel]) -> Encode:
        found = self._models.get(cls)
        if found is None:
            # Built under a lock: answers computed in the thread pool (paths) are encoded there. A placeholder first:
            # a model whose fields refer to itself finds its encoder while it is being built; another thread that
            # meets the placeholder waits for the build.
            with self._lock:
                found = self._models.get(cls)
                if found is None:

                    def placeholder(v: Any) -> bytes:
                        with self._lock:
                            built = self._models[cls]
                        return built(v)

                    self._models[cls] = placeholder
                    try:
                        found = self._models[cls] = self._compile(cls)
                    except BaseException:
                        del self._models[cls]
                        raise
        return found

    def _compile(self, cls: type[BaseModel]) -> Encode:
        """One function per model class: ``b''.join((b'{"a":', f0(d["a"]), b',"b":', ..., b'}'))`` over the
        instance's dict."""
        if not _plain(cls):
            return lambda v: v.model_dump_json().encode()
        names = list(cls.model_fields)
        if not names:
            return lambda v: b"{}"
        namespace: dict[str, object] = {}
        parts = []
        for i, name in enumerate(names):
            namespace[f"f{i}"] = self._for(cls.model_fields[name].annotation)
            key = (b"{" if i == 0 else b",") + _string(name) + b":"
            parts.append(f"{key!r}, f{i}(d[{name!r}])")
        # one join: the parts of a whole answer are large, and adding them up pair by pair copies them again and again
        source = f"def encode(v):\n    d = v.__dict__\n    return b''.join(({', '.join(parts)}, b'}}'))\n"
        exec(compile(source, f"<encoder of {cls.__qualname__}>", "exec"), namespace)
        encode: Encode = namespace["encode"]  # type: ignore[assignment]
        return encode


def _plain(cls: type[BaseModel]) -> bool:
    """Whether pydantic dumps ``cls`` as its fields in order with nothing else: no serialisers, computed fields,
    aliases, exclusions or extra fields, and no JSON settings of its own."""
    decorators = cls.__pydantic_decorators__
    if decorators.field_serializers or decorators.model_serializers or decorators.computed_fields:
        return False
    config = cls.model_config
    if config.get("extra") == "allow" or config.get("serialize_by_alias") or config.get("alias_generator"):
        return False
    if any(str(key).startswith("ser_json_") for key in config):
        return False
    return all(
        f.alias is None and f.serialization_alias is None and not f.exclude and getattr(f, "exclude_if", None) is None
        for f in cls.model_fields.values()
    )


def _float(v: float) -> bytes:
    """A float as pydantic-core writes it: Python's shortest repr agrees except in exponent form (1e-05 against
    1e-5) and for inf and nan (null), which go to pydantic-core."""
    text = repr(v)
    if "e" in text or "n" in text:
        return _pydantic(float)(v)
    return text.encode()


_ADAPTERS: dict[object, Encode] = {}
_BUILT: dict[object, TypeAdapter[Any]] = {}


def _pydantic(annotation: object) -> Encode:
    """pydantic-core's own encoding of a value of the declared type: the way out for anything not generated. Its
    adapter is built on first use (building one costs about as much as generating a model's encoder, and most are
    never used)."""
    found = _ADAPTERS.get(annotation)
    if found is None:

        def found(v: Any) -> bytes:
            adapter = _BUILT.get(annotation)
            if adapter is None:
                adapter = _BUILT[annotation] = TypeAdapter(annotation)  # type: ignore[arg-type]  # a field's type
            return adapter.dump_json(v)

        _ADAPTERS[annotation] = found
    return found


_ENCODER = AnswerEncoder()


def dump_json(model: BaseModel) -> bytes:
    """The answer's JSON bytes (identical to ``model.model_dump_json().encode()``) through the process's encoder."""
    return _ENCODER.dumps(model)
