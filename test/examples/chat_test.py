"""chat driven by scripted clients checking every byte: nicknames, lines
said to the others and not echoed, renames, leaving, a bad name and an
over-long line; a client that never reads cannot stall the room and is
disconnected; graceful shutdown.   usage: chat_test.py CHAT_BINARY"""
import os
import signal
import socket
import sys
import time

from servers import Checker, Server, free_port, recv_until

binary = sys.argv[1]
check = Checker(f"chat ({os.path.basename(binary)})")
WELCOME = b"welcome to asyncc chat; your nickname?\n"


class Client:
    def __init__(self, port, name=None):
        self.s = socket.create_connection(("127.0.0.1", port))
        self.buf = b""
        if name:
            check.eq(f"{name}: greeting", self.expect(len(WELCOME)), WELCOME)
            self.send(name + "\n")
            want = f"* you are {name}\n".encode()
            check.eq(f"{name}: named", self.expect(len(want)), want)

    def send(self, text):
        self.s.sendall(text.encode() if isinstance(text, str) else text)

    def expect(self, n, timeout=10.0):
        """Exactly the next n bytes (fewer if the server closed)."""
        self.buf += recv_until(self.s, lambda d: len(self.buf) + len(d) >= n, timeout)
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def line(self, want, what):
        want = want.encode()
        check.eq(what, self.expect(len(want)), want)

    def quiet(self, seconds=0.2):
        """Whatever arrives within a short while (should be nothing)."""
        return self.buf + recv_until(self.s, lambda d: False, seconds)

    def close(self):
        self.s.close()


port = free_port()
with Server([binary, "--port", str(port)], port) as srv:
    alice = Client(port, "alice")
    bob = Client(port, "bob")
    alice.line("* bob joined\n", "alice hears bob join")
    alice.send("hello bob\r\n")
    bob.line("alice: hello bob\n", "bob hears alice (CRLF stripped)")
    bob.send("hi alice\n\n")
    alice.line("bob: hi alice\n", "alice hears bob")
    check.eq("no echo to the speaker, empty lines ignored", alice.quiet() + bob.quiet(), b"")

    carol = Client(port)
    check.eq("carol: greeting", carol.expect(len(WELCOME)), WELCOME)
    carol.send("not a name!\n")
    carol.line("* a nickname is 1-32 letters, digits, '-' or '_'; again?\n", "bad nickname")
    carol.send("carol\n")
    carol.line("* you are carol\n", "carol named on the second try")
    for c, who in ((alice, "alice"), (bob, "bob")):
        c.line("* carol joined\n", f"{who} hears carol join")
    carol.send("/nick caz\n")
    carol.line("* you are caz\n", "rename acknowledged")
    for c, who in ((alice, "alice"), (bob, "bob")):
        c.line("* carol is now caz\n", f"{who} hears the rename")
    carol.send("/quit\n")
    check.eq("/quit closes", carol.quiet(1.0), b"")
    for c, who in ((alice, "alice"), (bob, "bob")):
        c.line("* caz left\n", f"{who} hears caz leave")
    carol.close()

    # a line longer than 512 bytes is refused and its sender cut
    dave = Client(port, "dave")
    for c in (alice, bob):
        c.line("* dave joined\n", "dave joined")
    dave.send("x" * 600 + "\n")
    dave.line("* line too long, bye\n", "over-long line refused")
    check.eq("over-long line: connection closed", dave.quiet(1.0), b"")
    for c in (alice, bob):
        c.line("* dave left\n", "dave left")
    dave.close()

    # a client that never reads: the room goes on, and it is cut
    slow = socket.create_connection(("127.0.0.1", port))
    slow.sendall(b"slow\n")
    time.sleep(0.2)
    for c in (alice, bob):
        c.line("* slow joined\n", "slow joined")
    # 8 MB said in rounds of 100 lines, each heard by bob before the next:
    # more than slow's socket buffers hold, never 256 lines ahead of bob
    n, t0 = 20000, time.monotonic()
    payload = "y" * 400
    got, slow_left, LEFT = b"", False, b"* slow left\n"
    for start in range(0, n, 100):
        alice.send("".join(f"{i:05d} {payload}\n" for i in range(start, start + 100)))
        want = b"".join(f"alice: {i:05d} {payload}\n".encode() for i in range(start, start + 100))
        got = bob.expect(len(want), timeout=10)
        if LEFT in got and not slow_left:  # slow cut meanwhile: between two lines
            slow_left = True
            got = got.replace(LEFT, b"", 1) + bob.expect(len(LEFT), timeout=10)
        if got != want:
            break
    check.true(f"bob got all {n} lines in order while slow never read", got == want,
               f"(round at line {start}: {len(got)} of {len(want)} bytes)")
    check.true("... within 15 s", time.monotonic() - t0 < 15, f"{time.monotonic() - t0:.1f} s")
    if not slow_left:
        bob.line("* slow left\n", "the slow client was disconnected")
    check.true("alice also heard slow leave", alice.quiet(1.0) == b"* slow left\n")
    # slow's socket: what the buffers held, then EOF (or a reset)
    slow.settimeout(5)
    cut = False
    try:
        while slow.recv(1 << 16):
            pass
        cut = True
    except ConnectionResetError:
        cut = True
    except socket.timeout:
        pass
    check.true("slow's connection was closed by the server", cut)
    slow.close()

    check.eq("exit status after SIGTERM", srv.stop(signal.SIGTERM), 0)
    bye = b"* server shutting down\n"
    check.eq("clients told about the shutdown", (alice.expect(len(bye)), bob.expect(len(bye))),
             (bye, bye))
    alice.close()
    bob.close()

check.done()
