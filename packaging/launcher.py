"""The frozen app's entry point: the same `leaddesk` command line."""

import sys

from leaddesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
