/*
 * This is a RANDOMLY GENERATED PROGRAM.
 *
 * Generator: csmith 2.3.0
 * Git version: 30dccd7
 * Options:   --seed 2 --no-argc --max-funcs 6 --max-block-depth 3 --max-block-size 3 --max-expr-complexity 6 --max-array-dim 2 --max-array-len-per-dim 4 --max-struct-fields 4 --max-union-fields 3 -o p2.c
 * Seed:      2
 */

#include "csmith.h"


static long __undefined;

/* --- Struct/Union Declarations --- */
struct S0 {
   volatile unsigned f0 : 15;
   signed f1 : 8;
};

struct S1 {
   const int32_t  f0;
   uint64_t  f1;
   int32_t  f2;
   int8_t  f3;
};

/* --- GLOBAL VARIABLES --- */
static uint16_t g_15[1][4] = {{65535UL,65535UL,65535UL,65535UL}};
static int32_t g_25 = 2L;
static int32_t * volatile g_24 = &g_25;/* VOLATILE GLOBAL g_24 */
static volatile struct S0 g_27 = {160,-6};/* VOLATILE GLOBAL g_27 */
static volatile struct S0 * volatile g_28 = &g_27;/* VOLATILE GLOBAL g_28 */
static int32_t g_42[3] = {2L,2L,2L};
static int32_t ** volatile g_44 = (void*)0;/* VOLATILE GLOBAL g_44 */
static int32_t *g_46 = (void*)0;
static int32_t ** volatile g_45[3] = {&g_46,&g_46,&g_46};
static int8_t g_62 = 0xC3L;
static int8_t g_68 = 0x33L;
static int16_t g_70 = 0x2420L;
static int32_t * volatile g_88 = &g_42[0];/* VOLATILE GLOBAL g_88 */
static int16_t g_90 = 0x3AE8L;
static uint64_t g_92[4] = {4UL,4UL,4UL,4UL};
static struct S0 g_95[3] = {{89,13},{89,13},{89,13}};
static volatile uint64_t g_105 = 0x538CC87C9332BA1ALL;/* VOLATILE GLOBAL g_105 */
static volatile uint64_t * volatile g_104[2][3] = {{&g_105,&g_105,&g_105},{&g_105,&g_105,&g_105}};
static uint64_t g_107 = 0UL;
static int32_t ** volatile g_138 = &g_46;/* VOLATILE GLOBAL g_138 */
static volatile struct S0 g_141 = {49,12};/* VOLATILE GLOBAL g_141 */
static volatile struct S0 g_142 = {178,-5};/* VOLATILE GLOBAL g_142 */
static volatile struct S0 g_143 = {159,-0};/* VOLATILE GLOBAL g_143 */
static volatile struct S0 g_144 = {180,-5};/* VOLATILE GLOBAL g_144 */
static uint32_t g_168 = 5UL;
static int32_t ** volatile g_172 = &g_46;/* VOLATILE GLOBAL g_172 */
static struct S0 g_188[1] = {{134,1}};
static struct S1 g_192 = {0x8A2E6060L,0xF3B876D62126B8E5LL,7L,0x56L};
static struct S0 g_194 = {158,-14};/* VOLATILE GLOBAL g_194 */
static uint8_t g_208 = 254UL;
static int32_t ** volatile g_210 = &g_46;/* VOLATILE GLOBAL g_210 */


/* --- FORWARD DECLARATIONS --- */
static uint8_t  func_1(void);
static int64_t  func_5(uint32_t  p_6);
static uint32_t  func_7(int8_t  p_8, uint16_t  p_9);
static int8_t  func_10(int32_t  p_11, uint8_t  p_12, uint8_t  p_13, const int64_t  p_14);
static int64_t  func_16(int8_t  p_17, int16_t  p_18, uint16_t  p_19, uint32_t  p_20, int32_t  p_21);
static int32_t * func_22(uint16_t  p_23);


/* --- FUNCTIONS --- */
/* ------------------------------------------ */
/* 
 * reads : g_15 g_24 g_27 g_28 g_25 g_42 g_70 g_68 g_62 g_88 g_92 g_95 g_104 g_90 g_138 g_141 g_143 g_144.f1 g_172 g_168 g_107 g_188 g_194 g_210 g_192
 * writes: g_27 g_25 g_42 g_62 g_70 g_92 g_46 g_142 g_144 g_68 g_90 g_168 g_105 g_107 g_95 g_208
 */
