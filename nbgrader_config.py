"""nbgrader settings for the course: where lessons live, and how grading runs.

It sits in the course root, where nbgrader looks for it: nbgrader commands run from here, and so
does the JupyterLab server of `make lab`, whose Validate button reads it. The grading driver
overrides `CourseDirectory.root` to keep its working files outside the tree.
"""

from pathlib import Path

from nbgrader.converters import GenerateAssignment

c = get_config()  # noqa: F821 -- provided by traitlets when nbgrader loads this file

c.CourseDirectory.root = str(Path(__file__).resolve().parent)
c.CourseDirectory.course_id = "pytorch-pitfalls"  # the course's name in nbgrader's exchange (JupyterHub)
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "notebooks"
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback"]

# The release tags its answer and test cells raises-exception, so Run All carries on past an exercise
# not done yet (autograde/release.py). nbgrader's checksums do not cover tags: grading is unchanged.
c.GenerateAssignment.preprocessors = [*GenerateAssignment.preprocessors.default(),
                                      "autograde.release.CarryOnPastExercises"]

# A lesson runs in under 20 s and no cell takes over 3 s, so 30 s per cell only stops real hangs.
c.Execute.timeout = 30
c.Execute.interrupt_on_timeout = True
# Once the last cell has answered, its outputs are in: a polite kernel exit would only make torch
# tidy up for about a second per notebook (measured by `make bench`).
c.Execute.shutdown_kernel = "immediate"
# No widget state in graded notebooks: the feedback page then shows each explorer's PNG, which needs
# no network, instead of a widget that only a script fetched from a CDN could draw.
c.Execute.store_widget_state = False

# A stripped or deleted test cell is put back from the gradebook and graded, instead of
# being left for manual grading.
c.OverwriteCells.add_missing_cells = True
