"""mini-redis against a real redis-server, both started here on free ports
of 127.0.0.1: the same redis-cli invocations and the same raw bytes sent to
both must get the same replies; then what only mini-redis is asked: --pipe
mass insertion, keys expiring on their timer, bad input, bounded memory,
graceful shutdown.   usage: mini_redis_test.py MINI_REDIS_BINARY"""
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

from servers import Checker, Server, free_port, recv_until

binary = sys.argv[1]
check = Checker(f"mini-redis ({os.path.basename(binary)})")


def cli(port, *args, stdin=None, timeout=60):
    p = subprocess.run(["redis-cli", "-p", str(port), *args], input=stdin,
                       capture_output=True, timeout=timeout)
    return p.stdout, p.returncode


def raw(port, data, expect_close=False, timeout=5.0):
    """Sends data on a new connection; the replies until the server closes
    (expect_close) or a pause of 0.3 s."""
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(data)
        if expect_close:
            return recv_until(s, lambda d: False, timeout)
        out = b""
        while True:
            more = recv_until(s, lambda d: len(d) > 0, 0.3)
            if not more:
                return out
            out += more


COMMANDS = """\
PING
PING hello
ECHO "hello world"
ECHO
SET k1 v1
GET k1
GET missing
SET k1 v2 XX
GET k1
SET k1 v3 NX
SET new v NX
SET new2 v XX
GET new2
SET k2 v EX 100
TTL k2
SET k3 v PX 100000
TTL k3
SET k4 v EX 0
SET k4 v EX abc
SET k4 v NX XX
SET k4 v EX
SET k4 v BOGUS
TTL k1
TTL missing
EXPIRE k1 100
TTL k1
EXPIRE missing 100
EXPIRE k1 abc
SET k1 plain
TTL k1
DEL k1 k2 missing
EXISTS k1 k3 k3 new
INCR counter
INCR counter
DECR counter
INCRBY counter 10
INCRBY counter -25
INCRBY counter abc
SET big 9223372036854775807
INCR big
SET neg -9223372036854775808
DECR neg
SET notnum abc
INCR notnum
SET lead 007
INCR lead
SET spaces " 12"
INCR spaces
MSET a 1 b 2 c 3
MSET a 1 b
MGET a b c missing
APPEND a xyz
APPEND fresh hello
STRLEN a
STRLEN missing
GET a
EXPIRE a -1
EXISTS a
DBSIZE
nosuch arg1 arg2
GET
SET onlykey
INCR a b
PUBLISH nobody hello
FLUSHALL
DBSIZE
"""

