# asyncc's gdb extension: the tasks of a stopped program, the async
# backtrace of a task, and frames printed as the .ac line they wait at.
#
#   gdb -x <prefix>/share/asyncc/gdb/asyncc.py ./prog
#
#   ac tasks          every task of every runtime, with its chain of awaits
#   ac bt [TASK]      the chain of awaits of one task (default: the task
#                     being polled on this thread, else the root task)
#   ac next           next, over an await even if it suspends
#   print *ac_f       a frame: where it waits, and its locals live there
#                     (print/r *ac_f for the raw struct)
#
# What it reads: the lowering emits, next to each f__trace, a string
# f__debug (asyncc-debug 1) naming f's awaits (state, .ac line, callee),
# the callee frames in flight at each one (as C expressions on ac_f) and
# the frame fields of f's locals; the runtime's task lists are walked as
# task_dump.c walks them.  Nothing runs in the program, so it works on a
# core file too, and a multi-thread runtime's tasks are all shown (every
# thread is stopped).
import re

import gdb

TASK_FRAME_OFFSET = 32  # AC__TASK_FRAME_OFFSET: the frame follows the header
CHUNK_HEADER = 64  # AC__CHUNK_HEADER: a class chunk's slots start after it
STATE_BITS = (  # enum ac__task_state, as task_dump.c names them
    (1 << 3, "completed, not joined"),
    (1 << 4, "not started"),
    (1 << 1, "running"),
    ((1 << 0) | (1 << 2), "runnable"),
)


def state_done(state):
    """AC_STATE_DONE in the width of the field itself (it may be narrow)."""
    return (1 << (8 * state.type.strip_typedefs().sizeof)) - 1


class FnDebug:
    """f__debug of one async function, with its frame type."""

    def __init__(self, name, text, block):
        self.name = name
        self.block = block  # the static block of f's compilation unit
        self.file = "?"
        self.line = 0
        self.end_line = 0
        self.locals = []  # (name, field, lo, hi): live at awaits of rank lo..hi-1
        self.params = []  # (name, field)
        self.awaits = {}  # state -> (rank, line, what)
        self.frames = {}  # state -> [(callee, expression on ac_f)]
        for row in text.splitlines():
            kind, _, rest = row.partition(" ")
            if kind == "fn":  # name, header line, closing brace's line
                self.line = int(rest.split()[1])
                self.end_line = int(rest.split()[2])
            elif kind == "file":
                self.file = rest
            elif kind in ("param", "local"):
                n, f, lo, hi = rest.split()
                self.locals.append((n, f, int(lo), int(hi)))
                if kind == "param":
                    self.params.append((n, f))
            elif kind == "await":
                st, rank, line, what = rest.split(" ", 3)
                self.awaits[int(st)] = (int(rank), int(line), what)
            elif kind == "frame":
                st, callee, expr = rest.split(" ", 2)
                self.frames.setdefault(int(st), []).append((callee, expr))
        self.type = gdb.lookup_type("struct %s__frame" % name, block)

    def where(self, state):
        """(file, line, what) of the await at 'state', or None."""
        a = self.awaits.get(state)
        return (self.file, a[1], a[2]) if a else None

    def live(self, state):
        """The locals (name, field) that live across the await at 'state'."""
        a = self.awaits.get(state)
        if not a:
            return []
        return [(n, f) for n, f, lo, hi in self.locals if lo <= a[0] < hi]


_tables = {}


def debug_of(name, near=None):
    """The FnDebug of async function 'name', seen from block 'near' (a
    static function of that file first), or None (a runtime leaf)."""
    sym = None
    if near is not None:
        sym = gdb.lookup_symbol(name + "__debug", near)[0]
    if sym is None:
        syms = gdb.lookup_static_symbols(name + "__debug")
        sym = syms[0] if syms else None
    if sym is None:
        return None
    block = sym.symtab.static_block()
    key = (sym.symtab.filename, name)
    if key not in _tables:
        try:
            _tables[key] = FnDebug(name, sym.value().string(), block)
        except (gdb.error, RuntimeError):
            _tables[key] = None
    return _tables[key]


