#!/usr/bin/env python3
"""Fails unless a PNG screenshot shows something: more than 100 pixel rows
that are not one flat colour (a page that did not render is all white).

    png-not-blank.py <file.png>
"""
import struct
import sys
import zlib

png = open(sys.argv[1], "rb").read()
if png[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("%s: not a PNG" % sys.argv[1])
pos, idat = 8, b""
while pos < len(png):
    size, kind = struct.unpack(">I4s", png[pos:pos + 8])
    if kind == b"IDAT":
        idat += png[pos + 8:pos + 8 + size]
    pos += 12 + size
raw = zlib.decompress(idat)
stride = len(raw) // struct.unpack(">I", png[20:24])[0]
# Each row starts with its filter byte; a flat row is one value after it.
busy = sum(1 for r in range(0, len(raw), stride)
           if len(set(raw[r + 1:r + stride])) > 2)
if busy <= 100:
    sys.exit("%s: blank (%d rows show anything)" % (sys.argv[1], busy))
