/*
 * This is a RANDOMLY GENERATED PROGRAM.
 *
 * Generator: csmith 2.3.0
 * Git version: 30dccd7
 * Options:   --seed 7 --no-argc --max-funcs 6 --max-block-depth 3 --max-block-size 3 --max-expr-complexity 6 --max-array-dim 2 --max-array-len-per-dim 4 --max-struct-fields 4 --max-union-fields 3 -o p7.c
 * Seed:      7
 */

#include "csmith.h"


static long __undefined;

/* --- Struct/Union Declarations --- */
union U0 {
   int64_t  f0;
   volatile int32_t  f1;
};

/* --- GLOBAL VARIABLES --- */
static int64_t g_4 = 0L;
static volatile uint16_t g_18 = 3UL;/* VOLATILE GLOBAL g_18 */
static int32_t g_20 = (-9L);
static int32_t g_32 = 0xFC353271L;
static int32_t g_52 = (-1L);
static int32_t g_53[3][1] = {{(-9L)},{(-9L)},{(-9L)}};
static volatile int32_t g_56 = (-1L);/* VOLATILE GLOBAL g_56 */
static volatile uint8_t g_57 = 0x7DL;/* VOLATILE GLOBAL g_57 */
static int32_t ** const  volatile g_60[3][4] = {{(void*)0,(void*)0,(void*)0,(void*)0},{(void*)0,(void*)0,(void*)0,(void*)0},{(void*)0,(void*)0,(void*)0,(void*)0}};
static int32_t *g_62 = &g_32;
static int32_t ** volatile g_61 = &g_62;/* VOLATILE GLOBAL g_61 */
static int16_t g_74 = 0xDDFAL;
static uint8_t g_77[3][2] = {{0UL,0xECL},{0xECL,0UL},{0xECL,0xECL}};
static uint16_t g_82 = 0xB23DL;
static union U0 g_90 = {0x775BA80B3897E00CLL};/* VOLATILE GLOBAL g_90 */
static uint64_t g_97[1][3] = {{0UL,0UL,0UL}};
static int32_t g_183 = 0x4C6E6471L;
static uint32_t g_185 = 4294967288UL;


/* --- FORWARD DECLARATIONS --- */
static int64_t  func_1(void);
static const int32_t  func_2(uint8_t  p_3);
static uint32_t  func_12(const uint8_t  p_13, int8_t  p_14, uint16_t  p_15);
static uint8_t  func_22(uint64_t  p_23, int32_t * p_24, const int32_t * p_25, int32_t * p_26, int32_t  p_27);
static int32_t * func_28(int32_t  p_29, int32_t * p_30);
static int32_t * func_33(uint64_t  p_34, int64_t  p_35, uint8_t  p_36, int32_t * p_37, int32_t * const  p_38);


/* --- FUNCTIONS --- */
/* ------------------------------------------ */
/* 
 * reads : g_4 g_18 g_20 g_32 g_52 g_53 g_57 g_61 g_74 g_77 g_97 g_90.f0 g_62 g_90.f1 g_183 g_185
 * writes: g_4 g_18 g_20 g_32 g_52 g_53 g_57 g_62 g_74 g_77 g_82 g_97 g_90.f0 g_183 g_185
 */
static int64_t  func_1(void)
{ /* block id: 0 */
    uint16_t l_186 = 65535UL;
    int32_t l_187 = 0x3F382317L;
    int32_t *l_188 = &l_187;
    int32_t *l_189[4][3] = {{&g_20,&g_32,&g_20},{&g_20,&g_32,&g_20},{&g_20,&g_32,&g_20},{&g_20,&g_32,&g_20}};
    int16_t l_190 = 0xE1E2L;
    uint64_t l_191[4][2] = {{18446744073709551608UL,18446744073709551608UL},{18446744073709551608UL,18446744073709551608UL},{18446744073709551608UL,18446744073709551608UL},{18446744073709551608UL,18446744073709551608UL}};
    int i, j;
    g_185 ^= func_2(g_4);
    l_187 ^= l_186;
    --l_191[3][1];
    return g_52;
}


