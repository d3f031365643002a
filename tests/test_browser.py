"""What a person sees: every lesson run in real JupyterLab, in headless Debian Chromium.

For each lesson's student notebook: Run All from the menu, wait for the kernel, then check the saved
notebook for unexpected errors and cells not reached, check every widget drew a visible picture, move
one control of every explorer to see its picture change, and press Validate (it must fail until the
exercises are done); Validate is pressed on a solved copy of the newest lesson too. Then what a
learner and a presenter see: a reopened notebook, messages first, the step-through on a laptop
screen, text sizes, the learner's and the instructor's JupyterLab. Screenshots land in build/browser/.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from autograde.grade import UNFENCED
from autograde.submissions import catalogue, solved, solved_answers, submission
from pitfalls.course import DIAGNOSIS, ROOT, lessons, misconceptions
from tests.browser import CHROMIUM, CHROMIUM_ARGS, INSTRUCTOR, Lab, require_chromium, scratch_copy
from tests.conftest import LESSONS, LIMITS, SAMPLE_CLASS, write_notebook

pytestmark = pytest.mark.slow  # a real JupyterLab and Chromium

SHOTS = ROOT / "build" / "browser"
RUN_SECONDS = 120
NEWEST = list(LESSONS)[-1]  # the lesson whose notebooks the browser validates, blank and solved
EXPLORER = ".jp-OutputArea-output > .widget-vbox"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"  # every explorer is a VBox around its picture
WATCH_FOR_A_RUN = """() => {
  window.pitfallsRunSeen = false;
  const queued = () => [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
    .some(p => p.textContent.includes('*'));
  new MutationObserver(() => { if (queued()) window.pitfallsRunSeen = true; })
    .observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    require_chromium()
    scratch = tmp_path_factory.mktemp("browser")
    root = scratch / "root"
    root.mkdir()
    scratch_copy([lesson.release.parent for lesson in LESSONS.values()], root)
    scratch_copy([lesson.source.parent for lesson in LESSONS.values()], root)
    for name, lesson in LESSONS.items():
        write_notebook(root / "solved" / name / f"{name}.ipynb", solved(lesson))
    with Lab(root, scratch).running() as server:
        yield server


@pytest.fixture(scope="module")
def chromium():
    """Chromium alone, for pages opened from disk: no JupyterLab to start."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def browser(lab, chromium):
    """Chromium, once the course's JupyterLab is up (one Playwright per module: a second one in the same thread
    refuses to start)."""
    return chromium


def start_kernel(lab: Lab, path: str) -> None:
    """Start the notebook's session on the server before the page opens it, as a notebook whose kernel is
    already running is opened: the page then joins that session. A page left to start the kernel itself asks
    "Select Kernel" whenever the server's kernel specs reach it after the notebook does (JupyterLab's
    SessionContext finds no default kernel then), which a loaded machine made happen."""
    body = json.dumps({"path": path, "type": "notebook", "name": path, "kernel": {"name": "python3"}}).encode()
    request = urllib.request.Request(f"{lab.url}/api/sessions?token={lab.token}", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        assert response.status == 201, response.read()


def open_notebook(lab: Lab, browser, path: str, height: int = 1000, width: int = 1400):
    """A fresh page (its own workspace) with the notebook open and its kernel idle."""
    start_kernel(lab, path)
    page = browser.new_page(viewport={"width": width, "height": height})
    workspace = path.replace("/", "-").removesuffix(".ipynb")
    page.goto(f"{lab.url}/lab/workspaces/{workspace}/tree/{path}?token={lab.token}")
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=90_000)
    return page


def nothing_in_the_way(page) -> None:
    """A dialog over the notebook fails the test with its own words and a screenshot, not with a click
    that timed out 30 s later: on a loaded machine a dialog once covered the Run menu, and its text went unrecorded.

    One dialog is answered as a learner answers it: JupyterLab's "Select Kernel", its preselected choice being
    the notebook's own kernel. Even with the session started before the page opened (start_kernel), a full
    suite's loaded machine once had the page ask it at Run All (1 of 2 runs, lesson 03, with the kernel's
    session listed in the dialog): a race in the page, not in what the test checks."""
    dialog = page.locator(".jp-Dialog")
    if dialog.count() and dialog.first.locator(".jp-Dialog-header").inner_text().strip() == "Select Kernel":
        dialog.first.locator(".jp-Dialog-footer button").filter(has_text="Select").click()
        dialog.first.wait_for(state="detached", timeout=30_000)
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=90_000)
    if dialog.count():
        SHOTS.mkdir(parents=True, exist_ok=True)
        shot = SHOTS / f"dialog-in-the-way-{int(time.time())}.png"
        page.screenshot(path=str(shot))
        pytest.fail(f"a dialog is in the way of Run All: {dialog.first.inner_text()[:400]!r} (screenshot: {shot})")


def run_all(page) -> None:
    """Run → Run All Cells, as a person would, then wait until no cell is queued or running.

    That the run began is latched by watching for a queued or running prompt (`[*]`), not read
    from the kernel's busy light, which a short run can turn off between two looks. A click the
    freshly opened page swallowed is tried once more, as a person would.
    """
    page.evaluate(WATCH_FOR_A_RUN)
    for attempt in (1, 2):
        nothing_in_the_way(page)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        try:
            page.wait_for_function("() => window.pitfallsRunSeen", timeout=15_000 * attempt)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    else:
        pytest.fail("Run All did not queue a single cell")
    deadline = time.monotonic() + RUN_SECONDS
    while time.monotonic() < deadline:
        status = page.locator(".jp-Notebook-ExecutionIndicator").get_attribute("data-status")
        prompts = page.locator(".jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
        if status == "idle" and not any("*" in p for p in prompts):
            return
        time.sleep(0.5)
    pytest.fail(f"Run All did not finish within {RUN_SECONDS} s")


def save(page, path: Path) -> dict:
    """Save from the browser (Ctrl+S) and read back what JupyterLab wrote, outputs and all."""
    page.locator(".jp-NotebookPanel").first.click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+s")
    page.wait_for_selector(".jp-mod-dirty", state="detached", timeout=30_000)
    return json.loads(path.read_text())


def unexpected_errors(nb: dict, student: bool) -> list[str]:
    """Error outputs in cells not meant to raise: only `raises-exception` cells may, and in a
    student notebook the unanswered exercise cells (`raise NotImplementedError()`)."""
    found = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "code" or "raises-exception" in cell["metadata"].get("tags", []):
            continue
        answer = cell["metadata"].get("nbgrader", {}).get("solution", False)
        for out in cell.get("outputs", []):
            if out["output_type"] != "error":
                continue
            if student and answer and out["ename"] == "NotImplementedError":
                continue
            found.append(f"cell {cell.get('id')}: {out['ename']}: {out['evalue'][:200]}")
    return found


def not_run(nb: dict, student: bool) -> list[str]:
    """Code cells Run All should have reached but did not: every one, in a student notebook too (its
    answer and test cells are tagged raises-exception, so an exercise not done yet does not stop it)."""
    missing = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "code" or not "".join(cell["source"]).strip():
            continue
        if cell.get("execution_count") is None:
            missing.append(cell.get("id"))
    return missing


def picture(explorer) -> bytes:
    return explorer.locator("img").first.screenshot()


def move_one_control(page, explorer) -> str:
    """Change a menu or a slider of one explorer, the way a person would; say which."""
    select = explorer.locator("select")
    if select.count():
        current, count = select.first.evaluate("s => [s.selectedIndex, s.options.length]")
        select.first.select_option(index=(current + 1) % count)
        return f"menu: option {current} → {(current + 1) % count}"
    handle = explorer.locator(".noUi-handle").first
    handle.focus()
    for key in ("Home", "End"):  # one of them moves it, whichever end it starts at
        before = picture(explorer)
        handle.press(key)
        if changed(explorer, before):
            return f"slider {key}"
    return "slider (no key moved it)"


def changed(explorer, before: bytes, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if picture(explorer) != before:
            return True
        time.sleep(0.25)
    return False


def diagnosis_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(DIAGNOSIS)]


def validate(page) -> str:
    """Press Validate, as a learner does; the dialog's text."""
    page.get_by_role("button", name="Validate").click()
    text = page.wait_for_selector(".jp-Dialog", timeout=RUN_SECONDS * 1000).inner_text()
    page.keyboard.press("Escape")
    return text


