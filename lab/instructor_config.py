"""`make lab-instructor`: JupyterLab on the whole repository with nbgrader's instructor tools.

Formgrader and Create Assignment are on, and nbgrader reads the course's nbgrader_config.py (the
Makefile starts the server from the course root). Validate and saving behave as in `make lab`.
"""

from pathlib import Path

c = get_config()  # noqa: F821 -- provided by traitlets when JupyterLab loads this file

REPO = Path(__file__).resolve().parent.parent

c.ServerApp.root_dir = str(REPO)
c.ServerApp.jpserver_extensions = {
    "pitfalls.lab": True,  # the Validate learners see, part by part
    "nbgrader.server_extensions.validate_assignment": False,
}
c.ContentsManager.pre_save_hook = "pitfalls.lab.keep_pictures"
