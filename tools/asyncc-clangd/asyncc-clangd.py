#!/usr/bin/env python3
"""asyncc-clangd: clangd for asyncc's .ac files.

A language server proxy: the editor talks to it as to clangd, and it runs
clangd and forwards every message both ways.  For .ac buffers it also runs
asyncc's checks (on open, change and save: `asyncc -S` on the buffer's text)
and merges their diagnostics into clangd's publishDiagnostics for that
document (source "asyncc"), offers their fix-its as quick fixes, and marks
async functions as such in hovers.

usage: asyncc-clangd [--clangd=PATH] [--asyncc=PATH] [clangd options...]
       asyncc-clangd --print-clangd-config [asyncc flags...]
The second form prints a .clangd fragment that makes clangd parse .ac files
as asyncc does when no compile_commands.json has an entry for them.
clangd is $ASYNCC_CLANGD, else clangd-19, else clangd on PATH; asyncc is the
one installed next to this script.  See docs/editors.md.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

DEBOUNCE_S = 0.25  # a burst of keystrokes is checked once


# --- LSP framing ---------------------------------------------------------

def read_message(stream):
    """The next JSON-RPC message of stream, or None at its end."""
    length = None
    while True:
        line = stream.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        name, _, value = line.decode('ascii', 'replace').partition(':')
        if name.lower() == 'content-length':
            length = int(value.strip())
    if length is None:
        return None
    body = stream.read(length)
    return json.loads(body) if len(body) == length else None


class Writer:
    """Writes whole messages to one stream from several threads."""

    def __init__(self, stream):
        self.stream = stream
        self.lock = threading.Lock()

    def send(self, msg):
        body = json.dumps(msg, ensure_ascii=False).encode('utf-8')
        with self.lock:
            self.stream.write(b'Content-Length: %d\r\n\r\n' % len(body) + body)
            self.stream.flush()


# --- positions: LSP counts in the negotiated encoding, asyncc in bytes ----

def units(s, encoding):
    if encoding == 'utf-8':
        return len(s.encode('utf-8'))
    if encoding == 'utf-32':
        return len(s)
    return len(s.encode('utf-16-le')) // 2


def index_of(line, character, encoding):
    """The string index of LSP column `character` in line."""
    n = 0
    for i, ch in enumerate(line):
        if n >= character:
            return i
        n += units(ch, encoding)
    return len(line)


def apply_change(text, change, encoding):
    if 'range' not in change:
        return change['text']
    lines = text.split('\n')

    def offset(pos):
        line = min(pos['line'], len(lines))
        base = sum(len(l) + 1 for l in lines[:line])
        return base + (index_of(lines[line], pos['character'], encoding) if line < len(lines) else 0)

    r = change['range']
    return text[:offset(r['start'])] + change['text'] + text[offset(r['end']):]


def lsp_position(lines, line, col_byte, encoding):
    """LSP position of asyncc's 1-based line and byte column."""
    text = lines[line - 1] if 0 < line <= len(lines) else ''
    prefix = text.encode('utf-8')[:max(col_byte - 1, 0)].decode('utf-8', 'replace')
    return {'line': max(line - 1, 0), 'character': units(prefix, encoding)}, text, len(prefix)


def token_range(lines, line, col, encoding):
    """From asyncc's point to the end of the identifier there (or one character)."""
    start, text, i = lsp_position(lines, line, col, encoding)
    j = i
    while j < len(text) and (text[j].isalnum() or text[j] == '_'):
        j += 1
    j = max(j, min(i + 1, len(text)))
    end = {'line': start['line'], 'character': start['character'] + units(text[i:j], encoding)}
    return {'start': start, 'end': end}


# --- asyncc's diagnostics -------------------------------------------------

DIAG_RE = re.compile(r'^(.*?):(\d+):(\d+): (fatal error|error|warning|note|remark): (.*?)(?: \[([^\]]+)\])?$')
SOURCE_RE = re.compile(r'^ *\d+ \| ')
MARK_RE = re.compile(r'^ {6}\| (.*)$')
FIXIT_RE = re.compile(r'^fix-it:"(.*)":\{(\d+):(\d+)-(\d+):(\d+)\}:"(.*)"$')
SEVERITY = {'fatal error': 1, 'error': 1, 'warning': 2, 'note': 3, 'remark': 3}