def debug_of_trace(trace):
    """The FnDebug of the function whose f__trace is at address 'trace'."""
    if int(trace) == 0:
        return None
    block = gdb.block_for_pc(int(trace))
    if block is None or block.function is None:
        return None
    name = block.function.name
    if not name.endswith("__trace"):
        return None
    return debug_of(name[: -len("__trace")], block.static_block)


def frame_state(frame):
    st = frame["ac_state"]
    return int(st) & state_done(st), state_done(st)


def callee_frames(d, fptr, state):
    """(FnDebug or None, callee name, frame pointer) of the callee frames
    in flight at 'state', the finished ones of a join left out."""
    out = []
    for callee, expr in d.frames.get(state, []):
        gdb.set_convenience_variable("ac_f", fptr)
        try:
            v = gdb.parse_and_eval(re.sub(r"\bac_f\b", "$ac_f", expr))
        except gdb.error:
            continue
        cd = debug_of(callee, d.block)
        if cd is not None:
            v = v.cast(cd.type.pointer())
            if int(v) == 0:
                continue
            state, done = frame_state(v.dereference())
            if state == done:  # a join's call that has finished
                continue
        out.append((cd, callee, v))
    return out


def chain(d, fptr, indent, lines, depth=0):
    """The await lines of frame fptr (of FnDebug d) and of its callees."""
    pad = "  " * indent
    if depth > 64:  # corrupt frames must not loop forever
        lines.append(pad + "...")
        return
    state, done = frame_state(fptr.dereference())
    if state == 0:
        lines.append("%sin %s, not polled yet" % (pad, d.name))
        return
    if state == done:
        lines.append("%sin %s, completed" % (pad, d.name))
        return
    w = d.where(state)
    if w is None:
        lines.append("%sin %s, state %d" % (pad, d.name, state))
        return
    lines.append("%sat %s:%d in %s, awaiting %s" % (pad, w[0], w[1], d.name, w[2]))
    calls = callee_frames(d, fptr, state)
    nest = 1 if len(calls) > 1 else 0
    for cd, _, v in calls:
        if cd is not None:
            chain(cd, v, indent + nest, lines, depth + 1)


# ------------------------------------------------------------------ tasks


def runtimes():
    """The registered runtimes (task_dump.c's registry), newest first."""
    for sym in gdb.lookup_static_symbols("registry"):
        if str(sym.type.strip_typedefs()) != "struct ac__dump_entry *":
            continue
        e = sym.value()
        while int(e) != 0:
            yield e
            e = e["next"]


def arena_tasks(arena):
    """The live tasks of a task arena, as ac__arena_for_each finds them."""
    task_ptr = gdb.lookup_type("struct ac_task").pointer()
    c = arena["chunks"]
    while int(c) != 0:
        size = int(c["slot_size"])
        if size == 0:
            t = c["single"]
            if int(t) != 0 and int(t["desc"]) != 0:
                yield t
        else:
            p = int(c) + CHUNK_HEADER
            bump = int(c["bump"])
            while p + size <= bump:
                t = gdb.Value(p).cast(task_ptr)
                if int(t["desc"]) != 0:
                    yield t
                p += size
        c = c["next"]


def task_root(t):
    """(name, spawn site, FnDebug, frame address) of task t."""
    desc = t["desc"]
    root_desc = gdb.lookup_global_symbol("ac__root_desc")
    if root_desc is not None and int(desc) == int(root_desc.value().address):
        r = t.cast(gdb.lookup_type("struct ac__root_task").pointer())
        return "root", None, debug_of_trace(r["trace"]), int(r["frame"])
    site = desc["site"]
    name = desc["name"]
    return (name.string() if int(name) else "?", site.string() if int(site) else None,
            debug_of_trace(desc["trace"]), int(t) + TASK_FRAME_OFFSET)


def task_state(t):
    s = int(t["state"])
    for bits, name in STATE_BITS:
        if s & bits:
            return name
    return "waiting"