rport, mport = free_port(), free_port()
with Server(["redis-server", "--port", str(rport), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"], rport, stdout=subprocess.DEVNULL) as redis, \
        Server([binary, "--port", str(mport)], mport) as mini:

    # -- every command, through redis-cli's arguments and its stdin
    for line in COMMANDS.splitlines():
        import shlex
        args = shlex.split(line)
        check.eq(f"redis-cli {line}", cli(mport, *args), cli(rport, *args))
    check.eq("redis-cli reading commands from stdin",
             cli(mport, stdin=COMMANDS.encode()), cli(rport, stdin=COMMANDS.encode()))
    for port in (rport, mport):
        cli(port, "FLUSHALL")

    # -- raw bytes: pipelining, inline commands, protocol errors
    pipelined = (b"*3\r\n$3\r\nSET\r\n$1\r\nx\r\n$5\r\nhello\r\n" * 3 +
                 b"*2\r\n$3\r\nGET\r\n$1\r\nx\r\n*1\r\n$4\r\nPING\r\n" * 50 +
                 b"*3\r\n$6\r\nINCRBY\r\n$1\r\nn\r\n$2\r\n-7\r\n" * 20 +
                 b"*2\r\n$4\r\nECHO\r\n$0\r\n\r\n*4\r\n$4\r\nMGET\r\n$1\r\nx\r\n$1\r\nn\r\n$1\r\nz\r\n")
    check.eq("a pipelined burst", raw(mport, pipelined), raw(rport, pipelined))
    halves = pipelined[:1001], pipelined[1001:]
    with socket.create_connection(("127.0.0.1", mport)) as s:
        s.sendall(halves[0])
        time.sleep(0.1)
        s.sendall(halves[1])
        got = recv_until(s, lambda d: d.endswith(b"$-1\r\n"))
    check.eq("a burst split mid-command", got, raw(rport, pipelined))
    inline = b"PING\r\nSET  a   b\r\nGET a\nECHO x\r\n\r\nDEL a\r\n"
    check.eq("inline commands", raw(mport, inline), raw(rport, inline))
    for bad in (b"*abc\r\n", b"*1\r\n$abc\r\n", b"*1\r\nxx\r\n", b"*1\r\n$1099511627776\r\n",
                b"*3000000000\r\n", b"*1\r\n$-5\r\n", b"PING\r\n*1\r\n$4\r\nPING\r\n*x\r\nPING\r\n"):
        check.eq(f"bad input {bad!r}", raw(mport, bad, expect_close=True),
                 raw(rport, bad, expect_close=True))
    garbage = bytes(range(256)) * 64
    got = raw(mport, garbage, expect_close=True)
    check.true("binary garbage gets an error reply", got.startswith(b"-ERR"), repr(got[:60]))

    # a client closing mid-request, at every kind of place
    for cut in (b"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1000\r\nabc", b"*2\r\n$3", b"*", b"GET x"):
        with socket.create_connection(("127.0.0.1", mport)) as s:
            s.sendall(cut)
    check.eq("alive after clients left mid-request", cli(mport, "PING"), (b"PONG\n", 0))

    # -- pub/sub: a redis-cli SUBSCRIBE receiving a PUBLISH, on both servers
    def pubsub_transcript(port):
        sub = subprocess.Popen(["redis-cli", "-p", str(port), "subscribe", "news", "other"],
                               stdout=subprocess.PIPE)
        lines = [sub.stdout.readline() for _ in range(6)]  # two confirmations
        published = cli(port, "publish", "news", "hello world")
        lines += [sub.stdout.readline() for _ in range(3)]
        published2 = cli(port, "publish", "other", "second")
        lines += [sub.stdout.readline() for _ in range(3)]
        sub.kill()
        sub.wait()
        return lines, published, published2
    check.eq("redis-cli subscribe + publish", pubsub_transcript(mport), pubsub_transcript(rport))
    session = (b"SUBSCRIBE a b\r\nPING\r\nget x\r\nUNSUBSCRIBE a\r\nPING hi\r\n"
               b"UNSUBSCRIBE\r\nUNSUBSCRIBE\r\nPING\r\n")
    check.eq("subscribe/unsubscribe session", raw(mport, session), raw(rport, session))

    # -- keys expire on their timer: DBSIZE drops without the key being read.
    # Each check must fall in its window (a loaded machine can take over a
    # second to start four redis-cli): a round that missed one is run again
    # with the times doubled, and only a round that kept them all counts.
    def expiry_round(scale):
        cli(mport, "FLUSHALL")
        t0 = time.monotonic()
        cli(mport, "SET", "soon", "v", "PX", str(1000 * scale))
        cli(mport, "SET", "later", "v")
        cli(mport, "EXPIRE", "later", str(2 * scale))
        before = cli(mport, "DBSIZE")
        in_time = time.monotonic() - t0 < 1.0 * scale
        time.sleep(max(0, t0 + 1.6 * scale - time.monotonic()))
        mid = cli(mport, "DBSIZE")
        in_time = in_time and time.monotonic() - t0 < 2.0 * scale
        time.sleep(max(0, t0 + 2.8 * scale - time.monotonic()))
        return in_time, before, mid, cli(mport, "DBSIZE"), cli(mport, "TTL", "later")
    for scale in (1, 2, 4):
        in_time, before, mid, after, ttl = expiry_round(scale)
        if in_time:
            break
    check.true("expiry checked within its windows (times x%d)" % scale, in_time)
    check.eq("DBSIZE before the deadlines", before, (b"2\n", 0))
    check.eq("DBSIZE after 1.6 s (PX 1000 purged)", mid, (b"1\n", 0))
    check.eq("DBSIZE after 2.8 s (EXPIRE 2 purged)", after, (b"0\n", 0))
    check.eq("TTL of an expired key", ttl, (b"-2\n", 0))

    # -- redis-cli --pipe: 100k keys of mass insertion
    with tempfile.TemporaryFile() as f:
        for i in range(100000):
            k, v = b"key:%d" % i, b"value:%d" % i
            f.write(b"*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n" % (len(k), k, len(v), v))
        f.seek(0)
        p = subprocess.run(["redis-cli", "-p", str(mport), "--pipe"], stdin=f,
                           capture_output=True, timeout=120)
    check.true("--pipe: 100000 replies, 0 errors", b"errors: 0, replies: 100000" in p.stdout,
               repr(p.stdout[-200:]))
    check.eq("DBSIZE after --pipe", cli(mport, "DBSIZE"), (b"100000\n", 0))
    check.eq("a key of --pipe", cli(mport, "GET", "key:99999"), (b"value:99999\n", 0))

    # -- 100k pipelined GETs of a 64 KiB value, replies never read: 6 GiB
    # of replies the server must not buffer
    cli(mport, "SET", "kib", "x" * 65536)
    rss_before = mini.rss_kb()
    with socket.create_connection(("127.0.0.1", mport)) as s:
        s.setblocking(False)
        request = b"GET kib\r\n" * 100000
        sent, deadline = 0, time.monotonic() + 10
        while sent < len(request) and time.monotonic() < deadline:
            try:
                sent += s.send(request[sent:sent + 65536])
            except BlockingIOError:
                time.sleep(0.01)
        time.sleep(0.5)
        growth = mini.rss_kb() - rss_before
    check.true("100k unread pipelined replies: RSS growth < 48 MiB", growth < 48 * 1024,
               f"(grew {growth} KiB)")
    check.eq("alive after the unread pipeline", cli(mport, "PING"), (b"PONG\n", 0))

    # -- graceful shutdown: SIGTERM closes idle and subscribed clients, exit 0
    idle = socket.create_connection(("127.0.0.1", mport))
    subscribed = socket.create_connection(("127.0.0.1", mport))
    subscribed.sendall(b"SUBSCRIBE news\r\n")
    recv_until(subscribed, lambda d: d.count(b"\r\n") >= 6)
    t0 = time.monotonic()
    status = mini.stop(signal.SIGTERM)
    check.eq("exit status after SIGTERM", status, 0)
    check.true("shut down within 3 s", time.monotonic() - t0 < 3)
    check.eq("an idle client sees EOF", recv_until(idle, lambda d: False, 2), b"")
    idle.close()
    subscribed.close()

check.done()