def test_a_select_kernel_dialog_is_answered_with_the_notebooks_own_kernel_and_any_other_dialog_fails(lab, browser):
    name = next(iter(LESSONS))
    page = open_notebook(lab, browser, f"notebooks/{name}/{name}.ipynb")
    try:
        page.get_by_role("menuitem", name="Kernel", exact=True).click()
        page.get_by_role("menuitem", name="Change Kernel…", exact=True).click()
        page.locator(".jp-Dialog").wait_for(timeout=30_000)
        nothing_in_the_way(page)
        assert page.locator(".jp-Dialog").count() == 0
        assert page.locator(".jp-Notebook-ExecutionIndicator").get_attribute("data-status") == "idle"
        page.get_by_role("menuitem", name="Kernel", exact=True).click()  # any other dialog fails the test
        page.get_by_role("menuitem", name=re.compile(r"^Restart Kernel")).first.click()
        page.locator(".jp-Dialog").wait_for(timeout=30_000)
        with pytest.raises(pytest.fail.Exception, match="a dialog is in the way of Run All"):
            nothing_in_the_way(page)
    finally:
        page.close()


@pytest.mark.parametrize("name", list(LESSONS))
def test_run_all_shows_every_picture_and_no_unexpected_error(lab, browser, name):
    """A learner's notebook as released. (The solutions notebook has the same cells but the answers; every one
    of its cells is checked as the grader runs it, in tests/test_notebooks.py.)"""
    page = open_notebook(lab, browser, f"notebooks/{name}/{name}.ipynb")
    try:
        run_all(page)
        nb = save(page, lab.root / "notebooks" / name / f"{name}.ipynb")
        assert unexpected_errors(nb, student=True) == []
        assert not_run(nb, student=True) == []

        assert page.get_by_text("Loading widget", exact=False).count() == 0
        assert page.get_by_text("Error displaying widget", exact=False).count() == 0
        explorers = page.locator(EXPLORER)
        expected = sum("explorer" in o.get("metadata", {}).get("pitfalls", {}) for c in nb["cells"]
                       for o in c.get("outputs", []))  # saved as its picture: no widget view in the file
        assert explorers.count() == expected > 0
        for i in range(explorers.count()):
            explorer = explorers.nth(i)
            explorer.scroll_into_view_if_needed()
            image = explorer.locator("img").first
            size = image.evaluate("img => [img.naturalWidth, img.getBoundingClientRect().height]")
            assert size[0] > 0 and size[1] > 50, f"explorer {i} shows no picture: {size}"
            before = picture(explorer)
            how = move_one_control(page, explorer)
            assert changed(explorer, before), f"explorer {i}: {how} did not change the picture"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.locator(EXPLORER).first.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"notebooks-{name}.png"))
        if name == NEWEST:  # every blank notebook fails pitfalls.validate (the button's code): test_validate.py
            text = validate(page)
            assert "failed" in text and "passes all the tests" not in text
    finally:
        page.close()


