"""Static pictures of the plain-data models, as matplotlib figures, PNG bytes and SVG bytes."""

from .graph import graph_figure
from .modtree import module_figure
from .render import png_bytes, svg_bytes
from .schedule import schedule_figure
from .storage import storage_figure

__all__ = ["graph_figure", "module_figure", "png_bytes", "schedule_figure", "storage_figure", "svg_bytes"]
