/*
 * This is a RANDOMLY GENERATED PROGRAM.
 *
 * Generator: csmith 2.3.0
 * Git version: 30dccd7
 * Options:   --seed 21 --no-argc --max-funcs 6 --max-block-depth 3 --max-block-size 3 --max-expr-complexity 6 --max-array-dim 2 --max-array-len-per-dim 4 --max-struct-fields 4 --max-union-fields 3 -o p21.c
 * Seed:      21
 */

#include "csmith.h"


static long __undefined;

/* --- Struct/Union Declarations --- */
struct S0 {
   volatile unsigned f0 : 9;
   signed f1 : 28;
   unsigned f2 : 15;
   unsigned f3 : 30;
};

/* --- GLOBAL VARIABLES --- */
static int32_t g_9 = 0x416DB6D0L;
static int32_t g_29[3] = {0xBB7A1405L,0xBB7A1405L,0xBB7A1405L};
static uint32_t g_38 = 4294967288UL;
static int32_t g_42 = 2L;
static struct S0 g_49 = {11,1004,85,5888};/* VOLATILE GLOBAL g_49 */
static struct S0 *g_48 = &g_49;
static int32_t g_52[2] = {0x0DC4B636L,0x0DC4B636L};
static uint64_t g_74[4] = {18446744073709551613UL,18446744073709551613UL,18446744073709551613UL,18446744073709551613UL};
static uint8_t g_83 = 248UL;


/* --- FORWARD DECLARATIONS --- */
static uint16_t  func_1(void);
static struct S0 * func_2(int32_t  p_3, uint16_t  p_4);
static int32_t  func_17(const int32_t  p_18, int32_t * p_19, int32_t * p_20);
static int8_t  func_25(int8_t  p_26);
static int32_t * func_31(int32_t * const  p_32, int64_t  p_33, struct S0 * p_34);
static int32_t * func_35(int8_t  p_36);


/* --- FUNCTIONS --- */
/* ------------------------------------------ */
/* 
 * reads : g_9 g_38 g_42 g_48 g_49.f1 g_52 g_29 g_49.f0 g_83 g_49
 * writes: g_9 g_29 g_38 g_42 g_49.f1 g_74 g_52 g_83 g_49 g_48
 */
static uint16_t  func_1(void)
{ /* block id: 0 */
    int16_t l_5 = (-4L);
    struct S0 **l_88 = &g_48;
    (*l_88) = func_2(l_5, l_5);
    return g_49.f1;
}


/* ------------------------------------------ */
/* 
 * reads : g_9 g_38 g_42 g_48 g_49.f1 g_52 g_29 g_49.f0 g_83 g_49
 * writes: g_9 g_29 g_38 g_42 g_49.f1 g_74 g_52 g_83 g_49
 */