def test_validate_button_reports_success_on_a_solved_notebook(lab, browser):
    """The button's path on the newest lesson; every lesson's solved notebook passes pitfalls.validate in
    tests/test_validate.py, the code the button runs."""
    name = NEWEST
    page = open_notebook(lab, browser, f"solved/{name}/{name}.ipynb")
    try:
        assert "Success! Your notebook passes all the tests." in validate(page)
    finally:
        page.close()


def test_missing_chromium_is_one_line_saying_how_to_install_it(monkeypatch):
    monkeypatch.setattr("tests.browser.CHROMIUM", Path("/nonexistent/chromium"))
    with pytest.raises(pytest.fail.Exception) as failed:
        require_chromium()
    assert "\n" not in str(failed.value) and "apt-get install -y chromium" in str(failed.value)


def test_a_server_that_does_not_come_up_fails_with_its_log(tmp_path):
    lab = Lab(tmp_path / "no-such-root", tmp_path)  # JupyterLab refuses a missing root_dir and exits
    with pytest.raises(pytest.fail.Exception) as failed, lab.running():
        pass
    assert "before it came up" in str(failed.value) and "--- server log ---" in str(failed.value)
    assert "no-such-root" in str(failed.value)


def selected(prefix: str) -> str:
    """The lesson a test is about, by its number; the test is skipped when `--lesson` leaves that lesson out."""
    name = next((n for n in LESSONS if n.startswith(prefix)), None)
    if name is None:
        pytest.skip(f"lesson {prefix}… is not among the --lesson selected")
    return name


