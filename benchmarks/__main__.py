"""`make bench`: every benchmark, printing tables and writing JSON to benchmarks/results/."""

import argparse

from benchmarks import demo_desk, exports, imports, mail_sync, memory, responsiveness, search, window


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--messages", type=int, default=1_000_000,
                        help="size of the synthetic desk (default 1,000,000)")
    parser.add_argument("--only", choices=["demo", "imports", "mail", "memory", "search", "exports",
                                           "window", "responsiveness"],
                        help="run one benchmark")
    args = parser.parse_args()
    # The demo desk goes last: writing two gigabytes leaves the disk busy flushing for a
    # while, which the timings after it would measure too.
    if args.only in (None, "search"):
        search.run(args.messages)
    if args.only in (None, "exports"):
        exports.run()
    if args.only in (None, "window"):
        window.run(args.messages)
    if args.only in (None, "responsiveness"):
        responsiveness.run(args.messages)
    if args.only in (None, "imports"):
        imports.run()
    if args.only in (None, "mail"):
        mail_sync.run()
    if args.only in (None, "memory"):
        memory.run()
    if args.only in (None, "demo"):
        demo_desk.run(args.messages)


if __name__ == "__main__":
    main()
