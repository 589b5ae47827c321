/* Included by asyncc/forms.h when clang parses what gcc's preprocessor
 * made of a .ac file (a gcc backend).  The lowering knows this file by name:
 * what these macros' bodies add (the casts) has no place in the text. */
#ifndef ASYNCC_GCC_COMPAT_H
#define ASYNCC_GCC_COMPAT_H
/* clang parses what gcc's preprocessor made of gcc's headers: the types
 * gcc has as keywords, and gcc's atomic builtins on _Atomic objects (which
 * clang only takes on plain ones: the cast drops _Atomic, the type stays) */
typedef float _Float32;
typedef double _Float64;
typedef double _Float32x;
typedef long double _Float64x;
typedef __float128 _Float128;
#define ac__plain(p) ((__typeof__((void)0, *(p)) *)(p))
#define __atomic_load_n(p, ...) __atomic_load_n(ac__plain(p), __VA_ARGS__)
#define __atomic_load(p, ...) __atomic_load(ac__plain(p), __VA_ARGS__)
#define __atomic_store_n(p, ...) __atomic_store_n(ac__plain(p), __VA_ARGS__)
#define __atomic_store(p, ...) __atomic_store(ac__plain(p), __VA_ARGS__)
#define __atomic_exchange_n(p, ...) __atomic_exchange_n(ac__plain(p), __VA_ARGS__)
#define __atomic_exchange(p, ...) __atomic_exchange(ac__plain(p), __VA_ARGS__)
#define __atomic_compare_exchange_n(p, ...) __atomic_compare_exchange_n(ac__plain(p), __VA_ARGS__)
#define __atomic_compare_exchange(p, ...) __atomic_compare_exchange(ac__plain(p), __VA_ARGS__)
#define __atomic_fetch_add(p, ...) __atomic_fetch_add(ac__plain(p), __VA_ARGS__)
#define __atomic_fetch_sub(p, ...) __atomic_fetch_sub(ac__plain(p), __VA_ARGS__)
#define __atomic_fetch_and(p, ...) __atomic_fetch_and(ac__plain(p), __VA_ARGS__)
#define __atomic_fetch_or(p, ...) __atomic_fetch_or(ac__plain(p), __VA_ARGS__)
#define __atomic_fetch_xor(p, ...) __atomic_fetch_xor(ac__plain(p), __VA_ARGS__)
#define __atomic_fetch_nand(p, ...) __atomic_fetch_nand(ac__plain(p), __VA_ARGS__)
#define __atomic_add_fetch(p, ...) __atomic_add_fetch(ac__plain(p), __VA_ARGS__)
#define __atomic_sub_fetch(p, ...) __atomic_sub_fetch(ac__plain(p), __VA_ARGS__)
#define __atomic_and_fetch(p, ...) __atomic_and_fetch(ac__plain(p), __VA_ARGS__)
#define __atomic_or_fetch(p, ...) __atomic_or_fetch(ac__plain(p), __VA_ARGS__)
#define __atomic_xor_fetch(p, ...) __atomic_xor_fetch(ac__plain(p), __VA_ARGS__)
#define __atomic_nand_fetch(p, ...) __atomic_nand_fetch(ac__plain(p), __VA_ARGS__)
#endif
