"""The lessons this test run covers: every ready lesson, or those `--lesson` names (`make test-fast`).

A module of its own, so that pytest's conftest and the test modules share one dict (pytest imports
conftest.py under a name of its own, apart from `tests.conftest`).
"""

from pitfalls.course import lessons

LESSONS = lessons()


def choose(names: list[str]) -> None:
    unknown = set(names) - set(LESSONS)
    if unknown:
        raise ValueError(f"no such lesson: {sorted(unknown)}; the lessons are {list(LESSONS)}")
    for name in [n for n in LESSONS if names and n not in names]:
        del LESSONS[name]