static struct S0 * func_2(int32_t  p_3, uint16_t  p_4)
{ /* block id: 1 */
    int16_t l_11 = 5L;
    int32_t *l_16[1][1];
    int64_t l_37 = 0x7FB07D0D1D847576LL;
    int32_t l_60 = 0x736FA7ABL;
    int32_t **l_61[4] = {&l_16[0][0],&l_16[0][0],&l_16[0][0],&l_16[0][0]};
    struct S0 *l_87[2][2];
    int i, j;
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 1; j++)
            l_16[i][j] = &g_9;
    }
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 2; j++)
            l_87[i][j] = &g_49;
    }
    for (p_3 = 0; (p_3 == 13); p_3 = safe_add_func_int8_t_s_s(p_3, 2))
    { /* block id: 4 */
        int32_t *l_8 = &g_9;
        int32_t *l_10 = &g_9;
        int32_t *l_12[3];
        uint32_t l_13 = 4294967295UL;
        int i;
        for (i = 0; i < 3; i++)
            l_12[i] = &g_9;
        --l_13;
    }
    l_16[0][0] = l_16[0][0];
    for (l_11 = 0; (l_11 <= 0); l_11 += 1)
    { /* block id: 10 */
        uint32_t l_30 = 0x153413F0L;
        int32_t **l_43[1];
        int32_t **l_44[2][4] = {{&l_16[0][0],&l_16[0][0],&l_16[0][0],&l_16[0][0]},{&l_16[0][0],&l_16[0][0],&l_16[0][0],&l_16[0][0]}};
        int32_t **l_45 = (void*)0;
        int32_t **l_46 = (void*)0;
        int32_t **l_47 = &l_16[0][0];
        int32_t l_63 = 0x574F207EL;
        int32_t l_76[3][2];
        int8_t l_81 = 1L;
        int i, j;
        for (i = 0; i < 1; i++)
            l_43[i] = (void*)0;
        for (i = 0; i < 3; i++)
        {
            for (j = 0; j < 2; j++)
                l_76[i][j] = (-1L);
        }
        l_60 ^= func_17((safe_div_func_int16_t_s_s((safe_add_func_int8_t_s_s(0x44L, func_25(p_3))), l_30)), func_31(((*l_47) = func_35(l_37)), g_42, g_48), &g_52[0]);
        for (g_38 = 0; (g_38 <= 0); g_38 += 1)
        { /* block id: 33 */
            struct S0 *l_62 = &g_49;
            int i, j;
            for (l_37 = 0; (l_37 <= 0); l_37 += 1)
            { /* block id: 36 */
                int i, j;
                l_61[3] = &l_16[l_11][l_11];
            }
            if (((l_62 != (void*)0) , (((&l_16[l_11][g_38] == l_44[1][3]) > (g_29[l_11] = g_29[(g_38 + 2)])) > l_63)))
            { /* block id: 40 */
                int32_t *l_72 = &g_52[0];
                uint64_t *l_73 = &g_74[0];
                int64_t *l_75[4];
                int i;
                for (i = 0; i < 4; i++)
                    l_75[i] = &l_37;
                (**l_47) = 0x4B5BC683L;
                l_76[0][0] |= (((safe_div_func_uint16_t_u_u((((((((*l_72) = (((((safe_mul_func_uint8_t_u_u(7UL, (safe_mod_func_int64_t_s_s(p_4, (safe_lshift_func_int8_t_s_u(g_49.f1, 3)))))) ^ (((*l_73) = ((void*)0 == l_72)) > p_4)) , p_4) && (*l_72)) , p_4)) <= g_9) , (void*)0) == (void*)0) != g_49.f1) ^ p_4), g_49.f0)) == p_4) && (*l_72));
            }
            else
            { /* block id: 45 */
                uint8_t *l_82 = &g_83;
                int32_t l_86[3];
                int i;
                for (i = 0; i < 3; i++)
                    l_86[i] = 1L;
                if (p_3)
                    break;
                g_49.f1 |= (safe_sub_func_int16_t_s_s(((safe_rshift_func_int8_t_s_s(((p_4 <= l_81) <= ((*l_82)--)), (((l_86[0] , &g_74[2]) == (void*)0) , p_3))) <= 0x01231047L), (-1L)));
                if (p_4)
                    continue;
            }
        }
        for (l_63 = 0; (l_63 >= 0); l_63 -= 1)
        { /* block id: 54 */
            (*g_48) = (*g_48);
            for (l_60 = 0; (l_60 >= 0); l_60 -= 1)
            { /* block id: 58 */
                int i, j;
                if (p_4)
                    break;
                if (p_3)
                    continue;
                if (g_38)
                    break;
            }
        }
    }
    return l_87[1][0];
}


/* ------------------------------------------ */
/* 
 * reads : g_52 g_9 g_42
 * writes: g_42
 */
static int32_t  func_17(const int32_t  p_18, int32_t * p_19, int32_t * p_20)
{ /* block id: 27 */
    int32_t l_55 = 0xBD3D38E2L;
    (*p_19) |= ((p_18 , (safe_sub_func_int16_t_s_s(g_52[0], l_55))) , (((safe_mul_func_int8_t_s_s((safe_add_func_int8_t_s_s(((g_52[0] && (l_55 ^ (*p_20))) , p_18), g_9)), p_18)) || 0x6845D487L) | l_55));
    return l_55;
}


/* ------------------------------------------ */
/* 
 * reads : g_9
 * writes: g_9 g_29
 */
static int8_t  func_25(int8_t  p_26)
{ /* block id: 11 */
    for (p_26 = (-18); (p_26 <= (-30)); p_26 = safe_sub_func_int16_t_s_s(p_26, 4))
    { /* block id: 14 */
        for (g_9 = 0; g_9 < 3; g_9 += 1)
        {
            g_29[g_9] = 0x223B16AAL;
        }
    }
    return g_9;
}


/* ------------------------------------------ */
/* 
 * reads : g_49.f1 g_42
 * writes: g_42 g_49.f1
 */
