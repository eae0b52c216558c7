"""The importers under a few seconds of coverage-guided fuzzing each (`make fuzz` runs
them longer): every input imports or fails with the project's own error naming the file,
and the desk is as it was."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fuzz.targets import ROOT, TARGETS

SECONDS = int(os.environ.get("LEADDESK_FUZZ_SECONDS", "4"))


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_an_importer_survives_fuzzing(name: str, tmp_path: Path) -> None:
    assert TARGETS[name].seed_files(), f"no seed inputs for {name}"
    done = subprocess.run(
        [sys.executable, "-m", "tests.fuzz", name, f"-max_total_time={SECONDS}", "-print_final_stats=1",
         "-max_len=200000", "-timeout=20", "-rss_limit_mb=3000", f"-artifact_prefix={tmp_path}/"],
        cwd=ROOT, capture_output=True, text=True, timeout=SECONDS + 240, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "LEADDESK_DATA_DIR": str(tmp_path / "data")})
    log = "\n".join(line for line in done.stderr.splitlines() if not line.startswith("INFO: Instrumenting"))
    found = re.search(r"stat::number_of_executed_units:\s+(\d+)", log)
    # atheris prints the uncaught exception to stdout, libFuzzer its report to stderr
    finding = done.stdout.partition("=== Uncaught Python exception: ===")[2].strip()
    saved = re.search(r"Test unit written to (\S+)", log)
    assert done.returncode == 0, f"{name}: {finding or log[-3000:]}\ninput: {saved[1] if saved else '?'}"
    assert found and int(found[1]) > 0, log[-2000:]