def test_stepping_to_the_in_place_write_shows_the_stale_tensor(lab, browser):
    """Lesson 00's step-through, stepped by keyboard to `h -= h.mean()`: the picture says STALE."""
    name = selected("00_")
    page = open_notebook(lab, browser, f"solutions/{name}/{name}.ipynb", height=1600)  # room for all of it
    try:
        run_all(page)
        explorer = page.locator(EXPLORER).first
        explorer.scroll_into_view_if_needed()
        handle = explorer.locator(".noUi-handle").first
        handle.focus()
        handle.press("Home")
        for _ in range(4):
            handle.press("ArrowRight")
        page.wait_for_function("el => el.innerText.includes('step 4 of')", arg=explorer.element_handle(),
                               timeout=10_000)
        svg = explorer.locator("img").first.evaluate("img => fetch(img.src).then(r => r.text())")
        assert "STALE" in svg and "backward() from h will raise" in svg
        assert "h -= h.mean()" in explorer.inner_text()
        SHOTS.mkdir(parents=True, exist_ok=True)
        explorer.screenshot(path=str(SHOTS / "step-through-stale.png"))
    finally:
        page.close()


PICTURES = "00_"  # the lesson that shows every kind of picture
LAPTOP = {"width": 1366, "height": 768}


def pictures_in(nb: dict) -> list[dict]:
    return [o for c in nb["cells"] for o in c.get("outputs", []) if "image/png" in o.get("data", {})]


def test_a_saved_notebook_reopened_in_a_fresh_lab_shows_every_picture(browser, tmp_path):
    """Run All, save, close; then a new server and a new kernel: every picture is there, no widget error,
    and the notebook exported to HTML shows them too."""
    root = tmp_path / "root"
    name = selected(PICTURES)
    scratch_copy([LESSONS[name].release.parent], root)
    path = f"notebooks/{name}/{name}.ipynb"
    (tmp_path / "first").mkdir()
    with Lab(root, tmp_path / "first").running() as first:
        page = open_notebook(first, browser, path)
        try:
            run_all(page)
            nb = save(page, root / path)
        finally:
            page.close()
    pictures = pictures_in(nb)
    assert len(pictures) >= 5, "lesson 00 draws every kind of picture"
    assert not [o for o in pictures if WIDGET_VIEW in o["data"]], "an explorer is saved as its picture"

    (tmp_path / "second").mkdir()
    with Lab(root, tmp_path / "second").running() as second:
        page = open_notebook(second, browser, path, height=LAPTOP["height"], width=LAPTOP["width"])
        try:
            images = page.locator(".jp-OutputArea-output img")
            images.first.wait_for(timeout=30_000)
            assert page.get_by_text("Error displaying widget", exact=False).count() == 0
            assert page.get_by_text("Loading widget", exact=False).count() == 0
            assert images.count() == len(pictures)
            sizes = images.evaluate_all("imgs => imgs.map(i => [i.naturalWidth, i.naturalHeight])")
            assert all(w > 100 and h > 50 for w, h in sizes), sizes
            step_through = page.locator(".jp-CodeCell").filter(has_text="StepThrough(").first
            step_through.evaluate("cell => cell.scrollIntoView({block: 'start'})")
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / "reopened-in-a-fresh-lab-1366x768.png"))
        finally:
            page.close()
        url = f"{second.url}/nbconvert/html/{path}?download=false&token={second.token}"
        with urllib.request.urlopen(url, timeout=60) as response:
            html = response.read().decode()
    assert html.count('src="data:image/png;base64,') >= len(pictures)
    assert WIDGET_VIEW not in html


