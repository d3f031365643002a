"""`make lab`: JupyterLab as a learner sees it (jupyter lab --config=lab/student_config.py).

It opens on notebooks/START_HERE.md; nbgrader's instructor tools (Formgrader, Create Assignment,
and the exchange's Assignment and Course Lists, which this course does not use) are off, and its
Validate button reports part by part (pitfalls.lab). `make lab-instructor` keeps all of nbgrader.
"""

from pathlib import Path

c = get_config()  # noqa: F821 -- provided by traitlets when JupyterLab loads this file

HERE = Path(__file__).resolve().parent

c.ServerApp.root_dir = str(HERE.parent / "notebooks")
c.LabApp.default_url = "/lab/tree/START_HERE.md"
# overrides.json: the course's setting defaults; page_config.json: the JupyterLab plugins turned off.
c.LabApp.app_settings_dir = str(HERE / "student")
c.ServerApp.jpserver_extensions = {
    "pitfalls.lab": True,  # Validate, part by part
    "nbgrader.server_extensions.validate_assignment": False,
    "nbgrader.server_extensions.formgrader": False,
    "nbgrader.server_extensions.assignment_list": False,
    "nbgrader.server_extensions.course_list": False,
}
# A saved explorer keeps its picture (a PNG) instead of a widget view no later session can draw.
c.ContentsManager.pre_save_hook = "pitfalls.lab.keep_pictures"
