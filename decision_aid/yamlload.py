"""Reading one content file's YAML: safe, strict about keys, bounded in what aliases may expand to.

Clinicians edit these files by hand and may paste from anywhere, so the
reader refuses what plain ``yaml.safe_load`` lets through: duplicate keys
(silently overwritten), aliases that expand without bound (an "alias bomb"
hangs validation and the app's start), impossible dates and giant integers
(which raise outside YAML's own errors). Every refusal carries a line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

from .safeio import MB

MAX_FILE_BYTES = 1 * MB
"""Each content file is under 100 KB; the cap keeps a pasted or generated giant from stalling the app's start."""
MAX_ALIAS_VALUES = 10_000
"""Values aliases may repeat in one file. The questionnaire's shared choices repeat about 150; an alias bomb
(aliases of aliases) would repeat billions and hang validation and the app."""


class _Refused(yaml.MarkedYAMLError):
    """Well-formed YAML that content may still not hold: an alias bomb, a date that does not exist."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    """Refuse duplicate keys, which plain YAML silently overwrites."""
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a list or mapping cannot be a key", key_node.start_mark
            ) from None
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key '{key}'", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


if TYPE_CHECKING:
    _Loader = yaml.SafeLoader
else:
    _Loader = object
"""What the rules are mixed into: a loader of either kind to the checker, nothing at run time (the MRO stays as it is)."""


class _ContentRules(_Loader):
    """What both loaders (libyaml's C parser, or the pure-Python one) add to ``yaml.safe_load``.

    Aliases are checked on the composed nodes, where a repeated value is one
    shared node, so the check costs one pass over the file's own values however
    far the aliases would expand. A file without ``&`` has no anchor, so
    nothing in it can be an alias, and skips the pass.
    """

    may_have_aliases = True

    def get_single_data(self) -> Any:
        node = self.get_single_node()
        if node is None:
            return None
        if self.may_have_aliases:
            _check_aliases(node)
        return self.construct_document(node)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError) as exc:
            # A date such as 2025-13-01, or an integer of thousands of digits.
            raise _Refused(None, None, f"cannot read this value ({exc})", node.start_mark) from exc


class _PureLoader(_ContentRules, yaml.SafeLoader):
    pass


_PureLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

# libyaml's parser, about ten times faster, when PyYAML was built with it; the pure-Python one is the fallback.
if yaml.__with_libyaml__:

    class _FastLoader(_ContentRules, yaml.CSafeLoader):
        pass

    _FastLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    LOADERS: tuple[type, ...] = (_FastLoader, _PureLoader)
else:
    LOADERS = (_PureLoader,)


def _children(node: yaml.Node) -> list[tuple[yaml.Node, yaml.Mark]]:
    """A node's children in file order, each with the place an alias in that slot is reported at."""
    if isinstance(node, yaml.MappingNode):
        return [(child, key.start_mark) for key, value in node.value for child in (key, value)]
    if isinstance(node, yaml.SequenceNode):
        return [(child, node.start_mark) for child in node.value]
    return []


def _check_aliases(root: yaml.Node) -> None:
    """Refuse an alias to its own container, and aliases that repeat more than ``MAX_ALIAS_VALUES`` values.

    Walks each distinct node once, in file order and without recursion; the
    second sighting of a node is an alias, and adds the size of the value it
    stands for.
    """
    sizes: dict[int, int] = {}
    walking: set[int] = set()
    repeated = 0
    stack: list[tuple[yaml.Node, yaml.Mark, bool]] = [(root, root.start_mark, False)]
    while stack:
        node, where, leaving = stack.pop()
        key = id(node)
        if leaving:
            walking.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child, _ in _children(node))
        elif key in walking:
            raise _Refused(None, None, "an alias here refers to the value that contains it", where)
        elif key in sizes:
            repeated += sizes[key]
            if repeated > MAX_ALIAS_VALUES:
                raise _Refused(
                    None, None,
                    f"aliases repeat more than {MAX_ALIAS_VALUES:,} values in this file; write the values out instead",
                    where,
                )
        else:
            walking.add(key)
            stack.append((node, where, True))
            stack.extend((child, mark, False) for child, mark in reversed(_children(node)))


class YamlProblem(Exception):
    """One problem with a content file's text: where (``line N, column M``) and what."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.where = where
        self.message = message


def load_yaml(text: str, loader: type = LOADERS[0]) -> Any:
    """The data in one content file's text; raises ``YamlProblem``, never another error, for bad text."""
    try:
        return _load(text, loader)
    except yaml.reader.ReaderError as exc:
        # Raised before any mark exists; the two loaders word it differently, so say it once here.
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - text.rfind("\n", 0, exc.position)
        message = f"YAML syntax error: character U+{exc.character:04X} is not allowed in YAML"
        raise YamlProblem(f"line {line}, column {column}", message) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else "unknown line"
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise YamlProblem(where, reason if isinstance(exc, _Refused) else f"YAML syntax error: {reason}") from exc
    except RecursionError as exc:
        raise YamlProblem("", "lists or mappings are nested too deeply to read") from exc


def _load(text: str, loader: type) -> Any:
    """``yaml.load``, telling the loader whether the text has any anchor for an alias to name."""
    reader = loader(text)
    try:
        reader.may_have_aliases = "&" in text
        return reader.get_single_data()
    finally:
        reader.dispose()
