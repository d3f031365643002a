"""pitfalls.widgets: moving a control changes the model behind the picture, and the picture."""

from __future__ import annotations

import base64
import re

import pytest
import torch

import pitfalls
from pitfalls import (
    GraphExplorer,
    ModuleExplorer,
    PipelineExplorer,
    StepThrough,
    StorageExplorer,
    show_graph,
    show_modules,
    show_schedule,
    show_storage,
    show_timeline,
)
from pitfalls.draw import render
from pitfalls.graph import STALE

PNG = b"\x89PNG"
STALE_SCRIPT = """\
a = torch.randn(3, requires_grad=True)
b = a.sigmoid()
loss = (b * a).sum()
b.add_(1)
loss.backward()
"""


def svg(explorer) -> bytes:
    picture = bytes(explorer.picture.value)
    assert picture.lstrip().startswith(b"<?xml") and b"<svg" in picture
    return picture


def two_cases():
    def leaf():
        return {"w": torch.ones(2, requires_grad=True)}

    def product():
        w = torch.ones(2, requires_grad=True)
        return {"w": w, "h": w * 3}

    return {"a leaf": leaf, "a product": product}


@pytest.mark.parametrize("picture", [
    lambda: show_graph({"w": torch.ones(2, requires_grad=True)}),
    lambda: show_storage({"a": torch.zeros(2)}),
    lambda: show_modules(torch.nn.Linear(1, 1), order="modules()"),
    lambda: show_schedule(2, 3),
    lambda: show_timeline([(0, 0, "forward", 0, 1), (0, 0, "backward", 1, 3)]),
])
def test_every_explorer_has_a_static_png(picture):
    assert picture().data.startswith(PNG)


PICTURES = [
    lambda: show_graph({"w": torch.ones(2, requires_grad=True)}),
    lambda: show_storage({"a": torch.zeros(2)}),
    lambda: show_modules(torch.nn.Linear(1, 1), order="modules()"),
    lambda: show_schedule(2, 3),
    lambda: show_timeline([(0, 0, "forward", 0, 1), (0, 0, "backward", 1, 3)]),
    lambda: GraphExplorer(two_cases()).static(),
]


def test_with_pictures_off_every_picture_is_the_stand_in_and_no_figure_is_drawn(monkeypatch):
    """A grading kernel (PITFALLS_PICTURES=off): each picture says it was not drawn, and matplotlib never
    renders one; the arguments are still checked as they are with pictures on."""
    drawn = [render.png_bytes(render.Figure()), render.svg_bytes(render.Figure())]
    render.not_drawn("png"), render.not_drawn("svg")  # drawn once, as the grading fork server does
    monkeypatch.setenv("PITFALLS_PICTURES", "off")
    monkeypatch.setattr(render.Figure, "savefig", lambda *a, **k: pytest.fail("a figure was rendered"))
    for picture in PICTURES:
        assert picture().data == render.not_drawn("png") != drawn[0]
    explorer = GraphExplorer(two_cases())
    explorer.picker.value = "a product"
    assert bytes(explorer.picture.value) == render.not_drawn("svg") != drawn[1]
    assert "MulBackward0" in explorer.facts.value, "what is not a picture is still shown"
    assert base64.b64decode(explorer._repr_mimebundle_()[0]["image/png"]) == render.not_drawn("png")
    with pytest.raises(TypeError, match="a tensor or a dict of named tensors"):
        show_graph([1, 2])


def test_the_stand_in_says_why_in_words_a_reader_can_read():
    assert render.not_drawn("png").startswith(PNG)
    assert render.NOT_DRAWN.encode() in render.not_drawn("svg")


def test_show_graph_says_what_it_takes():
    with pytest.raises(TypeError, match="a tensor or a dict of named tensors"):
        show_graph([1, 2])


def test_picking_another_case_redraws_picture_and_table():
    explorer = GraphExplorer(two_cases())
    first, facts = svg(explorer), explorer.facts.value
    assert "<code>h</code>" not in facts
    explorer.picker.value = "a product"
    assert svg(explorer) != first
    assert "<code>h</code>" in explorer.facts.value and "MulBackward0" in explorer.facts.value


def test_explorer_needs_a_case():
    with pytest.raises(ValueError, match="at least one case"):
        GraphExplorer({})


def test_display_data_carries_a_png_for_exported_html():
    bundle, metadata = GraphExplorer(two_cases())._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert base64.b64decode(bundle["image/png"]).startswith(PNG)
    assert metadata == {"pitfalls": {"explorer": "GraphExplorer"}}, "a saved picture says which explorer drew it"


def test_stepping_shows_the_saved_tensor_going_stale_at_the_line_that_did_it():
    explorer = StepThrough(STALE_SCRIPT)
    stale_at = [s.index for s in explorer.steps if any(n.stale for n in s.snapshot.nodes)]
    assert stale_at == [4, 5]  # b.add_(1) is line 4; the graph stays broken after
    explorer.slider.value = 3
    before = svg(explorer)
    assert explorer.step.snapshot.backward_error is None and b"STALE" not in before
    explorer.slider.value = 4
    assert b"STALE" in svg(explorer) and "b.add_(1)" in explorer.outcome.value
    assert any(s.state == STALE for n in explorer.step.snapshot.nodes for s in n.saved)
    assert "background:#fdd0a2" in explorer.code.value.split("b.add_(1)")[0].rsplit("<div", 1)[1]


def test_the_line_that_raises_shows_its_error_and_the_slider_still_works():
    explorer = StepThrough(STALE_SCRIPT)
    explorer.slider.value = 5
    assert "modified by an inplace operation" in explorer.outcome.value
    assert explorer.step.error == explorer.steps[4].snapshot.backward_error  # predicted one step earlier
    explorer.slider.value = 1
    assert "modified by an inplace operation" not in explorer.outcome.value


