/*
 * This is a RANDOMLY GENERATED PROGRAM.
 *
 * Generator: csmith 2.3.0
 * Git version: 30dccd7
 * Options:   --seed 3 --no-argc --max-funcs 6 --max-block-depth 3 --max-block-size 3 --max-expr-complexity 6 --max-array-dim 2 --max-array-len-per-dim 4 --max-struct-fields 4 --max-union-fields 3 -o p3.c
 * Seed:      3
 */

#include "csmith.h"


static long __undefined;

/* --- Struct/Union Declarations --- */
union U0 {
   const uint32_t  f0;
   int32_t  f1;
};

union U1 {
   unsigned f0 : 14;
};

union U2 {
   volatile int32_t  f0;
   const volatile int16_t  f1;
   int8_t  f2;
};

union U3 {
   int8_t  f0;
   int64_t  f1;
   signed f2 : 19;
};

union U4 {
   uint64_t  f0;
};

union U5 {
   int8_t  f0;
   uint16_t  f1;
   volatile uint32_t  f2;
};

/* --- GLOBAL VARIABLES --- */
static volatile union U2 g_9 = {4L};/* VOLATILE GLOBAL g_9 */
static const union U1 g_27 = {0xA7BC6C89L};
static int32_t g_30 = 0x507AF9CAL;
static int32_t g_50 = (-3L);
static int64_t g_55 = 0x745C5BB085CA7DBCLL;
static uint32_t g_57 = 1UL;
static union U0 g_64[2][3] = {{{18446744073709551615UL},{18446744073709551615UL},{18446744073709551615UL}},{{0xF8149088L},{0xF8149088L},{0xF8149088L}}};
static union U3 g_90 = {-9L};
static union U4 g_91 = {1UL};
static int8_t g_95[2][1] = {{6L},{6L}};
static uint8_t g_96 = 0x27L;
static union U0 g_99 = {0xD07FB140L};
static int32_t *g_101 = &g_50;
static union U2 *g_107 = (void*)0;
static int32_t * volatile g_110 = &g_50;/* VOLATILE GLOBAL g_110 */
static int32_t **g_126 = &g_101;
static uint32_t g_134 = 0xA54FBA12L;
static volatile union U1 g_149 = {4294967294UL};/* VOLATILE GLOBAL g_149 */
static volatile union U1 * volatile g_148 = &g_149;/* VOLATILE GLOBAL g_148 */
static volatile union U1 * volatile * volatile g_147 = &g_148;/* VOLATILE GLOBAL g_147 */
static union U1 g_152 = {0xE5D293FBL};
static volatile union U5 g_170 = {1L};/* VOLATILE GLOBAL g_170 */
static uint8_t g_179 = 4UL;


/* --- FORWARD DECLARATIONS --- */
static uint64_t  func_1(void);
static uint32_t  func_13(const int32_t  p_14, uint64_t  p_15, int32_t  p_16, int32_t  p_17, uint32_t  p_18);
static int32_t  func_19(union U1  p_20, int16_t  p_21, int64_t  p_22, union U0  p_23, int16_t  p_24);
static union U1  func_25(uint16_t  p_26);
static int16_t  func_35(uint64_t  p_36, const int64_t  p_37);
static int32_t  func_60(union U0  p_61, int16_t  p_62, uint32_t  p_63);


/* --- FUNCTIONS --- */
/* ------------------------------------------ */
/* 
 * reads : g_9 g_9.f0 g_27 g_27.f0 g_30 g_57 g_50 g_55 g_64 g_64.f0 g_90 g_91 g_96 g_90.f0 g_99 g_95 g_91.f0 g_107 g_110 g_64.f1 g_147 g_99.f1 g_170 g_101 g_179 g_126 g_9.f2 g_134 g_149.f0
 * writes: g_30 g_57 g_55 g_50 g_64.f1 g_96 g_101 g_90.f0 g_107 g_91.f0 g_126 g_134 g_179 g_99.f1
 */