static uint8_t  func_1(void)
{ /* block id: 0 */
    int32_t l_2 = 0x0A77C874L;
    int32_t l_189 = (-1L);
    struct S1 *l_191 = &g_192;
    struct S1 **l_190 = &l_191;
    int32_t *l_193 = &g_25;
    int32_t l_206 = 0x9CA97485L;
    l_189 = ((l_2 , (l_2 , (((safe_div_func_int64_t_s_s(func_5(func_7(func_10(g_15[0][1], ((func_16(g_15[0][0], l_2, l_2, l_2, l_2) , g_42[2]) == 65530UL), g_15[0][0], l_2), l_2)), l_2)) <= 0xB6F8L) && g_25))) >= l_2);
    (*l_190) = (void*)0;
    if (((*l_193) = 0xB39F8D69L))
    { /* block id: 104 */
        struct S0 *l_195 = (void*)0;
        struct S0 *l_196 = &g_95[0];
        (*l_196) = ((g_15[0][1] > 0x26L) , g_194);
    }
    else
    { /* block id: 106 */
        int32_t l_209 = 6L;
        for (g_168 = (-21); (g_168 <= 5); g_168 = safe_add_func_int16_t_s_s(g_168, 2))
        { /* block id: 109 */
            uint16_t l_205 = 0UL;
            uint8_t *l_207 = &g_208;
            int16_t l_223 = (-1L);
            int32_t l_226 = 0x71E70E9DL;
            (*l_190) = (*l_190);
            (*g_210) = func_22((safe_mul_func_uint8_t_u_u(((((safe_sub_func_uint8_t_u_u(((safe_mod_func_uint16_t_u_u(l_205, (l_206 || ((*l_207) = 0xDDL)))) == ((-5L) <= (*l_193))), 0x63L)) | g_95[2].f1) ^ l_209) , (*l_193)), 7UL)));
            for (g_62 = 0; (g_62 >= (-5)); g_62--)
            { /* block id: 115 */
                uint16_t *l_213 = &l_205;
                uint64_t *l_216 = &g_107;
                int32_t l_224 = 0xCA91A60AL;
                int32_t *l_225[4] = {&l_209,&l_209,&l_209,&l_209};
                int64_t l_227 = 0x62EF8245736F6583LL;
                int i;
                (*l_193) ^= ((++(*l_213)) ^ (l_216 != (void*)0));
                l_226 ^= (((safe_div_func_int32_t_s_s((((safe_div_func_uint16_t_u_u(l_223, l_224)) == 9UL) | (g_192 , ((&g_70 == (void*)0) == 0x5EF273A820D98853LL))), (*l_193))) , 4294967290UL) == (*g_88));
                if (l_227)
                    break;
            }
        }
        return g_70;
    }
    return g_192.f1;
}


/* ------------------------------------------ */
/* 
 * reads :
 * writes:
 */
static int64_t  func_5(uint32_t  p_6)
{ /* block id: 99 */
    return p_6;
}


/* ------------------------------------------ */
/* 
 * reads : g_62 g_25 g_15 g_88 g_42 g_92 g_95 g_104 g_90 g_70 g_27.f1 g_138 g_141 g_143 g_68 g_144.f1 g_27 g_28 g_24 g_172 g_168 g_107 g_188
 * writes: g_62 g_25 g_42 g_92 g_70 g_46 g_142 g_144 g_68 g_90 g_168 g_27 g_105 g_107 g_95
 */