def parse_diagnostics(output):
    """asyncc's (clang-format) diagnostics: dicts with file, line, col,
    level, message, flag, notes and fixes (line, col, end_col, text).
    A fix-it is the line under the caret (insert that text at its column),
    or a -fdiagnostics-parseable-fixits line."""
    diags = []
    after_caret = False
    for raw in output.splitlines():
        m = DIAG_RE.match(raw)
        if m:
            d = {'file': m[1], 'line': int(m[2]), 'col': int(m[3]), 'level': m[4],
                 'message': m[5], 'flag': m[6], 'notes': [], 'fixes': []}
            if d['level'] == 'note' and diags:
                diags[-1]['notes'].append(d)
            else:
                diags.append(d)
            after_caret = False
            continue
        if not diags:
            continue
        last = diags[-1]['notes'][-1] if diags[-1]['notes'] else diags[-1]
        f = FIXIT_RE.match(raw)
        if f:
            text = f[6].encode('latin-1', 'backslashreplace').decode('unicode_escape')
            last['fixes'].append({'line': int(f[2]), 'col': int(f[3]), 'end_line': int(f[4]),
                                  'end_col': int(f[5]), 'text': text})
            continue
        if SOURCE_RE.match(raw):
            after_caret = False
            continue
        mark = MARK_RE.match(raw)
        if not mark:
            continue
        if not after_caret:  # the caret line
            after_caret = True
            continue
        body = mark[1]
        text = body.lstrip(' \t')
        if text and not any(x['line'] == last['line'] for x in last['fixes']):
            col = len(body) - len(text) + 1
            last['fixes'].append({'line': last['line'], 'col': col, 'end_line': last['line'],
                                  'end_col': col, 'text': text})
    return diags


# --- the compile command of a file ----------------------------------------

KEEP_JOINED = ('-I', '-D', '-U', '-std=', '-iquote', '-isystem', '-idirafter')
KEEP_SEPARATE = ('-I', '-D', '-U', '-iquote', '-isystem', '-idirafter', '-include', '-imacros')
PATH_FLAGS = ('-I', '-iquote', '-isystem', '-idirafter', '-include', '-imacros')


def compile_flags(path, db_dirs):
    """The -I/-D/-U/-std=/-include... flags of path's entry in the nearest
    compile_commands.json (as clangd finds it), relative paths made absolute."""
    d = os.path.dirname(path)
    candidates = [os.path.join(x, 'compile_commands.json') for x in db_dirs]
    while True:
        candidates += [os.path.join(d, 'compile_commands.json'),
                       os.path.join(d, 'build', 'compile_commands.json')]
        parent = os.path.dirname(d)
        if parent == d:
            break
        d = parent
    for db in candidates:
        try:
            with open(db) as f:
                entries = json.load(f)
        except (OSError, ValueError):
            continue
        for e in entries:
            directory = e.get('directory', '.')
            if os.path.realpath(os.path.join(directory, e.get('file', ''))) != os.path.realpath(path):
                continue
            args = e.get('arguments') or shlex.split(e.get('command', ''))
            return filter_flags(args[1:], directory)
        return []
    return []


def filter_flags(args, directory):
    out = []
    i = 0
    while i < len(args):
        a = args[i]
        flag, value = None, None
        if a in KEEP_SEPARATE and i + 1 < len(args):
            flag, value = a, args[i + 1]
            i += 1
        else:
            for p in KEEP_JOINED:
                if a.startswith(p) and len(a) > len(p) and not a.startswith('-include'):
                    flag, value = p, a[len(p):]
                    break
        i += 1
        if flag is None or (flag == '-include' and value.endswith('asyncc/prelude.h')):
            continue  # asyncc includes its prelude itself
        if flag in PATH_FLAGS and not os.path.isabs(value):
            value = os.path.normpath(os.path.join(directory, value))
        out += [flag + value] if flag == '-std=' else [flag, value]
    return out


