"""nbgrader's check of each cell's nbgrader metadata, with its JSON schema checked once per worker.

nbgrader validates a cell's metadata with `jsonschema.validate(metadata, schema)`, which first checks the
schema itself against JSON Schema's meta-schema: for every cell, twice per submission (CheckCellMetadata
runs before and after the notebook). That was 4 % of a submission's time. Here the schema is checked
once and its validator kept; every cell is still validated against it, with nbgrader's own version
checks and messages, and everything else of nbgrader's validator (grade ids, points, cell types) runs
unchanged.
"""

from __future__ import annotations

import functools
import traceback

import jsonschema
from nbgrader.nbgraderformat import MetadataValidator, ValidationError
from nbgrader.nbgraderformat.common import BaseMetadataValidator, SchemaTooNewError, SchemaTooOldError
from nbgrader.preprocessors import CheckCellMetadata


@functools.cache
def _validator() -> jsonschema.protocols.Validator:
    """A validator of nbgrader's current metadata schema, the schema itself checked once."""
    schema = MetadataValidator().schema
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


class _SchemaCheckedOnce(BaseMetadataValidator):
    def validate_cell(self, cell) -> None:
        """BaseMetadataValidator.validate_cell, step for step, with the kept validator."""
        if "nbgrader" not in cell.metadata:
            return
        schema = cell.metadata["nbgrader"].get("schema_version", 0)
        if schema < self.schema_version:
            raise SchemaTooOldError(f"Outdated schema version: {schema} (expected {self.schema_version})",
                                    schema, self.schema_version)
        if schema > self.schema_version:
            raise SchemaTooNewError(f"Schema version is too new: {schema} (expected {self.schema_version})",
                                    schema, self.schema_version)
        error = jsonschema.exceptions.best_match(_validator().iter_errors(cell.metadata["nbgrader"]))
        if error is not None:
            raise error


class QuickMetadataValidator(MetadataValidator, _SchemaCheckedOnce):
    """nbgrader's validator (MetadataValidatorV3), whose call to its base class lands on the kept validator."""


class CheckMetadata(CheckCellMetadata):
    """CheckCellMetadata with QuickMetadataValidator: the same checks, errors and log lines."""

    def preprocess(self, nb, resources):
        try:
            QuickMetadataValidator().validate_nb(nb)
        except ValidationError:
            self.log.error(traceback.format_exc())
            msg = "Notebook failed to validate; the nbgrader metadata may be corrupted."
            self.log.error(msg)
            raise ValidationError(msg) from None
        return nb, resources
