#!/usr/bin/env python3
# Counts, per program of test/macros, the uses of macros that headers define
# (libraries and libc: a function-like macro, or an object-like alias such as
# stb_ds's arrput, written before '('; plus errno and STB_SPRINTF_MIN), the
# uses of the program's own function-like macros, the awaits written in the
# source and the SUSPEND() uses (each an await in a macro body).  Comments
# and string literals are not counted.  The defining header of each macro
# comes from `gcc -E -dD`.  Usage: python3 test/macros/count-macros.py
import re, subprocess, sys, os, collections
here=os.path.dirname(os.path.abspath(__file__))
inc=os.path.join(here,'..','exec','Inputs','plain-c.h')
os.chdir(here)
files=sorted(f for f in os.listdir('.') if f.endswith('.ac'))
def strip_comments(s):
    s=re.sub(r'/\*.*?\*/', lambda m: re.sub(r'[^\n]','',m.group(0)), s, flags=re.S)
    s=re.sub(r'//[^\n]*','',s)
    s=re.sub(r'"(\\.|[^"\\])*"','""',s)
    return s
tot_own=0
bylib=collections.Counter(); total=0; tot_aw=0; tot_susp=0; rows=[]
names_all=collections.Counter()
def lib_of(path):
    for k,v in [('uthash.h','uthash'),('utlist.h','utlist'),('utarray.h','utarray'),('utstring.h','utstring'),('utstack.h','utstack'),('utringbuffer.h','utringbuffer'),
                ('bsd/sys/queue.h','libbsd queue.h'),('bsd/sys/tree.h','libbsd tree.h'),('bsd/sys/bitstring.h','libbsd bitstring.h'),('sys/queue.h','glibc sys/queue.h'),
                ('stb_ds.h','stb_ds.h'),('stb_sprintf.h','stb_sprintf.h')]:
        if path.endswith(k): return v
    return 'libc/compiler headers'
for f in files:
    extra=['-DNDEBUG'] if f.startswith('ndebug') else []
    out=subprocess.run(['gcc','-E','-dD','-x','c','-include',inc,f]+extra,capture_output=True,text=True).stdout
    cur=None; defs={}
    for line in out.split('\n'):
        m=re.match(r'# \d+ "([^"]+)"',line)
        if m: cur=m.group(1); continue
        m=re.match(r'#define (\w+)(\()?',line)
        if m: defs[m.group(1)]=(cur, bool(m.group(2)))
    src=strip_comments(open(f).read())
    # drop preprocessor lines of the test (its own #define bodies are not uses of library macros... but they are!)
    uses=collections.Counter()
    for m in re.finditer(r'\b([A-Za-z_]\w*)\b(\s*\()?',src):
        n=m.group(1)
        if n in defs:
            path,fl=defs[n]
            if path is None or path.endswith('.ac') or path.endswith('plain-c.h') or path.startswith('<'): continue
            if fl and not m.group(2): continue
            if not fl and not m.group(2) and n not in ('errno','STB_SPRINTF_MIN'): continue
            uses[(lib_of(path),n)]+=1
    # uses of the test's own function-like macros (outside #define lines)
    body='\n'.join(l for l in src.split('\n') if not l.lstrip().startswith('#'))
    own=[n for n,(p,fl) in defs.items() if p and p.endswith(f) and fl]
    ownuses=sum(len(re.findall(r'\b%s\s*\('%re.escape(n),body)) for n in own)
    # macro bodies of the test itself: continuation lines belong to #define too
    tot_own+=ownuses
    aw=len(re.findall(r'\bawait\b',src)); su=len(re.findall(r'\bSUSPEND\s*\(',src))
    n=sum(uses.values()); total+=n; tot_aw+=aw; tot_susp+=su
    for (l,nm),c in uses.items(): bylib[l]+=c; names_all[nm]+=c
    libs=sorted(set(l for l,_ in uses))
    rows.append((f,n,aw,su,libs,ownuses))
print('| program | header macro uses | own macro uses | await | SUSPEND() | libraries |')
print('|---|---|---|---|---|---|')
for r in rows: print('| %s | %d | %d | %d | %d | %s |'%(r[0],r[1],r[5],r[2],r[3],', '.join(r[4])))
print('own macro uses',tot_own);print('programs',len(files),'library macro uses',total,'awaits written',tot_aw,'SUSPEND() (await in a macro body)',tot_susp)
for l,c in bylib.most_common(): print('  %-24s %d'%(l,c))
print('distinct library macros used', len(names_all))
print(' '.join(sorted(names_all)))
