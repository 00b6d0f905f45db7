"""Small, valid PDF files written byte by byte: a text page, a scanned page, an encrypted one.

Written here rather than shipped so a test shows exactly what the file holds. Text is drawn
with Helvetica in WinAnsiEncoding, so French accents are real PDF text, as a newspaper's are.
"""

from __future__ import annotations

import zlib


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _assemble(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 2 0 R " % (len(objects) + 1)
    out += trailer_extra + b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def text_pdf(pages: list[list[str]], *, title: str = "", author: str = "") -> bytes:
    """A PDF whose pages hold these lines of text (one text line per string)."""
    count = len(pages)
    kids = b" ".join(b"%d 0 R" % (5 + 2 * index) for index in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 3 0 R >>",
        b"<< /Title " + _pdf_string(title) + b" /Author " + _pdf_string(author) + b" >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for lines in pages:
        ops = b"BT /F1 11 Tf 14 TL 56 780 Td "
        ops += b" ".join(_pdf_string(line) + b" Tj T*" for line in lines) + b" ET"
        page_number = len(objects) + 1
        objects.append(
            b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R"
            b" >> >> /Contents %d 0 R >>" % (page_number + 1)
        )
        objects.append(_stream(ops))
    return _assemble(objects)


def scanned_pdf() -> bytes:
    """A page that is only an image (a grey scan), with no text layer."""
    pixels = zlib.compress(bytes([200]) * (64 * 64))
    image = _stream(
        pixels,
        b"/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode ",
    )
    objects = [
        b"<< /Type /Catalog /Pages 3 0 R >>",
        b"<< /Title (scan) >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1"
        b" 6 0 R >> >> /Contents 5 0 R >>",
        _stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
        image,
    ]
    return _assemble(objects)
