"""Facts about the running process that the benchmarks and the self-test report."""


def rss_mb() -> float:
    """This process's resident memory now, in MB (Linux; 0.0 where /proc is not)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB. Linux's getrusage() keeps the peak of
    the process that started this one across fork and exec (a child of a 600 MB bench
    reported 600 MB); /proc's VmHWM starts again with the new program."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource  # elsewhere (macOS reports bytes, Linux kB: this is the Linux figure)

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
