# lit configuration for asyncc.  Run through ctest (see CMakeLists.txt), or
# directly: python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv build/test
#
# Parameters (lit -D):
#   cc=gcc|clang-19   backend compiler for the generated C (default gcc)
#   san=1             build execution tests with ASan + UBSan
#   io=epoll|uring    the reactor backend the programs use (ASYNCC_IO; default
#                     epoll: the runtime's own default is the ring where the
#                     kernel has one, so the epoll runs must say so)
import os
import lit.formats

config.name = 'asyncc'
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = ['.ac', '.test']
config.excludes = ['Inputs', 'CMakeLists.txt', 'lit.cfg.py', 'lit.site.cfg.py.in', 'unit',
                   'corpus', 'install']
config.test_source_root = os.path.dirname(__file__)

cc = lit_config.params.get('cc', 'gcc')
san = lit_config.params.get('san', '0') == '1'
io = lit_config.params.get('io', 'epoll')
# each variant writes its outputs (%t) in a tree of its own: ctest runs the
# variants of one test in parallel
config.test_exec_root = os.path.join(config.asyncc_build_dir, 'test', 'out-' + cc + ('-san' if san else '') +
                                     ('-' + io if io != 'epoll' else ''))
flags = '-Wall -Wextra -Werror'
if san:
    flags += ' -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer'
    config.available_features.add('san')
config.available_features.add('cc-' + cc)

asyncc = os.path.join(config.asyncc_build_dir, 'bin', 'asyncc')
# before %asyncc, which is a prefix of it
config.substitutions.append(('%asyncc_clangd', os.path.join(config.asyncc_build_dir, 'bin', 'asyncc-clangd')))
config.substitutions.append(('%acc', '%s --cc=%s %s' % (asyncc, cc, flags)))
config.substitutions.append(('%asyncc', asyncc))
config.substitutions.append(('%gdbext', os.path.join(config.asyncc_build_dir, 'share', 'asyncc', 'gdb', 'asyncc.py')))
config.substitutions.append(('%FileCheck', os.path.join(config.llvm_root, 'bin', 'FileCheck')))
config.substitutions.append(('%not', os.path.join(config.llvm_root, 'bin', 'not')))
config.substitutions.append(('%count', os.path.join(config.llvm_root, 'bin', 'count')))
config.substitutions.append(('%python', 'python3'))
config.substitutions.append(('%inputs', os.path.join(config.test_source_root, 'Inputs')))
config.substitutions.append(('%cc', cc))
config.substitutions.append(('%srcroot', os.path.dirname(config.test_source_root)))

# ASan: leaks are errors; UBSan: print stacks
config.environment['ASAN_OPTIONS'] = 'detect_leaks=1:abort_on_error=0'
config.environment['UBSAN_OPTIONS'] = 'print_stacktrace=1:halt_on_error=1'
config.environment['ASYNCC_IO'] = io
config.available_features.add('io-' + io)


def kernel_has_uring():
    """Whether this process may set up an io_uring (seccomp, sysctl)."""
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    params = ctypes.create_string_buffer(120)  # struct io_uring_params
    fd = libc.syscall(425, 1, params)  # io_uring_setup, on every architecture
    if fd < 0:
        return False
    os.close(fd)
    return True


if kernel_has_uring():
    config.available_features.add('uring-kernel')
for var in ('PATH', 'HOME', 'TMPDIR'):
    if var in os.environ:
        config.environment[var] = os.environ[var]