def test_a_failing_check_and_an_intended_error_show_their_message_first_in_a_few_lines(lab, browser):
    """A wrong answer's test cell shows the check's message as its first line, the lesson's intended
    errors (deepcopy mid-training) their message in a few lines, and Validate names the part and its
    message without tracebacks or cell source."""
    name = selected("01_")
    mistakes = {}
    for wrong in catalogue(LESSONS[name]):  # a plausible mistake in every answer cell
        if wrong.loses:
            mistakes.setdefault(wrong.answer, wrong.source)
    path = f"wrong/{name}/{name}.ipynb"
    write_notebook(lab.root / path, submission(LESSONS[name], {**solved_answers(LESSONS[name]), **mistakes}))
    page = open_notebook(lab, browser, path, height=LAPTOP["height"], width=LAPTOP["width"])
    try:
        run_all(page)
        nb = save(page, lab.root / path)
        cells = page.locator(".jp-Notebook .jp-Cell")
        failed = [(i, o) for i, c in enumerate(nb["cells"]) for o in c.get("outputs", [])
                  if o.get("ename") == "CheckFailed"]
        assert failed, "the mistakes fail visible checks"
        for i, error in failed:
            output = cells.nth(i).locator(".jp-OutputArea-output").last
            lines = output.inner_text().strip().splitlines()
            named = diagnosis_lines(error["evalue"])  # under the message: the misconception it looks like
            assert lines[0] == error["evalue"].splitlines()[0], lines
            assert [line for line in lines if line.startswith(DIAGNOSIS)] == named, lines
            assert len(lines) <= 3 + len(named) and output.bounding_box()["height"] < 100 + 90 * len(named), lines
        output.scroll_into_view_if_needed()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "failing-check-1366x768.png"))

        intended = [(i, o) for i, c in enumerate(nb["cells"]) for o in c.get("outputs", [])
                    if o["output_type"] == "error" and "nbgrader" not in c["metadata"]]
        assert intended, "lesson 01 shows errors on purpose"
        for i, error in intended:
            output = cells.nth(i).locator(".jp-OutputArea-output").last
            lines = output.inner_text().strip().splitlines()
            assert lines[0].startswith(f"{error['ename']}: {error['evalue'].splitlines()[0][:60]}"), lines
            assert len(lines) <= len(error["evalue"].splitlines()) + 3, lines
            assert output.bounding_box()["height"] < 250, lines
        output.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "intended-error-1366x768.png"))

        page.get_by_role("button", name="Validate").click()
        dialog = page.wait_for_selector(".jp-Dialog-content", timeout=RUN_SECONDS * 1000)
        text = dialog.inner_text()
        for i, error in failed:
            part = nb["cells"][i]["metadata"]["nbgrader"]["grade_id"]
            line = next(line for line in text.splitlines() if part in line)
            assert line.startswith("✗") and error["evalue"].splitlines()[0] in line, line
            assert all(" ".join(d.split()) in " ".join(text.split()) for d in diagnosis_lines(error["evalue"]))
        assert "Traceback" not in text and "checks." not in text and "The following cell failed" not in text
        assert dialog.bounding_box()["height"] < LAPTOP["height"]
        page.screenshot(path=str(SHOTS / "validate-dialog-1366x768.png"))
    finally:
        page.close()


# --- pictures a room can read, on a laptop's screen -------------------------------------------------

SCREENS = [(1366, 768), (1920, 1080)]
LABEL_PX = 13  # the least size, in CSS px, of any text in a picture (10 pt at 96 px an inch: 13.3)
SVG_TEXTS = """async (img) => {
  // The picture's own SVG, laid over it at the size it is shown: where the browser puts each text.
  const source = await fetch(img.src).then(r => r.text());
  const shown = img.getBoundingClientRect();
  const holder = document.createElement('div');
  holder.style.cssText = `position:fixed;left:${shown.left}px;top:${shown.top}px;width:${shown.width}px;` +
                         `height:${shown.height}px;opacity:0;pointer-events:none`;
  holder.innerHTML = source.slice(source.indexOf('<svg'));
  const svg = holder.querySelector('svg');
  svg.setAttribute('width', shown.width);
  svg.setAttribute('height', shown.height);
  document.body.appendChild(holder);
  const scale = shown.width / svg.viewBox.baseVal.width;
  const texts = [...svg.querySelectorAll('text')].map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale,
            left: r.left, top: r.top, right: r.right, bottom: r.bottom};
  });
  holder.remove();
  return {texts, picture: {left: shown.left, top: shown.top, right: shown.right, bottom: shown.bottom}};
}"""
VISIBLE = """(el) => {
  // The part of the notebook a person sees: its scrolled area, inside the window.
  const r = el.closest('.jp-WindowedPanel-outer, .jp-Notebook').getBoundingClientRect();
  return {left: Math.max(r.left, 0), top: Math.max(r.top, 0), right: Math.min(r.right, innerWidth),
          bottom: Math.min(r.bottom, innerHeight)};
}"""


def rect(box: dict) -> tuple[float, float, float, float]:
    return box["left"], box["top"], box["right"], box["bottom"]


