"""Content files that are hostile or damaged: refused with ``file: line: message``, quickly, on either YAML loader.

A clinician may paste YAML from anywhere. An alias bomb must not hang
``validate`` or the app's start, a value YAML itself cannot convert must not
end in a traceback, and the app must never show its users a server path.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from decision_aid.loader import Problem, check_content
from decision_aid.ui.content import CONTENT_DIR_ENV
from decision_aid.yamlload import LOADERS, MAX_ALIAS_VALUES, MAX_FILE_BYTES, YamlProblem, load_yaml

ROOT = Path(__file__).resolve().parent.parent

ALIAS_BOMB = "\n".join(
    ["lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"{name}: &{name} [{', '.join([f'*{prev}'] * 10)}]" for prev, name in zip("abcdefgh", "bcdefghi", strict=True)]
) + "\n"
"""Nine lines that expand to a billion values."""


def _problems(folder: Path) -> list[Problem]:
    content, problems = check_content(folder)
    assert content is None
    return problems


def _loader_ids() -> list[str]:
    return ["libyaml" if issubclass(loader, getattr(yaml, "CSafeLoader", ())) else "pure-python" for loader in LOADERS]


def test_the_c_loader_is_used_when_pyyaml_has_it() -> None:
    if yaml.__with_libyaml__:
        assert issubclass(LOADERS[0], yaml.CSafeLoader)
    assert issubclass(LOADERS[-1], yaml.SafeLoader) and not issubclass(LOADERS[-1], getattr(yaml, "CSafeLoader", ()))


@pytest.mark.parametrize("loader", LOADERS, ids=_loader_ids())
def test_an_alias_bomb_is_refused_at_its_line_without_expanding_it(loader: type) -> None:
    start = time.perf_counter()
    with pytest.raises(YamlProblem) as refused:
        load_yaml(ALIAS_BOMB, loader)
    assert time.perf_counter() - start < 1.0
    assert refused.value.where == "line 4, column 4"  # d: the first line whose aliases pass the cap
    assert f"aliases repeat more than {MAX_ALIAS_VALUES:,} values" in refused.value.message


@pytest.mark.parametrize("loader", LOADERS, ids=_loader_ids())
def test_aliases_that_repeat_a_few_values_still_load(loader: type) -> None:
    data = load_yaml("choices: &pair [left, right]\nagain: *pair\n", loader)
    assert data == {"choices": ["left", "right"], "again": ["left", "right"]}


@pytest.mark.parametrize("loader", LOADERS, ids=_loader_ids())
def test_an_alias_inside_its_own_value_is_refused(loader: type) -> None:
    with pytest.raises(YamlProblem, match="refers to the value that contains it"):
        load_yaml("steps: &loop\n  - *loop\n", loader)


BROKEN = {
    "duplicate key": ("a: 1\nb:\n  c: 2\n  c: 3\n", "line 4, column 3", "duplicate key 'c'"),
    "unclosed list": ("a: 1\nb: [unclosed\nc: 2\n", "line 3, column 2", "YAML syntax error"),
    "tab indent": ("a:\n\t- b\n", "line 2, column 1", "YAML syntax error"),
    "control character": ('a: 1\nb: "x\x1b"\n', "line 2, column 6", "character U+001B is not allowed"),
    "impossible date": ("reviewed:\n  - 2025-13-01\n", "line 2, column 5", "cannot read this value (month must be in 1..12)"),
    "giant integer": ("year: " + "9" * 5000 + "\n", "line 1, column 7", "cannot read this value"),
    "list as a key": ("? [1]\n: 2\n", "line 1, column 3", "a list or mapping cannot be a key"),
    "undefined alias": ("a: *nowhere\n", "line 1, column 4", "undefined alias"),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_both_loaders_refuse_broken_yaml_at_the_same_line(case: str) -> None:
    text, where, message = BROKEN[case]
    seen = []
    for loader in LOADERS:
        with pytest.raises(YamlProblem) as refused:
            load_yaml(text, loader)
        seen.append(refused.value.where)
        assert message in refused.value.message
    assert seen == [where] * len(LOADERS)


def test_an_alias_bomb_in_a_content_file_is_reported_by_validate(content_copy: Path) -> None:
    (content_copy / "about.yaml").write_text(ALIAS_BOMB, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "decision_aid", "validate", "--content", str(content_copy)],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert result.returncode == 1
    assert "about.yaml: line 4, column 4: aliases repeat more than 10,000 values" in result.stderr
    assert "Traceback" not in result.stderr


def test_escape_sequences_in_content_are_escaped_by_validate(content_copy: Path) -> None:
    path = content_copy / "options" / "ssri.yaml"
    card = yaml.safe_load(path.read_text(encoding="utf-8"))
    card["onset"]["source_ids"] = ["\x1b]0;owned\x07"]
    path.write_text(yaml.safe_dump(card, allow_unicode=True), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "decision_aid", "validate", "--content", str(content_copy)],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert result.returncode == 1
    assert "\x1b" not in result.stderr
    assert "options/ssri.yaml: onset.source_ids[0]: unknown source id '\\x1b]0;owned\\x07'" in result.stderr


def test_an_oversized_content_file_is_refused_unread(content_copy: Path) -> None:
    (content_copy / "rules.yaml").write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    problems = [str(p) for p in _problems(content_copy)]
    assert "rules.yaml: file is larger than the 1 MB limit" in problems


def test_a_missing_content_folder_is_named_without_its_server_path(tmp_path: Path) -> None:
    [problem] = _problems(tmp_path / "srv" / "drafts")
    assert str(problem) == "drafts: content folder not found"


def test_the_app_never_shows_a_server_path_for_missing_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CONTENT_DIR_ENV, str(tmp_path / "srv" / "drafts"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    shown = "\n".join(t.value for t in at.text) + "\n".join(e.value for e in at.error)
    assert "content folder not found" in shown
    assert str(tmp_path) not in shown


def test_the_app_starts_with_a_line_for_an_alias_bomb_rather_than_hanging(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (content_copy / "questionnaire.yaml").write_text(ALIAS_BOMB, encoding="utf-8")
    monkeypatch.setenv(CONTENT_DIR_ENV, str(content_copy))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert "questionnaire.yaml: line 4, column 4: aliases repeat more than" in at.text[0].value
    assert str(content_copy) not in at.text[0].value
