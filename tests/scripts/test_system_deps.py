"""The Debian packages `make run` installs are every one Qt's xcb platform plugin needs:
each library the plugin loads (ldd) is found, and comes from a listed package or from
one a listed package depends on."""

import re
import subprocess
from functools import cache
from pathlib import Path

import PySide6
import pytest

ROOT = Path(__file__).resolve().parents[2]
QT = Path(PySide6.__file__).parent / "Qt"
XCB = [QT / "plugins" / "platforms" / "libqxcb.so", QT / "lib" / "libQt6XcbQpa.so.6"]


def listed(kind: str) -> list[str]:
    done = subprocess.run(["bash", str(ROOT / "scripts" / "system-deps.sh"), "--list", kind],
                          capture_output=True, text=True, check=True)
    return done.stdout.split()


def libraries(binary: Path) -> dict[str, str | None]:
    """What the dynamic loader finds for each library `binary` needs (None: not found)."""
    found: dict[str, str | None] = {}
    done = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True)
    for line in done.stdout.splitlines():
        name, arrow, where = line.strip().partition(" => ")
        if arrow:
            found[name] = None if where.startswith("not found") else where.split(" (")[0]
    return found


def owners(libraries: list[str]) -> set[str]:
    """The packages the libraries come from (dpkg knows a file by the path it unpacked, so
    both the path and where its symlinks lead are asked, in one call)."""
    asked = {*libraries, *(str(Path(library).resolve()) for library in libraries)}
    done = subprocess.run(["dpkg-query", "-S", *sorted(asked)], capture_output=True, text=True)
    found = {line.rsplit(": ", 1)[1]: line.split(":")[0] for line in done.stdout.splitlines()}
    unowned = [library for library in libraries
               if library not in found and str(Path(library).resolve()) not in found]
    assert not unowned, f"no Debian package holds {unowned}"
    return set(found.values())


@cache
def installed() -> dict[str, frozenset[str]]:
    """Every installed package and the packages it needs, as dpkg records them (one call)."""
    done = subprocess.run(["dpkg-query", "-W", "-f=${Package}\t${Depends}, ${Pre-Depends}\n"],
                          capture_output=True, text=True, check=True)
    needs: dict[str, frozenset[str]] = {}
    for line in done.stdout.splitlines():
        package, _, wanted = line.partition("\t")
        needs[package] = frozenset(re.findall(r"(?:^|[,|]\s*)([a-z0-9][a-z0-9+.-]*)", wanted))
    return needs


def reached(packages: list[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(packages)
    while todo:
        package = todo.pop()
        if package not in seen:
            seen.add(package)
            todo += installed().get(package, frozenset())
    return seen


@pytest.mark.parametrize("binary", XCB, ids=lambda path: path.name)
def test_every_library_the_xcb_plugin_loads_is_installed_by_the_list(binary: Path) -> None:
    found = libraries(binary)
    missing = sorted(name for name, where in found.items() if where is None)
    assert not missing, f"not installed by scripts/system-deps.sh: {missing}"
    ours = reached(listed("window"))
    unlisted = owners([where for where in found.values() if where and not where.startswith(str(QT))]) - ours
    assert not unlisted, f"add to the window list of scripts/system-deps.sh: {sorted(unlisted)}"


def test_the_list_names_real_packages() -> None:
    for package in listed("window") + listed("suite"):
        assert re.fullmatch(r"[a-z0-9][a-z0-9+.-]+", package)
