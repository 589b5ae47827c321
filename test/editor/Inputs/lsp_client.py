#!/usr/bin/env python3
"""A scripted LSP client for asyncc-clangd's tests: starts the server, runs
the steps named on the command line in order, and prints what the server
answered as stable text lines for FileCheck.

usage: lsp_client.py SERVER DIR STEP...
steps (files relative to DIR; LINE and COL are 1-based, as in an editor):
  open:FILE                 didOpen, then print the settled diagnostics
                            (once clangd's and asyncc's have come)
  change:FILE:OLD:NEW       didChange (an incremental edit replacing the
                            first OLD of the buffer by NEW), then print them
  fixes:FILE:LINE           print the code actions offered on LINE
  hover:FILE:LINE:COL       print the hover's text
Each wait is bounded: diagnostics are settled when both came and then none
for 1.5 s (at most 30 s); a request gets 30 s."""
import json
import os
import subprocess
import sys
import threading
import time

SETTLE_S, LIMIT_S = 1.5, 30.0


class Client:
    def __init__(self, server, root):
        self.root = root
        self.log = open(os.path.join(root, 'server.log'), 'w')
        self.proc = subprocess.Popen([server], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.log)
        self.cond = threading.Condition()
        self.responses = {}
        self.diags = {}        # uri -> last published diagnostics
        self.publishes = {}    # uri -> how many were published
        self.last_publish = 0.0
        self.next_id = 0
        self.texts = {}
        self.versions = {}
        threading.Thread(target=self.reader, daemon=True).start()

    def reader(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if not line.strip():
                    break
                k, _, v = line.decode().partition(':')
                if k.lower() == 'content-length':
                    length = int(v)
            msg = json.loads(out.read(length))
            with self.cond:
                if msg.get('method') == 'textDocument/publishDiagnostics':
                    uri = msg['params']['uri']
                    self.diags[uri] = msg['params']['diagnostics']
                    self.publishes[uri] = self.publishes.get(uri, 0) + 1
                    self.last_publish = time.monotonic()
                elif 'id' in msg and 'method' not in msg:
                    self.responses[msg['id']] = msg
                elif 'id' in msg:  # a request of the server: accept it
                    self.send({'jsonrpc': '2.0', 'id': msg['id'], 'result': None})
                self.cond.notify_all()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b'Content-Length: %d\r\n\r\n' % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({'jsonrpc': '2.0', 'method': method, 'params': params})

    def request(self, method, params):
        with self.cond:
            self.next_id += 1
            rid = self.next_id
        self.send({'jsonrpc': '2.0', 'id': rid, 'method': method, 'params': params})
        deadline = time.monotonic() + LIMIT_S
        with self.cond:
            while rid not in self.responses:
                if not self.cond.wait(deadline - time.monotonic()):
                    sys.exit('no answer to %s' % method)
            return self.responses.pop(rid).get('result')

    def uri(self, name):
        return 'file://' + os.path.join(self.root, name)

    def settled(self, uri, seen):
        """The diagnostics of uri once two more were published than 'seen'
        (clangd's, and the server's after asyncc's check, in either order)
        and then none for SETTLE_S."""
        start = time.monotonic()
        with self.cond:
            while time.monotonic() - start < LIMIT_S:
                quiet = time.monotonic() - max(self.last_publish, start)
                if self.publishes.get(uri, 0) >= seen + 2 and quiet >= SETTLE_S:
                    break
                self.cond.wait(SETTLE_S - min(quiet, SETTLE_S) + 0.05)
            return self.diags.get(uri, [])

    def print_diags(self, name, seen):
        diags = self.settled(self.uri(name), seen)
        print('%s: %d diagnostics' % (name, len(diags)))
        for d in sorted(diags, key=lambda d: (d['range']['start']['line'], d['message'])):
            s = d['range']['start']
            e = d['range']['end']
            sev = {1: 'error', 2: 'warning', 3: 'info', 4: 'hint'}.get(d.get('severity'), '?')
            code = ' [%s]' % d['code'] if 'code' in d else ''
            print('  %d:%d-%d:%d %s %s: %s%s' % (s['line'] + 1, s['character'] + 1, e['line'] + 1,
                                                 e['character'] + 1, sev, d.get('source'),
                                                 d['message'].split('\n')[0], code))

    def step(self, step):
        kind, _, rest = step.partition(':')
        seen = self.publishes.get(self.uri(rest.split(':')[0]), 0)
        if kind == 'open':
            with open(os.path.join(self.root, rest)) as f:
                self.texts[rest] = f.read()
            self.versions[rest] = 1
            self.notify('textDocument/didOpen', {'textDocument': {
                'uri': self.uri(rest), 'languageId': 'c', 'version': 1, 'text': self.texts[rest]}})
            self.print_diags(rest, seen)
        elif kind == 'change':
            name, old, new = rest.split(':', 2)
            text = self.texts[name]
            at = text.index(old)
            line = text.count('\n', 0, at)
            col = at - (text.rfind('\n', 0, at) + 1)
            self.texts[name] = text[:at] + new + text[at + len(old):]
            self.versions[name] += 1
            rng = {'start': {'line': line, 'character': col},
                   'end': {'line': line, 'character': col + len(old)}}
            self.notify('textDocument/didChange', {
                'textDocument': {'uri': self.uri(name), 'version': self.versions[name]},
                'contentChanges': [{'range': rng, 'text': new}]})
            self.print_diags(name, seen)
        elif kind == 'fixes':
            name, line = rest.split(':')
            line = int(line) - 1
            uri = self.uri(name)
            here = [d for d in self.diags.get(uri, []) if d['range']['start']['line'] == line]
            actions = self.request('textDocument/codeAction', {
                'textDocument': {'uri': uri},
                'range': {'start': {'line': line, 'character': 0}, 'end': {'line': line, 'character': 0}},
                'context': {'diagnostics': here}}) or []
            print('%s:%d: %d code actions' % (name, line + 1, len(actions)))
            for a in actions:
                for e in a.get('edit', {}).get('changes', {}).get(uri, []):
                    s = e['range']['start']
                    print('  %s: %d:%d %r' % (a['title'], s['line'] + 1, s['character'] + 1, e['newText']))
        elif kind == 'hover':
            name, line, col = rest.split(':')
            h = self.request('textDocument/hover', {
                'textDocument': {'uri': self.uri(name)},
                'position': {'line': int(line) - 1, 'character': int(col) - 1}})
            value = (h or {}).get('contents', {}).get('value', '')
            print('hover %s:%s:%s:' % (name, line, col))
            for l in value.splitlines():
                print('  | ' + l)

    def stop(self):
        self.request('shutdown', None)
        self.notify('exit', None)
        try:
            return self.proc.wait(timeout=LIMIT_S)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return 'timeout'


def main():
    server, root, steps = sys.argv[1], os.path.realpath(sys.argv[2]), sys.argv[3:]
    c = Client(server, root)
    c.request('initialize', {'processId': os.getpid(), 'rootUri': 'file://' + root,
                             'capabilities': {'textDocument': {'hover': {
                                 'contentFormat': ['markdown', 'plaintext']}}}})
    c.notify('initialized', {})
    for s in steps:
        c.step(s)
        sys.stdout.flush()
    print('server exit:', c.stop())


if __name__ == '__main__':
    main()