def test_an_empty_script_says_so():
    explorer = StepThrough("")
    assert explorer.slider.disabled and "empty" in explorer.outcome.value


def test_storage_explorer_marks_what_a_write_reached():
    explorer = StorageExplorer("a = torch.zeros(4)\nb = a\nc = a.clone()\nd = a[1:]\nd.fill_(1)\n")
    explorer.slider.value = 4
    quiet = svg(explorer)
    explorer.slider.value = 5
    loud = svg(explorer)
    assert quiet != loud and b"changed" in loud and b"changed" not in quiet
    assert b"c  \xe2\x86\x90 changed" not in loud and b"b is a  \xe2\x86\x90 changed" in loud


def test_module_explorer_steps_through_the_order_and_resets_on_a_new_order():
    shared = torch.nn.Linear(2, 2)
    explorer = ModuleExplorer(torch.nn.Sequential(shared, torch.nn.ReLU(), shared))
    assert explorer.slider.max == 3  # the shared Linear is visited once
    start = svg(explorer)
    explorer.slider.value = 2
    assert svg(explorer) != start and "<code>Linear</code>" in explorer.yields.value
    explorer.order.value = "named_children()"
    assert explorer.slider.value == 0 and explorer.slider.max == 2
    assert "<code>0.weight</code>" in explorer.state_keys.value and "2.weight" in explorer.state_keys.value


def test_pipeline_sliders_redraw_with_the_new_bubble():
    explorer = PipelineExplorer(stages=2, micro_batches=2)
    before = svg(explorer)
    assert b"33.3%" in before  # (p-1)/(m+p-1) = 1/3
    explorer.micro_batches.value = 8
    after = svg(explorer)
    assert after != before and b"11.1%" in after


def test_the_highlighted_line_is_the_one_just_run_even_in_a_triple_quoted_script():
    explorer = StepThrough("\n" + STALE_SCRIPT)
    explorer.slider.value = 4
    highlighted = [line for line in explorer.code.value.split("<div") if "background:#fdd0a2" in line]
    assert len(highlighted) == 1 and "b.add_(1)" in highlighted[0]


LESSON_00_SCRIPT = """
x = torch.randn(4, 3)
w = torch.randn(3, 5, requires_grad=True)
h = torch.sigmoid(x @ w)
h -= h.mean()
loss = (h ** 2).mean()
loss.backward()
"""


def svg_size(explorer) -> tuple[str, str]:
    """The picture's width and height as the SVG states them."""
    head = svg(explorer).split(b">", 3)[2]
    return re.search(rb'width="([\d.]+)pt"', head).group(1), re.search(rb'height="([\d.]+)pt"', head).group(1)


@pytest.mark.parametrize("make", [
    lambda: StepThrough(LESSON_00_SCRIPT),
    lambda: StepThrough(STALE_SCRIPT),
    lambda: StorageExplorer("a = torch.zeros(4)\nb = a[1:]\nc = a.clone()\nb.fill_(1)\n"),
])
def test_stepping_keeps_the_picture_one_size_so_the_output_does_not_jump(make):
    explorer = make()
    sizes = set()
    for value in range(explorer.slider.max + 1):
        explorer.slider.value = value
        sizes.add((svg_size(explorer), explorer.picture.layout.width))
    assert len(sizes) == 1, sizes


def test_picking_another_case_keeps_the_picture_one_size():
    explorer = GraphExplorer(two_cases())
    first = svg_size(explorer)
    explorer.picker.value = "a product"
    assert svg_size(explorer) == first


def test_the_step_through_header_is_as_tall_whatever_the_step_printed_or_raised():
    """Slider, outcome and listing sit above the picture in a header of fixed height."""
    explorer = StepThrough(STALE_SCRIPT)
    header = explorer.children[0]
    assert explorer.children.index(explorer.picture) == 1 and header.layout.height.endswith("px")
    assert explorer.slider in header.children[0].children and explorer.code in header.children
    assert explorer.outcome.layout.overflow == "auto"  # a long error scrolls inside, it does not grow the header


def test_a_presenter_scales_every_picture_with_one_line():
    explorer = StepThrough(STALE_SCRIPT)
    width = int(explorer.picture.layout.width.removesuffix("px"))
    png = show_graph({"w": torch.ones(2, requires_grad=True)}).data
    try:
        pitfalls.set_scale(1.5)
        bigger = StepThrough(STALE_SCRIPT)
        assert int(bigger.picture.layout.width.removesuffix("px")) == pytest.approx(1.5 * width, abs=1)
        assert png_width(show_graph({"w": torch.ones(2, requires_grad=True)}).data) == pytest.approx(
            1.5 * png_width(png), rel=0.02)
    finally:
        pitfalls.set_scale(1)


def png_width(png: bytes) -> int:
    return int.from_bytes(png[16:20], "big")


def test_the_scale_can_come_from_the_environment_and_a_wrong_one_is_refused(monkeypatch):
    monkeypatch.setenv("PITFALLS_SCALE", "1.25")
    try:
        render._scale_from_environment()
        assert render.scale() == 1.25
    finally:
        pitfalls.set_scale(1)
    with pytest.raises(ValueError, match="between 0.25 and 4"):
        pitfalls.set_scale(0)
    monkeypatch.setenv("PITFALLS_SCALE", "big")
    with pytest.warns(UserWarning, match="PITFALLS_SCALE='big' ignored"):
        render._scale_from_environment()
    assert render.scale() == 1