static uint32_t  func_7(int8_t  p_8, uint16_t  p_9)
{ /* block id: 32 */
    int64_t l_87 = 1L;
    uint64_t *l_106 = &g_107;
    int32_t l_108 = 0x1645DA59L;
    int32_t l_111[1][1];
    int32_t *l_139 = &l_111[0][0];
    int32_t l_171 = (-5L);
    struct S1 l_180[1][1] = {{{0x2A549730L,0xFC9A4F9705F32BFFLL,0x1453E12EL,0x5EL}}};
    const int32_t *l_184[3][3];
    const int32_t **l_183 = &l_184[2][0];
    int i, j;
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 1; j++)
            l_111[i][j] = 0xA08780BAL;
    }
    for (i = 0; i < 3; i++)
    {
        for (j = 0; j < 3; j++)
            l_184[i][j] = &g_25;
    }
    for (g_62 = 0; (g_62 != (-12)); --g_62)
    { /* block id: 35 */
        int16_t l_86 = (-1L);
        int32_t l_109 = 0L;
        int32_t *l_110[2];
        uint32_t l_112[4][4];
        int i, j;
        for (i = 0; i < 2; i++)
            l_110[i] = &g_25;
        for (i = 0; i < 4; i++)
        {
            for (j = 0; j < 4; j++)
                l_112[i][j] = 18446744073709551615UL;
        }
        for (g_25 = 0; (g_25 > 27); ++g_25)
        { /* block id: 38 */
            uint64_t *l_89 = (void*)0;
            uint64_t *l_91 = &g_92[3];
            (*g_88) |= (l_87 ^= (l_86 | g_15[0][3]));
            l_108 |= (((*l_91)--) > (g_95[2] , (safe_sub_func_uint64_t_u_u((safe_sub_func_int32_t_s_s((safe_mod_func_uint64_t_u_u((safe_sub_func_uint32_t_u_u((((g_104[0][2] != ((l_87 || (g_90 & p_9)) , l_106)) ^ p_9) <= l_87), 0xFE9BFAC6L)), g_15[0][0])), l_87)), l_86))));
        }
        --l_112[2][3];
    }
    for (g_70 = 0; (g_70 <= 2); g_70 += 1)
    { /* block id: 48 */
        int16_t l_125 = 0x240DL;
        int32_t l_128 = 0xF516F70FL;
        int32_t l_129 = 0x0FEBA861L;
        int32_t l_152[2];
        uint64_t l_153 = 2UL;
        int i;
        for (i = 0; i < 2; i++)
            l_152[i] = 5L;
        for (p_9 = 0; (p_9 <= 2); p_9 += 1)
        { /* block id: 51 */
            uint8_t l_122 = 0xF6L;
            int16_t *l_126 = (void*)0;
            int16_t *l_127[1];
            int32_t *l_133 = &l_111[0][0];
            struct S0 *l_136[3][3] = {{(void*)0,(void*)0,(void*)0},{(void*)0,(void*)0,(void*)0},{(void*)0,(void*)0,(void*)0}};
            struct S0 **l_137 = &l_136[2][0];
            int32_t *l_147 = &l_129;
            int32_t *l_148 = &l_111[0][0];
            int32_t *l_149 = (void*)0;
            int32_t *l_150 = &l_111[0][0];
            int32_t *l_151[3];
            int i, j;
            for (i = 0; i < 1; i++)
                l_127[i] = (void*)0;
            for (i = 0; i < 3; i++)
                l_151[i] = &g_42[0];
            l_129 ^= (0xB03B6C18EB078A46LL <= (((safe_mul_func_int16_t_s_s((l_128 = (safe_sub_func_uint16_t_u_u(((g_27.f1 , l_87) != (((safe_unary_minus_func_int16_t_s((safe_add_func_int16_t_s_s((l_122 , (safe_sub_func_int64_t_s_s(((l_122 , p_9) , p_9), g_42[0]))), p_8)))) < l_125) == 0x3CL)), p_9))), 0x2EEFL)) , p_9) , l_111[0][0]));
            if ((safe_sub_func_int32_t_s_s(((((*l_133) = ((+0x17L) > 0x018BL)) ^ (safe_sub_func_uint16_t_u_u((&g_27 != ((*l_137) = l_136[2][0])), g_25))) | 0L), l_128)))
            { /* block id: 56 */
                int32_t **l_140 = &l_139;
                (*g_138) = &l_129;
                (*l_140) = l_139;
                g_142 = g_141;
            }
            else
            { /* block id: 60 */
                g_144 = g_143;
                (*l_133) = (safe_mul_func_int16_t_s_s(g_95[2].f1, g_143.f1));
            }
            --l_153;
        }
    }
    for (g_68 = 0; (g_68 <= 3); g_68 += 1)
    { /* block id: 69 */
        uint16_t l_169 = 0xABF1L;
        int32_t l_173 = 0x0D3EB170L;
        int32_t l_174 = 6L;
        uint8_t l_175[4][4] = {{1UL,0UL,1UL,0x45L},{1UL,0x45L,0x45L,1UL},{0x45L,1UL,0UL,1UL},{1UL,0xD1L,0UL,0UL}};
        struct S0 *l_187[4][3] = {{&g_95[2],&g_95[1],&g_95[2]},{&g_95[2],&g_95[1],&g_95[2]},{&g_95[2],&g_95[1],&g_95[2]},{&g_95[2],&g_95[1],&g_95[2]}};
        int i, j;
        for (g_90 = 3; (g_90 >= 0); g_90 -= 1)
        { /* block id: 72 */
            int32_t l_164 = 0xBD93B319L;
            uint32_t *l_167 = &g_168;
            int32_t l_170 = 2L;
            int i;
            l_170 &= ((safe_rshift_func_uint8_t_u_u((((((safe_add_func_uint64_t_u_u(g_92[g_68], g_92[g_68])) < (((safe_add_func_int64_t_s_s((((((safe_sub_func_uint8_t_u_u((l_164 |= 0x8AL), ((((safe_mul_func_int16_t_s_s(((((((((*l_167) = ((p_8 , ((p_9 < p_9) != 0xA7284438L)) , (*l_139))) , &l_111[0][0]) == &l_111[0][0]) == g_143.f1) && g_42[0]) == (-5L)) < g_92[g_68]), p_9)) ^ g_42[1]) != p_8) && 0xE109L))) , l_169) != p_9) != p_9) | g_92[g_68]), 1UL)) <= (*l_139)) || g_144.f1)) < p_9) | 1L) >= l_169), 3)) & 1L);
            (*g_172) = func_22(l_171);
        }
        --l_175[1][2];
        if ((g_92[g_68] ^ (((safe_sub_func_int64_t_s_s((((*l_139) = g_92[g_68]) > ((((l_180[0][0] , ((0x3AL >= p_8) , 0UL)) | g_168) || g_92[3]) > p_9)), (-1L))) , p_9) , g_92[g_68])))
        { /* block id: 80 */
            (*l_139) |= (((p_9 , 0xAE16L) >= 2L) < ((safe_sub_func_uint32_t_u_u((l_183 != (void*)0), p_8)) != (-4L)));
        }
        else
        { /* block id: 82 */
            for (g_105 = 0; g_105 < 3; g_105 += 1)
            {
                g_42[g_105] = 0xB331724BL;
            }
        }
        for (g_107 = 0; (g_107 <= 0); g_107 += 1)
        { /* block id: 87 */
            struct S0 *l_185 = &g_95[2];
            int i, j;
            for (p_8 = 0; (p_8 <= 0); p_8 += 1)
            { /* block id: 90 */
                struct S0 **l_186 = (void*)0;
                int i, j;
                l_187[0][2] = (l_111[g_107][p_8] , l_185);
                (*l_183) = (*l_183);
                (*l_185) = g_188[0];
            }
            return l_111[g_107][g_107];
        }
    }
    return g_188[0].f0;
}


