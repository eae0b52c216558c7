"""Running the command line in-process, as a script would from a shell."""

import pytest

from leaddesk.__main__ import main


def leaddesk(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of one `leaddesk` run."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
