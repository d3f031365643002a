"""Plane geometry for the picture tests: does a drawn line pass through a box, do two lines cross."""

from __future__ import annotations

from itertools import pairwise

from matplotlib.path import Path

Point = tuple[float, float]
Rect = tuple[float, float, float, float]  # x0, y0, x1, y1


def flatten(path: Path) -> list[list[Point]]:
    """A path's pieces (one per MOVETO) as polylines, Bézier curves cut into short straight segments."""
    return [[(float(x), float(y)) for x, y in piece] for piece in path.to_polygons(closed_only=False)]


def pieces(path: Path) -> list[Path]:
    """Split a compound path at each MOVETO, keeping its curves."""
    found: list[tuple[list, list]] = []
    for vertices, code in path.iter_segments(simplify=False, curves=True):
        if code == Path.MOVETO:
            found.append(([], []))
        points = list(zip(vertices[::2], vertices[1::2], strict=True))
        found[-1][0].extend(points)
        found[-1][1].extend([code] * len(points))
    return [Path(vertices, codes) for vertices, codes in found]


def segment_enters(p: Point, q: Point, rect: Rect, inset: float = 1e-6) -> bool:
    """Whether the segment pq passes through the inside of rect (touching its border does not count)."""
    x0, y0, x1, y1 = rect[0] + inset, rect[1] + inset, rect[2] - inset, rect[3] - inset
    if x0 >= x1 or y0 >= y1:
        return False
    dx, dy = q[0] - p[0], q[1] - p[1]
    low, high = 0.0, 1.0
    for step, room in ((-dx, p[0] - x0), (dx, x1 - p[0]), (-dy, p[1] - y0), (dy, y1 - p[1])):
        if step == 0:
            if room < 0:
                return False
        elif step < 0:
            low = max(low, room / step)
        else:
            high = min(high, room / step)
    return low <= high


def polyline_enters(line: list[Point], rect: Rect) -> bool:
    return any(segment_enters(p, q, rect) for p, q in pairwise(line))


def crosses(a: list[Point], b: list[Point]) -> bool:
    """Whether two polylines cross properly (touching or sharing an end does not count)."""
    def side(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return any(side(p, q, r) * side(p, q, s) < 0 and side(r, s, p) * side(r, s, q) < 0
               for p, q in pairwise(a) for r, s in pairwise(b))


def inside(inner: Rect, outer: Rect, slack: float = 0.0) -> bool:
    return (inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack
            and inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)
