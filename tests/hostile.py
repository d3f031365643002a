"""The red-team corpus: hostile and malformed submissions kept in tests/redteam/, one file each.

Header lines say how a file becomes a submission and what grading must make of it:
    # case: what it tries
    # into: leaf-2 | leaf-1, leaf-2 | notebook | raw | renamed NAME.ipynb   (or  # beside: torch.py)
    # expect: flagged | blank | status TEXT | not graded: TEXT   (comma-separated)
`into: ANSWER_ID` puts the file's code into that answer cell of the blank release (several ids: into each
of them), so any points it earns come from the attack; `notebook` and `raw` run the file's `tamper(nb)` on
the blank release (raw returns the bytes to submit); `beside: NAME` writes the file next to the blank notebook.
"""

from __future__ import annotations

import json
import re
import runpy
from dataclasses import dataclass
from pathlib import Path

from autograde.submissions import submission
from pitfalls.course import Lesson

CORPUS = Path(__file__).resolve().parent / "redteam"


@dataclass(frozen=True)
class Hostile:
    name: str
    case: str
    into: str | None
    beside: str | None
    expect: tuple[str, ...]
    path: Path

    def write(self, lesson: Lesson, folder: Path) -> None:
        """Write this submission into folder (the student's lesson folder)."""
        folder.mkdir(parents=True, exist_ok=True)
        blank = json.loads(lesson.release.read_text())
        notebook = folder / f"{lesson.name}.ipynb"
        if self.beside:
            (folder / self.beside).write_text(self.path.read_text())
            notebook.write_text(json.dumps(blank))
        elif self.into in ("notebook", "raw") or self.into.startswith("renamed "):
            made = runpy.run_path(str(self.path))["tamper"](blank)
            if self.into.startswith("renamed "):
                notebook = folder / self.into.split(" ", 1)[1]
            notebook.write_bytes(made if isinstance(made, bytes) else json.dumps(made).encode())
        else:
            code = self.path.read_text()
            notebook.write_text(json.dumps(submission(lesson, {part.strip(): code for part in self.into.split(",")})))


def corpus() -> list[Hostile]:
    found = []
    for path in sorted(CORPUS.glob("*.py")):
        header = dict(re.findall(r"^# (case|into|beside|expect):[ \t]*(.*)$", path.read_text(), re.MULTILINE))
        expect = tuple(x.strip() for x in header["expect"].split(",") if x.strip())
        found.append(Hostile(path.stem, header["case"], header.get("into"), header.get("beside"), expect, path))
    return found
