"""autograde.metadata: nbgrader's metadata check, its schema checked once, says exactly what nbgrader's says."""

from __future__ import annotations

import copy

import nbformat
import pytest
from nbgrader.nbgraderformat import MetadataValidator

from autograde.metadata import QuickMetadataValidator
from tests.conftest import LESSONS

BREAKS = {
    "points not a number": lambda m: m.__setitem__("points", "x"),
    "schema too new": lambda m: m.__setitem__("schema_version", 9),
    "schema too old": lambda m: m.__setitem__("schema_version", 1),
    "no grade id": lambda m: m.pop("grade_id"),
    "a key the schema does not know": lambda m: m.__setitem__("extra", 1),
    "grade not a boolean": lambda m: m.__setitem__("grade", "yes"),
}


def verdict(validator, nb) -> str:
    try:
        validator().validate_nb(nb)
    except Exception as error:  # noqa: BLE001 -- the error is what is compared
        return f"{type(error).__name__}: {error}"
    return "valid"


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_lesson_is_valid_to_both(lesson):
    nb = nbformat.read(LESSONS[lesson].source, as_version=4)
    assert verdict(QuickMetadataValidator, nb) == verdict(MetadataValidator, nb) == "valid"


@pytest.mark.parametrize("broken", BREAKS)
def test_broken_metadata_fails_with_nbgraders_own_error(broken):
    nb = nbformat.read(next(iter(LESSONS.values())).source, as_version=4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade"))
    BREAKS[broken](cell.metadata.nbgrader)
    ours, theirs = verdict(QuickMetadataValidator, copy.deepcopy(nb)), verdict(MetadataValidator, copy.deepcopy(nb))
    assert ours == theirs != "valid"