static uint64_t  func_1(void)
{ /* block id: 0 */
    uint32_t l_4 = 0x9989D221L;
    uint16_t l_119[4] = {65535UL,65535UL,65535UL,65535UL};
    union U1 * const l_151 = &g_152;
    union U1 * const *l_150 = &l_151;
    int32_t l_153 = 0xD1E3A85EL;
    int32_t l_173 = (-9L);
    int32_t l_177 = 1L;
    int32_t l_178 = 0L;
    int32_t *l_207 = &l_173;
    int i;
    if (((safe_rshift_func_int16_t_s_s(0xD63AL, 8)) & l_4))
    { /* block id: 1 */
        uint32_t l_100[2][1];
        int32_t *l_109 = (void*)0;
        int32_t * const *l_140[2];
        int32_t * const **l_139 = &l_140[1];
        int32_t l_154 = 1L;
        int i, j;
        for (i = 0; i < 2; i++)
        {
            for (j = 0; j < 1; j++)
                l_100[i][j] = 0x7386F5C6L;
        }
        for (i = 0; i < 2; i++)
            l_140[i] = (void*)0;
        (*g_110) = (safe_div_func_uint8_t_u_u((safe_add_func_uint8_t_u_u((((g_91.f0 = ((g_9 , g_9.f0) <= ((safe_rshift_func_uint8_t_u_u(((~(func_13(func_19(func_25((g_27 , g_27.f0)), g_90.f0, l_4, g_99, l_100[1][0]), g_95[0][0], g_95[0][0], g_90.f0, g_91.f0) | l_4)) && g_96), l_100[1][0])) <= l_100[1][0]))) > 0xD51CD1B9B51B9DC4LL) <= g_95[1][0]), l_100[1][0])), g_27.f0));
        for (g_57 = 0; (g_57 > 45); g_57++)
        { /* block id: 67 */
            int8_t l_113 = (-3L);
            int32_t *l_114 = &g_64[1][1].f1;
            int32_t *l_115 = &g_99.f1;
            int32_t *l_116 = (void*)0;
            int32_t *l_117 = &g_30;
            int32_t *l_118 = &g_30;
            int32_t **l_125[1];
            int32_t ***l_124[4][1];
            int64_t l_172 = (-7L);
            uint64_t l_182 = 18446744073709551610UL;
            int i, j;
            for (i = 0; i < 1; i++)
                l_125[i] = &l_109;
            for (i = 0; i < 4; i++)
            {
                for (j = 0; j < 1; j++)
                    l_124[i][j] = &l_125[0];
            }
            l_119[0]--;
            if ((((*g_110) | (safe_lshift_func_int8_t_s_u(g_64[1][1].f1, (&l_109 == (g_126 = &g_101))))) == g_91.f0))
            { /* block id: 70 */
                uint32_t *l_130 = &l_4;
                uint32_t *l_133 = &g_134;
                int32_t * const ***l_141 = &l_139;
                uint16_t *l_142 = &l_119[0];
                uint8_t *l_171 = &g_96;
                l_154 = (1L || (!((safe_sub_func_int16_t_s_s(((((*l_133) = (++(*l_130))) ^ (safe_add_func_uint32_t_u_u((safe_rshift_func_uint16_t_u_u(((*l_142) = (&g_126 == ((*l_141) = l_139))), 5)), (safe_lshift_func_int8_t_s_u((safe_mod_func_uint32_t_u_u((g_147 != ((&g_107 != (void*)0) , l_150)), (-1L))), l_153))))) | g_64[1][1].f1), (*l_115))) != 0xBCL)));
                (*l_117) = (safe_rshift_func_int16_t_s_u(0L, (safe_mod_func_uint8_t_u_u(((*l_171) &= (safe_mul_func_int8_t_s_s(((safe_sub_func_int8_t_s_s((safe_mod_func_int16_t_s_s(g_27.f0, (~(safe_add_func_uint8_t_u_u(((g_91.f0 | (safe_sub_func_int32_t_s_s((g_170 , l_4), (*g_101)))) <= 0xFFL), g_50))))), 1L)) < (-9L)), g_99.f1))), 0xC9L))));
            }
            else
            { /* block id: 78 */
                int16_t l_174 = 0xD5F1L;
                int32_t l_175 = 0L;
                int32_t l_176[1][2];
                int i, j;
                for (i = 0; i < 1; i++)
                {
                    for (j = 0; j < 2; j++)
                        l_176[i][j] = 5L;
                }
                if ((*g_110))
                    break;
                g_179--;
                l_182++;
            }
            (*l_118) = 0xC701984FL;
        }
        (*g_126) = (*g_126);
    }
    else
    { /* block id: 86 */
        union U1 l_185 = {0x918D4D52L};
        int32_t ***l_193 = &g_126;
        int32_t ****l_192 = &l_193;
        int64_t *l_194[2];
        int32_t l_197 = 0x322444A5L;
        uint32_t l_201 = 4294967294UL;
        union U1 *l_216 = &g_152;
        union U1 **l_215 = &l_216;
        int i;
        for (i = 0; i < 2; i++)
            l_194[i] = &g_55;
        if (((***l_193) = (g_9.f2 < ((l_185 , ((l_185.f0 != 0x0B4C8DAEL) >= ((l_178 = (l_173 = (safe_rshift_func_int16_t_s_u((safe_add_func_uint8_t_u_u((safe_rshift_func_int16_t_s_u(((l_192 == &l_193) <= g_64[1][1].f1), g_179)), 0UL)), g_91.f0)))) == 0x9AB21B83128F9B6ALL))) & l_177))))
        { /* block id: 90 */
            (**l_193) = (*g_126);
        }
        else
        { /* block id: 92 */
            int16_t l_195[4][2] = {{2L,2L},{2L,2L},{2L,2L},{2L,2L}};
            int32_t *l_196 = &g_50;
            int32_t *l_198 = &l_153;
            int32_t *l_199 = &g_30;
            int32_t *l_200[1][4] = {{(void*)0,(void*)0,(void*)0,(void*)0}};
            int i, j;
            --l_201;
            (*g_126) = (*g_126);
            if ((*g_110))
            { /* block id: 95 */
                (****l_192) = (*g_101);
            }
            else
            { /* block id: 97 */
                int32_t *l_204[2];
                int i;
                for (i = 0; i < 2; i++)
                    l_204[i] = &l_153;
                (***l_192) = l_204[0];
                (**g_126) = (safe_mod_func_uint32_t_u_u((((l_177 = (*l_196)) , g_64[1][1].f0) | g_90.f0), (**g_126)));
            }
        }
        for (g_30 = 0; (g_30 >= 0); g_30 -= 1)
        { /* block id: 105 */
            uint64_t l_212 = 0x0F3F8A80EA506B42LL;
            int32_t l_217[4][1] = {{0xC8A46905L},{0L},{0xC8A46905L},{0L}};
            int i, j;
            l_207 = &l_178;
            l_217[1][0] = ((safe_rshift_func_uint8_t_u_u((((***l_193) && g_57) <= (&g_148 != ((safe_mul_func_uint16_t_u_u(l_212, (safe_div_func_uint8_t_u_u((g_134 == g_57), g_149.f0)))) , l_215))), 2)) == l_212);
            for (g_99.f1 = 0; (g_99.f1 >= 0); g_99.f1 -= 1)
            { /* block id: 110 */
                int i, j;
                l_217[2][0] &= ((g_95[g_99.f1][g_99.f1] > (safe_unary_minus_func_int64_t_s((l_212 || (*l_207))))) , 5L);
                (***l_192) = (*g_126);
            }
        }
        (***l_192) = (void*)0;
    }
    return g_9.f2;
}


