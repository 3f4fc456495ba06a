#!/usr/bin/env python3
"""Time from process start to the first frame of cable's library screen.

Runs the real binary in a pseudo-terminal, as a person's terminal would,
and measures, from just before the process is started:

  first byte   the first bytes cable writes (its terminal queries);
  first frame  the first bytes of the first frame: the first output that
               holds visible text once escape sequences are taken out
               (with --marker, the first output holding that text).

It answers the terminal queries cable makes (the background colour, OSC
11, and the cursor position, DSR 6) at once, as a terminal does; without
an answer cable would wait for its time-out. It also reports the peak
memory (VmHWM) and the CPU time of all its threads (schedstat) when the
frame arrived (0 when it had already exited, as with --version): on a
machine shared with other work, the CPU time moves much less than the
wall time.

Every run uses the same fresh XDG directories (state, data, config,
cache) in a temporary directory, so nothing of the user's is read or
written. The first run creates the database and is reported apart; the
others are warm, and their median is the figure.

Usage:
  go build -o /tmp/cable-ff . && python3 scripts/firstframe/firstframe.py /tmp/cable-ff
  python3 scripts/firstframe/firstframe.py --runs 15 --cols 120 --rows 40 /tmp/cable-ff
  python3 scripts/firstframe/firstframe.py --timeout 120 /tmp/cable-ff -- --library /tmp/lib10k
  python3 scripts/firstframe/firstframe.py /tmp/cable-ff -- --version   # the floor
  python3 scripts/firstframe/firstframe.py --home /tmp/h10k /tmp/cable-ff -- --library /tmp/lib10k

With --home the XDG directories are those below that directory, kept
between calls, so that a large library is indexed once (by a first call
or a "cable list" with the same XDG_*_HOME) and every run after is warm.

Arguments after "--" go to cable. Only the bundled articles are listed
unless they say more (the library directory is the empty one in the
temporary XDG data directory). With "-- --version" the "frame" is the
version line: the time any cable command needs to print anything. After
each frame, cable is sent "q" and, if it has not left within two seconds,
SIGKILL.
"""

import argparse
import fcntl
import os
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ESCAPES = re.compile(rb"\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[@-_]")


def visible(data):
    """The text of data without escape sequences and control characters."""
    text = ESCAPES.sub(b"", data)
    return bytes(c for c in text if c >= 0x20 and c != 0x7F).strip()


def answer(master, data):
    """Answer the terminal queries in data as a terminal would."""
    if re.search(rb"\x1b\]11;\?", data):
        os.write(master, b"\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\")
    if re.search(rb"\x1b\]10;\?", data):
        os.write(master, b"\x1b]10;rgb:dddd/dddd/dddd\x1b\\")
    if b"\x1b[6n" in data:
        os.write(master, b"\x1b[1;1R")


def peak_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_ms(pid):
    """The CPU time of every thread of the process so far, in ms (0 when
    it has exited): the figure that other work on the machine moves
    least."""
    total = 0
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                total += int(f.read().split()[0])
    except OSError:
        return 0
    return total / 1e6


def one_run(argv, env, cols, rows, marker, timeout):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def child_setup():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave,
                            preexec_fn=child_setup, env=env, close_fds=True)
    os.close(slave)
    first_byte = first_frame = None
    peak = cpu = 0
    seen = b""
    deadline = start + timeout
    try:
        while first_frame is None and time.perf_counter() < deadline:
            ready, _, _ = select.select([master], [], [], 0.01)
            if not ready:
                continue
            try:
                data = os.read(master, 1 << 16)
            except OSError:
                break
            now = time.perf_counter()
            if not data:
                break
            if first_byte is None:
                first_byte = now
            answer(master, data)
            seen += data
            if (marker.encode() in seen) if marker else visible(data):
                first_frame = now
                peak = peak_kb(proc.pid)
                cpu = cpu_ms(proc.pid)
    finally:
        try:
            os.write(master, b"q")
            proc.wait(timeout=2)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()
        os.close(master)
    if first_frame is None:
        sys.exit(f"no frame within {timeout} s; output so far: {seen[:500]!r}")
    return (first_byte - start) * 1000, (first_frame - start) * 1000, peak, cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=11, help="warm runs (default 11)")
    ap.add_argument("--cols", type=int, default=100)
    ap.add_argument("--rows", type=int, default=30)
    ap.add_argument("--marker", default="", help="text that marks the first frame (default: any visible text)")
    ap.add_argument("--timeout", type=float, default=10, help="seconds to wait for a frame")
    ap.add_argument("--home", default="", help="XDG directories to use and keep (default: fresh ones, removed after)")
    ap.add_argument("binary")
    ap.add_argument("args", nargs="*")
    opts = ap.parse_args()

    work = opts.home or tempfile.mkdtemp(prefix="cable-firstframe-")
    try:
        env = dict(os.environ, TERM="xterm-256color", COLORTERM="truecolor")
        for name in ("STATE", "DATA", "CONFIG", "CACHE"):
            env[f"XDG_{name}_HOME"] = os.path.join(work, name.lower())
        env.pop("NO_COLOR", None)
        argv = [os.path.abspath(opts.binary)] + opts.args
        cold = one_run(argv, env, opts.cols, opts.rows, opts.marker, opts.timeout)
        runs = [one_run(argv, env, opts.cols, opts.rows, opts.marker, opts.timeout) for _ in range(opts.runs)]
    finally:
        if not opts.home:
            shutil.rmtree(work, ignore_errors=True)

    print(f"first start (new database): first byte {cold[0]:.1f} ms, first frame {cold[1]:.1f} ms, peak {cold[2] / 1024:.1f} MiB")
    firsts = [r[0] for r in runs]
    frames = [r[1] for r in runs]
    peaks = [r[2] for r in runs]
    cpus = [r[3] for r in runs]
    print(f"warm, {len(runs)} runs: first frame median {statistics.median(frames):.1f} ms "
          f"(min {min(frames):.1f}, max {max(frames):.1f}); first byte median {statistics.median(firsts):.1f} ms; "
          f"peak memory median {statistics.median(peaks) / 1024:.1f} MiB; "
          f"CPU time to the first frame median {statistics.median(cpus):.1f} ms")
    print("first frame, each run (ms): " + " ".join(f"{f:.1f}" for f in frames))


if __name__ == "__main__":
    main()
