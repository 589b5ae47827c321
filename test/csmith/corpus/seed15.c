/*
 * This is a RANDOMLY GENERATED PROGRAM.
 *
 * Generator: csmith 2.3.0
 * Git version: 30dccd7
 * Options:   --seed 15 --no-argc --max-funcs 6 --max-block-depth 3 --max-block-size 3 --max-expr-complexity 6 --max-array-dim 2 --max-array-len-per-dim 4 --max-struct-fields 4 --max-union-fields 3 -o p15.c
 * Seed:      15
 */

#include "csmith.h"


static long __undefined;

/* --- Struct/Union Declarations --- */
union U0 {
   uint16_t  f0;
   volatile int8_t * const  volatile  f1;
};

union U1 {
   uint8_t  f0;
   volatile unsigned f1 : 1;
};

/* --- GLOBAL VARIABLES --- */
static uint16_t g_7 = 0xFCF0L;
static int8_t g_9 = 0xFEL;
static int32_t g_22[3][1] = {{(-4L)},{(-4L)},{(-4L)}};
static int32_t g_24 = 0x955A63A7L;
static int64_t g_50 = 0xC41BBBBFEFA2E576LL;
static uint16_t g_66 = 0x890AL;
static uint16_t g_75[2][4] = {{2UL,1UL,2UL,1UL},{2UL,1UL,2UL,1UL}};
static int32_t *g_85[4] = {&g_24,&g_24,&g_24,&g_24};
static int32_t ** const  volatile g_84[2][3] = {{&g_85[2],&g_85[2],&g_85[2]},{&g_85[2],&g_85[2],&g_85[2]}};
static int8_t g_95 = 0x60L;
static int64_t g_96 = 0xD5D2985DA4005DEFLL;
static int32_t g_104 = 0x07BD8287L;
static uint32_t g_107 = 0xF67B55C7L;
static union U1 ** volatile g_114 = (void*)0;/* VOLATILE GLOBAL g_114 */
static uint32_t g_127 = 0x9FA78CEDL;
static uint8_t g_139 = 0xDDL;
static union U1 g_151 = {1UL};/* VOLATILE GLOBAL g_151 */
static uint8_t *g_167 = &g_151.f0;
static uint8_t **g_166[2][3] = {{&g_167,&g_167,&g_167},{&g_167,&g_167,&g_167}};
static uint8_t *** volatile g_165[4][2] = {{(void*)0,(void*)0},{(void*)0,(void*)0},{(void*)0,(void*)0},{(void*)0,(void*)0}};
static uint8_t *** volatile g_168 = &g_166[0][2];/* VOLATILE GLOBAL g_168 */
static int8_t g_172 = 0xCCL;
static int32_t g_195 = 0xBD303A7FL;
static uint64_t g_214 = 3UL;
static union U0 g_227 = {1UL};/* VOLATILE GLOBAL g_227 */
static int8_t ** volatile g_233 = (void*)0;/* VOLATILE GLOBAL g_233 */


/* --- FORWARD DECLARATIONS --- */
static int8_t  func_1(void);
static int64_t  func_2(int8_t  p_3, int8_t * p_4, int16_t  p_5, int8_t * p_6);
static uint8_t  func_13(int8_t * p_14, const int8_t * const  p_15, int32_t  p_16, int8_t  p_17);
static const int8_t * func_18(uint8_t  p_19);
static uint64_t  func_38(int32_t * const  p_39, int8_t  p_40, uint64_t  p_41);
static int8_t * func_53(uint8_t  p_54, int32_t ** p_55);


/* --- FUNCTIONS --- */
/* ------------------------------------------ */
/* 
 * reads : g_7 g_9 g_24 g_22 g_50 g_66 g_75 g_84 g_85 g_104 g_95 g_127 g_107 g_168 g_167 g_151.f0 g_172 g_96 g_195 g_233 g_214
 * writes: g_9 g_24 g_50 g_66 g_75 g_95 g_96 g_104 g_107 g_127 g_139 g_166 g_172 g_7 g_214 g_195
 */
