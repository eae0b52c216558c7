"""Attachments as data: a stranger's file name made safe to show and to save under, and
sizes as people read them."""

import re
import unicodedata
from pathlib import PurePosixPath, PureWindowsPath

NAME_LENGTH = 200  # characters of a name kept (the table holds 255)
# Names Windows gives to devices in any folder, with any extension ("CON.txt", "com1.jpg")
_DEVICES = re.compile(r"^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(?:\..*)?$",
                      re.IGNORECASE)
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]')


def safe_name(name: str, fallback: str = "attachment") -> str:
    """A file name a buyer gave, as LeadDesk shows it and saves a copy under: the last part
    of any path it spells ("../../etc/passwd" is "passwd"), without control or direction
    characters or what a file system refuses, never a device name, never hidden, never
    empty. It is never joined to a folder unless it went through here."""
    text = unicodedata.normalize("NFC", name)
    text = PureWindowsPath(PurePosixPath(text.replace("\\", "/")).name).name
    text = _UNSAFE.sub("_", text).strip(" .")
    if _DEVICES.match(text):
        text = "_" + text
    if len(text) > NAME_LENGTH:  # keep the extension, which tells the viewer what it is
        stem, dot, extension = text.rpartition(".")
        extension = extension[:16] if dot else ""
        text = (stem if dot else text)[:NAME_LENGTH - len(extension) - 1] + (dot and "." + extension)
    return text or fallback


def readable_size(size: int) -> str:
    """Bytes as people read them: 912 B, 48 KB, 3.4 MB, 1.2 GB."""
    if size < 1024:
        return f"{size} B"
    for unit, scale in (("KB", 1 << 10), ("MB", 1 << 20), ("GB", 1 << 30)):
        if size < scale * 1024 or unit == "GB":
            value = size / scale
            return f"{value:.0f} {unit}" if value >= 10 else f"{value:.1f} {unit}"
    return f"{size} B"  # not reached


# What a system "open" would run rather than show: such a file is only saved, never opened
_RUNNABLE = frozenset(
    "exe com bat cmd msi msp scr pif cpl hta jar js jse vbs vbe wsf wsh ps1 psm1 lnk url reg "
    "inf sh bash zsh command app run bin desktop appimage deb rpm py pyw pl rb php dll so dylib "
    "apk iso img vhd docm xlsm pptm".split())


def openable(name: str) -> bool:
    """Whether a file may be handed to the system's viewer: anything the system would
    run (a program, a script, a shortcut, a macro document) is only saved."""
    _, dot, extension = name.rpartition(".")
    return not dot or extension.lower() not in _RUNNABLE
