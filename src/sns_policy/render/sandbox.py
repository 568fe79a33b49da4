"""The sandbox every template is rendered in, bounded in what it may compute.

A user's templates (``--templates``) are code the tool runs: Jinja's SandboxedEnvironment
keeps them from Python's internals, and this module keeps them from exhausting the
machine. Bundled templates run in the same environment (one class for all: they are far
within every bound, and a municipality's own folder is edited by people too).

The bounds, per rendering of one template (an include or a macro is part of it):

- ``range()``: at most MAX_RANGE (100,000) numbers;
- loops: at most MAX_ITERATIONS (1,000,000) iterations of all ``{% for %}`` together;
- time: TIME_LIMIT (10 seconds), checked at every loop iteration, call, attribute or
  item access and operator;
- calls within calls: MAX_CALL_DEPTH (50) — a macro calling itself ends there; an
  ``{% include %}`` of itself ends at Python's recursion limit, said the same way;
- numbers: an integer of at most MAX_INT_BITS (10,000) bits (about 3,000 digits), checked
  before ``**`` and ``*`` compute it (``9**999999999`` is refused, not computed);
- strings and lists a template makes (``*``, ``+``, ``~``, a call, a filter, a format):
  at most MAX_LENGTH (1,000,000) characters or items, checked before the operations that
  can grow out of proportion to what they are given (``*``, ``%`` and ``format`` widths,
  padding, ``replace``, ``join``, a filter's count or width);
- all a rendering makes: at most MAX_MADE (100,000,000) characters or items in all
  (strings and lists made one after another, kept in a list or thrown away: a loop
  appending a large string each time stops here, not when memory runs out);
- output: at most MAX_OUTPUT (50,000,000) characters.

A bound reached is a `TemplateBound` (a Jinja SecurityError), said in words and located at
the template's line. What is not bounded: memory held by data the tool itself passes in,
and one C-level operation on strings already within MAX_LENGTH that the guards do not
know (a library call outside these); the time limit cannot interrupt a single such
operation, only stop before the next.
"""

from __future__ import annotations

import math
import os
import re
import time
import types
from contextvars import ContextVar
from dataclasses import dataclass
from functools import update_wrapper, wraps
from string import Formatter
from typing import Any, Callable, Iterable, Iterator

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, nodes
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import SecurityError, TemplateRuntimeError
from jinja2.sandbox import SandboxedEnvironment, SandboxedEscapeFormatter, SandboxedFormatter
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

from sns_policy.words import Text
from sns_policy.words import text as msg

MAX_RANGE = 100_000
MAX_ITERATIONS = 1_000_000
TIME_LIMIT = 10.0
MAX_CALL_DEPTH = 50
MAX_INT_BITS = 10_000
MAX_LENGTH = 1_000_000
MAX_MADE = 100_000_000
MAX_OUTPUT = 50_000_000


class TemplateBound(SecurityError):
    """A template reached one of the bounds, or failed (`key` of the catalogue with `params`)."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(msg(key, **params).en)

    def words(self) -> Text:
        return msg(self.key, **self.params)


class TemplateFailure(TemplateRuntimeError):
    """An error a user's template raised while rendering (a division by zero, an
    operation on the wrong kind of value), located at its line."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


@dataclass
class _Budget:
    deadline: float
    iterations: int = 0
    depth: int = 0
    made: int = 0  # characters and items of the strings and lists made so far


_BUDGET: ContextVar[_Budget | None] = ContextVar("template_budget", default=None)


def _tick() -> _Budget | None:
    budget = _BUDGET.get()
    if budget is not None and time.monotonic() > budget.deadline:
        raise TemplateBound("template.too-slow", seconds=_number(TIME_LIMIT))
    return budget


def _number(n: float) -> str:
    return f"{n:,}" if isinstance(n, int) else f"{n:g}"


def _length(n: int) -> None:
    if n > MAX_LENGTH:
        raise TemplateBound("template.too-long", limit=_number(MAX_LENGTH))