static int8_t  func_1(void)
{ /* block id: 0 */
    int8_t *l_8[2][2] = {{&g_9,&g_9},{&g_9,&g_9}};
    const int32_t l_12 = 0x5F5F996FL;
    int8_t *l_170 = &g_9;
    int8_t **l_169 = &l_170;
    int8_t *l_171 = &g_172;
    int32_t l_198 = 0xAC453239L;
    int32_t l_215 = 0xAFF2A169L;
    int16_t l_216 = (-2L);
    int32_t *l_230 = &l_215;
    int32_t *l_246 = &l_198;
    uint32_t l_250 = 0x4494481DL;
    int8_t l_261 = 0L;
    int i, j;
    if ((func_2(g_7, l_8[0][1], (((*l_169) = ((((safe_div_func_int8_t_s_s(l_12, func_13(&g_9, func_18(l_12), g_22[2][0], g_7))) == l_12) || (-1L)) , (void*)0)) != l_171), &g_172) == 0UL))
    { /* block id: 64 */
        uint32_t l_196 = 0xBA2BE6E4L;
        for (g_172 = 1; (g_172 >= 0); g_172 -= 1)
        { /* block id: 67 */
            int64_t *l_186 = (void*)0;
            int32_t l_191 = 0xA12AFED2L;
            for (g_7 = 0; (g_7 <= 1); g_7 += 1)
            { /* block id: 70 */
                int64_t *l_190[1];
                int32_t l_192[1];
                int32_t *l_193 = &g_24;
                int32_t *l_194[2];
                int i;
                for (i = 0; i < 1; i++)
                    l_190[i] = (void*)0;
                for (i = 0; i < 1; i++)
                    l_192[i] = 0x4652B226L;
                for (i = 0; i < 2; i++)
                    l_194[i] = &g_195;
                l_196 &= ((*l_193) ^= ((safe_add_func_uint16_t_u_u(((safe_mod_func_int8_t_s_s(g_96, (safe_mod_func_int32_t_s_s(((safe_add_func_uint16_t_u_u((safe_mul_func_int16_t_s_s((+(!((&g_96 == l_186) >= (~(safe_sub_func_uint64_t_u_u(g_66, ((g_50 = ((l_12 || g_75[0][1]) < 0x17AFCDE767DA599CLL)) ^ g_66))))))), l_191)), l_192[0])) | 0x98L), l_192[0])))) < g_95), g_107)) ^ g_104));
            }
            if (l_12)
                break;
            return g_127;
        }
    }
    else
    { /* block id: 78 */
        int8_t l_197 = 0x52L;
        l_198 ^= l_197;
    }
    for (g_50 = (-3); (g_50 < 11); g_50++)
    { /* block id: 83 */
        int32_t **l_201[3];
        int32_t *l_202 = &g_24;
        uint64_t *l_213[4][1] = {{&g_214},{&g_214},{&g_214},{&g_214}};
        uint32_t *l_217 = &g_107;
        union U0 *l_226 = &g_227;
        uint32_t l_241 = 0xB9F93243L;
        const uint64_t l_242 = 0x299E57DDAAEF32B2LL;
        uint8_t l_247[4] = {0xE8L,0xE8L,0xE8L,0xE8L};
        int i, j;
        for (i = 0; i < 3; i++)
            l_201[i] = &g_85[2];
        l_202 = (void*)0;
        if ((safe_lshift_func_uint8_t_u_s((safe_div_func_int16_t_s_s(((safe_sub_func_int64_t_s_s(g_9, (l_198 = (l_198 != ((safe_sub_func_uint32_t_u_u((safe_sub_func_uint32_t_u_u((l_198 == l_12), ((*l_217) = ((((l_215 = ((*g_167) , g_104)) & 0xFB2BC63C88BFD10ALL) >= l_216) , g_75[1][2])))), 9L)) , 3UL))))) == 1L), g_9)), 3)))
        { /* block id: 88 */
            uint64_t l_218 = 0x3A3705BE9AF0AF18LL;
            l_215 = (l_198 > g_127);
            ++l_218;
            for (g_214 = 0; (g_214 <= 30); ++g_214)
            { /* block id: 93 */
                return g_195;
            }
        }
        else
        { /* block id: 96 */
            const int8_t l_225[4] = {1L,1L,1L,1L};
            int32_t *l_229 = &g_195;
            int i;
            if ((safe_sub_func_int32_t_s_s(0x91862B91L, 4L)))
            { /* block id: 97 */
                union U0 **l_228 = &l_226;
                if (l_225[2])
                    break;
                (*l_228) = l_226;
                l_230 = l_229;
            }
            else
            { /* block id: 101 */
                int64_t l_240 = 1L;
                int16_t l_245 = 0x5777L;
                l_198 |= ((safe_rshift_func_int8_t_s_u((g_195 | (((g_233 == (void*)0) & (((g_214 |= (safe_mod_func_uint16_t_u_u(((((safe_mul_func_int8_t_s_s((safe_mul_func_int8_t_s_s((((1L | (((g_95 < g_24) && (-1L)) | g_66)) , l_240) < l_241), (*l_229))), l_242)) < (*l_230)) || 0UL) , g_96), 65526UL))) , (void*)0) == (void*)0)) ^ 0x9CL)), (*g_167))) && 0x6118L);
                l_245 = ((((*l_229) , (&l_215 != &l_12)) , (safe_div_func_uint8_t_u_u((*l_229), 255UL))) | 7UL);
                l_246 = l_246;
            }
        }
        if (l_247[2])
            break;
    }
    (*l_230) = ((0xA3C3AD9DL == (safe_rshift_func_uint8_t_u_u(l_250, 5))) && (safe_mul_func_int8_t_s_s((safe_mul_func_uint16_t_u_u((safe_sub_func_uint32_t_u_u(((((safe_lshift_func_uint16_t_u_u(((void*)0 == &l_12), (safe_div_func_uint8_t_u_u(((6UL && 0x8E14E52B62957E2ALL) ^ 1L), 2UL)))) , (*l_246)) , (*l_246)) ^ 0xB9L), (*l_246))), 0x5B42L)), (*l_246))));
    return l_261;
}


