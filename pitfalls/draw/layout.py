"""Where each box of a layered graph goes, and which way each edge runs so that it misses every box.

igraph's Sugiyama layout puts the boxes in rows and orders each row to cut crossings; an edge that
spans several rows gets a dummy point in each row it passes. Here the rows get the boxes' real
sizes, and every edge is routed straight down inside a row (leaving its source below the source's
middle, passing a row at its own dummy point, which the row keeps clear) and bends only in the gaps
between rows, where no box is. So no edge can pass through a box, which `tests/test_draw.py` checks
on every graph the lessons draw. Units are inches; y grows downwards, row 0 on top.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import igraph

Point = tuple[float, float]

GAP_X = 0.3  # between two boxes of a row
CLEAR = 0.12  # between an edge passing a row and the boxes beside it
GAP_Y = 0.5  # between rows: room for the bends and the arrowheads
SLOT = 0.6  # igraph's unit step within a row, before rows make room for the boxes' widths
SWEEPS = 6  # down and up over the rows, aligning each item with what it links to
PORTS = 0.6  # the middle part of a box's bottom (top) edge that its outgoing (incoming) edges share


@dataclass(frozen=True)
class Box:
    x: float  # centre
    y: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.y - self.height / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height / 2


@dataclass(frozen=True)
class Route:
    """One edge: from a port on its source's bottom to a port on its target's top.

    Consecutive points alternate between a row's top and bottom: the parts inside a row are
    vertical, the parts from one row's bottom to the next row's top cross a gap and may bend.
    """

    source: str
    target: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Layered:
    boxes: dict[str, Box]
    routes: tuple[Route, ...]
    width: float
    height: float


def rows(nodes: Sequence[str], edges: Sequence[tuple[str, str]]) -> dict[str, int]:
    """Each node one row below its deepest input; an input one row above its first use, not on top."""
    index = {n: i for i, n in enumerate(nodes)}
    graph = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in edges], directed=True)
    row = dict.fromkeys(nodes, 0)
    for i in graph.topological_sorting():
        for j in graph.successors(i):
            row[nodes[j]] = max(row[nodes[j]], row[nodes[i]] + 1)
    for i, node in enumerate(nodes):
        if graph.indegree(i) == 0 and graph.outdegree(i):
            row[node] = min(row[nodes[j]] for j in graph.successors(i)) - 1
    return row


def spread(desired: Sequence[float], gaps: Sequence[float], weights: Sequence[float] | None = None) -> list[float]:
    """Positions as close as possible to `desired` (least squares, each weighted), kept in order, each
    at least `gaps[i - 1]` right of the one before: pool-adjacent-violators over the gaps' running sum."""
    weights = weights or [1.0] * len(desired)
    offsets = [0.0]
    for gap in gaps:
        offsets.append(offsets[-1] + gap)
    blocks: list[list[float]] = []  # [weighted mean, weight, count] of pooled targets
    for target, weight in zip((d - o for d, o in zip(desired, offsets, strict=True)), weights, strict=True):
        blocks.append([target, weight, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, weight, count = blocks.pop()
            before = blocks[-1]
            total = before[1] + weight
            blocks[-1] = [(before[0] * before[1] + mean * weight) / total, total, before[2] + count]
    pooled = [mean for mean, _, count in blocks for _ in range(int(count))]
    return [p + o for p, o in zip(pooled, offsets, strict=True)]


def layered(sizes: dict[str, tuple[float, float]], edges: Sequence[tuple[str, str]]) -> Layered:
    """Boxes of the given (width, height) in rows, and each edge's route around them."""
    if not sizes:
        return Layered({}, (), 0.0, 0.0)
    row = rows(list(sizes), edges)
    # A long edge becomes a chain through one dummy point per row it passes, so igraph orders the
    # rows with every edge spanning one row (its own routing of long edges is not used).
    half: dict[object, float] = {n: w / 2 for n, (w, _) in sizes.items()}
    chains = []
    for e, (a, b) in enumerate(edges):
        passes = [(e, r) for r in range(row[a] + 1, row[b])]
        half.update(dict.fromkeys(passes, 0.0))
        row.update({p: p[1] for p in passes})
        chains.append([a, *passes, b])
    keys = list(half)
    index = {k: i for i, k in enumerate(keys)}
    links = [(u, v) for chain in chains for u, v in pairwise(chain)]
    placed = igraph.Graph(n=len(keys), edges=[(index[u], index[v]) for u, v in links], directed=True
                          ).layout_sugiyama(layers=[row[k] for k in keys], maxiter=200)
    depth = max(row.values()) + 1
    members = [sorted((k for k in keys if row[k] == r), key=lambda k: placed.coords[index[k]][0])
               for r in range(depth)]
    x = _columns(members, links, half, {k: placed.coords[index[k]][0] * SLOT for k in keys},
                 inputs=set(sizes) - {b for _, b in edges})

    left = min(x[k] - half[k] for k in keys)
    band = [max((sizes[n][1] for n in sizes if row[n] == r), default=0.0) for r in range(depth)]
    tops = [sum(band[:r]) + GAP_Y * r for r in range(depth)]
    boxes = {n: Box(x[n] - left, tops[row[n]] + band[row[n]] / 2, *sizes[n]) for n in sizes}
    paths = []
    for chain in chains:
        a, *passes, b = chain
        points = [(boxes[a].x, boxes[a].bottom), (boxes[a].x, tops[row[a]] + band[row[a]])]
        for p in passes:
            points += [(x[p] - left, tops[row[p]]), (x[p] - left, tops[row[p]] + band[row[p]])]
        points += [(boxes[b].x, tops[row[b]]), (boxes[b].x, boxes[b].top)]
        paths.append(points)
    _share_ports(paths, edges, boxes)
    width = max(x[k] - left + half[k] for k in keys)
    return Layered(boxes, tuple(Route(a, b, tuple(p)) for (a, b), p in zip(edges, paths, strict=True)),
                   width, tops[-1] + band[-1])


def _columns(members: list[list], links: list[tuple], half: dict, x: dict, inputs: set) -> dict:
    """x of every box and dummy point: each row kept in igraph's order and clear of overlaps, each
    item pulled under (over) the items it links to, as dot does: long edges (dummies) pulled hardest
    so they run straight, inputs (leaves) hardly at all, so they sit beside the op that uses them
    instead of dragging the main line sideways."""
    def weight(k) -> float:
        return 0.001 if k in inputs else 1.0 if half[k] else 4.0

    above: dict[object, list] = {k: [] for k in x}
    below: dict[object, list] = {k: [] for k in x}
    for u, v in links:
        above[v].append(u)
        below[u].append(v)
    gaps = [[half[a] + half[b] + (GAP_X if half[a] and half[b] else CLEAR) for a, b in pairwise(row)]
            for row in members]
    x = dict(x)
    order = list(range(len(members)))
    for sweep in range(SWEEPS):
        towards = above if sweep % 2 == 0 else below
        for r in order if sweep % 2 == 0 else order[::-1]:
            desired = []
            for k in members[r]:
                pulls = [(x[n], weight(n) * weight(k)) for n in towards[k]]
                total = sum(w for _, w in pulls)
                desired.append(sum(p * w for p, w in pulls) / total if pulls else x[k])
            x.update(zip(members[r], spread(desired, gaps[r], [weight(k) for k in members[r]]), strict=True))
    return x


def _share_ports(paths: list[list[Point]], edges: Sequence[tuple[str, str]], boxes: dict[str, Box]) -> None:
    """Spread the edges leaving (entering) one box along its bottom (top), in the order of where
    they go (come from), so they fan out instead of meeting in one point, and do not cross there."""
    for end, moved, towards in ((0, (0, 1), 2), (1, (-1, -2), -3)):  # sources' bottoms, targets' tops
        by_box: dict[str, list[int]] = {}
        for e, edge in enumerate(edges):
            by_box.setdefault(edge[end], []).append(e)
        for node, mine in by_box.items():
            box = boxes[node]
            mine.sort(key=lambda e: paths[e][towards][0])
            for i, e in enumerate(mine):
                port = box.x + box.width * PORTS * ((i + 0.5) / len(mine) - 0.5)
                for j in moved:
                    paths[e][j] = (port, paths[e][j][1])
