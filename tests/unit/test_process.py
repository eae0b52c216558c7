"""The peak memory the benchmarks report is the measured process's own."""

import subprocess
import sys

from leaddesk.process import peak_rss_mb


def test_a_child_reports_its_own_peak_not_its_parents() -> None:
    ballast = bytearray(300 * 2**20)
    ballast[::4096] = b"\x01" * len(ballast[::4096])  # touched, so resident
    assert peak_rss_mb() > 300
    child = subprocess.run([sys.executable, "-c", "from leaddesk.process import peak_rss_mb; "
                            "print(peak_rss_mb())"], capture_output=True, text=True, check=True)
    assert 0 < float(child.stdout) < 150
    del ballast