/* ------------------------------------------ */
/* 
 * reads :
 * writes:
 */
static int64_t  func_2(int8_t  p_3, int8_t * p_4, int16_t  p_5, int8_t * p_6)
{ /* block id: 62 */
    int32_t l_173 = 0x3BF2598EL;
    return l_173;
}


/* ------------------------------------------ */
/* 
 * reads : g_127 g_22 g_75 g_104 g_50 g_107 g_95 g_168 g_167 g_151.f0
 * writes: g_127 g_139 g_104 g_166
 */
static uint8_t  func_13(int8_t * p_14, const int8_t * const  p_15, int32_t  p_16, int8_t  p_17)
{ /* block id: 39 */
    uint32_t *l_126 = &g_127;
    int32_t **l_134 = (void*)0;
    int32_t l_137 = 6L;
    uint8_t *l_138 = &g_139;
    union U1 *l_150 = &g_151;
    int32_t *l_156 = &l_137;
    int32_t *l_157 = &g_24;
    int32_t *l_158 = &l_137;
    int32_t *l_159[1][2];
    int8_t l_160 = 0xB4L;
    int64_t l_161[4] = {0xF47762CD2BE79458LL,0xF47762CD2BE79458LL,0xF47762CD2BE79458LL,0xF47762CD2BE79458LL};
    uint32_t l_162[2][2] = {{18446744073709551606UL,18446744073709551606UL},{18446744073709551606UL,18446744073709551606UL}};
    int i, j;
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 2; j++)
            l_159[i][j] = &l_137;
    }
    if ((((*l_126) |= p_17) , ((safe_div_func_uint8_t_u_u(((*l_138) = ((((safe_rshift_func_int16_t_s_u((-1L), (((safe_sub_func_int16_t_s_s((l_134 == (void*)0), (safe_lshift_func_int16_t_s_s(g_22[2][0], 14)))) & l_137) <= 1L))) >= g_75[1][2]) , &g_85[0]) != l_134)), g_75[1][0])) == 65535UL)))
    { /* block id: 42 */
        uint16_t l_143 = 0xF24FL;
        for (g_104 = 0; (g_104 < 5); ++g_104)
        { /* block id: 45 */
            int32_t *l_142[1][4] = {{&g_104,&g_104,&g_104,&g_104}};
            int i, j;
            --l_143;
            l_137 ^= ((safe_add_func_uint16_t_u_u(g_50, (0xFFDE1011L || ((g_107 <= 18446744073709551611UL) , ((safe_mul_func_uint8_t_u_u(((*p_15) > p_17), p_17)) , (-1L)))))) >= 1L);
        }
    }
    else
    { /* block id: 49 */
        union U1 **l_152 = &l_150;
        int32_t *l_155 = &g_104;
        (*l_152) = l_150;
        for (p_17 = 0; (p_17 >= 11); ++p_17)
        { /* block id: 53 */
            return g_75[1][3];
        }
        l_155 = l_155;
    }
    ++l_162[0][1];
    (*g_168) = &l_138;
    return (*g_167);
}


