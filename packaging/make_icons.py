"""Icons for the installers, rendered from the one SVG original (build outputs, not kept
in git): PNG sizes for Linux, .ico for Windows, .icns for macOS."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent / "icons"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def main() -> int:
    app = QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(HERE / "leaddesk.svg"))
    pngs = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        target = HERE / f"leaddesk-{size}.png"
        image.save(str(target))
        pngs.append(target)
    biggest = Image.open(pngs[-1])
    biggest.save(HERE / "leaddesk.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    biggest.save(HERE / "leaddesk.icns")
    del app
    print(f"icons written to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
