"""flags.py HELP MANPAGE MAIN_C: every flag main.c's parser matches is in the
--help text and in the man page, and those two list the same flags."""
import re
import sys

help_text = open(sys.argv[1]).read()
man = open(sys.argv[2]).read()
main_c = open(sys.argv[3]).read()

FLAG = r'(?<![\w-])(--?[A-Za-z][A-Za-z0-9_-]*(?:=)?)'


def flags(text):
    # "-Wno-NAME" (help) and "-Wno- name" (roff .BI): the prefix "-Wno-"
    # (not "-print-file-name")
    return {re.sub(r'(?<=-)(NAME|name)$', '', f.split('=')[0]) if f.startswith('-W') else f.split('=')[0]
            for f in re.findall(FLAG, text)}


# roff: \- is a hyphen; drop font escapes (\fB, \fR, \fI, \fP)
man = re.sub(r'\\f[BIRP]', '', man.replace('\\-', '-'))
# the OPTIONS section, without its examples (.nf ... .fi)
man = man[man.index('.SH OPTIONS'):man.index('.SH ENVIRONMENT')]
man = re.sub(r'^\.nf$.*?^\.fi$', '', man, flags=re.M | re.S)
man_flags = flags('\n'.join(l for l in man.splitlines() if not l.startswith('.\\"')))
# the parser's flags: string literals that start with '-', in parse_args and needs_value
parser = main_c[main_c.index('static bool needs_value'):main_c.index('/* A shell word')]
literals = set(re.findall(r'"(--?[A-Za-z][A-Za-z0-9_,=-]*)"', parser))
# "-Werror=", "-Wno-", "-std=": prefixes some listed flag must start with;
# "--emit=dot": written out in full; the rest: listed by name
prefixes = sorted(l.rstrip('=') for l in literals if l.endswith(('=', '-')))
valued = sorted(l for l in literals if '=' in l[:-1])
parser_flags = {l.rstrip(',') for l in literals if not l.endswith(('=', '-')) and '=' not in l}
help_flags = flags(help_text)

ok = True
for name, have, text in (('--help', help_flags, help_text), ('the man page', man_flags, man)):
    missing = sorted(parser_flags - have)
    missing += [p + '...' for p in prefixes if not any(f.startswith(p) for f in have)]
    missing += [v for v in valued if v not in text]
    if missing:
        print('%s does not list: %s' % (name, ' '.join(missing)))
        ok = False
only = sorted(help_flags ^ man_flags)
if only:
    print('listed by only one of --help and the man page: %s' % ' '.join(only))
    ok = False
print('parser flags:', len(parser_flags), 'help:', len(help_flags), 'man:', len(man_flags))
sys.exit(0 if ok else 1)