static int32_t * func_31(int32_t * const  p_32, int64_t  p_33, struct S0 * p_34)
{ /* block id: 22 */
    int16_t l_50 = 0x34E2L;
    int32_t *l_51[2][1];
    int i, j;
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 1; j++)
            l_51[i][j] = &g_52[0];
    }
    g_49.f1 |= ((*p_32) = l_50);
    (*p_32) &= ((&l_51[0][0] != &p_32) | 0L);
    return &g_42;
}


/* ------------------------------------------ */
/* 
 * reads : g_38
 * writes: g_38
 */
static int32_t * func_35(int8_t  p_36)
{ /* block id: 18 */
    int32_t *l_41[2];
    int i;
    for (i = 0; i < 2; i++)
        l_41[i] = &g_42;
    --g_38;
    return l_41[0];
}




/* ---------------------------------------- */
int main (void)
{
    int i;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    transparent_crc(g_9, "g_9", print_hash_value);
    for (i = 0; i < 3; i++)
    {
        transparent_crc(g_29[i], "g_29[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_38, "g_38", print_hash_value);
    transparent_crc(g_42, "g_42", print_hash_value);
    transparent_crc(g_49.f0, "g_49.f0", print_hash_value);
    transparent_crc(g_49.f1, "g_49.f1", print_hash_value);
    transparent_crc(g_49.f2, "g_49.f2", print_hash_value);
    transparent_crc(g_49.f3, "g_49.f3", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_52[i], "g_52[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    for (i = 0; i < 4; i++)
    {
        transparent_crc(g_74[i], "g_74[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_83, "g_83", print_hash_value);
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}

/************************ statistics *************************
XXX max struct depth: 0
breakdown:
   depth: 0, occurrence: 20
XXX total union variables: 0

XXX non-zero bitfields defined in structs: 4
XXX zero bitfields defined in structs: 0
XXX const bitfields defined in structs: 0
XXX volatile bitfields defined in structs: 1
XXX structs with bitfields in the program: 3
breakdown:
   indirect level: 0, occurrence: 0
   indirect level: 1, occurrence: 3
XXX full-bitfields structs in the program: 0
breakdown:
XXX times a bitfields struct's address is taken: 3
XXX times a bitfields struct on LHS: 0
XXX times a bitfields struct on RHS: 0
XXX times a single bitfield on LHS: 2
XXX times a single bitfield on RHS: 4

XXX max expression depth: 20
breakdown:
   depth: 1, occurrence: 31
   depth: 2, occurrence: 8
   depth: 3, occurrence: 2
   depth: 7, occurrence: 1
   depth: 10, occurrence: 1
   depth: 11, occurrence: 1
   depth: 12, occurrence: 1
   depth: 20, occurrence: 1

XXX total number of pointers: 27

XXX times a variable address is taken: 27
XXX times a pointer is dereferenced on RHS: 4
breakdown:
   depth: 1, occurrence: 4
XXX times a pointer is dereferenced on LHS: 10
breakdown:
   depth: 1, occurrence: 9
   depth: 2, occurrence: 1
XXX times a pointer is compared with null: 2
XXX times a pointer is compared with address of another variable: 1
XXX times a pointer is compared with another pointer: 1
XXX times a pointer is qualified to be dereferenced: 55

XXX max dereference level: 2
breakdown:
   level: 0, occurrence: 0
   level: 1, occurrence: 19
   level: 2, occurrence: 1
XXX number of pointers point to pointers: 7
XXX number of pointers point to scalars: 15
XXX number of pointers point to structs: 5
XXX percent of pointers has null in alias set: 11.1
XXX average alias set size: 1.04

XXX times a non-volatile is read: 61
XXX times a non-volatile is write: 37
XXX times a volatile is read: 1
XXX    times read thru a pointer: 0
XXX times a volatile is write: 0
XXX    times written thru a pointer: 0
XXX times a volatile is available for access: 34
XXX percentage of non-volatile access: 99

XXX forward jumps: 0
XXX backward jumps: 0

XXX stmts: 33
XXX max block depth: 3
breakdown:
   depth: 0, occurrence: 15
   depth: 1, occurrence: 5
   depth: 2, occurrence: 4
   depth: 3, occurrence: 9

XXX percentage a fresh-made variable is used: 27.4
XXX percentage an existing variable is used: 72.6
FYI: the random generator makes assumptions about the integer size. See platform.info for more details.
********************* end of statistics **********************/