def _sized(value: Any) -> Any:
    """`value` once its size is checked (a string or a container the template made)."""
    if isinstance(value, (str, list, tuple, dict, set, frozenset, bytes)):
        _length(len(value))
        budget = _BUDGET.get()
        if budget is not None:
            budget.made += len(value)
            if budget.made > MAX_MADE:
                raise TemplateBound("template.too-much", limit=_number(MAX_MADE))
    elif isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        _too_large()
    return value


def _too_large() -> None:
    raise TemplateBound("template.number-too-large", digits=_number(int(MAX_INT_BITS * math.log10(2))))


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _power(left: Any, right: Any) -> Any:
    # The result's size, known from its operands before it is computed: right × log2|left| bits.
    if _int(left) and _int(right) and right > 0 and abs(left) > 1 and right * math.log2(abs(left)) > MAX_INT_BITS:
        _too_large()
    return _sized(left ** right)


def _times(left: Any, right: Any) -> Any:
    if _int(left) and _int(right):
        if left.bit_length() + right.bit_length() > MAX_INT_BITS + 1:
            _too_large()
    elif _int(right) and hasattr(left, "__len__"):
        _length(len(left) * max(right, 0))
    elif _int(left) and hasattr(right, "__len__"):
        _length(len(right) * max(left, 0))
    return _sized(left * right)


def _plus(left: Any, right: Any) -> Any:
    if hasattr(left, "__len__") and hasattr(right, "__len__") and not isinstance(left, dict):
        _length(len(left) + len(right))
    return _sized(left + right)


# %-formatting: a width or precision given in the format, or taken from the values (*).
_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _check_percent(template: str, values: Any) -> None:
    starred = False
    for width, precision in _PERCENT.findall(template):
        for n in (width, precision):
            if n == "*":
                starred = True
            elif n:
                _length(int(n))
    if starred:
        for value in (values if isinstance(values, tuple) else (values,)):
            if _int(value):
                _length(abs(value))


def _modulo(left: Any, right: Any) -> Any:
    if isinstance(left, str):
        _check_percent(left, right)
    return _sized(left % right)


def _check_spec(spec: str) -> None:
    """A str.format field's spec (``>30``, ``.2f``): no width or precision past MAX_LENGTH."""
    for n in re.findall(r"\d+", spec):
        _length(int(n))


class _Formatter(SandboxedFormatter):
    """str.format in the sandbox, each field's spec checked as it is used (a width given by
    a value, ``{:{w}}``, is known only then)."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        _check_spec(format_spec)
        return super().format_field(value, format_spec)


class _EscapeFormatter(SandboxedEscapeFormatter):
    def format_field(self, value: Any, format_spec: str) -> Any:
        _check_spec(format_spec)
        return super().format_field(value, format_spec)


def _joined_length(separator: str, items: Iterable[Any]) -> int:
    items = list(items)
    _length(len(items))
    return sum(len(i) if isinstance(i, str) else len(str(i)) for i in items) + len(separator) * max(len(items) - 1, 0)


def _replaced_length(s: str, old: str, new: str, count: int = -1) -> int:
    found = (len(s) + 1) if old == "" else s.count(old)
    if count is not None and count >= 0:
        found = min(found, count)
    return len(s) + found * (len(new) - len(old))


def _check_str_method(owner: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Before a method of a string runs: what it would make, where that can be out of
    proportion to the string itself."""
    if name in ("center", "ljust", "rjust", "zfill"):
        width = args[0] if args else kwargs.get("width", 0)
        if _int(width):
            _length(width)
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        if _int(size):
            _length(len(owner) + owner.count("\t") * max(size, 0))
    elif name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        _length(_replaced_length(owner, args[0], args[1], args[2] if len(args) > 2 and _int(args[2]) else -1))
    elif name == "join" and args:
        _length(_joined_length(owner, args[0]))


# Filters: the size each would make, known before it runs (the value first, then its arguments).
_SIZE_FILTERS = ("center", "indent", "batch", "slice", "tojson")  # an int argument is a size they make


