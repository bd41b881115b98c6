"""The default share image: the site's mark as a PNG, drawn at build time in plain Python.

Chat apps and social networks show ``og:image`` beside a shared link, and none of them reads
SVG, so the favicon's winding route (``theme/assets/favicon.svg``: a start, a curve, a goal) is
drawn again as a 1200 by 630 PNG, the size link previews expect. It is drawn here, without an
image library or a font: the title and description travel as text in the OpenGraph tags, and a
PNG needs only ``zlib`` and a checksum. Edges are smoothed by pixel coverage (distance to the
stroke), so the curve is not jagged. The output is the same bytes on every build.
"""

from __future__ import annotations

import itertools
import struct
import zlib
from functools import cache

SHARE_IMAGE = "assets/dela.png"
WIDTH, HEIGHT = 1200, 630
BACKGROUND = (0x00, 0x56, 0x5B)
"""The theme's primary colour (vagar.css, ``--md-primary-fg-color``)."""
ROUTE = (0xFF, 0xFF, 0xFF)
STEPS = (0x8A, 0xD8, 0xDC)
"""The light link colour of the dark scheme: the steps along the way."""

_SCALE = 15.0
"""Pixels per unit of the favicon's 32-unit square."""
_ORIGIN = (WIDTH / 2 - 16 * _SCALE, HEIGHT / 2 - 16 * _SCALE)
# The favicon's path "M7 24 c4-1 5-5 8-8 s6-3 10-8" as two cubic Bézier curves.
_CURVES = (
    ((7.0, 24.0), (11.0, 23.0), (12.0, 19.0), (15.0, 16.0)),
    ((15.0, 16.0), (18.0, 13.0), (21.0, 13.0), (25.0, 8.0)),
)
_STROKE = 3.0
_END_RADIUS = 2.5
_STEP_RADIUS = 1.1
_SAMPLES = 24
"""Straight pieces per curve: at this scale each is a few pixels long."""

Point = tuple[float, float]


def _at(curve: tuple[Point, Point, Point, Point], u: float) -> Point:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = curve
    a, b, c, d = (1 - u) ** 3, 3 * (1 - u) ** 2 * u, 3 * (1 - u) * u**2, u**3
    return (a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3)


def _pixel(point: Point) -> Point:
    return (_ORIGIN[0] + point[0] * _SCALE, _ORIGIN[1] + point[1] * _SCALE)


def _segment_distance(px: float, py: float, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    u = 0.0 if length == 0 else max(0.0, min(1.0, ((px - a[0]) * dx + (py - a[1]) * dy) / length))
    ex, ey = a[0] + u * dx - px, a[1] + u * dy - py
    return float((ex * ex + ey * ey) ** 0.5)


def _cover(layer: dict[tuple[int, int], float], a: Point, b: Point, radius: float) -> None:
    """Add the coverage of a round-capped stroke from ``a`` to ``b`` (pixels) to ``layer``."""
    left, right = int(min(a[0], b[0]) - radius - 1), int(max(a[0], b[0]) + radius + 2)
    top, bottom = int(min(a[1], b[1]) - radius - 1), int(max(a[1], b[1]) + radius + 2)
    for y in range(max(0, top), min(HEIGHT, bottom)):
        for x in range(max(0, left), min(WIDTH, right)):
            coverage = radius + 0.5 - _segment_distance(x + 0.5, y + 0.5, a, b)
            if coverage > 0:
                key = (x, y)
                layer[key] = max(layer.get(key, 0.0), min(1.0, coverage))


def _layers() -> list[tuple[tuple[int, int, int], dict[tuple[int, int], float]]]:
    """The route, then its two ends, then the steps along it, each as pixel coverage."""
    route: dict[tuple[int, int], float] = {}
    points = [_pixel(_at(curve, i / _SAMPLES)) for curve in _CURVES for i in range(_SAMPLES + 1)]
    for a, b in itertools.pairwise(points):
        _cover(route, a, b, _STROKE * _SCALE / 2)
    for end in (_CURVES[0][0], _CURVES[-1][-1]):
        _cover(route, _pixel(end), _pixel(end), _END_RADIUS * _SCALE)
    steps: dict[tuple[int, int], float] = {}
    for curve, u in ((_CURVES[0], 0.55), (_CURVES[1], 0.0), (_CURVES[1], 0.5)):
        centre = _pixel(_at(curve, u))
        _cover(steps, centre, centre, _STEP_RADIUS * _SCALE)
    return [(ROUTE, route), (STEPS, steps)]


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@cache
def share_image() -> bytes:
    """The PNG (8-bit RGB, no interlacing)."""
    pixels = bytearray(bytes(BACKGROUND) * (WIDTH * HEIGHT))
    for colour, layer in _layers():
        for (x, y), alpha in layer.items():
            at = 3 * (y * WIDTH + x)
            for channel in range(3):
                below = pixels[at + channel]
                pixels[at + channel] = round(below + (colour[channel] - below) * alpha)
    row = 3 * WIDTH
    raw = b"".join(b"\x00" + bytes(pixels[y * row : (y + 1) * row]) for y in range(HEIGHT))
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 9))
        + _chunk(b"IEND", b"")
    )