# --- the proxy ------------------------------------------------------------

def uri_path(uri):
    p = urllib.parse.urlparse(uri)
    return urllib.request.url2pathname(urllib.parse.unquote(p.path)) if p.scheme == 'file' else None


def is_ac(uri):
    return uri.endswith('.ac')


ASYNC_DECL_RE = re.compile(r'\basync\b[^;{}()=]*?\b([A-Za-z_]\w*)\s*\(')


def async_names(text):
    """Names of the functions text declares async."""
    return set(ASYNC_DECL_RE.findall(re.sub(r'//[^\n]*|/\*.*?\*/', ' ', text, flags=re.S)))


class Proxy:
    def __init__(self, clangd, asyncc, clangd_args):
        self.asyncc = asyncc
        self.db_dirs = [a.split('=', 1)[1] for a in clangd_args
                        if a.startswith('--compile-commands-dir=')]
        self.server = subprocess.Popen([clangd] + clangd_args, stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE)
        self.to_client = Writer(sys.stdout.buffer)
        self.to_server = Writer(self.server.stdin)
        self.encoding = 'utf-16'
        self.lock = threading.Lock()
        self.docs = {}            # uri -> {'text', 'version'}
        self.clangd_diags = {}    # uri -> clangd's last diagnostics
        self.asyncc_diags = {}    # uri -> [(LSP diagnostic, [quick fix edits])]
        self.pending = {}         # request id -> (method, uri, params)
        self.dirty = {}           # uri -> time of the last change
        self.wake = threading.Condition(self.lock)
        self.tmp = tempfile.mkdtemp(prefix='asyncc-clangd-')
        self.runtime_async = self.runtime_async_names()

    def runtime_async_names(self):
        inc = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(self.asyncc))),
                           'include', 'asyncc')
        names = set()
        for h in (os.listdir(inc) if os.path.isdir(inc) else []):
            with open(os.path.join(inc, h), errors='replace') as f:
                names |= async_names(f.read())
        return names

    # client -> server
    def from_client(self):
        while True:
            msg = read_message(sys.stdin.buffer)
            if msg is None:
                break
            self.observe_client(msg)
            self.to_server.send(msg)
            if msg.get('method') == 'exit':
                break
        self.server.stdin.close()

    def observe_client(self, msg):
        method = msg.get('method', '')
        params = msg.get('params') or {}
        doc = params.get('textDocument') or {}
        uri = doc.get('uri', '')
        if not is_ac(uri):
            return
        with self.lock:
            if method == 'textDocument/didOpen':
                self.docs[uri] = {'text': doc.get('text', ''), 'version': doc.get('version')}
            elif method == 'textDocument/didChange' and uri in self.docs:
                d = self.docs[uri]
                for change in params.get('contentChanges', []):
                    d['text'] = apply_change(d['text'], change, self.encoding)
                d['version'] = doc.get('version')
            elif method == 'textDocument/didSave' and uri in self.docs:
                if 'text' in params:
                    self.docs[uri]['text'] = params['text']
            elif method == 'textDocument/didClose':
                self.docs.pop(uri, None)
                self.asyncc_diags.pop(uri, None)
                if self.dirty is not None:
                    self.dirty.pop(uri, None)
                return
            elif method in ('textDocument/hover', 'textDocument/codeAction') and 'id' in msg:
                self.pending[msg['id']] = (method, uri, params)
                return
            else:
                return
            if self.dirty is not None:  # None: clangd has exited
                self.dirty[uri] = time.monotonic()
                self.wake.notify()

    # server -> client
    def from_server(self):
        while True:
            msg = read_message(self.server.stdout)
            if msg is None:
                break
            with self.lock:  # in order with the checker's publications
                self.to_client.send(self.observe_server(msg))
        with self.lock:
            self.dirty = None
            self.wake.notify()

    def observe_server(self, msg):
        if msg.get('method') == 'textDocument/publishDiagnostics':
            uri = msg['params'].get('uri', '')
            if is_ac(uri):
                self.clangd_diags[uri] = msg['params'].get('diagnostics', [])
                return self.merged(uri, msg['params'].get('version'))
            return msg
        if 'method' in msg or 'id' not in msg:
            return msg
        result = msg.get('result')
        if isinstance(result, dict) and isinstance(result.get('capabilities'), dict):
            caps = result['capabilities']
            self.encoding = result.get('offsetEncoding') or caps.get('positionEncoding') or 'utf-16'
        method, uri, params = self.pending.pop(msg['id'], (None, None, None))
        if method == 'textDocument/hover' and result:
            self.mark_async(uri, result)
        elif method == 'textDocument/codeAction':
            msg['result'] = (result or []) + self.quick_fixes(uri, params)
        return msg

    def merged(self, uri, version=None):
        """publishDiagnostics with clangd's diagnostics and asyncc's; those
        of asyncc that repeat one of clangd's (clang's own errors, which
        asyncc reports too) are left out."""
        theirs = self.clangd_diags.get(uri, [])

        def norm(m):
            return re.sub(r' \(fix available\)$', '', m.split('\n')[0]).strip().lower()

        seen = {(d['range']['start']['line'], norm(d['message'])) for d in theirs}
        ours = [d for d, _ in self.asyncc_diags.get(uri, [])
                if (d['range']['start']['line'], norm(d['message'])) not in seen]
        params = {'uri': uri, 'diagnostics': theirs + ours}
        if version is None and uri in self.docs:
            version = self.docs[uri]['version']
        if version is not None:
            params['version'] = version
        return {'jsonrpc': '2.0', 'method': 'textDocument/publishDiagnostics', 'params': params}

    def mark_async(self, uri, result):
        """`### function `f`` -> `### async function `f`` and `async` in its
        signature, when f is declared async."""
        contents = result.get('contents')
        if not isinstance(contents, dict) or not isinstance(contents.get('value'), str):
            return
        value = contents['value']
        m = re.match(r'(?:### )?function `?([A-Za-z_]\w*)`?$', value.split('\n')[0].strip())
        text = self.docs.get(uri, {}).get('text', '')
        declared_async = 'Annotation: asyncc.async' in value  # clangd shows it for some
        if not m or not (declared_async or m[1] in async_names(text) | self.runtime_async):
            return
        name = m[1]
        value = re.sub(r'^(### )?function', r'\1async function', value, count=1)
        value = re.sub(r'^((?:(?:static|extern|inline|_Noreturn) )*)(?!async )(.*\b%s\s*\()' % name,
                       r'\1async \2', value, count=1, flags=re.M)
        contents['value'] = value

    def quick_fixes(self, uri, params):
        want = params['range']
        actions = []
        for diag, edits in self.asyncc_diags.get(uri, []):
            r = diag['range']
            if not edits or r['end']['line'] < want['start']['line'] or r['start']['line'] > want['end']['line']:
                continue
            title = ' and '.join("insert '%s'" % e['newText'] if e['range']['start'] == e['range']['end']
                                 else "replace with '%s'" % e['newText'] for e in edits)
            actions.append({'title': title, 'kind': 'quickfix', 'diagnostics': [diag],
                            'isPreferred': True, 'edit': {'changes': {uri: edits}}})
        return actions

    # asyncc's checks, off the message paths
    def checker(self):
        while True:
            with self.lock:
                while self.dirty is not None and not self.dirty:
                    self.wake.wait()
                if self.dirty is None:
                    return
                uri, changed = min(self.dirty.items(), key=lambda kv: kv[1])
                wait = changed + DEBOUNCE_S - time.monotonic()
                if wait > 0:
                    self.wake.wait(wait)
                    continue
                del self.dirty[uri]
                doc = dict(self.docs.get(uri, {}))
            if 'text' not in doc:
                continue
            diags = self.check(uri, doc['text'])
            with self.lock:
                if uri in self.docs and uri not in (self.dirty or {}):
                    self.asyncc_diags[uri] = diags
                    self.to_client.send(self.merged(uri))

    def check(self, uri, text):
        """asyncc's diagnostics of the buffer: its text is lowered from a
        copy (so unsaved edits count), with the file's directory searched
        for "..." includes and its flags from the compile database."""
        path = uri_path(uri) or 'buffer.ac'
        copy = os.path.join(self.tmp, os.path.basename(path))
        with open(copy, 'w', encoding='utf-8') as f:
            f.write(text)
        cmd = [self.asyncc, '-S', '-o', os.path.join(self.tmp, 'lowered.c'),
               '-iquote', os.path.dirname(path)] + compile_flags(path, self.db_dirs) + [copy]
        try:
            out = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, timeout=60,
                                 cwd=os.path.dirname(path) if os.path.isdir(os.path.dirname(path)) else None)
        except (OSError, subprocess.TimeoutExpired) as e:
            return [({'range': {'start': {'line': 0, 'character': 0}, 'end': {'line': 0, 'character': 0}},
                      'severity': 2, 'source': 'asyncc', 'message': 'asyncc did not run: %s' % e}, [])]
        lines = text.split('\n')
        result = []
        for d in parse_diagnostics(out.stderr.decode('utf-8', 'replace')):
            if d['file'] != copy:
                continue  # in a header: the header's own buffer shows it
            lsp = {'range': token_range(lines, d['line'], d['col'], self.encoding),
                   'severity': SEVERITY[d['level']], 'source': 'asyncc', 'message': d['message']}
            if d['flag']:
                lsp['code'] = d['flag'].split(',')[-1]
            related = [{'location': {'uri': uri, 'range': token_range(lines, n['line'], n['col'], self.encoding)},
                        'message': n['message']} for n in d['notes'] if n['file'] == copy]
            if related:
                lsp['relatedInformation'] = related
            edits = [{'range': {'start': lsp_position(lines, x['line'], x['col'], self.encoding)[0],
                                'end': lsp_position(lines, x['end_line'], x['end_col'], self.encoding)[0]},
                      'newText': x['text']} for x in d['fixes']]
            result.append((lsp, edits))
        return result

    def run(self):
        threads = [threading.Thread(target=t, daemon=True)
                   for t in (self.from_server, self.checker, self.from_client)]
        for t in threads:
            t.start()
        try:
            threads[0].join()  # clangd's output ended: it exited
            code = self.server.wait()
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)
        return code