def task_lines(t):
    name, site, d, frame = task_root(t)
    head = "task 0x%x %s%s: %s" % (int(t), name, " (spawned at %s)" % site if site else "",
                                   task_state(t))
    lines = [head]
    if d is None:
        lines.append("  (no trace function: a hand-written frame)")
    elif task_state(t) == "running":  # its frames are mid-poll
        lines.append("  (being polled: ac bt on its thread shows where)")
    elif task_state(t) not in ("not started", "completed, not joined"):
        chain(d, gdb.Value(frame).cast(d.type.pointer()), 1, lines)
    return lines


class AcPrefix(gdb.Command):
    """asyncc: tasks and async backtraces (ac tasks, ac bt)."""

    def __init__(self):
        super().__init__("ac", gdb.COMMAND_STACK, prefix=True)


class AcTasks(gdb.Command):
    """Every task of every asyncc runtime, with its chain of awaits.

Like the runtime's task dump (ac_task_dump), read from the stopped
program: one block per task, its state, then where each frame of its
chain waits (.ac file:line, awaiting what)."""

    def __init__(self):
        super().__init__("ac tasks", gdb.COMMAND_STACK)

    def invoke(self, arg, from_tty):
        found = False
        for e in runtimes():
            found = True
            workers = int(e["workers"])
            kind = "multi-thread runtime (%d workers)" % workers if workers else "current-thread runtime"
            gdb.write("asyncc runtime: %s\n" % kind)
            count = 0
            for t in [e["root"]] + list(arena_tasks(e["sched"]["arena"].dereference())):
                gdb.write("\n".join(task_lines(t)) + "\n")
                count += 1
            gdb.write("end of tasks (%d tasks)\n" % count)
        if not found:
            gdb.write("no asyncc runtime is running\n")


def polls_on_stack():
    """The polls on this thread's stack, outermost first: (FnDebug, ac_f,
    gdb frame) each."""
    polls = []
    try:
        f = gdb.newest_frame()
    except gdb.error:  # no thread
        return polls
    while f is not None:
        fn = f.function()
        if fn is not None and fn.name.endswith("__poll"):
            try:
                d = debug_of(fn.name[: -len("__poll")], f.block().static_block)
                if d is not None:
                    polls.append((d, f.read_var("ac_f"), f))
            except (gdb.error, ValueError, RuntimeError):
                pass
        f = f.older()
    return polls[::-1]


def polled_lines(polls):
    """The chain of a task being polled: each poll on the stack but the
    innermost waits at its await; the innermost runs at its current line."""
    lines = []
    for i, (d, fptr, f) in enumerate(polls):
        if i + 1 < len(polls):
            state = frame_state(fptr.dereference())[0]
            w = d.where(state)
            if w is not None:
                lines.append("  at %s:%d in %s, awaiting %s" % (w[0], w[1], d.name, w[2]))
                continue
        sal = f.find_sal()
        line = sal.line if sal.symtab is not None else 0
        lines.append("  at %s:%d in %s, running" % (d.file, line, d.name))
    return lines


class AcBt(gdb.Command):
    """The async backtrace of a task: ac bt [TASK].

The chain of awaits, outermost first, each as the .ac file:line its
function is suspended at and what it awaits.  TASK is a task address (as
ac tasks prints it); without it, the task being polled on this thread
(from its outermost poll), else the root task of the runtime."""

    def __init__(self):
        super().__init__("ac bt", gdb.COMMAND_STACK)

    def invoke(self, arg, from_tty):
        if arg.strip():
            t = gdb.parse_and_eval(arg).cast(gdb.lookup_type("struct ac_task").pointer())
            gdb.write("\n".join(task_lines(t)) + "\n")
            return
        polls = polls_on_stack()
        if polls:
            gdb.write("\n".join(["being polled on this thread:"] + polled_lines(polls)) + "\n")
            return
        for e in runtimes():
            gdb.write("\n".join(task_lines(e["root"])) + "\n")
            return
        gdb.write("no asyncc task here\n")


