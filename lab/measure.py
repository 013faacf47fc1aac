#!/usr/bin/env python3
"""Runs a command and reports what it cost: wall seconds and the peak resident set of that
child alone (wait4's rusage; the parent's other children do not count).

    measure.py REPORT_FILE [--kill-after SECONDS] -- COMMAND [ARG...]

--kill-after: a guard for the test, not a measurement: the command is killed (SIGKILL) when
it runs that long, and the report says so with "killed" as a third field.

Stdin, stdout and stderr pass through; exits with the command's status; REPORT_FILE gets
one line "wall_seconds max_rss_kib".
"""
import os, signal, sys, time


def main():
    args = sys.argv[1:]
    report, args = args[0], args[1:]
    kill_after = None
    if args[0] == "--kill-after":
        kill_after, args = float(args[1]), args[2:]
    separator, command = args[0], args[1:]
    assert separator == "--" and command, __doc__
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    killed = []
    if kill_after:
        def guard(signum, frame):
            killed.append(True)
            os.kill(pid, signal.SIGKILL)
        signal.signal(signal.SIGALRM, guard)
        signal.setitimer(signal.ITIMER_REAL, kill_after)
    while True:
        try:
            _, status, usage = os.wait4(pid, 0)
            break
        except InterruptedError:
            continue
    signal.setitimer(signal.ITIMER_REAL, 0)
    wall = time.monotonic() - start
    with open(report, "w") as f:
        f.write("%.3f %d%s\n" % (wall, usage.ru_maxrss, " killed" if killed else ""))
    return os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)


if __name__ == "__main__":
    sys.exit(main())