/* ------------------------------------------ */
/* 
 * reads : g_4 g_18 g_20 g_32 g_52 g_53 g_57 g_61 g_74 g_77 g_97 g_90.f0 g_62 g_90.f1 g_183
 * writes: g_4 g_18 g_20 g_32 g_52 g_53 g_57 g_62 g_74 g_77 g_82 g_97 g_90.f0 g_183
 */
static const int32_t  func_2(uint8_t  p_3)
{ /* block id: 1 */
    const int16_t l_184 = 0x9B9AL;
    for (g_4 = 0; (g_4 > (-7)); g_4 = safe_sub_func_int32_t_s_s(g_4, 4))
    { /* block id: 4 */
        const int32_t l_16 = 0xB1B552BFL;
        uint8_t l_181 = 0xE6L;
        int32_t *l_182[1][1];
        int i, j;
        for (i = 0; i < 1; i++)
        {
            for (j = 0; j < 1; j++)
                l_182[i][j] = &g_183;
        }
        g_183 &= (2L ^ ((safe_rshift_func_uint16_t_u_u(g_4, (!p_3))) , (safe_add_func_int16_t_s_s(g_4, (func_12(l_16, g_4, p_3) , l_181)))));
    }
    return l_184;
}


/* ------------------------------------------ */
/* 
 * reads : g_18 g_20 g_4 g_32 g_52 g_53 g_57 g_61 g_74 g_77 g_97 g_90.f0 g_62 g_90.f1
 * writes: g_18 g_20 g_32 g_52 g_53 g_57 g_62 g_74 g_77 g_82 g_97 g_90.f0
 */