/* ------------------------------------------ */
/* 
 * reads : g_90.f0 g_30 g_107
 * writes: g_90.f0 g_30 g_101 g_107
 */
static uint32_t  func_13(const int32_t  p_14, uint64_t  p_15, int32_t  p_16, int32_t  p_17, uint32_t  p_18)
{ /* block id: 51 */
    for (g_90.f0 = (-17); (g_90.f0 != (-9)); g_90.f0 = safe_add_func_int8_t_s_s(g_90.f0, 8))
    { /* block id: 54 */
        for (g_30 = 0; (g_30 < (-18)); --g_30)
        { /* block id: 57 */
            int32_t **l_106 = &g_101;
            union U2 **l_108 = &g_107;
            (*l_106) = &g_50;
            (*l_108) = g_107;
        }
    }
    return p_14;
}


/* ------------------------------------------ */
/* 
 * reads :
 * writes: g_101
 */
static int32_t  func_19(union U1  p_20, int16_t  p_21, int64_t  p_22, union U0  p_23, int16_t  p_24)
{ /* block id: 48 */
    g_101 = &g_50;
    return p_23.f1;
}


/* ------------------------------------------ */
/* 
 * reads : g_30 g_27 g_57 g_50 g_55 g_64 g_64.f0 g_90 g_91 g_96
 * writes: g_30 g_57 g_55 g_50 g_64.f1 g_96
 */