def find_clangd():
    for c in (os.environ.get('ASYNCC_CLANGD'), 'clangd-19', 'clangd', '/usr/lib/llvm-19/bin/clangd'):
        if c and shutil.which(c):
            return shutil.which(c)
    sys.exit('asyncc-clangd: error: clangd not found (install clangd-19, or set ASYNCC_CLANGD)')


def clangd_config(asyncc, flags):
    """A .clangd fragment with asyncc's clang flags for *.ac files."""
    out = subprocess.run([asyncc, '--print-clang-flags'] + flags, stdout=subprocess.PIPE, check=True)
    args = shlex.split(out.stdout.decode())
    return ('If:\n  PathMatch: .*\\.ac\nCompileFlags:\n  Add: [%s]\n'
            % ', '.join(json.dumps(a) for a in args))


def main(argv):
    if argv[:1] == ['--print-clangd-config']:
        asyncc = os.path.join(os.path.dirname(os.path.realpath(__file__)), 'asyncc')
        sys.stdout.write(clangd_config(asyncc, argv[1:]))
        return 0
    clangd, asyncc, rest = None, None, []
    for a in argv:
        if a.startswith('--clangd='):
            clangd = a.split('=', 1)[1]
        elif a.startswith('--asyncc='):
            asyncc = a.split('=', 1)[1]
        elif a in ('-h', '--help'):
            print(__doc__.strip())
            return 0
        else:
            rest.append(a)
    asyncc = asyncc or os.path.join(os.path.dirname(os.path.realpath(__file__)), 'asyncc')
    return Proxy(clangd or find_clangd(), asyncc, rest).run()


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