static uint32_t  func_12(const uint8_t  p_13, int8_t  p_14, uint16_t  p_15)
{ /* block id: 5 */
    int8_t l_17[4] = {0x54L,0x54L,0x54L,0x54L};
    int32_t l_83 = 0x18D362EAL;
    int32_t l_102 = 0L;
    int32_t l_110 = 1L;
    int32_t l_111[1];
    int32_t l_114 = (-6L);
    uint32_t l_163 = 1UL;
    uint8_t *l_180 = &g_77[1][1];
    int i;
    for (i = 0; i < 1; i++)
        l_111[i] = 9L;
    for (p_15 = 0; (p_15 <= 3); p_15 += 1)
    { /* block id: 8 */
        int32_t l_105[2][3];
        int64_t l_108[2];
        int8_t l_112 = 0xDDL;
        int64_t l_162[2][2] = {{0x483209A790D78255LL,0x483209A790D78255LL},{0x483209A790D78255LL,0x483209A790D78255LL}};
        int i, j;
        for (i = 0; i < 2; i++)
        {
            for (j = 0; j < 3; j++)
                l_105[i][j] = (-5L);
        }
        for (i = 0; i < 2; i++)
            l_108[i] = (-1L);
        if (l_17[p_15])
        { /* block id: 9 */
            int32_t *l_19 = &g_20;
            for (p_14 = 3; (p_14 >= 0); p_14 -= 1)
            { /* block id: 12 */
                g_18 ^= 0xBEC0351AL;
                if (p_15)
                    break;
            }
            (*l_19) = 2L;
        }
        else
        { /* block id: 17 */
            if ((g_20 < 0x069BL))
            { /* block id: 18 */
                return l_17[p_15];
            }
            else
            { /* block id: 20 */
                uint8_t l_21 = 0xB9L;
                if (p_14)
                    break;
                if (l_21)
                    break;
            }
            return l_17[p_15];
        }
        for (g_20 = 3; (g_20 >= 0); g_20 -= 1)
        { /* block id: 28 */
            int32_t *l_31 = &g_32;
            uint64_t l_84 = 0x13CFF85525C537F4LL;
            int32_t l_107 = 0L;
            int32_t l_109 = 0x94E54854L;
            int32_t l_113[4][4] = {{0xB197733AL,0xB197733AL,0xB197733AL,0xB197733AL},{0xB197733AL,0xB197733AL,0xB197733AL,0xB197733AL},{0xB197733AL,0xB197733AL,0xB197733AL,0xB197733AL},{0xB197733AL,0xB197733AL,0xB197733AL,0xB197733AL}};
            uint8_t *l_131 = &g_77[1][1];
            uint16_t l_166 = 0UL;
            int i, j;
            if ((func_22(g_20, &g_20, func_28(((*l_31) |= g_4), func_33(p_14, (!(((l_17[p_15] == (-4L)) && 4UL) ^ 1UL)), g_4, &g_20, l_31)), &g_20, p_14) == g_4))
            { /* block id: 39 */
                (*g_61) = &g_52;
            }
            else
            { /* block id: 41 */
                int16_t *l_73 = &g_74;
                int32_t l_80 = (-5L);
                uint16_t *l_81 = &g_82;
                l_83 ^= (safe_rshift_func_uint16_t_u_u((+((*l_81) = (safe_mul_func_uint16_t_u_u(0UL, (safe_rshift_func_uint8_t_u_s((safe_add_func_int64_t_s_s((safe_unary_minus_func_int16_t_s(((*l_73) |= g_18))), (((safe_add_func_uint32_t_u_u(p_14, g_53[2][0])) || (--g_77[1][1])) & ((g_4 > (*l_31)) != l_80)))), 3)))))), 4));
            }
            if (l_84)
            { /* block id: 47 */
                uint32_t l_85 = 0UL;
                int16_t *l_86 = (void*)0;
                int16_t *l_87 = &g_74;
                union U0 *l_89[1][3];
                union U0 **l_88 = &l_89[0][0];
                uint32_t *l_96[4];
                int64_t *l_100 = (void*)0;
                int64_t *l_101 = &g_90.f0;
                int i, j;
                for (i = 0; i < 1; i++)
                {
                    for (j = 0; j < 3; j++)
                        l_89[i][j] = &g_90;
                }
                for (i = 0; i < 4; i++)
                    l_96[i] = &l_85;
                if (l_85)
                    break;
                (*l_88) = (((*l_87) = l_85) , (void*)0);
                (*g_62) = ((((((((*l_101) ^= ((safe_rshift_func_uint8_t_u_u((+(((-1L) || ((0xDE1F3C6EL >= (safe_div_func_int8_t_s_s((((g_97[0][2]--) | 0x8F1CEF17L) & p_13), 0xC8L))) > g_74)) && p_14)), p_13)) < p_15)) & g_20) , (*l_31)) != 0x0C93L) < 0UL) , p_14) == l_102);
            }
            else
            { /* block id: 54 */
                int32_t *l_103 = &l_83;
                int32_t *l_104 = (void*)0;
                int32_t *l_106[1];
                uint32_t l_115 = 5UL;
                int i;
                for (i = 0; i < 1; i++)
                    l_106[i] = &g_32;
                l_115--;
            }
            if (((*g_62) = ((safe_lshift_func_int8_t_s_u(0x95L, (~((safe_mod_func_uint8_t_u_u((safe_add_func_uint64_t_u_u((~(safe_rshift_func_uint8_t_u_s(p_15, (~((((safe_rshift_func_uint8_t_u_u(((*l_131) &= g_52), ((void*)0 == &g_57))) && p_15) > l_83) > 0xB0BD69592194A022LL))))), (-3L))), l_114)) >= p_13)))) , l_105[1][1])))
            { /* block id: 59 */
                uint16_t l_132 = 65532UL;
                uint64_t *l_142 = &g_97[0][2];
                int32_t *l_143 = &l_110;
                (*l_31) |= (p_15 , l_132);
                (*l_31) = ((*l_143) |= (p_14 , (p_13 | ((*l_142) |= (safe_mul_func_uint8_t_u_u((safe_mul_func_uint16_t_u_u((!((*g_62) <= (safe_rshift_func_int16_t_s_u(((g_32 ^ (((safe_rshift_func_uint16_t_u_s(p_14, p_15)) & l_112) ^ p_15)) || 1UL), 0)))), 0xD7ACL)), 0UL))))));
            }
            else
            { /* block id: 64 */
                int32_t *l_144 = &l_105[1][1];
                int32_t *l_145 = &g_32;
                int32_t *l_146 = &l_113[3][0];
                int32_t *l_147 = &l_109;
                int32_t *l_148 = &l_107;
                int32_t *l_149 = &l_110;
                int32_t *l_150 = &l_109;
                int32_t *l_151 = (void*)0;
                int32_t *l_152 = &l_114;
                int32_t *l_153 = &l_102;
                int32_t *l_154 = &l_105[1][0];
                int32_t *l_155 = &l_105[0][0];
                int32_t *l_156 = &l_114;
                int32_t l_157 = 0L;
                int32_t *l_158 = (void*)0;
                int32_t *l_159 = &l_111[0];
                int32_t *l_160 = &l_111[0];
                int32_t *l_161[4] = {&l_111[0],&l_111[0],&l_111[0],&l_111[0]};
                int i;
                --l_163;
                --l_166;
            }
        }
    }
    l_114 &= (~(safe_div_func_int32_t_s_s(((void*)0 != &g_4), (((safe_mul_func_int8_t_s_s(((safe_mod_func_int16_t_s_s(((((*l_180) = ((l_111[0] != (l_83 > (((safe_lshift_func_uint8_t_u_s(g_32, g_90.f1)) >= p_14) != g_90.f0))) | p_14)) | g_90.f0) >= (*g_62)), p_13)) && 0x6291552F5CE17B37LL), g_90.f0)) || l_83) & l_111[0]))));
    return l_83;
}


