"""`make student-kit`: the learner's kit holds no solution and no hidden test, and works on its own."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from autograde.kit import build
from pitfalls.course import lessons
from tests.browser import free_port

REGIONS = [("BEGIN SOLUTION", "END SOLUTION"), ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS")]


def code(line: str) -> str:
    """A line as code: comments dropped, whitespace collapsed."""
    return " ".join(line.split("#", 1)[0].split())


def distinctive(line: str) -> bool:
    """A statement long enough to say something: not `else:`, `except RuntimeError:` or the header of a
    loop like `for name, t in tensors.items():`, which any code may share."""
    return len(line) >= 20 and ("(" in line or "=" in line) and not line.endswith(":")


def region_lines(text: str) -> list[str]:
    """Every line inside a solution or hidden-test region of a source text."""
    found, inside = [], None
    for line in text.splitlines():
        ends = [end for begin, end in REGIONS if begin in line]
        if ends:
            inside = ends[0]
        elif inside and inside in line:
            inside = None
        elif inside:
            found.append(code(line))
    return found


def normalised_lines(text: str) -> set[str]:
    return {code(line) for line in text.splitlines()}


def secrets() -> set[str]:
    """Distinctive lines of every solution and hidden test that the release does not show anyway."""
    found, public = set(), set()
    for lesson in lessons().values():
        sources = ["".join(c["source"]) for c in json.loads(lesson.source.read_text())["cells"]]
        sources += [(lesson.source.parent / name).read_text() for name in lesson.answer_files]
        found |= {line for text in sources for line in region_lines(text) if distinctive(line)}
        released = json.loads(lesson.release.read_text())["cells"]
        public |= {line for c in released for line in normalised_lines("".join(c["source"]))}
    return found - public


def readable(name: str, data: bytes) -> str:
    """A file as a person would read it: a notebook's cells (not their JSON quoting), else its text."""
    text = data.decode(errors="replace")
    if name.endswith(".ipynb"):
        try:
            return "\n".join("".join(c.get("source", "")) for c in json.loads(text)["cells"])
        except (ValueError, KeyError, TypeError):
            pass
    return text


def kit_texts(kit: Path) -> dict[str, str]:
    """Every file of the kit as text, the members of its zips included."""
    texts = {}
    for path in (p for p in kit.rglob("*") if p.is_file() and ".venv" not in p.parts):
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as z:
                texts |= {f"{path.name}:{n}": readable(n, z.read(n)) for n in z.namelist()}
        else:
            texts[str(path.relative_to(kit))] = readable(path.name, path.read_bytes())
    return texts


def leaks(kit: Path) -> list[tuple[str, str]]:
    hidden = secrets()
    return [(name, line) for name, text in kit_texts(kit).items() for line in normalised_lines(text) & hidden]


@pytest.fixture(scope="module")
def kit(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("kit") / "student-kit")


def test_the_kit_has_the_release_helpers_and_a_zip_per_lesson(kit):
    for name, lesson in lessons().items():
        assert (kit / "notebooks" / name / f"{name}.ipynb").read_bytes() == lesson.release.read_bytes()
        with zipfile.ZipFile(kit / "zips" / f"{name}.zip") as z:
            assert f"{name}/{name}.ipynb" in z.namelist()
    for name in ("Makefile", "README.md", "requirements.txt", "course.toml", "pitfalls/checks.py"):
        assert (kit / name).is_file(), name
    assert not (kit / "solutions").exists() and not (kit / "tests").exists() and not (kit / "autograde").exists()


def test_no_solution_or_hidden_test_line_occurs_anywhere_in_the_kit(kit):
    assert len(secrets()) > 200, "the search must have something to look for"
    assert leaks(kit) == []


def test_the_leak_search_finds_a_solution_notebook_dropped_into_a_kit(kit, tmp_path):
    lesson = next(iter(lessons().values()))
    planted = kit / "notebooks" / lesson.name / "copy.ipynb"
    planted.write_bytes(lesson.source.read_bytes())
    try:
        assert any(name.endswith("copy.ipynb") for name, _ in leaks(kit))
    finally:
        planted.unlink()


def run_make(kit: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(["make", "--no-print-directory", *args], cwd=kit, env=env, capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture(scope="module")
def installed_kit(kit) -> Path:
    """The kit with the course's environment as its .venv, so `make install` has nothing to do; the kit's
    Makefile puts the kit's own pitfalls first, so what runs is the kit's code."""
    (kit / ".venv").symlink_to(Path(sys.executable).parent.parent)
    os.utime(kit / ".venv" / ".installed")
    return kit


@pytest.mark.slow
def test_make_test_in_the_kit_checks_the_installation(installed_kit):
    result = run_make(installed_kit, "test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 passed, 0 failed" in result.stdout and str(installed_kit / "pitfalls") not in result.stderr


@pytest.mark.slow
def test_make_validate_in_the_kit_reports_each_part_of_a_blank_lesson(installed_kit):
    name = list(lessons())[1]
    result = run_make(installed_kit, "validate", f"NB=notebooks/{name}/{name}.ipynb")
    assert result.returncode != 0
    assert re.findall(r"^FAIL ", result.stdout, re.MULTILINE) and "not answered yet" in result.stdout


@pytest.mark.slow
def test_make_lab_in_the_kit_serves_the_lessons(installed_kit):
    port, token = free_port(), "kit-test-token"
    args = f"LAB_ARGS=--no-browser --port={port} --ServerApp.ip=127.0.0.1 --IdentityProvider.token={token}"
    server = subprocess.Popen(["make", "--no-print-directory", "lab", args], cwd=installed_kit,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline, answer = time.monotonic() + 180, None
        while time.monotonic() < deadline and answer is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents/{list(lessons())[0]}"
                                            f"?token={token}", timeout=2) as r:
                    answer = json.loads(r.read())
            except OSError:
                time.sleep(0.5)
        assert answer is not None, "make lab did not serve within 180 s"
        assert [c["name"] for c in answer["content"]] == [f"{list(lessons())[0]}.ipynb"]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGKILL)  # nothing of `make lab` outlives the test
