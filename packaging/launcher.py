"""The frozen app's entry point: the same `leaddesk` command line."""

import multiprocessing
import sys

from leaddesk.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a big import runs in a process of its own (services/apart.py)
    sys.exit(main())