static union U1  func_25(uint16_t  p_26)
{ /* block id: 2 */
    union U1 l_46 = {0UL};
    int32_t *l_94[4][3] = {{&g_64[1][1].f1,&g_30,&g_64[1][1].f1},{&g_64[1][1].f1,(void*)0,&g_64[1][1].f1},{&g_64[1][1].f1,&g_64[1][1].f1,(void*)0},{&g_64[1][1].f1,(void*)0,(void*)0}};
    int i, j;
    for (p_26 = 0; (p_26 != 18); p_26 = safe_add_func_uint8_t_u_u(p_26, 1))
    { /* block id: 5 */
        int8_t l_83 = (-1L);
        for (g_30 = 0; (g_30 < (-20)); g_30 = safe_sub_func_uint64_t_u_u(g_30, 3))
        { /* block id: 8 */
            uint32_t l_92 = 0UL;
            if (g_30)
            { /* block id: 9 */
                int32_t *l_80 = &g_64[1][1].f1;
                (*l_80) = (safe_lshift_func_uint16_t_u_s(0UL, func_35((g_30 == ((~((safe_lshift_func_uint16_t_u_u(p_26, 0)) > 1L)) <= ((safe_sub_func_int8_t_s_s((+((((g_27 , l_46) , 0UL) , 0x01E07AD46D23205ELL) > p_26)), p_26)) & p_26))), p_26)));
                (*l_80) = (((safe_add_func_uint64_t_u_u(0x7FBC07B36282DC26LL, (l_83 == (safe_mul_func_uint16_t_u_u(((safe_rshift_func_int16_t_s_s((safe_add_func_uint64_t_u_u(l_83, ((g_90 , (g_91 , g_50)) <= (-1L)))), l_83)) < p_26), p_26))))) < l_92) == 0x6F801DA9L);
            }
            else
            { /* block id: 41 */
                int8_t l_93 = 0xE1L;
                l_93 = p_26;
            }
        }
    }
    g_96--;
    return l_46;
}


/* ------------------------------------------ */
/* 
 * reads : g_57 g_50 g_55 g_64 g_30 g_64.f0
 * writes: g_57 g_55 g_50 g_64.f1
 */
static int16_t  func_35(uint64_t  p_36, const int64_t  p_37)
{ /* block id: 10 */
    int64_t l_56[4];
    int32_t l_75 = 0xA6C15A2DL;
    const union U1 *l_77 = &g_27;
    int32_t l_79 = 0xAA25E9F1L;
    int i;
    for (i = 0; i < 4; i++)
        l_56[i] = 0L;
    for (p_36 = (-21); (p_36 != 21); p_36++)
    { /* block id: 13 */
        int32_t *l_49 = &g_50;
        int32_t *l_51 = (void*)0;
        int32_t *l_52 = &g_50;
        int32_t *l_53 = &g_50;
        int32_t *l_54[1];
        int i;
        for (i = 0; i < 1; i++)
            l_54[i] = (void*)0;
        g_57++;
        if ((*l_53))
            continue;
        for (g_55 = 0; (g_55 <= 3); g_55 += 1)
        { /* block id: 18 */
            const union U1 **l_78 = &l_77;
            for (g_50 = 0; (g_50 <= 3); g_50 += 1)
            { /* block id: 21 */
                uint32_t *l_65 = (void*)0;
                uint32_t *l_66 = &g_57;
                int32_t l_76 = 4L;
                int i;
                g_64[1][1].f1 = (l_75 = func_60(g_64[1][1], l_56[g_50], (l_56[g_50] , ((*l_66) = l_56[1]))));
                l_76 ^= (l_75 = p_36);
            }
            if (g_64[1][1].f0)
                continue;
            (*l_78) = l_77;
        }
    }
    l_75 = 0x56384447L;
    return l_79;
}


/* ------------------------------------------ */
/* 
 * reads : g_30
 * writes:
 */
static int32_t  func_60(union U0  p_61, int16_t  p_62, uint32_t  p_63)
{ /* block id: 23 */
    int32_t *l_67 = &g_30;
    int32_t **l_68 = (void*)0;
    int32_t **l_69 = &l_67;
    int32_t *l_70 = (void*)0;
    int32_t *l_71[2];
    uint8_t l_72[4][1];
    int i, j;
    for (i = 0; i < 2; i++)
        l_71[i] = &g_64[1][1].f1;
    for (i = 0; i < 4; i++)
    {
        for (j = 0; j < 1; j++)
            l_72[i][j] = 0x70L;
    }
    (*l_69) = l_67;
    --l_72[3][0];
    p_61.f1 = (&g_50 != (*l_69));
    return (**l_69);
}




