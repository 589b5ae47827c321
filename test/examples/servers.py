"""Helpers for the example tests: free ports on 127.0.0.1, servers started
as child processes and stopped by PID, bounded waits, resident memory."""
import os
import signal
import socket
import subprocess
import sys
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, proc, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"server exited with {proc.returncode} before listening")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    sys.exit(f"nothing listens on port {port} after {timeout} s")


class Server:
    """A server process on a free port, killed (by PID) when the test ends."""

    def __init__(self, argv, port, **kw):
        self.port = port
        self.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, **kw)
        wait_for_port(port, self.proc)

    @property
    def pid(self):
        return self.proc.pid

    def alive(self):
        return self.proc.poll() is None

    def rss_kb(self):
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def stop(self, sig=signal.SIGTERM, timeout=10.0):
        """Sends sig and waits: the exit status (None if it had to be killed)."""
        if self.proc.poll() is not None:
            return self.proc.returncode
        os.kill(self.pid, sig)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.kill(self.pid, signal.SIGKILL)
            self.proc.wait()
            return None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def recv_until(sock, predicate, timeout=10.0):
    """Reads until predicate(data) holds or the peer closes; bounded in time."""
    data = b""
    deadline = time.monotonic() + timeout
    while not predicate(data):
        left = deadline - time.monotonic()
        if left <= 0:
            break
        sock.settimeout(left)
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            break
        except ConnectionResetError:
            break
        if not chunk:
            break
        data += chunk
    return data


class Checker:
    def __init__(self, name):
        self.name = name
        self.failures = 0
        self.checks = 0

    def eq(self, what, got, want):
        self.checks += 1
        if got != want:
            self.failures += 1
            print(f"FAIL {what}:\n  got:  {got!r}\n  want: {want!r}")

    def true(self, what, cond, detail=""):
        self.checks += 1
        if not cond:
            self.failures += 1
            print(f"FAIL {what} {detail}")

    def done(self):
        print(f"{self.name}: {self.checks} checks, {self.failures} failed")
        sys.exit(1 if self.failures else 0)
