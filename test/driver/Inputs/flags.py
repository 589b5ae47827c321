"""flags.py HELP MANPAGE MAIN_C: every flag main.c's parser matches is in the
--help text and in the man page, and those two list the same flags."""
import re
import sys

help_text = open(sys.argv[1]).read()
man = open(sys.argv[2]).read()
main_c = open(sys.argv[3]).read()

FLAG = r'(?<![\w-])(--?[A-Za-z][A-Za-z0-9_-]*(?:=)?)'


def flags(text):
    return {f.split('=')[0] for f in re.findall(FLAG, text)}


# roff: \- is a hyphen; drop font escapes (\fB, \fR, \fI, \fP)
man = re.sub(r'\\f[BIRP]', '', man.replace('\\-', '-'))
# the OPTIONS section, without its examples (.nf ... .fi)
man = man[man.index('.SH OPTIONS'):man.index('.SH ENVIRONMENT')]
man = re.sub(r'^\.nf$.*?^\.fi$', '', man, flags=re.M | re.S)
man_flags = flags('\n'.join(l for l in man.splitlines() if not l.startswith('.\\"')))
# the parser's flags: string literals that start with '-', in parse_args and needs_value
parser = main_c[main_c.index('static bool needs_value'):main_c.index('/* A shell word')]
literals = re.findall(r'"(--?[A-Za-z][A-Za-z0-9_,=-]*)"', parser)
# a flag is its name up to '='; a literal with a value ("--emit=dot") must be
# written out in both texts
parser_flags = {s.split('=')[0].rstrip(',') for s in literals}
help_flags = flags(help_text)
valued = sorted({s for s in literals if '=' in s and not s.endswith('=')})

ok = True
for name, have in (('--help', help_flags), ('the man page', man_flags)):
    missing = sorted(parser_flags - have)
    if missing:
        print('%s does not list: %s' % (name, ' '.join(missing)))
        ok = False
    for v in valued:
        if v not in (help_text if name == '--help' else man):
            print('%s does not list: %s' % (name, v))
            ok = False
only = sorted(help_flags ^ man_flags)
if only:
    print('listed by only one of --help and the man page: %s' % ' '.join(only))
    ok = False
print('parser flags:', len(parser_flags), 'help:', len(help_flags), 'man:', len(man_flags))
sys.exit(0 if ok else 1)