/* ------------------------------------------ */
/* 
 * reads : g_15
 * writes:
 */
static int8_t  func_10(int32_t  p_11, uint8_t  p_12, uint8_t  p_13, const int64_t  p_14)
{ /* block id: 30 */
    return g_15[0][1];
}


/* ------------------------------------------ */
/* 
 * reads : g_24 g_27 g_28 g_25 g_15 g_42 g_70 g_68
 * writes: g_27 g_25 g_42 g_62 g_70
 */
static int64_t  func_16(int8_t  p_17, int16_t  p_18, uint16_t  p_19, uint32_t  p_20, int32_t  p_21)
{ /* block id: 1 */
    const int32_t *l_26 = (void*)0;
    int32_t **l_80[4][3] = {{&g_46,&g_46,&g_46},{&g_46,&g_46,&g_46},{&g_46,&g_46,&g_46},{&g_46,&g_46,&g_46}};
    int32_t *l_81[3][3] = {{&g_42[2],&g_42[2],&g_42[2]},{&g_25,&g_25,&g_25},{&g_42[2],&g_42[2],&g_42[2]}};
    int i, j;
    l_81[0][1] = func_22((g_24 == (l_26 = &g_25)));
    return p_21;
}


/* ------------------------------------------ */
/* 
 * reads : g_27 g_28 g_25 g_24 g_15 g_42 g_70 g_68
 * writes: g_27 g_25 g_42 g_62 g_70
 */