/* ------------------------------------------ */
/* 
 * reads : g_9 g_24 g_22 g_7 g_50 g_66 g_75 g_84 g_85 g_104 g_95
 * writes: g_9 g_24 g_50 g_66 g_75 g_95 g_96 g_104 g_107
 */
static const int8_t * func_18(uint8_t  p_19)
{ /* block id: 1 */
    uint8_t l_108 = 1UL;
    const union U1 *l_123 = (void*)0;
    const union U1 **l_122 = &l_123;
    int32_t *l_124 = &g_24;
    const int8_t *l_125 = &g_95;
    for (p_19 = 0; (p_19 < 25); ++p_19)
    { /* block id: 4 */
        int32_t *l_23[3][2] = {{&g_24,&g_24},{&g_24,&g_24},{&g_24,&g_24}};
        union U1 *l_113 = (void*)0;
        int i, j;
        for (g_9 = 0; (g_9 <= 0); g_9 += 1)
        { /* block id: 7 */
            int32_t **l_25 = &l_23[1][1];
            (*l_25) = l_23[2][0];
            for (g_24 = 0; (g_24 >= 0); g_24 -= 1)
            { /* block id: 11 */
                int64_t *l_49 = &g_50;
                uint32_t *l_105 = (void*)0;
                uint32_t *l_106 = &g_107;
                int16_t l_109 = 0x8425L;
                int32_t l_110[2];
                int i, j;
                for (i = 0; i < 2; i++)
                    l_110[i] = 1L;
                l_110[1] = ((((safe_div_func_uint8_t_u_u((safe_div_func_uint32_t_u_u((g_22[(g_24 + 2)][g_9] >= (safe_add_func_uint32_t_u_u(((*l_106) = (safe_add_func_int8_t_s_s(((safe_add_func_int32_t_s_s((safe_add_func_uint64_t_u_u(func_38(&g_24, ((g_22[(g_24 + 1)][g_24] || (safe_unary_minus_func_int64_t_s(((*l_49) = (((safe_lshift_func_uint16_t_u_u(((0x329BFAEAL >= ((((safe_div_func_uint8_t_u_u((safe_mul_func_int16_t_s_s(g_22[(g_9 + 1)][g_24], p_19)), 0x14L)) , (**l_25)) , g_22[1][0]) , g_7)) , 0UL), 4)) == g_24) , (**l_25)))))) && g_9), p_19), 0L)), p_19)) < 0xB57A05E8L), 252UL))), l_108))), (-4L))), 255UL)) , g_75[1][2]) , g_66) , l_109);
                if ((**l_25))
                    break;
            }
        }
        for (g_104 = (-14); (g_104 > (-2)); g_104 = safe_add_func_int16_t_s_s(g_104, 9))
        { /* block id: 33 */
            union U1 **l_115 = &l_113;
            (*l_115) = l_113;
        }
    }
    (*l_124) = (safe_mod_func_int8_t_s_s((l_108 || 0L), (((((((safe_mul_func_uint16_t_u_u(4UL, ((safe_sub_func_int64_t_s_s(((void*)0 != l_122), g_75[1][2])) , p_19))) >= g_95) < 253UL) && 5UL) && (-1L)) , l_108) , 0x97L)));
    return l_125;
}


