#!/usr/bin/env python3
"""The examples against what users would run instead, round by round:
mini-redis vs redis-server (redis-benchmark), http vs nginx (wrk).  Each
round runs every pair once, the two in alternating order, each server
started fresh on a free port of 127.0.0.1 and stopped by PID; the medians
over the rounds and their ratio (example / peer) are printed, with the
spread (min-max) of each, for requests/s, p99 latency, and the server's
CPU time per request (utime + stime from /proc, which a loaded machine
distorts far less than throughput).  This 2-core machine drifts: only ratios of
alternated rounds mean anything.

  python3 bench/examples-vs-peers.py [--rounds 5] [--duration 10]
        [--workers 1|2] [--requests N] [--only redis|http]
        [--baseline OTHER_BUILD_DIR] [--baseline-env VAR=VALUE ...] [BUILD_DIR]

--workers 2 runs the examples with ASYNCC_WORKERS=2, redis-server with
io-threads 2 and nginx with two worker processes.  redis-server's I/O
threads busy-wait for each other; on 2 shared cores that makes it 10-20x
slower (2-5k requests/s), so use fewer --requests there (both sides get
the same flags).  --baseline also runs the examples of another build (e.g.
main's, before a change) in the same rotation and prints example /
baseline: a before/after figure from the same rounds.  --baseline-env
VAR=VALUE (repeatable) sets a variable for the baseline's examples only;
without --baseline the baseline is BUILD_DIR itself, e.g. the same
binaries with ASYNCC_IO=epoll against the default backend.  Every
redis-benchmark run is bounded by a timeout.  The load average is printed
with each round.  Needs redis-server,
redis-benchmark, nginx (nginx-light) and wrk (scripts/deps.sh)."""
import argparse
import csv
import io
import os
import re
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, proc, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"server {proc.args} exited with {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    sys.exit(f"nothing listens on {port}")