def within(inner: dict, outer: dict, slack: float = 1.0) -> bool:
    (a, b, c, d), (e, f, g, h) = rect(inner), rect(outer)
    return a >= e - slack and b >= f - slack and c <= g + slack and d <= h + slack


def edges(box: dict) -> dict:
    """Playwright's x, y, width, height as left, top, right, bottom."""
    return {"left": box["x"], "top": box["y"], "right": box["x"] + box["width"], "bottom": box["y"] + box["height"]}


def step_to(explorer, handle, step: int) -> None:
    handle.press("Home")
    for _ in range(step):
        handle.press("ArrowRight")
    explorer.page.wait_for_function("([el, s]) => el.innerText.includes(`step ${s} of`)",
                                    arg=[explorer.element_handle(), step], timeout=10_000)


@pytest.mark.parametrize("width, height", SCREENS)
def test_step_through_slider_and_verdict_are_on_screen_together_and_the_output_keeps_its_height(
        lab, browser, width, height):
    """Lesson 00's step-through at the stale step: the slider's handle and the red verdict both in view."""
    name = selected("00_")
    page = open_notebook(lab, browser, f"solutions/{name}/{name}.ipynb")
    page.set_viewport_size({"width": width, "height": height})
    try:
        run_all(page)
        explorer = page.locator(EXPLORER).first
        explorer.evaluate("e => e.scrollIntoView({block: 'start'})")
        handle = explorer.locator(".noUi-handle").first
        handle.focus()
        steps = int(explorer.locator(".widget-readout").first.inner_text())  # it starts at the last step
        heights = set()
        for step in range(steps + 1):
            step_to(explorer, handle, step)
            page.wait_for_timeout(300)  # the new picture loads
            heights.add(round(explorer.bounding_box()["height"]))
        assert len(heights) == 1, f"the output's height changed between steps: {sorted(heights)} px"

        step_to(explorer, handle, 4)  # h -= h.mean(): the sigmoid's saved output goes stale
        explorer.evaluate("e => e.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(300)
        shown = explorer.evaluate(VISIBLE)
        drawn = explorer.locator("img").first.evaluate(SVG_TEXTS)
        verdict = [t for t in drawn["texts"] if "backward() from h will raise" in t["text"]]
        assert verdict and "STALE" in " ".join(t["text"] for t in drawn["texts"])
        assert within(edges(handle.bounding_box()), shown), f"slider at {edges(handle.bounding_box())}, screen {shown}"
        assert within(verdict[0], shown), f"verdict at {rect(verdict[0])}, screen shows {rect(shown)}"
        small = sorted({round(t["px"], 1) for t in drawn["texts"] if t["px"] < LABEL_PX})
        assert small == [], f"text drawn at {small} px"
        cut = [t["text"] for t in drawn["texts"] if not within(t, drawn["picture"])]
        assert cut == [], f"text cut off at the picture's edge: {cut}"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"step-through-stale-{width}x{height}.png"))
    finally:
        page.close()


def test_make_lab_opens_on_where_to_start_with_whole_folder_names_and_no_instructor_tool(browser, tmp_path):
    """`make lab` (root notebooks/): START_HERE.md rendered, every lesson folder's name in full in the
    file browser, no Nbgrader menu, no Create Assignment panel; a notebook still has Validate."""
    root = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", root)
    with Lab(root, tmp_path).running() as lab_server:
        page = browser.new_page(viewport=LAPTOP)
        try:
            page.goto(f"{lab_server.url}/?token={lab_server.token}")
            page.wait_for_selector(".jp-RenderedMarkdown h1", timeout=60_000)
            assert "Start here" in page.locator(".jp-RenderedMarkdown h1").first.inner_text()
            for name in LESSONS:
                assert page.locator(f'.jp-RenderedMarkdown a[href*="{name}/{name}.ipynb"]').count() == 1
                item = page.locator(".jp-DirListing-itemText", has_text=name).first
                assert item.evaluate("e => e.scrollWidth <= e.clientWidth"), f"{name} is cut off"
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / "landing-1366x768.png"))
            assert page.get_by_role("menuitem", name="Nbgrader", exact=True).count() == 0
            assert page.get_by_text("Create Assignment", exact=True).count() == 0
            page.get_by_role("menuitem", name="View", exact=True).click()
            page.get_by_role("menuitem", name="Activate Command Palette", exact=False).click()
            page.keyboard.type("Formgrader")
            assert page.locator(".lm-CommandPalette-item:visible").count() == 0
            page.keyboard.press("Escape")
            first = next(iter(LESSONS))
            page.locator(f'.jp-RenderedMarkdown a[href*="{first}/{first}.ipynb"]').click()
            page.get_by_role("button", name="Validate").wait_for(timeout=60_000)
        finally:
            page.close()


