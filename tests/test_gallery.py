"""pitfalls.gallery: `make pictures` renders one PNG per explorer, the stale graph marked stale."""

from __future__ import annotations

from pitfalls.gallery import STALE_SCRIPT, pictures
from pitfalls.replay import replay
from pitfalls.widgets import VIEWS


def test_every_explorer_has_a_picture():
    assert {name: png[:4] for name, png in pictures().items()} == {
        name: b"\x89PNG" for name in ("graph-stale", "storage", "module-tree", "pipeline")}


def test_the_readme_example_really_is_stale():
    assert "modified by an inplace operation" in replay(STALE_SCRIPT, VIEWS["graph"])[-1].snapshot.backward_error
