"""The README's generated blocks, each between `<!-- NAME:start -->` and `<!-- NAME:end -->`:
the lesson table (from course.toml, by `make release`) and the measured speed (by `make bench`).
Everything outside the markers is prose a person wrote, and is never touched."""

from __future__ import annotations

import re
from pathlib import Path

from pitfalls.course import ROOT, course

README = ROOT / "README.md"


def block(name: str) -> re.Pattern:
    return re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.DOTALL)


def replace_block(text: str, name: str, content: str) -> str | None:
    """The text with the block's content replaced; None when the text has no such markers."""
    pattern = block(name)
    return pattern.sub(lambda m: m.group(1) + content + m.group(2), text) if pattern.search(text) else None


def update(readme: Path, name: str, content: str) -> bool:
    """Put `content` between the README's markers; False when the README has none."""
    text = replace_block(readme.read_text(), name, content)
    if text is not None:
        readme.write_text(text)
    return text is not None


def lesson_table() -> str:
    """The README's lesson table, as course.toml declares the lessons."""
    rows = ["| # | lesson | status |", "|---|---|---|"]
    for lesson in course():
        number, _ = lesson.name.split("_", 1)
        status = (f"ready · {lesson.minutes} min · {len(lesson.parts)} graded parts, {lesson.max_score:g} points"
                  if lesson.ready else "planned")
        rows.append(f"| {number} | {lesson.title} | {status} |")
    return "\n".join(rows) + "\n"