def test_make_lab_instructor_keeps_formgrader_and_create_assignment(browser, tmp_path):
    root = tmp_path / "course"
    for folder in ("solutions", "notebooks"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy(ROOT / "nbgrader_config.py", root)  # nbgrader reads it from the server's folder, the course root
    with Lab(root, tmp_path, config=INSTRUCTOR, cwd=root).running() as lab_server:
        page = browser.new_page(viewport=LAPTOP)
        try:
            page.goto(f"{lab_server.url}/lab?token={lab_server.token}")
            page.get_by_role("menuitem", name="Nbgrader", exact=True).click()
            page.get_by_role("menuitem", name="Formgrader", exact=True).click()
            page.frame_locator("iframe").get_by_text(next(iter(LESSONS)), exact=False).first.wait_for(timeout=60_000)
            assert page.get_by_text("Create Assignment", exact=True).count() == 1
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / "instructor-formgrader-1366x768.png"))
        finally:
            page.close()


@pytest.mark.parametrize("width, height", SCREENS)
@pytest.mark.parametrize("prefix", ["00_", "01_"])
def test_every_picture_shows_its_text_at_13_px_or_more_and_cuts_none_off(lab, browser, prefix, width, height):
    """Every explorer's SVG measured as the browser lays it out, and every static PNG shown unshrunk."""
    name = selected(prefix)
    page = open_notebook(lab, browser, f"solutions/{name}/{name}.ipynb")
    page.set_viewport_size({"width": width, "height": height})
    try:
        run_all(page)
        explorers = page.locator(EXPLORER)
        assert explorers.count() > 0
        for i in range(explorers.count()):
            explorers.nth(i).evaluate("e => e.scrollIntoView({block: 'start'})")
            drawn = explorers.nth(i).locator("img").first.evaluate(SVG_TEXTS)
            small = sorted({round(t["px"], 1) for t in drawn["texts"] if t["px"] < LABEL_PX})
            assert small == [], f"explorer {i}: text drawn at {small} px"
            cut = [t["text"] for t in drawn["texts"] if not within(t, drawn["picture"])]
            assert cut == [], f"explorer {i}: text cut off at the picture's edge: {cut}"
        statics = page.locator(".jp-RenderedImage img")
        assert statics.count() > 0
        for i in range(statics.count()):
            natural, shown = statics.nth(i).evaluate("img => [img.naturalWidth, img.getBoundingClientRect().width]")
            assert shown >= 0.98 * natural, f"static picture {i} is shrunk to {shown} of {natural} px"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"pictures-{name[:2]}-{width}x{height}.png"))
        # Each picture whole, to look at: a window as wide, and tall enough that none is cut by the scroller.
        page.set_viewport_size({"width": width, "height": 2400})
        for i, picture in enumerate([*explorers.all(), *statics.all()]):
            picture.evaluate("e => e.scrollIntoView({block: 'start'})")
            picture.screenshot(path=str(SHOTS / f"pictures-{name[:2]}-{i}-{width}-wide.png"))
    finally:
        page.close()


# --- the class report: OUT/report.html opened from disk ---------------------------------------------

REPORT_FIGURES = """() => [...document.querySelectorAll('figure.plot svg')].map(svg => {
  // Each plot as drawn: its size, and each of its words at the size the browser shows it.
  const shown = svg.getBoundingClientRect();
  const scale = shown.width / svg.viewBox.baseVal.width;
  return {width: shown.width, height: shown.height,
          texts: [...svg.querySelectorAll('text')].map(t => ({text: t.textContent,
                                                            px: parseFloat(getComputedStyle(t).fontSize) * scale}))};
})"""


def read_csv(path: Path) -> list[dict]:
    with path.open(newline="") as f:
        return list(csv.DictReader(f))


def table_rows(page, cls: str) -> int:
    return page.locator(f"table.{cls} tbody tr").count()