class Started:
    def __init__(self, argv, port, env=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     env=env)
        wait_port(port, self.proc)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        os.kill(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


def cpu_seconds(pid):
    """utime + stime of pid and its children (nginx's workers), threads
    included: CPU per request is what a loaded machine distorts least."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry) == pid or int(fields[1]) == pid:
            total += int(fields[11]) + int(fields[12])
    return total / tick


def children_cpu_seconds():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def redis_benchmark(port, pipeline, who, requests, timeout):
    """({test: (requests/s, p99 ms)}, share of one core the client kept
    busy); ({}, 0) (and a line) if it does not finish in time."""
    cpu0, wall0 = children_cpu_seconds(), time.monotonic()
    try:
        out = subprocess.run(["redis-benchmark", "-p", str(port), "-t", "ping,set,get,incr,mset",
                              "-n", str(requests), "-c", "50", "-P", str(pipeline), "--csv"],
                             capture_output=True, text=True, timeout=timeout).stdout
    except subprocess.TimeoutExpired:
        print(f"# redis-benchmark -P{pipeline} against {who} did not finish in {timeout} s",
              flush=True)
        return {}, 0
    busy = (children_cpu_seconds() - cpu0) / (time.monotonic() - wall0)
    rows = list(csv.DictReader(io.StringIO(out)))
    return {r["test"]: (float(r["rps"]), float(r["p99_latency_ms"])) for r in rows}, busy


def wrk(url, duration):
    """(requests/s, p99 ms)"""
    out = subprocess.run(["wrk", "-t1", "-c100", f"-d{duration}s", "--latency", url],
                         capture_output=True, text=True, timeout=duration + 60).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    m = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    p99 = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)", out)
    if errors:
        print(f"    wrk {url}: {errors.group(0)}", file=sys.stderr)
    return rps, p99


def mini_redis(build, workers, extra_env):
    port = free_port()
    env = dict(os.environ, ASYNCC_WORKERS=str(workers if workers > 1 else 0), **extra_env)
    return port, Started([f"{build}/examples/mini-redis", "--port", str(port)], port, env)


def redis_server(workers):
    port = free_port()
    argv = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
            "--appendonly", "no"]
    if workers > 1:
        argv += ["--io-threads", str(workers)]
    return port, Started(argv, port)


def http_example(build, root, workers, extra_env):
    port = free_port()
    env = dict(os.environ, ASYNCC_WORKERS=str(workers if workers > 1 else 0), **extra_env)
    return port, Started([f"{build}/examples/http", "--port", str(port), "--root", root],
                         port, env)


def nginx(root, tmp, workers):
    port = free_port()
    conf = f"{tmp}/nginx-{port}.conf"
    with open(conf, "w") as f:
        f.write(f"""worker_processes {workers};
daemon off;
pid {tmp}/nginx-{port}.pid;
error_log {tmp}/nginx-error.log;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types {{ text/plain txt; application/octet-stream bin; }}
  client_body_temp_path {tmp}; proxy_temp_path {tmp}; fastcgi_temp_path {tmp};
  uwsgi_temp_path {tmp}; scgi_temp_path {tmp};
  server {{ listen 127.0.0.1:{port}; root {root}; }}
}}
""")
    return port, Started(["nginx", "-c", conf, "-e", f"{tmp}/nginx-error.log"], port)


def start_side(side, kind, a, root, tmp):
    """(port, Started) of 'side' (ours, base or peer) for kind redis or http."""
    if side == "peer":
        return redis_server(a.workers) if kind == "redis" else nginx(root, tmp, a.workers)
    build, env = (a.build, {}) if side == "ours" else (a.baseline, a.baseline_env)
    return (mini_redis(build, a.workers, env) if kind == "redis"
            else http_example(build, root, a.workers, env))


def ratio_line(name, ours, theirs, lower_is_better=False):
    if not ours or not theirs:
        return f"{name:<22} (no data)"
    mo, mt = statistics.median(ours), statistics.median(theirs)
    r = (mt / mo if lower_is_better else mo / mt) if mo and mt else float("nan")
    return (f"{name:<22} {mo:>12,.1f} [{min(ours):,.1f}-{max(ours):,.1f}]"
            f" {mt:>12,.1f} [{min(theirs):,.1f}-{max(theirs):,.1f}]  ratio {r:.2f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build", nargs="?", default="build")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--requests", type=int, default=200000)
    ap.add_argument("--timeout", type=int, default=300, help="seconds per redis-benchmark run")
    ap.add_argument("--only", choices=["redis", "http"])
    ap.add_argument("--baseline", help="another build dir whose examples also run")
    ap.add_argument("--baseline-env", action="append", default=[], metavar="VAR=VALUE",
                    help="environment of the baseline's examples only")
    a = ap.parse_args()
    a.baseline_env = dict(kv.split("=", 1) for kv in a.baseline_env)
    if a.baseline_env and not a.baseline:
        a.baseline = a.build
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load "
          f"{' '.join(open('/proc/loadavg').read().split()[:3])}, {a.rounds} rounds, "
          f"workers {a.workers}", flush=True)
    results = {}  # (bench, side) -> [values]

    def add(key, v):
        results.setdefault(key, []).append(v)

    with tempfile.TemporaryDirectory() as tmp:
        root = f"{tmp}/www"
        os.mkdir(root)
        with open(f"{root}/13b.txt", "w") as f:
            f.write("hello, world\n")
        with open(f"{root}/64k.bin", "wb") as f:
            f.write(os.urandom(64 << 10))
        for rnd in range(a.rounds):
            sides = ("ours", "peer", "base") if a.baseline else ("ours", "peer")
            order = sides[rnd % len(sides):] + sides[:rnd % len(sides)]  # rotated per round
            if a.only != "http":
                for pipeline in (1, 16):
                    for side in order:
                        port, srv = start_side(side, "redis", a, root, tmp)
                        with srv:
                            cpu0 = cpu_seconds(srv.proc.pid)
                            tests, busy = redis_benchmark(port, pipeline, side, a.requests,
                                                          a.timeout)
                            cpu = cpu_seconds(srv.proc.pid) - cpu0
                            for test, (rps, p99) in tests.items():
                                add((f"redis {test} -P{pipeline}", side, "rps"), rps)
                                add((f"redis {test} -P{pipeline}", side, "p99"), p99)
                            if tests:
                                add((f"redis all -P{pipeline}", side, "cpu"),
                                    cpu * 1e6 / (a.requests * len(tests)))
                                add((f"redis all -P{pipeline}", side, "client"), 100 * busy)
            if a.only != "redis":
                for path in ("13b.txt", "64k.bin"):
                    for side in order:
                        port, srv = start_side(side, "http", a, root, tmp)
                        with srv:
                            cpu0 = cpu_seconds(srv.proc.pid)
                            rps, p99 = wrk(f"http://127.0.0.1:{port}/{path}", a.duration)
                            cpu = cpu_seconds(srv.proc.pid) - cpu0
                        add((f"http {path}", side, "cpu"), cpu * 1e6 / (rps * a.duration))
                        add((f"http {path}", side, "rps"), rps)
                        add((f"http {path}", side, "p99"), p99)
            print(f"# round {rnd + 1} done {time.strftime('%H:%M', time.gmtime())}, load "
                  f"{' '.join(open('/proc/loadavg').read().split()[:3])}", flush=True)
    names = sorted({k[0] for k in results if k[2] not in ("cpu", "client")},
                   key=lambda n: (not n.startswith("redis"), n))
    cpu_names = sorted({k[0] for k in results if k[2] == "cpu"})
    client_names = sorted({k[0] for k in results if k[2] == "client"})
    print_ratios(results, "peer", names, cpu_names, client_names)
    if a.baseline:
        print(f"# against the baseline {a.baseline}"
              + "".join(f" {k}={v}" for k, v in a.baseline_env.items()))
        print_ratios(results, "base", names, cpu_names, client_names)


def print_ratios(results, other, names, cpu_names, client_names):
    """The example's medians against those of 'other' (peer or base)."""
    def line(n, kind, lower_is_better=False):
        return ratio_line(n, results.get((n, "ours", kind)), results.get((n, other, kind)),
                          lower_is_better)

    print(f"{'requests/s (median [min-max])':<22} {'example':>30} {other:>30}")
    for n in names:
        print(line(n, "rps"))
    print(f"p99 ms (ratio: {other}/example, >= 1 is no worse)")
    for n in names:
        print(line(n, "p99", lower_is_better=True))
    print(f"server CPU us per request (ratio: {other}/example, >= 1 is no worse)")
    for n in cpu_names:
        print(line(n, "cpu", lower_is_better=True))
    if client_names:  # near 1.0: the client, not the server, sets the pace
        print(f"redis-benchmark CPU busy, % of one core (ratio: example/{other})")
    for n in client_names:
        print(line(n, "client"))

main()
