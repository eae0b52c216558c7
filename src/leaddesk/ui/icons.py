"""The window's icons: small SVGs under resources/icons, drawn once each, the views' and
actions' in the palette's text colour (light or dark), the channels' in their own."""

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).parents[1] / "resources" / "icons"
SIZES = (16, 20, 24, 32, 40, 48, 64)  # drawn sharp at 100 % to 200 % scaling, no blur
_made: dict[tuple[str, str], QIcon] = {}
_channels: dict[str, str] = {}


def icon(name: str) -> QIcon:
    """The icon `name` (a file under resources/icons), in the current palette's colours."""
    colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    made = _made.get((name, colour))
    if made is None:
        svg = (ICONS / f"{name}.svg").read_bytes().replace(b"currentColor", colour.encode())
        renderer = QSvgRenderer(QByteArray(svg))
        made = QIcon()
        for size in SIZES:
            image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            renderer.render(painter)
            painter.end()
            made.addPixmap(QPixmap.fromImage(image))
        _made[(name, colour)] = made
    return made


def channel_icon(channel: str) -> QIcon:
    """A channel's mark (whatsapp, wechat, email, site_form, phone; any other one's)."""
    name = _channels.get(channel)
    if name is None:  # looked for once: the inbox asks for every cell it paints
        name = f"channel-{channel}"
        name = _channels[channel] = name if (ICONS / f"{name}.svg").is_file() else "channel-other"
    return icon(name)