def open_report(browser, out: Path, name: str) -> None:
    """Open OUT/report.html from disk, as an instructor does, on a laptop's screen; check every plot drew
    with words a room can read, every table has its rows and nothing came from the network; screenshots."""
    grades, flags = read_csv(out / "grades.csv"), read_csv(out / "integrity.csv")
    found = read_csv(out / "misconceptions.csv")
    taught = {r["lesson"] for r in grades if not r["status"].startswith("not graded")}
    page = browser.new_page(viewport=LAPTOP)
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    try:
        page.goto((out / "report.html").as_uri())
        assert [url for url in fetched if not url.startswith(("file:", "data:"))] == []
        assert page.locator("script").count() == 0
        figures = page.evaluate(REPORT_FIGURES)
        assert len(figures) == 1 + bool(found) + len(taught)  # the lessons, the misconceptions, one per lesson
        for figure in figures:
            assert figure["width"] > 400 and figure["height"] > 100, figure["width"]
            small = sorted({(t["text"], round(t["px"], 1)) for t in figure["texts"] if t["px"] < LABEL_PX})
            assert figure["texts"] and small == [], f"text drawn under {LABEL_PX} px: {small[:5]}"
        assert page.locator("section h2").all_inner_texts() == [n for n in lessons() if n in
                                                                {r["lesson"] for r in grades}]
        assert table_rows(page, "not-graded") == sum(r["status"].startswith("not graded") for r in grades)
        assert table_rows(page, "flags") == sum(f["finding"] != UNFENCED for f in flags)
        per_part = {}
        for row in found:
            per_part.setdefault((row["lesson"], row["part"]), set()).add(row["misconception"])
        assert table_rows(page, "misconceptions") == sum(min(len(m), 5) + (len(m) > 5) for m in per_part.values())
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"report-{name}-1366x768.png"))
        page.screenshot(path=str(SHOTS / f"report-{name}-whole.png"), full_page=True)
    finally:
        page.close()


@pytest.fixture(scope="module")
def sample_class_out(tmp_path_factory) -> Path:
    """`make autograde` on the sample class as shipped (four students, lesson 01): a small real grading run."""
    out = tmp_path_factory.mktemp("sample-class") / "out"
    result = subprocess.run([sys.executable, "-m", "autograde.grade", str(SAMPLE_CLASS), "--out", str(out), *LIMITS],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_the_sample_class_report_opens_from_disk_with_its_plots_and_tables(chromium, sample_class_out):
    open_report(chromium, sample_class_out, "sample-class")


@pytest.fixture
def batch(request):
    """The graded batch, when this run grades it anyway (`make test`, or with tests/test_grading.py): the browser
    suite alone must not cost the 10 to 25 minutes it takes."""
    if not any("graded" in item.fixturenames for item in request.session.items if item.path != request.path):
        pytest.skip("the graded batch is not part of this run: run with tests/test_grading.py, or make test")
    return request.getfixturevalue("graded")


def test_the_50_learners_report_opens_from_disk_with_its_plots_and_tables(chromium, batch, request):
    """The 50 generated learners of the graded batch, as a class (tests/conftest.py: `learner_class`)."""
    open_report(chromium, request.getfixturevalue("learner_class").out, "50-learners")


def test_the_feedback_page_of_a_wrong_answer_shows_its_diagnosis(chromium, batch):
    """A learner's feedback page, opened from disk: the line naming the misconception is there to read."""
    graded = batch
    results = [json.loads(p.read_text()) for p in sorted((graded.out / "results").glob("learner-*/*.json"))]
    named = next((r for r in results if r.get("misconceptions")), None)
    if named is None:
        pytest.skip("no graded answer was diagnosed: no lesson under test declares misconceptions yet")
    part, ids = next(iter(named["misconceptions"].items()))
    page = chromium.new_page(viewport=LAPTOP)
    try:
        page.goto((graded.out / "feedback" / named["student"] / named["lesson"] / f"{named['lesson']}.html").as_uri())
        line = page.locator(".output_text pre", has_text=misconceptions()[ids[0]].diagnosis()[:80]).first
        line.scroll_into_view_if_needed()
        assert line.is_visible()
        assert line.evaluate("e => e.scrollWidth <= e.clientWidth"), "the diagnosis wraps: no sideways scrolling"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "feedback-diagnosis-1366x768.png"))
    finally:
        page.close()
