"""Tiny valid PDF files written in code, so that demo documents need no binary files."""

PAGE_SIZE = (595, 842)  # A4, in points


def escaped(line):
    """`line` as a PDF string literal (Windows-1252, as the font's encoding says)."""
    text = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return "(" + text + ")"


def tiny_pdf(lines):
    """A one-page PDF showing `lines` of text in Helvetica, as bytes."""
    text = " ".join(f"{escaped(line)} '" for line in lines)
    content = f"BT /F1 14 Tf 72 780 Td 20 TL {text} ET".encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] " % PAGE_SIZE
        + b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)
