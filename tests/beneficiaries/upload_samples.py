"""Files a phone, a careless export or an attacker might upload, built in memory."""

import io
import struct
import zlib

from PIL import Image as PILImage

from tests.beneficiaries.test_photos import phone_photo

MB = 1024 * 1024


def encode(image: PILImage.Image, fmt: str, **kwargs) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **kwargs)
    return buffer.getvalue()


def noise(size=(160, 120)) -> PILImage.Image:
    return PILImage.frombytes("RGB", size, bytes((i * 37 + i // 7) % 256 for i in range(size[0] * size[1] * 3)))


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def png_with_header(data: bytes, *, width: int, height: int) -> bytes:
    """A real PNG whose IHDR now claims another size (checksum fixed, so only the size lies)."""
    ihdr = data[8 + 8 : 8 + 8 + 13]
    patched = struct.pack(">II", width, height) + ihdr[8:]
    return data[:8] + _chunk(b"IHDR", patched) + data[8 + 25 :]


def png_bomb(side: int = 20000) -> bytes:
    """An honest 1-bit PNG of side x side pixels: a few kilobytes that decode to hundreds of megapixels."""
    row = b"\0" + b"\0" * ((side + 7) // 8)
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row * 1000) for _ in range(side // 1000)) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", body) + _chunk(b"IEND", b"")


def accepted() -> dict[str, tuple[str, bytes]]:
    sixteen = PILImage.new("I;16", (40, 30), 0x8080)
    palette = PILImage.new("P", (40, 30), 1)
    palette.putpalette([255, 255, 255, 200, 30, 30] + [0] * 762)
    palette.paste(0, (0, 0, 20, 30))
    return {
        "phone JPEG with GPS": ("IMG_2041 Aysel home.jpg", phone_photo()),
        "PNG": ("bowl.png", encode(noise(), "PNG")),
        "WebP": ("rug.webp", encode(noise(), "WEBP", quality=80)),
        "16-bit grey PNG": ("scan16.png", encode(sixteen, "PNG")),
        "CMYK JPEG": ("print.jpg", encode(PILImage.new("CMYK", (40, 30), (0, 255, 255, 0)), "JPEG")),
        "palette PNG with transparency": ("logo.png", encode(palette, "PNG", transparency=0)),
        "RGBA PNG": ("glass.png", encode(PILImage.new("RGBA", (40, 30), (20, 90, 200, 128)), "PNG")),
    }


def refused() -> dict[str, tuple[str, bytes, str]]:
    """name -> (file name, bytes, what the error message must say)."""
    jpeg = encode(noise((400, 300)), "JPEG", quality=95)
    png = encode(noise((400, 300)), "PNG")
    small_png = encode(noise((64, 48)), "PNG")
    return {
        "over 15 MB": ("huge.jpg", jpeg + b"\0" * (16 * MB - len(jpeg)), "at most 15.0 MB"),
        "over 40 megapixels": ("wide.png", encode(PILImage.new("L", (8000, 5001), 128), "PNG"), "40 megapixels"),
        "decompression bomb": ("bomb.png", png_bomb(), "40 megapixels"),
        "header claims 20000x20000": (
            "liar.png",
            png_with_header(small_png, width=20000, height=20000),
            "40 megapixels",
        ),
        "header claims a bigger picture": ("liar2.png", png_with_header(small_png, width=640, height=480), "damaged"),
        "truncated JPEG": ("cut.jpg", jpeg[: len(jpeg) // 2], "damaged"),
        "truncated PNG": ("cut.png", png[: len(png) // 2], "damaged"),
        "GIF named .png": ("anim.png", encode(PILImage.new("P", (20, 20)), "GIF"), "JPEG, PNG and WebP"),
        "BMP named .jpg": ("old.jpg", encode(PILImage.new("RGB", (20, 20)), "BMP"), "JPEG, PNG and WebP"),
        "PDF named .jpg": ("scan.jpg", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", "JPEG, PNG and WebP"),
        "SVG named .png": ("icon.png", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "JPEG, PNG and WebP"),
    }