static int32_t * func_22(uint16_t  p_23)
{ /* block id: 3 */
    uint8_t l_39[4][3] = {{9UL,0UL,9UL},{0xF7L,255UL,0xF7L},{9UL,0UL,9UL},{0xF7L,255UL,0xF7L}};
    int32_t *l_48 = &g_42[1];
    int8_t *l_67 = &g_68;
    int32_t **l_77[4] = {&l_48,&l_48,&l_48,&l_48};
    int32_t *l_78 = (void*)0;
    int32_t *l_79 = &g_42[0];
    int i, j;
    (*g_28) = g_27;
    for (g_25 = 7; (g_25 > 29); g_25 = safe_add_func_uint8_t_u_u(g_25, 4))
    { /* block id: 7 */
        uint32_t l_53[3][1];
        uint32_t l_54 = 1UL;
        int32_t l_72 = 0xE5678C6CL;
        int32_t l_73 = (-10L);
        int i, j;
        for (i = 0; i < 3; i++)
        {
            for (j = 0; j < 1; j++)
                l_53[i][j] = 0x5A0349B8L;
        }
        for (p_23 = 8; (p_23 <= 32); p_23++)
        { /* block id: 10 */
            uint64_t l_34 = 1UL;
            struct S0 *l_40 = (void*)0;
            int32_t *l_41[3];
            int32_t **l_43 = (void*)0;
            int32_t **l_47[3];
            int8_t l_58 = (-1L);
            int i;
            for (i = 0; i < 3; i++)
                l_41[i] = &g_42[0];
            for (i = 0; i < 3; i++)
                l_47[i] = &l_41[2];
            g_42[0] ^= (((((+(l_34 , (((safe_mul_func_uint16_t_u_u(65535UL, (safe_sub_func_int64_t_s_s(l_39[3][2], ((&g_27 == l_40) == l_34))))) , (*g_24)) != g_15[0][1]))) | p_23) || g_15[0][3]) > g_15[0][2]) >= 0x6CL);
            l_48 = &g_42[0];
            if ((safe_mod_func_uint64_t_u_u(((0x8AL <= (safe_sub_func_int16_t_s_s((l_53[0][0] == ((((((((((void*)0 == &l_41[1]) > 0x965B818E961CAE46LL) < 1L) , g_42[2]) , g_15[0][3]) > l_53[1][0]) & 0x349A2DD3L) ^ p_23) <= p_23)), p_23))) ^ (-2L)), l_54)))
            { /* block id: 13 */
                int8_t *l_61 = &g_62;
                int16_t *l_69[2][2] = {{&g_70,&g_70},{&g_70,&g_70}};
                int32_t l_71 = 0x758019D4L;
                int i, j;
                (*l_48) = ((safe_rshift_func_int8_t_s_u((!(l_58 | (((safe_lshift_func_int8_t_s_s(((*l_61) = p_23), 0)) | (safe_rshift_func_uint16_t_u_s(0xF1BEL, (g_70 ^= (safe_mod_func_uint16_t_u_u((l_67 != (void*)0), (-7L))))))) >= g_27.f0))), g_68)) == l_71);
                if (p_23)
                    break;
                if (l_71)
                    break;
            }
            else
            { /* block id: 19 */
                uint64_t l_74 = 0x959469FD68CABD04LL;
                l_74--;
                l_48 = l_48;
            }
        }
        if (p_23)
            continue;
    }
    l_78 = l_48;
    return l_79;
}




