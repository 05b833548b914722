#!/usr/bin/env python3
"""Draws images/icon.png (128x128): a mesh of three nodes on a rounded square.

Standard library only (zlib + struct), so it runs anywhere python3 does; shapes
are supersampled 4x for smooth edges. Run: python3 images/make-icon.py
"""
import math
import os
import struct
import zlib

SIZE, SS = 128, 4
N = SIZE * SS
BG_TOP, BG_BOTTOM = (24, 52, 86), (14, 30, 52)
LINK, NODE, RING = (110, 200, 190), (240, 248, 250), (110, 200, 190)
NODES = [(40, 42), (92, 50), (60, 94)]


def inside_rounded(x, y, r=26):
    cx = min(max(x, r), SIZE - r)
    cy = min(max(y, r), SIZE - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def seg_dist(px, py, a, b):
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def sample(x, y):
    """Colour (r, g, b, a) at a point in icon coordinates."""
    if not inside_rounded(x, y):
        return (0, 0, 0, 0)
    k = y / SIZE
    col = tuple(int(BG_TOP[i] * (1 - k) + BG_BOTTOM[i] * k) for i in range(3))
    for i, a in enumerate(NODES):
        for b in NODES[i + 1:]:
            if seg_dist(x, y, a, b) <= 4.0:
                col = LINK
    for (cx, cy) in NODES:
        d = math.hypot(x - cx, y - cy)
        if d <= 15:
            col = RING
        if d <= 11:
            col = NODE
    return col + (255,)


def main():
    rows = []
    for y in range(SIZE):
        row = bytearray([0])  # PNG filter type 0 for each scanline
        for x in range(SIZE):
            acc = [0, 0, 0, 0]
            for sy in range(SS):
                for sx in range(SS):
                    c = sample(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS)
                    for i in range(3):
                        acc[i] += c[i] * c[3]
                    acc[3] += c[3]
            a = acc[3] / (SS * SS)
            rgb = [int(acc[i] / acc[3]) if acc[3] else 0 for i in range(3)]
            row += bytes(rgb + [int(round(a))])
        rows.append(bytes(row))

    def chunk(tag, data):
        return struct.pack('>I', len(data)) + tag + data + struct.pack('>I', zlib.crc32(tag + data) & 0xFFFFFFFF)

    png = b'\x89PNG\r\n\x1a\n'
    png += chunk(b'IHDR', struct.pack('>IIBBBBB', SIZE, SIZE, 8, 6, 0, 0, 0))
    png += chunk(b'IDAT', zlib.compress(b''.join(rows), 9))
    png += chunk(b'IEND', b'')
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'icon.png')
    with open(out, 'wb') as f:
        f.write(png)
    print(f'wrote {out} ({len(png)} bytes)')


if __name__ == '__main__':
    main()