/* ------------------------------------------ */
/* 
 * reads : g_57
 * writes: g_57
 */
static uint8_t  func_22(uint64_t  p_23, int32_t * p_24, const int32_t * p_25, int32_t * p_26, int32_t  p_27)
{ /* block id: 36 */
    int32_t *l_55[4][2];
    int i, j;
    for (i = 0; i < 4; i++)
    {
        for (j = 0; j < 2; j++)
            l_55[i][j] = &g_32;
    }
    g_57++;
    return g_57;
}


/* ------------------------------------------ */
/* 
 * reads :
 * writes:
 */
static int32_t * func_28(int32_t  p_29, int32_t * p_30)
{ /* block id: 34 */
    int32_t *l_54 = &g_52;
    return l_54;
}


/* ------------------------------------------ */
/* 
 * reads : g_20 g_52 g_4 g_53
 * writes: g_52 g_53
 */
static int32_t * func_33(uint64_t  p_34, int64_t  p_35, uint8_t  p_36, int32_t * p_37, int32_t * const  p_38)
{ /* block id: 30 */
    uint64_t l_46[2][1];
    int32_t *l_51[4][3] = {{(void*)0,(void*)0,(void*)0},{&g_52,(void*)0,&g_52},{(void*)0,(void*)0,(void*)0},{&g_52,(void*)0,&g_52}};
    int i, j;
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 1; j++)
            l_46[i][j] = 0x5C2F002739425A33LL;
    }
    g_53[2][0] ^= ((safe_sub_func_int16_t_s_s(((safe_add_func_uint16_t_u_u((safe_mul_func_uint8_t_u_u(l_46[1][0], (p_36 , l_46[1][0]))), (safe_div_func_int32_t_s_s((g_52 &= (((g_20 , (safe_rshift_func_uint8_t_u_s(l_46[1][0], 3))) != g_20) & 0xFF905219L)), g_4)))) , 3L), 0x684AL)) , g_52);
    return &g_52;
}




