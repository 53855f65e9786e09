"""QR codes for the young people's link, made on the server with segno (no JavaScript, no
third-party service): SVG to show and print, PNG for slides and documents."""

import io

import segno

QR_KINDS = {"svg": "image/svg+xml", "png": "image/png"}


def qr_code(url: str, kind: str) -> bytes:
    buffer = io.BytesIO()
    code = segno.make(url, error="m")
    if kind == "svg":
        code.save(buffer, kind="svg", scale=8, border=4, xmldecl=False, title="QR code for the feedback form")
    else:
        code.save(buffer, kind="png", scale=10, border=4)
    return buffer.getvalue()