class AcNext(gdb.Command):
    """Step over an await to the next .ac line, even if it suspends: ac next.

In an async function's poll, like next; but when the function suspends
at the await (its poll returns), runs the program until this frame is
resumed there and the await completes, then stops at the next line, as
next does over a call that returns.  Other tasks run meanwhile."""

    def __init__(self):
        super().__init__("ac next", gdb.COMMAND_RUNNING)

    def invoke(self, arg, from_tty):
        f = gdb.selected_frame()
        fn = f.function()
        try:
            d = debug_of(fn.name[: -len("__poll")], f.block().static_block)
            fptr = f.read_var("ac_f")
            line = f.find_sal().line
        except (AttributeError, gdb.error, RuntimeError):
            d = None
        if d is None or not fn.name.endswith("__poll"):  # not in a poll
            gdb.execute("next")
            return
        shown = gdb.execute("next", to_string=True)
        try:
            now = gdb.selected_frame()
            if now.function() is not None and now.function().name == fn.name and \
                    int(now.read_var("ac_f")) == int(fptr) and now.find_sal().line != d.end_line:
                raise StopIteration  # on in the same poll
        except gdb.error:
            pass  # out of the poll (or optimized out): see its state
        except StopIteration:
            gdb.write(shown)
            return
        # at the poll's closing brace or out of it: suspended at an await of
        # this line, or returned
        try:
            w = d.where(frame_state(fptr.dereference())[0])
            state = frame_state(fptr.dereference())[0]
        except gdb.error:  # optimized out
            w = None
        if w is None or w[1] != line:
            gdb.write(shown)
            return
        try:
            bp = gdb.Breakpoint("-function %s -label ac_resume_%d" % (fn.name, state),
                                internal=True)
        except gdb.error:  # optimized: no resume label
            gdb.write(shown)
            return
        bp.condition = "ac_f == (void *)0x%x" % int(fptr)
        bp.silent = True
        try:
            gdb.execute("continue", to_string=True)
        finally:
            if bp.is_valid():
                bp.delete()
        # resumed at the await: on over the rest of its line (the callee's
        # poll), to the next line if it completes now, else wait again
        here = gdb.selected_frame()
        if here.function() is not None and here.function().name == fn.name and \
                here.find_sal().line == line:
            self.invoke(arg, from_tty)


# ---------------------------------------------------------- pretty-printers


class FramePrinter:
    """struct f__frame: 'f at FILE:LINE, awaiting G' and the locals live
    there (a frame's fields hold them while it is suspended)."""

    def __init__(self, d, val):
        self.d = d
        self.val = val

    def to_string(self):
        state, done = frame_state(self.val)
        try:
            polled = any(int(p[1]) == int(self.val.address) for p in polls_on_stack())
        except (gdb.error, TypeError):
            polled = False
        if polled and state != done:  # its state is that of its last await
            return "%s, being polled (its locals: info locals in its poll)" % self.d.name
        if state == 0:
            return "%s, not started" % self.d.name
        if state == done:
            return "%s, done" % self.d.name
        w = self.d.where(state)
        if w is None:
            return "%s, state %d" % (self.d.name, state)
        return "%s at %s:%d, awaiting %s" % (self.d.name, w[0], w[1], w[2])

    def children(self):
        state, done = frame_state(self.val)
        if state == done:
            if any(f.name == "ac_result" for f in _all_fields(self.val.type)):
                yield "ac_result", self.val["ac_result"]
            return
        if self.to_string().endswith("in its poll)"):  # promoted locals are in C locals
            return
        fields = self.d.live(state) if state else self.d.params
        for name, field in fields:
            try:
                yield name, self.val[field]
            except gdb.error:
                pass


def _all_fields(t):
    for f in t.strip_typedefs().fields():
        if f.name:
            yield f
        else:  # an anonymous struct or union
            yield from _all_fields(f.type)


def frame_printer(val):
    t = val.type.strip_typedefs()
    if t.code != gdb.TYPE_CODE_STRUCT or not t.tag or not t.tag.endswith("__frame"):
        return None
    try:
        block = gdb.selected_frame().block().static_block
    except (gdb.error, RuntimeError):
        block = None
    d = debug_of(t.tag[: -len("__frame")], block)
    return FramePrinter(d, val) if d is not None else None


AcPrefix()
AcTasks()
AcBt()
AcNext()
gdb.pretty_printers.append(frame_printer)