/* ------------------------------------------ */
/* 
 * reads : g_22 g_24 g_50 g_66 g_75 g_84 g_9 g_7 g_85 g_104
 * writes: g_50 g_66 g_75 g_95 g_96 g_104
 */
static uint64_t  func_38(int32_t * const  p_39, int8_t  p_40, uint64_t  p_41)
{ /* block id: 13 */
    int64_t *l_63 = &g_50;
    uint16_t *l_64 = (void*)0;
    uint16_t *l_65 = &g_66;
    uint16_t *l_73 = (void*)0;
    uint16_t *l_74 = &g_75[1][2];
    int32_t l_92 = (-5L);
    int8_t *l_93 = (void*)0;
    int8_t *l_94 = &g_95;
    int32_t **l_97 = &g_85[2];
    int32_t *l_103 = &g_104;
    (*l_103) &= (safe_div_func_int8_t_s_s(((l_93 = func_53((safe_div_func_int64_t_s_s((l_92 = (safe_lshift_func_uint16_t_u_u((!((safe_mod_func_int8_t_s_s(g_22[1][0], (((*l_63) ^= g_24) || (((++(*l_65)) > (((safe_mul_func_uint16_t_u_u((safe_lshift_func_uint16_t_u_u((++(*l_74)), (((safe_mul_func_uint16_t_u_u(((safe_sub_func_uint8_t_u_u(((void*)0 == g_84[0][2]), (((safe_rshift_func_uint8_t_u_u(((((g_96 = (((*l_94) = (safe_mod_func_uint32_t_u_u((safe_sub_func_uint16_t_u_u((l_92 , 0x372CL), p_41)), l_92))) <= l_92)) >= p_40) , 0x686206571F67B260LL) == p_40), 5)) , p_40) ^ 0L))) , l_92), l_92)) , g_9) < 0L))), g_7)) || 0xC68704422F2FDD04LL) > l_92)) ^ p_41)))) == 0UL)), 14))), g_22[0][0])), l_97)) != (void*)0), (**l_97)));
    return p_40;
}


/* ------------------------------------------ */
/* 
 * reads :
 * writes:
 */
static int8_t * func_53(uint8_t  p_54, int32_t ** p_55)
{ /* block id: 20 */
    int32_t *l_98[4][3] = {{(void*)0,&g_24,(void*)0},{(void*)0,&g_24,(void*)0},{(void*)0,&g_24,(void*)0},{(void*)0,&g_24,(void*)0}};
    uint64_t l_99[4];
    int8_t *l_102 = (void*)0;
    int i, j;
    for (i = 0; i < 4; i++)
        l_99[i] = 18446744073709551614UL;
    l_99[0]++;
    return l_102;
}




