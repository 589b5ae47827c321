"""proxy between scripted clients and scripted upstreams, checking every
byte: half-close passed on in each direction with data still flowing the
other way, a 4 MiB echo both ways at once, connect timeout and refusal,
idle timeout (and traffic one way keeping it alive), graceful shutdown.
usage: proxy_test.py PROXY_BINARY"""
import hashlib
import os
import signal
import socket
import sys
import threading
import time

from servers import Checker, Server, free_port, recv_until

binary = sys.argv[1]
check = Checker(f"proxy ({os.path.basename(binary)})")
IDLE_MS, CONNECT_MS = 1000, 1500


def read_all(s, timeout=20):
    """Everything until EOF (bounded in time)."""
    return recv_until(s, lambda d: False, timeout)


def upstream(handler):
    """A listening socket on a free port whose connections run handler in
    threads; returns (port, closer).  The probe that waits for the proxy
    to listen also reaches it, and leaves at once: handlers ignore what
    that does to them."""
    ls = socket.socket()
    ls.bind(("127.0.0.1", 0))
    ls.listen(16)
    stop = threading.Event()

    def run(c):
        try:
            handler(c)
        except OSError:
            pass
        c.close()

    def loop():
        ls.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = ls.accept()
            except socket.timeout:
                continue
            conn.settimeout(20)
            threading.Thread(target=run, args=(conn,), daemon=True).start()
        ls.close()
    threading.Thread(target=loop, daemon=True).start()
    return ls.getsockname()[1], stop.set


def proxy_to(up_port):
    port = free_port()
    return Server([binary, "--port", str(port), "--to", f"127.0.0.1:{up_port}",
                   "--connect-timeout-ms", str(CONNECT_MS), "--idle-timeout-ms", str(IDLE_MS)],
                  port)


received = {}


def sink_then_report(c):
    """Reads to EOF, then answers with the digest of it and 1 MiB more."""
    data = read_all(c)
    if data:
        received["sink"] = data
    c.sendall(hashlib.sha256(data).hexdigest().encode() + bytes(range(256)) * 4096)


def speak_first(c):
    """Sends 1 MiB and half-closes, then reads the client to EOF."""
    c.sendall(received["speech"])
    c.shutdown(socket.SHUT_WR)
    reply = read_all(c)
    if reply:
        received["reply"] = reply


def echo(c):
    while True:
        d = c.recv(65536)
        if not d:
            break
        c.sendall(d)


def ticker(c):
    """A byte every 200 ms for 2 s: traffic one way only."""
    for _ in range(10):
        c.sendall(b".")
        time.sleep(0.2)


# -- client -> upstream half-close, then data back
port, close1 = upstream(sink_then_report)
with proxy_to(port) as p:
    s = socket.create_connection(("127.0.0.1", p.port))
    data = os.urandom(1 << 20)
    s.sendall(data)
    s.shutdown(socket.SHUT_WR)
    got = read_all(s)
    s.close()
    check.eq("upstream got the client's 1 MiB, then EOF", received.get("sink") == data, True)
    check.eq("client got the reply sent after its half-close",
             got == hashlib.sha256(data).hexdigest().encode() + bytes(range(256)) * 4096, True)
close1()

# -- upstream -> client half-close, then data the other way
received["speech"] = os.urandom(1 << 20)
port, close2 = upstream(speak_first)
with proxy_to(port) as p:
    s = socket.create_connection(("127.0.0.1", p.port))
    check.eq("client got upstream's 1 MiB, then EOF", read_all(s) == received["speech"], True)
    reply = b"bye " + os.urandom(100000)
    s.sendall(reply)
    s.shutdown(socket.SHUT_WR)
    check.eq("and the connection ends after the client's half-close", read_all(s), b"")
    s.close()
    time.sleep(0.2)
    check.eq("upstream got the client's reply after its own half-close",
             received.get("reply") == reply, True)
close2()

# -- 4 MiB echoed, both directions at once; several clients at once
port, close3 = upstream(echo)
with proxy_to(port) as p:
    results = {}

    def client(i):
        s = socket.create_connection(("127.0.0.1", p.port))
        data = os.urandom(4 << 20)
        sender = threading.Thread(target=lambda: (s.sendall(data), s.shutdown(socket.SHUT_WR)))
        sender.start()
        results[i] = read_all(s) == data
        sender.join()
        s.close()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check.eq("4 clients x 4 MiB echoed byte for byte", results, {i: True for i in range(4)})

    # idle: nothing either way -> closed after IDLE_MS
    s = socket.create_connection(("127.0.0.1", p.port))
    t0 = time.monotonic()
    check.eq("idle connection closed", read_all(s, 5), b"")
    took = time.monotonic() - t0
    check.true("... after the idle timeout", IDLE_MS / 1000 - 0.1 < took < IDLE_MS / 1000 + 1.5,
               f"{took:.2f} s")
    s.close()

    # graceful: SIGTERM lets an active connection finish
    s = socket.create_connection(("127.0.0.1", p.port))
    s.sendall(b"before")
    check.eq("echo before SIGTERM", recv_until(s, lambda d: len(d) >= 6), b"before")
    os.kill(p.pid, signal.SIGTERM)
    time.sleep(0.2)
    s.sendall(b"after")
    check.eq("the connection still works after SIGTERM", recv_until(s, lambda d: len(d) >= 5), b"after")
    s.shutdown(socket.SHUT_WR)
    check.eq("then ends normally", read_all(s), b"")
    s.close()
    check.eq("exit status 0 once it ended", p.proc.wait(5), 0)
close3()

# -- traffic one way keeps the connection alive past the idle timeout
port, close4 = upstream(ticker)
with proxy_to(port) as p:
    s = socket.create_connection(("127.0.0.1", p.port))
    t0 = time.monotonic()
    got = read_all(s, 10)
    check.eq("10 ticks over 2 s, not cut at the idle timeout", got, b"." * 10)
    check.true("... and then closed", time.monotonic() - t0 > 1.8)
    s.close()
close4()

# -- upstream refuses: the client is closed at once
refused = free_port()
with proxy_to(refused) as p:
    s = socket.create_connection(("127.0.0.1", p.port))
    t0 = time.monotonic()
    check.eq("refused upstream: client closed", read_all(s, 5), b"")
    check.true("... at once, not after the connect timeout", time.monotonic() - t0 < CONNECT_MS / 2000)
    s.close()

# -- upstream does not answer the handshake (accept queue full): timeout
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(0)
fillers = []
for _ in range(4):
    f = socket.socket()
    f.setblocking(False)
    f.connect_ex(ls.getsockname())
    fillers.append(f)
time.sleep(0.1)
with proxy_to(ls.getsockname()[1]) as p:
    s = socket.create_connection(("127.0.0.1", p.port))
    t0 = time.monotonic()
    check.eq("unanswered upstream: client closed", read_all(s, 5), b"")
    took = time.monotonic() - t0
    check.true("... after the connect timeout", CONNECT_MS / 1000 - 0.1 < took < CONNECT_MS / 1000 + 1.5,
               f"{took:.2f} s")
    s.close()
for f in fillers:
    f.close()
ls.close()

check.done()
