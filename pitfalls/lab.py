"""The learner's JupyterLab (`make lab`, in the repository and in the student kit): pictures that
survive a save, and Validate part by part.

* `keep_pictures` is the contents manager's pre-save hook (lab/*_config.py). JupyterLab renders a saved
  output's widget view and never falls back to the PNG beside it, so once the kernel that held the
  widget is gone it shows "Error displaying widget: model not found". Every explorer carries a PNG of
  its picture (pitfalls.widgets), so the saved file keeps that PNG in place of the live view: a
  reopened notebook, an exported one and any other viewer show the picture.
* The server extension (`jupyter lab` with `pitfalls.lab` enabled) answers nbgrader's Validate button
  with `pitfalls.validate`: one line per graded part, its message first, and a summary.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from html import escape
from pathlib import Path

from .course import ROOT

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
PICTURE = "image/png"


def keep_pictures(model: dict, **_) -> None:
    """Pre-save hook: an output that has a PNG beside its widget view is saved as the PNG."""
    if model.get("type") != "notebook":
        return
    for cell in model["content"].get("cells", []):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data and PICTURE in data:
                del data[WIDGET_VIEW]


# nbgrader's dialog writes "The following cell failed:" above each entry; one summary entry needs no such line.
DIALOG_STYLE = "<style>#validation-message.validation-failed > div:not(.jp-RenderedText) {display: none}</style>"


def dialog(returncode: int, stdout: str, stderr: str) -> dict:
    """What nbgrader's Validate button shows for `python -m pitfalls.validate --json`'s outcome.

    Its dialog shows "Success! …" for an empty result, each `failed` entry's source as text and its
    error as HTML, and for success=False the value as the error of the validate command.
    """
    if returncode == 0:
        return {"success": True, "value": {}}
    if returncode != 1:
        lines = [line for line in stderr.strip().splitlines() if line.strip()]
        return {"success": False, "value": (lines or [f"validation stopped with exit code {returncode}"])[-1]}
    result = json.loads(stdout)
    rows = []
    for part in result["parts"]:
        passed = part["score"] == part["points"]
        mark, tone = ("✓", "var(--jp-success-color1)") if passed else ("✗", "var(--jp-error-color1)")
        first, *more = part["message"].splitlines() or [""]
        head = (f'<span style="color:{tone}">{mark} <b>{escape(part["grade_id"])}</b> '
                f'{part["score"]:g}/{part["points"]:g}</span>')
        rows.append(" ".join(filter(None, [head, escape(first)])) + "".join(f"\n    {escape(m)}" for m in more))
    body = f'{DIALOG_STYLE}<span style="white-space: pre-wrap">{chr(10).join(rows)}</span>'
    return {"success": True, "value": {"failed": [{"source": result["summary"], "error": body}]}}


def course_env() -> dict:
    """The server's environment with this course's packages first, for the self-check it starts."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


async def validate(path: Path) -> dict:
    """Run `python -m pitfalls.validate --json` on one notebook, in a process of its own."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "pitfalls.validate", "--json", str(path), cwd=ROOT, env=course_env(),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    stdout, stderr = await process.communicate()
    return dialog(process.returncode, stdout.decode(), stderr.decode(errors="replace"))


def _jupyter_server_extension_points():
    return [{"module": "pitfalls.lab"}]


def _load_jupyter_server_extension(serverapp) -> None:
    """Serve the two URLs nbgrader's Validate button calls (its own validate_assignment stays off)."""
    from jupyter_server.base.handlers import JupyterHandler
    from jupyter_server.utils import url_path_join
    from nbgrader.server_extensions.validate_assignment.handlers import NbGraderVersionHandler
    from tornado import web

    class ValidateHandler(JupyterHandler):
        @web.authenticated
        async def post(self):
            path = self.get_argument("path", None) or (self.get_json_body() or {}).get("path", "")
            root = Path(self.settings["server_root_dir"]).expanduser().resolve()
            target = (root / path).resolve()
            if not target.is_relative_to(root):
                raise web.HTTPError(403, "the notebook is outside the server's folder")
            self.finish(json.dumps(await validate(target)))

    base = serverapp.web_app.settings["base_url"]
    serverapp.web_app.add_handlers(".*$", [(url_path_join(base, "assignments/validate"), ValidateHandler),
                                           (url_path_join(base, "nbgrader_version"), NbGraderVersionHandler)])
    serverapp.log.info("pitfalls.lab: Validate reports every graded part, its message first")