/* ---------------------------------------- */
int main (void)
{
    int i, j;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    transparent_crc(g_9.f0, "g_9.f0", print_hash_value);
    transparent_crc(g_9.f1, "g_9.f1", print_hash_value);
    transparent_crc(g_9.f2, "g_9.f2", print_hash_value);
    transparent_crc(g_27.f0, "g_27.f0", print_hash_value);
    transparent_crc(g_30, "g_30", print_hash_value);
    transparent_crc(g_50, "g_50", print_hash_value);
    transparent_crc(g_55, "g_55", print_hash_value);
    transparent_crc(g_57, "g_57", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 3; j++)
        {
            transparent_crc(g_64[i][j].f0, "g_64[i][j].f0", print_hash_value);
            transparent_crc(g_64[i][j].f1, "g_64[i][j].f1", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_90.f0, "g_90.f0", print_hash_value);
    transparent_crc(g_91.f0, "g_91.f0", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 1; j++)
        {
            transparent_crc(g_95[i][j], "g_95[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_96, "g_96", print_hash_value);
    transparent_crc(g_99.f0, "g_99.f0", print_hash_value);
    transparent_crc(g_99.f1, "g_99.f1", print_hash_value);
    transparent_crc(g_134, "g_134", print_hash_value);
    transparent_crc(g_149.f0, "g_149.f0", print_hash_value);
    transparent_crc(g_152.f0, "g_152.f0", print_hash_value);
    transparent_crc(g_170.f0, "g_170.f0", print_hash_value);
    transparent_crc(g_179, "g_179", print_hash_value);
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}

/************************ statistics *************************
XXX max struct depth: 0
breakdown:
   depth: 0, occurrence: 53
XXX total union variables: 9

XXX non-zero bitfields defined in structs: 2
XXX zero bitfields defined in structs: 0
XXX const bitfields defined in structs: 0
XXX volatile bitfields defined in structs: 0
XXX structs with bitfields in the program: 8
breakdown:
   indirect level: 0, occurrence: 4
   indirect level: 1, occurrence: 1
   indirect level: 2, occurrence: 3
XXX full-bitfields structs in the program: 0
breakdown:
XXX times a bitfields struct's address is taken: 4
XXX times a bitfields struct on LHS: 0
XXX times a bitfields struct on RHS: 6
XXX times a single bitfield on LHS: 0
XXX times a single bitfield on RHS: 5

XXX max expression depth: 24
breakdown:
   depth: 1, occurrence: 68
   depth: 2, occurrence: 12
   depth: 3, occurrence: 1
   depth: 4, occurrence: 1
   depth: 5, occurrence: 1
   depth: 6, occurrence: 1
   depth: 7, occurrence: 1
   depth: 10, occurrence: 1
   depth: 12, occurrence: 1
   depth: 13, occurrence: 1
   depth: 14, occurrence: 1
   depth: 15, occurrence: 1
   depth: 18, occurrence: 1
   depth: 24, occurrence: 1

XXX total number of pointers: 52

XXX times a variable address is taken: 56
XXX times a pointer is dereferenced on RHS: 17
breakdown:
   depth: 1, occurrence: 14
   depth: 2, occurrence: 2
   depth: 3, occurrence: 1
XXX times a pointer is dereferenced on LHS: 24
breakdown:
   depth: 1, occurrence: 17
   depth: 2, occurrence: 2
   depth: 3, occurrence: 4
   depth: 4, occurrence: 1
XXX times a pointer is compared with null: 1
XXX times a pointer is compared with address of another variable: 2
XXX times a pointer is compared with another pointer: 0
XXX times a pointer is qualified to be dereferenced: 424

XXX max dereference level: 4
breakdown:
   level: 0, occurrence: 0
   level: 1, occurrence: 36
   level: 2, occurrence: 5
   level: 3, occurrence: 5
   level: 4, occurrence: 1
XXX number of pointers point to pointers: 16
XXX number of pointers point to scalars: 31
XXX number of pointers point to structs: 0
XXX percent of pointers has null in alias set: 23.1
XXX average alias set size: 1.12

XXX times a non-volatile is read: 129
XXX times a non-volatile is write: 94
XXX times a volatile is read: 10
XXX    times read thru a pointer: 0
XXX times a volatile is write: 1
XXX    times written thru a pointer: 0
XXX times a volatile is available for access: 52
XXX percentage of non-volatile access: 95.3

XXX forward jumps: 0
XXX backward jumps: 0

XXX stmts: 58
XXX max block depth: 3
breakdown:
   depth: 0, occurrence: 16
   depth: 1, occurrence: 11
   depth: 2, occurrence: 16
   depth: 3, occurrence: 15

XXX percentage a fresh-made variable is used: 25
XXX percentage an existing variable is used: 75
FYI: the random generator makes assumptions about the integer size. See platform.info for more details.
********************* end of statistics **********************/