/* ---------------------------------------- */
int main (void)
{
    int i, j;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 4; j++)
        {
            transparent_crc(g_15[i][j], "g_15[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_25, "g_25", print_hash_value);
    transparent_crc(g_27.f0, "g_27.f0", print_hash_value);
    transparent_crc(g_27.f1, "g_27.f1", print_hash_value);
    for (i = 0; i < 3; i++)
    {
        transparent_crc(g_42[i], "g_42[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_62, "g_62", print_hash_value);
    transparent_crc(g_68, "g_68", print_hash_value);
    transparent_crc(g_70, "g_70", print_hash_value);
    transparent_crc(g_90, "g_90", print_hash_value);
    for (i = 0; i < 4; i++)
    {
        transparent_crc(g_92[i], "g_92[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    for (i = 0; i < 3; i++)
    {
        transparent_crc(g_95[i].f0, "g_95[i].f0", print_hash_value);
        transparent_crc(g_95[i].f1, "g_95[i].f1", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_105, "g_105", print_hash_value);
    transparent_crc(g_107, "g_107", print_hash_value);
    transparent_crc(g_141.f0, "g_141.f0", print_hash_value);
    transparent_crc(g_141.f1, "g_141.f1", print_hash_value);
    transparent_crc(g_142.f0, "g_142.f0", print_hash_value);
    transparent_crc(g_142.f1, "g_142.f1", print_hash_value);
    transparent_crc(g_143.f0, "g_143.f0", print_hash_value);
    transparent_crc(g_143.f1, "g_143.f1", print_hash_value);
    transparent_crc(g_144.f0, "g_144.f0", print_hash_value);
    transparent_crc(g_144.f1, "g_144.f1", print_hash_value);
    transparent_crc(g_168, "g_168", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        transparent_crc(g_188[i].f0, "g_188[i].f0", print_hash_value);
        transparent_crc(g_188[i].f1, "g_188[i].f1", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_192.f0, "g_192.f0", print_hash_value);
    transparent_crc(g_192.f1, "g_192.f1", print_hash_value);
    transparent_crc(g_192.f2, "g_192.f2", print_hash_value);
    transparent_crc(g_192.f3, "g_192.f3", print_hash_value);
    transparent_crc(g_194.f0, "g_194.f0", print_hash_value);
    transparent_crc(g_194.f1, "g_194.f1", print_hash_value);
    transparent_crc(g_208, "g_208", print_hash_value);
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}

/************************ statistics *************************
XXX max struct depth: 1
breakdown:
   depth: 0, occurrence: 55
   depth: 1, occurrence: 9
XXX total union variables: 0

XXX non-zero bitfields defined in structs: 2
XXX zero bitfields defined in structs: 0
XXX const bitfields defined in structs: 0
XXX volatile bitfields defined in structs: 1
XXX structs with bitfields in the program: 12
breakdown:
   indirect level: 0, occurrence: 8
   indirect level: 1, occurrence: 4
XXX full-bitfields structs in the program: 8
breakdown:
   indirect level: 0, occurrence: 8
XXX times a bitfields struct's address is taken: 9
XXX times a bitfields struct on LHS: 2
XXX times a bitfields struct on RHS: 8
XXX times a single bitfield on LHS: 0
XXX times a single bitfield on RHS: 8

XXX max expression depth: 32
breakdown:
   depth: 1, occurrence: 61
   depth: 2, occurrence: 16
   depth: 3, occurrence: 2
   depth: 4, occurrence: 2
   depth: 7, occurrence: 1
   depth: 9, occurrence: 1
   depth: 10, occurrence: 1
   depth: 12, occurrence: 3
   depth: 13, occurrence: 1
   depth: 14, occurrence: 1
   depth: 15, occurrence: 1
   depth: 16, occurrence: 1
   depth: 21, occurrence: 1
   depth: 32, occurrence: 1

XXX total number of pointers: 56

XXX times a variable address is taken: 64
XXX times a pointer is dereferenced on RHS: 9
breakdown:
   depth: 1, occurrence: 9
XXX times a pointer is dereferenced on LHS: 24
breakdown:
   depth: 1, occurrence: 24
XXX times a pointer is compared with null: 5
XXX times a pointer is compared with address of another variable: 1
XXX times a pointer is compared with another pointer: 0
XXX times a pointer is qualified to be dereferenced: 891

XXX max dereference level: 2
breakdown:
   level: 0, occurrence: 0
   level: 1, occurrence: 63
   level: 2, occurrence: 2
XXX number of pointers point to pointers: 14
XXX number of pointers point to scalars: 34
XXX number of pointers point to structs: 8
XXX percent of pointers has null in alias set: 25
XXX average alias set size: 1.16

XXX times a non-volatile is read: 149
XXX times a non-volatile is write: 74
XXX times a volatile is read: 13
XXX    times read thru a pointer: 0
XXX times a volatile is write: 8
XXX    times written thru a pointer: 1
XXX times a volatile is available for access: 469
XXX percentage of non-volatile access: 91.4

XXX forward jumps: 0
XXX backward jumps: 0

XXX stmts: 61
XXX max block depth: 3
breakdown:
   depth: 0, occurrence: 16
   depth: 1, occurrence: 12
   depth: 2, occurrence: 17
   depth: 3, occurrence: 16

XXX percentage a fresh-made variable is used: 14.8
XXX percentage an existing variable is used: 85.2
FYI: the random generator makes assumptions about the integer size. See platform.info for more details.
********************* end of statistics **********************/

