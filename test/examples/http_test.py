"""http driven by curl, ab and raw sockets: keep-alive, HEAD, 404, 400,
413, a 10 MiB file checked by checksum, a request sent one byte at a time,
a pipelined burst, a stalled client timed out, no way out of the root,
ab -k with 20k requests and no failure, graceful shutdown.
usage: http_test.py HTTP_BINARY"""
import hashlib
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time

from servers import Checker, Server, free_port, recv_until

binary = sys.argv[1]
check = Checker(f"http ({os.path.basename(binary)})")
TIMEOUT_MS = 1500


def curl(*args):
    p = subprocess.run(["curl", "-s", "--max-time", "30", *args], capture_output=True,
                       timeout=60)
    return p


def responses(data):
    """Splits raw HTTP responses (every one has a Content-Length)."""
    out = []
    while data:
        head_end = data.find(b"\r\n\r\n")
        if head_end < 0:
            out.append(data)
            break
        head = data[:head_end].decode("latin-1")
        m = re.search(r"(?im)^content-length: *(\d+)", head)
        n = int(m.group(1)) if m else 0
        body = data[head_end + 4:head_end + 4 + n]
        out.append((head.split("\r\n")[0], body))
        data = data[head_end + 4 + n:]
    return out


with tempfile.TemporaryDirectory() as root:
    with open(f"{root}/index.html", "w") as f:
        f.write("<h1>hello</h1>\n")
    os.mkdir(f"{root}/docs")
    with open(f"{root}/docs/note.txt", "w") as f:
        f.write("thirteen byte")
    with open(f"{root}/docs/index.html", "w") as f:
        f.write("<h1>docs</h1>\n")
    big = os.urandom(10 << 20)
    with open(f"{root}/big.bin", "wb") as f:
        f.write(big)
    with open(f"{os.path.dirname(root)}/outside-{os.path.basename(root)}.txt", "w") as f:
        f.write("secret")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with Server([binary, "--port", str(port), "--root", root, "--timeout-ms", str(TIMEOUT_MS)],
                port) as srv:
        # curl: status, headers, bodies, keep-alive
        p = curl("-i", f"{url}/docs/note.txt")
        check.eq("GET a text file", p.stdout,
                 b"HTTP/1.1 200 OK\r\nServer: asyncc-http\r\nContent-Type: text/plain\r\n"
                 b"Content-Length: 13\r\n\r\nthirteen byte")
        p = curl("-v", f"{url}/", f"{url}/docs/note.txt", f"{url}/docs/")
        check.eq("two files and a directory's index on one connection",
                 p.stdout, b"<h1>hello</h1>\nthirteen byte<h1>docs</h1>\n")
        check.true("curl re-used the connection (keep-alive)",
                   p.stderr.count(b"Re-using existing connection") == 2, p.stderr[-300:])
        p = curl("-I", f"{url}/big.bin")
        check.true("HEAD: 200 with the length and no body",
                   p.stdout.startswith(b"HTTP/1.1 200 OK\r\n") and
                   b"Content-Length: 10485760\r\n" in p.stdout and
                   b"Content-Type: application/octet-stream" in p.stdout and
                   p.stdout.endswith(b"\r\n\r\n"), p.stdout)
        p = curl("-o", "/dev/null", "-w", "%{http_code}", f"{url}/missing.html")
        check.eq("404", p.stdout, b"404")
        p = curl(f"{url}/big.bin")
        check.eq("10 MiB file, sha256", hashlib.sha256(p.stdout).hexdigest(),
                 hashlib.sha256(big).hexdigest())
        outside = f"outside-{os.path.basename(root)}.txt"
        for target in (f"/../{outside}", f"/docs/../../{outside}", f"/%2e%2e/{outside}",
                       f"/docs/%2E%2E/%2e%2e/{outside}"):
            p = curl("--path-as-is", "-o", "/dev/null", "-w", "%{http_code}", url + target)
            check.eq(f"no escape: {target}", p.stdout, b"403")

        def raw(data, timeout=5.0, until=lambda d: False):
            with socket.create_connection(("127.0.0.1", port)) as s:
                s.sendall(data)
                return recv_until(s, until, timeout)

        # malformed, oversized, unsupported
        check.eq("400 on a malformed request line",
                 responses(raw(b"GARBAGE\r\n\r\n"))[0][0], "HTTP/1.1 400 Bad Request")
        check.eq("400 on a bad header", responses(raw(b"GET / HTTP/1.1\r\nno colon\r\n\r\n"))[0][0],
                 "HTTP/1.1 400 Bad Request")
        huge = b"GET / HTTP/1.1\r\n" + b"".join(b"X-Pad-%d: %s\r\n" % (i, b"a" * 100)
                                                for i in range(100)) + b"\r\n"
        check.eq("413 on 10 KB of headers", responses(raw(huge))[0][0],
                 "HTTP/1.1 413 Content Too Large")
        check.eq("405 on POST", responses(raw(b"POST / HTTP/1.1\r\nConnection: close\r\n\r\n"))[0][0],
                 "HTTP/1.1 405 Method Not Allowed")
        check.eq("505 on HTTP/2.0", responses(raw(b"GET / HTTP/2.0\r\n\r\n"))[0][0],
                 "HTTP/1.1 505 HTTP Version Not Supported")

        # one byte at a time, well within the deadline
        with socket.create_connection(("127.0.0.1", port)) as s:
            for b in b"GET /docs/note.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n":
                s.sendall(bytes([b]))
                time.sleep(0.005)
            got = recv_until(s, lambda d: False)
        check.eq("a request sent one byte at a time", responses(got),
                 [("HTTP/1.1 200 OK", b"thirteen byte")])

        # a pipelined burst: 100 requests in one write, answered in order
        burst = b"GET /docs/note.txt HTTP/1.1\r\nHost: x\r\n\r\n" * 99
        burst += b"GET /missing HTTP/1.1\r\nConnection: close\r\n\r\n"
        check.eq("pipelined burst: 100 responses in order", responses(raw(burst)),
                 [("HTTP/1.1 200 OK", b"thirteen byte")] * 99 +
                 [("HTTP/1.1 404 Not Found", b"404 Not Found\n")])
        got = raw(b"HEAD / HTTP/1.1\r\n\r\nGET /docs/note.txt HTTP/1.1\r\nConnection: close\r\n\r\n")
        check.true("pipelined HEAD then GET", got.count(b"HTTP/1.1 200 OK") == 2 and
                   got.endswith(b"\r\n\r\nthirteen byte") and b"<h1>" not in got, got)

        # a stalled client is cut at the deadline (408), an idle one closed
        t0 = time.monotonic()
        got = raw(b"GET / HTTP/1.1\r\nHost: x\r\n", timeout=TIMEOUT_MS / 1000 + 3)
        took = time.monotonic() - t0
        check.true("stalled mid-head: 408 then close",
                   got.startswith(b"HTTP/1.1 408 Request Timeout"), repr(got[:60]))
        check.true("stalled client cut near the deadline",
                   TIMEOUT_MS / 1000 - 0.2 < took < TIMEOUT_MS / 1000 + 1.5, f"{took:.2f} s")
        got = raw(b"", timeout=TIMEOUT_MS / 1000 + 3)
        check.eq("idle keep-alive connection closed silently", got, b"")

        # ab: 20k keep-alive requests, 50 at a time
        p = subprocess.run(["ab", "-q", "-k", "-n", "20000", "-c", "50", f"{url}/docs/note.txt"],
                           capture_output=True, text=True, timeout=120)
        failed = re.search(r"Failed requests:\s+(\d+)", p.stdout)
        complete = re.search(r"Complete requests:\s+(\d+)", p.stdout)
        check.true("ab -k: 20000 complete, 0 failed",
                   failed and complete and failed.group(1) == "0" and complete.group(1) == "20000",
                   p.stdout[-500:] + p.stderr[-300:])
        check.true("server alive after it all", srv.alive())

        idle = socket.create_connection(("127.0.0.1", port))
        t0 = time.monotonic()
        check.eq("exit status after SIGTERM", srv.stop(signal.SIGTERM), 0)
        check.true("graceful stop within 2 s", time.monotonic() - t0 < 2)
        idle.close()
    os.unlink(f"{os.path.dirname(root)}/{outside}")

check.done()