/* ---------------------------------------- */
int main (void)
{
    int i, j;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    transparent_crc(g_7, "g_7", print_hash_value);
    transparent_crc(g_9, "g_9", print_hash_value);
    for (i = 0; i < 3; i++)
    {
        for (j = 0; j < 1; j++)
        {
            transparent_crc(g_22[i][j], "g_22[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_24, "g_24", print_hash_value);
    transparent_crc(g_50, "g_50", print_hash_value);
    transparent_crc(g_66, "g_66", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 4; j++)
        {
            transparent_crc(g_75[i][j], "g_75[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_95, "g_95", print_hash_value);
    transparent_crc(g_96, "g_96", print_hash_value);
    transparent_crc(g_104, "g_104", print_hash_value);
    transparent_crc(g_107, "g_107", print_hash_value);
    transparent_crc(g_127, "g_127", print_hash_value);
    transparent_crc(g_139, "g_139", print_hash_value);
    transparent_crc(g_151.f0, "g_151.f0", print_hash_value);
    transparent_crc(g_172, "g_172", print_hash_value);
    transparent_crc(g_195, "g_195", print_hash_value);
    transparent_crc(g_214, "g_214", print_hash_value);
    transparent_crc(g_227.f0, "g_227.f0", print_hash_value);
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}

/************************ statistics *************************
XXX max struct depth: 0
breakdown:
   depth: 0, occurrence: 49
XXX total union variables: 0

XXX non-zero bitfields defined in structs: 1
XXX zero bitfields defined in structs: 0
XXX const bitfields defined in structs: 0
XXX volatile bitfields defined in structs: 1
XXX structs with bitfields in the program: 3
breakdown:
   indirect level: 0, occurrence: 0
   indirect level: 1, occurrence: 2
   indirect level: 2, occurrence: 1
XXX full-bitfields structs in the program: 0
breakdown:
XXX times a bitfields struct's address is taken: 1
XXX times a bitfields struct on LHS: 0
XXX times a bitfields struct on RHS: 0
XXX times a single bitfield on LHS: 0
XXX times a single bitfield on RHS: 0

XXX max expression depth: 39
breakdown:
   depth: 1, occurrence: 50
   depth: 2, occurrence: 12
   depth: 6, occurrence: 1
   depth: 9, occurrence: 1
   depth: 13, occurrence: 1
   depth: 15, occurrence: 2
   depth: 17, occurrence: 3
   depth: 22, occurrence: 1
   depth: 29, occurrence: 1
   depth: 39, occurrence: 1

XXX total number of pointers: 65

XXX times a variable address is taken: 60
XXX times a pointer is dereferenced on RHS: 16
breakdown:
   depth: 1, occurrence: 12
   depth: 2, occurrence: 4
XXX times a pointer is dereferenced on LHS: 19
breakdown:
   depth: 1, occurrence: 19
XXX times a pointer is compared with null: 5
XXX times a pointer is compared with address of another variable: 1
XXX times a pointer is compared with another pointer: 1
XXX times a pointer is qualified to be dereferenced: 637

XXX max dereference level: 3
breakdown:
   level: 0, occurrence: 0
   level: 1, occurrence: 55
   level: 2, occurrence: 8
   level: 3, occurrence: 1
XXX number of pointers point to pointers: 16
XXX number of pointers point to scalars: 45
XXX number of pointers point to structs: 0
XXX percent of pointers has null in alias set: 27.7
XXX average alias set size: 1.11

XXX times a non-volatile is read: 154
XXX times a non-volatile is write: 69
XXX times a volatile is read: 2
XXX    times read thru a pointer: 0
XXX times a volatile is write: 1
XXX    times written thru a pointer: 0
XXX times a volatile is available for access: 400
XXX percentage of non-volatile access: 98.7

XXX forward jumps: 0
XXX backward jumps: 0

XXX stmts: 50
XXX max block depth: 3
breakdown:
   depth: 0, occurrence: 16
   depth: 1, occurrence: 11
   depth: 2, occurrence: 13
   depth: 3, occurrence: 10

XXX percentage a fresh-made variable is used: 16.4
XXX percentage an existing variable is used: 83.6
FYI: the random generator makes assumptions about the integer size. See platform.info for more details.
********************* end of statistics **********************/