/* ---------------------------------------- */
int main (void)
{
    int i, j;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    transparent_crc(g_4, "g_4", print_hash_value);
    transparent_crc(g_18, "g_18", print_hash_value);
    transparent_crc(g_20, "g_20", print_hash_value);
    transparent_crc(g_32, "g_32", print_hash_value);
    transparent_crc(g_52, "g_52", print_hash_value);
    for (i = 0; i < 3; i++)
    {
        for (j = 0; j < 1; j++)
        {
            transparent_crc(g_53[i][j], "g_53[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_56, "g_56", print_hash_value);
    transparent_crc(g_57, "g_57", print_hash_value);
    transparent_crc(g_74, "g_74", print_hash_value);
    for (i = 0; i < 3; i++)
    {
        for (j = 0; j < 2; j++)
        {
            transparent_crc(g_77[i][j], "g_77[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_82, "g_82", print_hash_value);
    transparent_crc(g_90.f0, "g_90.f0", print_hash_value);
    transparent_crc(g_90.f1, "g_90.f1", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 3; j++)
        {
            transparent_crc(g_97[i][j], "g_97[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_183, "g_183", print_hash_value);
    transparent_crc(g_185, "g_185", print_hash_value);
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}

/************************ statistics *************************
XXX max struct depth: 0
breakdown:
   depth: 0, occurrence: 38
XXX total union variables: 0

XXX non-zero bitfields defined in structs: 0
XXX zero bitfields defined in structs: 0
XXX const bitfields defined in structs: 0
XXX volatile bitfields defined in structs: 0
XXX structs with bitfields in the program: 0
breakdown:
XXX full-bitfields structs in the program: 0
breakdown:
XXX times a bitfields struct's address is taken: 0
XXX times a bitfields struct on LHS: 0
XXX times a bitfields struct on RHS: 0
XXX times a single bitfield on LHS: 0
XXX times a single bitfield on RHS: 0

XXX max expression depth: 18
breakdown:
   depth: 1, occurrence: 41
   depth: 2, occurrence: 7
   depth: 3, occurrence: 1
   depth: 9, occurrence: 1
   depth: 13, occurrence: 2
   depth: 14, occurrence: 2
   depth: 17, occurrence: 1
   depth: 18, occurrence: 2

XXX total number of pointers: 50

XXX times a variable address is taken: 50
XXX times a pointer is dereferenced on RHS: 4
breakdown:
   depth: 1, occurrence: 4
XXX times a pointer is dereferenced on LHS: 16
breakdown:
   depth: 1, occurrence: 16
XXX times a pointer is compared with null: 2
XXX times a pointer is compared with address of another variable: 0
XXX times a pointer is compared with another pointer: 0
XXX times a pointer is qualified to be dereferenced: 627

XXX max dereference level: 1
breakdown:
   level: 0, occurrence: 0
   level: 1, occurrence: 46
XXX number of pointers point to pointers: 3
XXX number of pointers point to scalars: 46
XXX number of pointers point to structs: 0
XXX percent of pointers has null in alias set: 16
XXX average alias set size: 1.1

XXX times a non-volatile is read: 91
XXX times a non-volatile is write: 48
XXX times a volatile is read: 3
XXX    times read thru a pointer: 0
XXX times a volatile is write: 3
XXX    times written thru a pointer: 0
XXX times a volatile is available for access: 522
XXX percentage of non-volatile access: 95.9

XXX forward jumps: 0
XXX backward jumps: 0

XXX stmts: 39
XXX max block depth: 3
breakdown:
   depth: 0, occurrence: 14
   depth: 1, occurrence: 3
   depth: 2, occurrence: 7
   depth: 3, occurrence: 15

XXX percentage a fresh-made variable is used: 16.5
XXX percentage an existing variable is used: 83.5
********************* end of statistics **********************/