def _check_filter(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    value, rest = (args[0] if args else None), args[1:]
    if name in _SIZE_FILTERS:
        for argument in (*rest, *kwargs.values()):
            if _int(argument):
                _length(abs(argument))
    if name == "join" and value is not None and not isinstance(value, str):
        separator = rest[0] if rest else kwargs.get("d", "")
        if isinstance(separator, str) and "attribute" not in kwargs and len(rest) < 2:
            _length(_joined_length(separator, value))
    elif name == "replace" and isinstance(value, str) and len(rest) >= 2:
        _length(_replaced_length(value, str(rest[0]), str(rest[1]), rest[2] if len(rest) > 2 and _int(rest[2]) else -1))
    elif name == "format" and isinstance(value, str):
        _check_percent(value, tuple(rest) or tuple(kwargs.values()))
    elif name == "indent" and isinstance(value, str):
        width = rest[0] if rest else kwargs.get("width", 4)
        pad = len(width) if isinstance(width, str) else width if _int(width) else 0
        _length(len(value) + (value.count("\n") + 1) * pad)


def _guarded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(function)  # keeps jinja_pass_arg (a filter given the context or environment)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _tick()
        # A filter passed the context, eval context or environment has it first.
        values = args[1:] if getattr(function, "jinja_pass_arg", None) is not None else args
        _check_filter(name, values, kwargs)
        return _sized(function(*args, **kwargs))

    return guarded


class _Guards(NodeTransformer):
    """Every ``{% for %}`` iterates through `guard_loop` (counted, timed); every ``~`` is
    checked for size."""

    def __init__(self, environment: "BoundedSandbox") -> None:
        self.environment = environment

    def _call(self, name: str, argument: nodes.Expr) -> nodes.Call:
        call = nodes.Call(nodes.EnvironmentAttribute(name), [argument], [], None, None)
        call.set_lineno(argument.lineno or 1)
        call.set_environment(self.environment)
        return call

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = self._call("guard_loop", node.iter)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return self._call("guard_size", node)


class _GuardedCodeGenerator(CodeGenerator):
    def visit_Template(self, node: nodes.Template, frame: Any = None) -> None:
        _Guards(self.environment).visit(node)  # type: ignore[arg-type]
        super().visit_Template(node, frame)


def _range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateBound("template.range", limit=_number(MAX_RANGE))
    return numbers


class BoundedSandbox(SandboxedEnvironment):
    """Jinja's sandbox, with the bounds of this module. `user_folders` are the folders of
    templates the user wrote: an error their templates raise is theirs (a located template
    error), where the same in a bundled template is the tool's."""

    code_generator_class = _GuardedCodeGenerator
    intercepted_binops = frozenset({"**", "*", "+", "%"})

    def __init__(self, *args: Any, user_folders: Iterable[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user_folders = tuple(os.path.realpath(f) for f in user_folders)
        self.globals["range"] = _range
        self.binop_table.update({"**": _power, "*": _times, "+": _plus, "%": _modulo})
        self.filters = {name: _guarded_filter(name, f) for name, f in self.filters.items()}
        self.concat = self._concat  # type: ignore[method-assign]

    # -- the bounds, at each thing a template does --

    def guard_loop(self, iterable: Any) -> Iterator[Any]:
        budget = _BUDGET.get()
        for item in iterable:
            if budget is not None:
                budget.iterations += 1
                if budget.iterations > MAX_ITERATIONS:
                    raise TemplateBound("template.too-many-iterations", limit=_number(MAX_ITERATIONS))
                if time.monotonic() > budget.deadline:
                    raise TemplateBound("template.too-slow", seconds=_number(TIME_LIMIT))
            yield item

    def guard_size(self, value: Any) -> Any:
        return _sized(value)

    def _concat(self, pieces: Iterable[str]) -> str:
        """All a rendering outputs (Template.render joins through this): where the budget
        of one rendering starts, and its output is counted."""
        token = _BUDGET.set(_Budget(time.monotonic() + TIME_LIMIT)) if _BUDGET.get() is None else None
        try:
            out, size = [], 0
            for piece in pieces:
                size += len(piece)
                if size > MAX_OUTPUT:
                    bound = TemplateBound("template.output-too-long", limit=_number(MAX_OUTPUT))
                    code = getattr(pieces, "gi_code", None)  # the template's own render function: its file
                    bound.where = (code.co_filename, None) if code is not None else None  # type: ignore[attr-defined]
                    raise bound
                out.append(piece)
            return "".join(out)
        finally:
            if token is not None:
                _BUDGET.reset(token)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's own signature)
        if getattr(__obj, "__func__", None) in (BoundedSandbox.guard_loop, BoundedSandbox.guard_size) \
                and getattr(__obj, "__self__", None) is __self:
            kwargs.pop("_loop_vars", None)
            kwargs.pop("_block_vars", None)
            return __obj(*args, **kwargs)
        budget = _tick()
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str) and isinstance(__obj, (types.BuiltinMethodType, types.MethodType)):
            _check_str_method(owner, getattr(__obj, "__name__", ""), args, kwargs)
        if budget is not None:
            budget.depth += 1
            if budget.depth > MAX_CALL_DEPTH:
                budget.depth -= 1
                raise TemplateBound("template.too-deep", limit=_number(MAX_CALL_DEPTH))
        try:
            result = SandboxedEnvironment.call(__self, __context, __obj, *args, **kwargs)
        finally:
            if budget is not None:
                budget.depth -= 1
        if isinstance(owner, (list, dict, set)):  # a method that grows what it belongs to (append, extend, update)
            _length(len(owner))
        return _sized(result)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _tick()
        return super().call_binop(context, operator, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        _tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        _tick()
        return super().getitem(obj, argument)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """`str.format` and `format_map` as Jinja's sandbox has them (its code, with a
        formatter that checks each field's width), and the result's length checked."""
        if not isinstance(value, (types.MethodType, types.BuiltinMethodType)) or value.__name__ not in ("format", "format_map"):
            return None
        owner: Any = value.__self__
        if not isinstance(owner, str):
            return None
        str_type: type[str] = type(owner)
        is_format_map = value.__name__ == "format_map"
        formatter = _EscapeFormatter(self, escape=owner.escape) if isinstance(owner, Markup) else _Formatter(self)

        def wrapper(*args: Any, **kwargs: Any) -> str:
            _tick()
            if is_format_map:
                if kwargs:
                    raise TypeError("format_map() takes no keyword arguments")
                if len(args) != 1:
                    raise TypeError(f"format_map() takes exactly one argument ({len(args)} given)")
                kwargs, args = args[0], ()
            return _sized(str_type(formatter.vformat(owner, args, kwargs)))

        return update_wrapper(wrapper, value)

    # -- errors: located, in words, and the user's said as the user's --

    def handle_exception(self, source: str | None = None) -> Any:
        from jinja2.debug import rewrite_traceback_stack

        error = rewrite_traceback_stack(source=source)
        if isinstance(error, TemplateError):
            raise error
        where = template_frame(error)
        said: TemplateError
        if isinstance(error, RecursionError):  # an include of itself (a macro is stopped before)
            said = TemplateBound("template.too-deep", limit=_number(MAX_CALL_DEPTH))
        elif isinstance(error, MemoryError):
            said = TemplateBound("template.too-long", limit=_number(MAX_LENGTH))
        elif where is not None and self._users(where[0]):
            said = TemplateFailure(str(error) or type(error).__name__)
        else:
            raise error  # from a bundled template or the tool's own code: a bug, said as one
        raise said.with_traceback(error.__traceback__) from None

    def _users(self, filename: str) -> bool:
        real = os.path.realpath(filename)
        return any(os.path.commonpath([real, folder]) == folder for folder in self.user_folders)


def template_frame(error: BaseException) -> tuple[str, int] | None:
    """The template file and line an error was raised at: a syntax error's own, else the
    innermost template line of its traceback (Jinja rewrites those to the template's)."""
    if isinstance(error, TemplateSyntaxError) and error.filename:
        return error.filename, error.lineno
    found = None
    tb = error.__traceback__
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def describe(error: TemplateError) -> tuple[str | None, Text]:
    """Where (``file:line``) and what, in words, for a template error."""
    where = getattr(error, "where", None) or template_frame(error)
    location = (f"{where[0]}:{where[1]}" if where[1] else where[0]) if where else None
    if callable(getattr(error, "words", None)):  # the tool's own template errors, worded
        return location, error.words()
    if isinstance(error, TemplateNotFound):
        return location, msg("template.not-found", name=error.name or str(error))
    problem = error.message if isinstance(error, TemplateSyntaxError) else str(error)
    return location, Text(ja=problem or "", en=problem or "")
