/*
 * This is a RANDOMLY GENERATED PROGRAM.
 *
 * Generator: csmith 2.3.0
 * Git version: 30dccd7
 * Options:   --seed 8 --no-argc --max-funcs 6 --max-block-depth 3 --max-block-size 3 --max-expr-complexity 6 --max-array-dim 2 --max-array-len-per-dim 4 --max-struct-fields 4 --max-union-fields 3 -o p8.c
 * Seed:      8
 */

#include "csmith.h"


static long __undefined;

/* --- Struct/Union Declarations --- */
#pragma pack(push)
#pragma pack(1)
struct S0 {
   unsigned f0 : 18;
};
#pragma pack(pop)

union U1 {
   volatile int8_t * f0;
};

union U2 {
   int64_t  f0;
};

/* --- GLOBAL VARIABLES --- */
static int8_t g_8 = (-3L);
static int8_t *g_7 = &g_8;
static union U2 g_22 = {-7L};
static int32_t g_35 = 0L;
static int32_t * volatile g_34 = &g_35;/* VOLATILE GLOBAL g_34 */
static volatile int32_t g_50[2] = {(-9L),(-9L)};
static int16_t g_52 = 1L;
static volatile uint8_t g_59 = 255UL;/* VOLATILE GLOBAL g_59 */
static uint8_t g_65 = 255UL;
static uint16_t g_82 = 0x8233L;
static uint32_t g_118[3] = {1UL,1UL,1UL};
static int64_t g_122 = 0x72C97804E31C6762LL;
static struct S0 g_129 = {170};
static struct S0 * const g_128 = &g_129;
static struct S0 ** volatile g_132 = (void*)0;/* VOLATILE GLOBAL g_132 */
static volatile int64_t g_141 = 0x4C175E38545A47AELL;/* VOLATILE GLOBAL g_141 */
static struct S0 * const *g_147[4] = {(void*)0,(void*)0,(void*)0,(void*)0};
static struct S0 * const ** volatile g_146 = &g_147[2];/* VOLATILE GLOBAL g_146 */
static int32_t * volatile g_197 = &g_35;/* VOLATILE GLOBAL g_197 */
static int32_t g_241 = (-1L);
static union U1 g_263 = {0};
static volatile int32_t ** volatile g_264 = (void*)0;/* VOLATILE GLOBAL g_264 */
static uint32_t g_276 = 0xA9E55EB9L;
static int32_t g_297 = 0L;
static volatile int32_t g_304[4][2] = {{0x1A87ECD7L,0x1A87ECD7L},{0x1A87ECD7L,0x1A87ECD7L},{0x1A87ECD7L,0x1A87ECD7L},{0x1A87ECD7L,0x1A87ECD7L}};
static union U2 *g_307 = &g_22;
static union U2 ** volatile g_306[3][2] = {{&g_307,&g_307},{&g_307,&g_307},{&g_307,&g_307}};
static int32_t *g_311 = &g_35;
static int32_t ** volatile g_310[3] = {&g_311,&g_311,&g_311};


/* --- FORWARD DECLARATIONS --- */
static union U1  func_1(void);
static struct S0  func_2(uint32_t  p_3, int8_t * p_4, int8_t * p_5);
static int8_t * func_9(int8_t * const  p_10, int64_t  p_11, int32_t  p_12, uint32_t  p_13, int8_t * p_14);
static int8_t * func_15(int32_t  p_16);
static int32_t  func_17(union U2  p_18, int8_t * p_19, uint16_t  p_20, int8_t * p_21);
static struct S0 * const  func_36(int64_t  p_37);


/* --- FUNCTIONS --- */
/* ------------------------------------------ */
/* 
 * reads : g_7 g_22 g_8 g_22.f0 g_34 g_35 g_50 g_59 g_65 g_52 g_118 g_122 g_128 g_146 g_82 g_129.f0 g_197 g_141 g_263 g_276 g_241 g_297 g_304
 * writes: g_22.f0 g_35 g_52 g_65 g_82 g_8 g_118 g_122 g_147 g_50 g_276 g_59 g_304
 */
static union U1  func_1(void)
{ /* block id: 0 */
    uint32_t l_6 = 0xAC488899L;
    int8_t *l_23 = (void*)0;
    uint8_t *l_217 = &g_65;
    uint16_t *l_252 = &g_82;
    int32_t l_269 = 1L;
    int32_t l_274 = 0L;
    int32_t l_275[4][3] = {{0L,0L,0L},{0x67B892A8L,0x67B892A8L,0x67B892A8L},{0L,0L,0L},{0x67B892A8L,0x67B892A8L,0x67B892A8L}};
    uint8_t l_290[3][1];
    union U2 *l_295 = &g_22;
    int32_t l_298 = 6L;
    int32_t *l_309 = &g_297;
    int32_t **l_312 = &l_309;
    int i, j;
    for (i = 0; i < 3; i++)
    {
        for (j = 0; j < 1; j++)
            l_290[i][j] = 0x70L;
    }
    if ((((*l_217) = (func_2(l_6, g_7, func_9((l_6 , func_15(func_17(g_22, &g_8, g_8, l_23))), g_129.f0, g_129.f0, l_6, g_7)) , l_6)) != l_6))
    { /* block id: 118 */
        uint32_t l_225 = 0xD7A7FA21L;
        uint32_t l_242 = 0xF909D75BL;
        const struct S0 ***l_243 = (void*)0;
        int32_t l_246[1][3];
        int i, j;
        for (i = 0; i < 1; i++)
        {
            for (j = 0; j < 3; j++)
                l_246[i][j] = 0x0E697D69L;
        }
        for (g_8 = 0; (g_8 >= 4); ++g_8)
        { /* block id: 121 */
            int8_t l_236 = 5L;
            int32_t *l_237 = (void*)0;
            int32_t *l_238 = (void*)0;
            int32_t *l_239 = (void*)0;
            int32_t *l_240[4] = {&g_241,&g_241,&g_241,&g_241};
            int32_t *l_244 = (void*)0;
            int32_t *l_245[4][3] = {{&g_35,&g_35,&g_35},{&g_35,&g_35,&g_35},{&g_35,&g_35,&g_35},{&g_35,&g_35,&g_35}};
            int i, j;
            for (g_82 = (-22); (g_82 > 42); g_82 = safe_add_func_int16_t_s_s(g_82, 1))
            { /* block id: 124 */
                int32_t *l_222 = &g_35;
                int32_t *l_223 = &g_35;
                int32_t *l_224[3][2];
                int i, j;
                for (i = 0; i < 3; i++)
                {
                    for (j = 0; j < 2; j++)
                        l_224[i][j] = &g_35;
                }
                (*l_222) = (*g_197);
                if ((*g_34))
                    continue;
                ++l_225;
            }
            l_246[0][2] = (g_141 | (((l_242 |= (safe_add_func_int16_t_s_s((-7L), (safe_div_func_int64_t_s_s(g_118[1], ((((((safe_mul_func_int8_t_s_s(l_6, (safe_add_func_uint16_t_u_u((((l_236 | 4L) && 1UL) < l_225), 0xFB86L)))) ^ 0xCE41174DL) >= g_35) < (-1L)) > 9UL) , 0x85748553BB460943LL)))))) , &g_147[0]) != l_243));
        }
    }
    else
    { /* block id: 132 */
        int64_t l_247 = 0xD5187F818FFB8DD5LL;
        int32_t l_272 = 0xFD3BF148L;
        int32_t l_273[2];
        int i;
        for (i = 0; i < 2; i++)
            l_273[i] = 0L;
        if ((l_247 && (safe_mul_func_uint8_t_u_u(((*l_217) = (safe_sub_func_int64_t_s_s((((((l_252 = &g_82) != &g_82) < (safe_rshift_func_uint16_t_u_s((safe_sub_func_uint32_t_u_u(((g_50[0] <= (~(safe_unary_minus_func_uint16_t_u((safe_sub_func_uint32_t_u_u(l_247, l_247)))))) , l_247), g_82)), g_118[1]))) , l_252) == (void*)0), l_247))), (*g_7)))))
        { /* block id: 135 */
            volatile int32_t *l_266 = &g_50[0];
            volatile int32_t **l_265 = &l_266;
            int32_t *l_267 = &g_35;
            int32_t *l_268 = &g_35;
            int32_t *l_270 = &l_269;
            int32_t *l_271[2][4] = {{&l_269,&l_269,&l_269,&l_269},{&l_269,&l_269,&l_269,&l_269}};
            int i, j;
            for (g_52 = (-22); (g_52 >= (-18)); g_52 = safe_add_func_uint16_t_u_u(g_52, 3))
            { /* block id: 138 */
                return g_263;
            }
            (*l_265) = &g_50[0];
            g_276++;
        }
        else
        { /* block id: 143 */
            uint32_t *l_284 = &g_276;
            int32_t l_287[1];
            int32_t *l_305 = &l_269;
            union U2 **l_308[2][2] = {{&l_295,&l_295},{&l_295,&l_295}};
            int i, j;
            for (i = 0; i < 1; i++)
                l_287[i] = 0xC42FE442L;
            if ((!((safe_rshift_func_int16_t_s_s((((safe_sub_func_uint32_t_u_u(((g_118[1] & ((*l_284) = 0x0056DA06L)) | ((safe_rshift_func_int16_t_s_s((0xB808L && (g_82 = 0x1216L)), 4)) ^ (9UL == l_287[0]))), (*g_34))) == 0UL) <= g_122), 8)) , g_241)))
            { /* block id: 146 */
                int32_t *l_288 = &l_274;
                int32_t *l_289[3];
                int i;
                for (i = 0; i < 3; i++)
                    l_289[i] = &l_273[0];
                l_290[1][0]++;
                (*l_288) = (l_298 &= ((safe_add_func_int64_t_s_s(((void*)0 == l_295), (l_272 = l_269))) | (((*l_284) ^= (((~(((l_275[3][1] && ((0x20BF0A18020ED561LL > 0xB75F23333DDF15BDLL) != 9L)) <= (*l_288)) , g_241)) ^ g_297) , l_273[0])) && (*g_197))));
            }
            else
            { /* block id: 152 */
                int32_t *l_299 = (void*)0;
                int32_t *l_300 = &l_269;
                (*l_300) = 0x228ECA0DL;
                l_274 ^= ((((0L < (((l_284 == (void*)0) == (+(safe_lshift_func_int8_t_s_s((*g_7), l_290[1][0])))) && g_304[2][1])) > 8L) > l_287[0]) , l_273[0]);
            }
            (*l_305) &= (l_275[3][1] , (*g_197));
            l_295 = &g_22;
        }
    }
    for (g_82 = 0; g_82 < 4; g_82 += 1)
    {
        for (g_59 = 0; g_59 < 2; g_59 += 1)
        {
            g_304[g_82][g_59] = 0xDB614F5BL;
        }
    }
    (*l_312) = l_309;
    return g_263;
}


/* ------------------------------------------ */
/* 
 * reads : g_22.f0 g_122 g_50 g_8 g_34 g_35
 * writes: g_22.f0 g_122 g_50 g_65 g_52 g_118
 */
static struct S0  func_2(uint32_t  p_3, int8_t * p_4, int8_t * p_5)
{ /* block id: 101 */
    uint8_t *l_208 = &g_65;
    int16_t *l_209 = &g_52;
    uint32_t *l_214 = &g_118[1];
    int32_t l_215 = 0xC370606DL;
    struct S0 l_216[3] = {{96},{96},{96}};
    int i;
    for (g_22.f0 = 19; (g_22.f0 != (-3)); g_22.f0--)
    { /* block id: 104 */
        struct S0 l_201 = {392};
        return l_201;
    }
    for (g_122 = 1; (g_122 >= 0); g_122 -= 1)
    { /* block id: 109 */
        int i;
        g_50[g_122] &= (+5L);
    }
    l_215 = (safe_unary_minus_func_int64_t_s(((((safe_mul_func_int16_t_s_s(((*l_209) = (safe_rshift_func_int16_t_s_u((((*l_208) = p_3) , p_3), 12))), ((g_22.f0 >= (((*l_214) = (0x30L > (safe_lshift_func_uint8_t_u_u((safe_sub_func_uint16_t_u_u(((void*)0 == l_214), g_8)), p_3)))) != (*g_34))) >= l_215))) || 1UL) == (-1L)) , 0xD1A99E75E4760E0FLL)));
    return l_216[0];
}


/* ------------------------------------------ */
/* 
 * reads : g_65 g_8 g_22.f0 g_34 g_35 g_59 g_197
 * writes: g_118 g_35
 */
static int8_t * func_9(int8_t * const  p_10, int64_t  p_11, int32_t  p_12, uint32_t  p_13, int8_t * p_14)
{ /* block id: 96 */
    uint32_t l_190[2][2];
    uint32_t *l_196 = &g_118[1];
    int8_t *l_198 = (void*)0;
    int i, j;
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 2; j++)
            l_190[i][j] = 0x6112EBCBL;
    }
    p_12 = l_190[1][0];
    (*g_197) = ((((*l_196) = (safe_add_func_int64_t_s_s(((safe_mul_func_int8_t_s_s(((((p_12 > g_65) ^ 0xF8403408L) < (!(*p_14))) | g_8), l_190[1][0])) | 0L), g_22.f0))) || (*g_34)) || g_59);
    return l_198;
}


/* ------------------------------------------ */
/* 
 * reads : g_34 g_35 g_146 g_22.f0 g_8 g_52 g_82
 * writes: g_147 g_22.f0 g_35 g_82
 */
static int8_t * func_15(int32_t  p_16)
{ /* block id: 63 */
    int32_t *l_135 = &g_35;
    int32_t *l_136 = &g_35;
    int32_t l_137[3];
    int32_t *l_138 = &l_137[1];
    int32_t *l_139 = &l_137[1];
    int32_t *l_140[3];
    uint32_t l_142 = 0x5C4DCCB4L;
    int32_t l_158[2];
    struct S0 *l_175[1];
    struct S0 **l_174 = &l_175[0];
    union U2 l_176 = {0x185503AD83EAFCF3LL};
    int8_t *l_189 = &g_8;
    int i;
    for (i = 0; i < 3; i++)
        l_137[i] = 0x94359D76L;
    for (i = 0; i < 3; i++)
        l_140[i] = (void*)0;
    for (i = 0; i < 2; i++)
        l_158[i] = 0x7A308BB5L;
    for (i = 0; i < 1; i++)
        l_175[i] = (void*)0;
    ++l_142;
    if ((*g_34))
    { /* block id: 65 */
        struct S0 * const * const l_145 = &g_128;
        int32_t l_148 = 0x1EA3A65FL;
        int32_t l_149 = 4L;
        int32_t l_150 = 0xCE7B0101L;
        int32_t l_151 = 4L;
        int32_t l_152 = 0x5815B4C5L;
        int32_t l_153 = 1L;
        int32_t l_154 = (-6L);
        int32_t l_155 = 0xFAE5DCDFL;
        int32_t l_156[3];
        int64_t l_157 = 0x787EE95513F45361LL;
        uint32_t l_159 = 18446744073709551615UL;
        int i;
        for (i = 0; i < 3; i++)
            l_156[i] = 0x8D468FBEL;
        for (p_16 = 0; (p_16 <= 2); p_16 += 1)
        { /* block id: 68 */
            (*g_146) = l_145;
        }
        ++l_159;
    }
    else
    { /* block id: 72 */
        struct S0 **l_172 = (void*)0;
        int32_t l_184 = 0x312C1E33L;
        struct S0 * const **l_188 = &g_147[3];
        for (g_22.f0 = 2; (g_22.f0 >= 0); g_22.f0 -= 1)
        { /* block id: 75 */
            struct S0 ***l_173 = (void*)0;
            union U2 *l_177 = (void*)0;
            union U2 *l_178 = &l_176;
            uint8_t *l_182 = (void*)0;
            uint8_t *l_183[1];
            int i;
            for (i = 0; i < 1; i++)
                l_183[i] = &g_65;
            for (l_142 = 0; (l_142 <= 2); l_142 += 1)
            { /* block id: 78 */
                int i;
                (*l_139) = (safe_add_func_int16_t_s_s(l_137[g_22.f0], (0x829EL && (safe_lshift_func_int16_t_s_u(g_8, 0)))));
            }
            (*l_135) ^= (safe_sub_func_int16_t_s_s((((l_137[g_22.f0] != (0xA846929BL != 0xE70AF410L)) , &g_8) != &g_8), 0x4864L));
            (*l_136) |= (((safe_mul_func_uint8_t_u_u((((l_172 = l_172) == l_174) & (((((*l_178) = l_176) , 0x6ECCL) >= (~((safe_div_func_uint8_t_u_u((l_137[g_22.f0] = ((l_137[g_22.f0] && l_137[g_22.f0]) || 18446744073709551613UL)), g_22.f0)) , 0xB47CDA25B2F48B5CLL))) || g_52)), 0x26L)) ^ l_184) , p_16);
        }
        for (g_82 = 0; (g_82 < 44); g_82++)
        { /* block id: 89 */
            int32_t * const l_187 = &l_158[1];
            (*l_139) ^= (*l_136);
            l_139 = l_187;
            l_188 = &g_147[2];
        }
    }
    return l_189;
}


/* ------------------------------------------ */
/* 
 * reads : g_8 g_22.f0 g_34 g_35 g_50 g_59 g_65 g_52 g_118 g_122 g_128
 * writes: g_22.f0 g_35 g_52 g_65 g_82 g_8 g_118 g_122
 */
static int32_t  func_17(union U2  p_18, int8_t * p_19, uint16_t  p_20, int8_t * p_21)
{ /* block id: 1 */
    int32_t l_24[3];
    int32_t l_134 = 0xA7943A2BL;
    int i;
    for (i = 0; i < 3; i++)
        l_24[i] = (-1L);
    for (p_18.f0 = 2; (p_18.f0 >= 0); p_18.f0 -= 1)
    { /* block id: 4 */
        uint64_t l_49[3];
        int i;
        for (i = 0; i < 3; i++)
            l_49[i] = 0xC12D4938140A9711LL;
        for (p_20 = 0; (p_20 <= 2); p_20 += 1)
        { /* block id: 7 */
            int i;
            l_24[p_20] = (safe_unary_minus_func_int64_t_s(((-1L) & (safe_mod_func_uint8_t_u_u(0x57L, (safe_div_func_uint16_t_u_u(0x0EBBL, (safe_mul_func_int8_t_s_s(l_24[p_20], (l_24[p_20] <= p_18.f0))))))))));
            if (g_8)
                continue;
        }
        for (p_20 = 0; (p_20 <= 2); p_20 += 1)
        { /* block id: 13 */
            for (g_22.f0 = 2; (g_22.f0 >= 0); g_22.f0 -= 1)
            { /* block id: 16 */
                uint8_t l_44 = 1UL;
                int16_t *l_51 = &g_52;
                struct S0 *l_131 = &g_129;
                struct S0 **l_130[3][1];
                struct S0 **l_133 = &l_131;
                int i, j;
                for (i = 0; i < 3; i++)
                {
                    for (j = 0; j < 1; j++)
                        l_130[i][j] = &l_131;
                }
                (*g_34) |= (safe_mod_func_uint64_t_u_u((g_8 , (l_24[1] | g_22.f0)), l_24[1]));
                (*l_133) = func_36(((safe_add_func_uint64_t_u_u(((safe_div_func_int16_t_s_s(((*l_51) = (((safe_rshift_func_uint8_t_u_u(l_44, (((((((safe_add_func_int32_t_s_s(p_20, (safe_mod_func_uint8_t_u_u((l_49[1] ^ ((p_18.f0 || l_24[2]) >= 0x92L)), 0x39L)))) , g_50[0]) ^ 0UL) != 0x2FC9AEB9D3763964LL) < l_24[1]) >= (*p_19)) > l_44))) > 6UL) == 0xC114FF6A91A76A44LL)), g_8)) == 0xB2L), 0x603F559CDE89C674LL)) , p_20));
            }
            if (p_20)
                break;
        }
    }
    return l_134;
}


/* ------------------------------------------ */
/* 
 * reads : g_59 g_35 g_65 g_34 g_8 g_52 g_118 g_122 g_128
 * writes: g_65 g_52 g_82 g_35 g_8 g_118 g_122
 */
static struct S0 * const  func_36(int64_t  p_37)
{ /* block id: 19 */
    uint8_t *l_64 = &g_65;
    int32_t l_66[4] = {0x97C2923FL,0x97C2923FL,0x97C2923FL,0x97C2923FL};
    int64_t l_87 = 0L;
    uint64_t l_88 = 0UL;
    int32_t *l_123 = &g_35;
    int32_t *l_124[3][2] = {{&g_35,&g_35},{&l_66[0],&g_35},{&g_35,&l_66[0]}};
    uint32_t l_125 = 18446744073709551615UL;
    int i, j;
    if ((safe_lshift_func_int16_t_s_s((((*l_64) = (safe_lshift_func_uint16_t_u_u(((p_37 || (safe_lshift_func_int8_t_s_u(g_59, 4))) , g_35), (safe_mul_func_int8_t_s_s((safe_mul_func_int8_t_s_s(1L, 0xA8L)), 0x04L))))) < l_66[0]), p_37)))
    { /* block id: 21 */
        uint8_t *l_67 = &g_65;
        int32_t l_75 = 0x9A24791AL;
        int32_t l_84 = 0L;
        int32_t l_85 = 0xE2E6445AL;
        int32_t l_86 = 0xD3D8B2F9L;
        if (((void*)0 != l_67))
        { /* block id: 22 */
            struct S0 l_68 = {42};
            int16_t *l_80 = &g_52;
            uint16_t *l_81 = &g_82;
            (*g_34) = ((l_68 , (!(+(0L & (safe_mod_func_uint16_t_u_u(((((safe_lshift_func_uint16_t_u_u(((*l_81) = (l_75 > (safe_div_func_uint16_t_u_u(g_35, ((*l_80) = (safe_rshift_func_int8_t_s_u(((((0xBD9FL | 0x078CL) , l_64) == (void*)0) <= p_37), g_59))))))), 8)) , l_67) == (void*)0) != g_65), p_37)))))) , p_37);
        }
        else
        { /* block id: 26 */
            int32_t *l_83[2][4];
            int i, j;
            for (i = 0; i < 2; i++)
            {
                for (j = 0; j < 4; j++)
                    l_83[i][j] = &l_66[1];
            }
lbl_93:
            l_88--;
            for (g_8 = (-28); (g_8 <= (-1)); g_8++)
            { /* block id: 30 */
                if (g_35)
                    goto lbl_93;
            }
            if (l_75)
                goto lbl_93;
        }
    }
    else
    { /* block id: 35 */
        struct S0 l_98 = {49};
        int32_t l_101 = 0xCBF8205CL;
        int32_t l_102 = (-1L);
        for (g_52 = 28; (g_52 < 2); g_52 = safe_sub_func_uint32_t_u_u(g_52, 3))
        { /* block id: 38 */
            struct S0 l_96 = {67};
            int32_t l_100 = (-1L);
            int32_t l_103 = (-1L);
            int32_t l_104 = 0xCBA93E3FL;
            uint16_t l_105 = 0xBB75L;
            uint8_t *l_109 = &g_65;
            int32_t *l_115 = (void*)0;
            int32_t *l_116 = &l_66[0];
            uint32_t *l_117 = &g_118[1];
            int32_t *l_121[2];
            int i;
            for (i = 0; i < 2; i++)
                l_121[i] = &g_35;
            if ((*g_34))
            { /* block id: 39 */
                struct S0 *l_97[3];
                int32_t *l_99[1][3];
                int i, j;
                for (i = 0; i < 3; i++)
                    l_97[i] = &l_96;
                for (i = 0; i < 1; i++)
                {
                    for (j = 0; j < 3; j++)
                        l_99[i][j] = &g_35;
                }
                l_98 = l_96;
                if (p_37)
                    continue;
                --l_105;
            }
            else
            { /* block id: 43 */
                int32_t *l_108 = &l_103;
                int32_t *l_110[3];
                int32_t l_111 = 0xFD32FAA6L;
                uint16_t l_112[1][1];
                int i, j;
                for (i = 0; i < 3; i++)
                    l_110[i] = (void*)0;
                for (i = 0; i < 1; i++)
                {
                    for (j = 0; j < 1; j++)
                        l_112[i][j] = 0xD0E7L;
                }
                (*l_108) &= (*g_34);
                (*g_34) ^= ((*l_108) ^= ((void*)0 == l_109));
                l_112[0][0]++;
            }
            g_122 &= (((*l_116) = 0L) >= ((++(*l_117)) ^ l_102));
            (*l_116) |= (-5L);
        }
    }
    l_125--;
    return g_128;
}




/* ---------------------------------------- */
int main (void)
{
    int i, j;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    transparent_crc(g_8, "g_8", print_hash_value);
    transparent_crc(g_22.f0, "g_22.f0", print_hash_value);
    transparent_crc(g_35, "g_35", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_50[i], "g_50[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_52, "g_52", print_hash_value);
    transparent_crc(g_59, "g_59", print_hash_value);
    transparent_crc(g_65, "g_65", print_hash_value);
    transparent_crc(g_82, "g_82", print_hash_value);
    for (i = 0; i < 3; i++)
    {
        transparent_crc(g_118[i], "g_118[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_122, "g_122", print_hash_value);
    transparent_crc(g_129.f0, "g_129.f0", print_hash_value);
    transparent_crc(g_141, "g_141", print_hash_value);
    transparent_crc(g_241, "g_241", print_hash_value);
    transparent_crc(g_276, "g_276", print_hash_value);
    transparent_crc(g_297, "g_297", print_hash_value);
    for (i = 0; i < 4; i++)
    {
        for (j = 0; j < 2; j++)
        {
            transparent_crc(g_304[i][j], "g_304[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}

/************************ statistics *************************
XXX max struct depth: 1
breakdown:
   depth: 0, occurrence: 77
   depth: 1, occurrence: 5
XXX total union variables: 3

XXX non-zero bitfields defined in structs: 1
XXX zero bitfields defined in structs: 0
XXX const bitfields defined in structs: 0
XXX volatile bitfields defined in structs: 0
XXX structs with bitfields in the program: 11
breakdown:
   indirect level: 0, occurrence: 5
   indirect level: 1, occurrence: 1
   indirect level: 2, occurrence: 3
   indirect level: 3, occurrence: 2
XXX full-bitfields structs in the program: 5
breakdown:
   indirect level: 0, occurrence: 5
XXX times a bitfields struct's address is taken: 3
XXX times a bitfields struct on LHS: 1
XXX times a bitfields struct on RHS: 4
XXX times a single bitfield on LHS: 0
XXX times a single bitfield on RHS: 2

XXX max expression depth: 21
breakdown:
   depth: 1, occurrence: 78
   depth: 2, occurrence: 17
   depth: 3, occurrence: 1
   depth: 4, occurrence: 2
   depth: 5, occurrence: 1
   depth: 6, occurrence: 2
   depth: 9, occurrence: 1
   depth: 10, occurrence: 1
   depth: 11, occurrence: 1
   depth: 14, occurrence: 1
   depth: 15, occurrence: 2
   depth: 16, occurrence: 1
   depth: 17, occurrence: 2
   depth: 18, occurrence: 2
   depth: 21, occurrence: 1

XXX total number of pointers: 94

XXX times a variable address is taken: 82
XXX times a pointer is dereferenced on RHS: 16
breakdown:
   depth: 1, occurrence: 16
XXX times a pointer is dereferenced on LHS: 34
breakdown:
   depth: 1, occurrence: 34
XXX times a pointer is compared with null: 5
XXX times a pointer is compared with address of another variable: 0
XXX times a pointer is compared with another pointer: 0
XXX times a pointer is qualified to be dereferenced: 1633

XXX max dereference level: 1
breakdown:
   level: 0, occurrence: 0
   level: 1, occurrence: 73
XXX number of pointers point to pointers: 17
XXX number of pointers point to scalars: 68
XXX number of pointers point to structs: 5
XXX percent of pointers has null in alias set: 25.5
XXX average alias set size: 1.05

XXX times a non-volatile is read: 153
XXX times a non-volatile is write: 104
XXX times a volatile is read: 17
XXX    times read thru a pointer: 0
XXX times a volatile is write: 6
XXX    times written thru a pointer: 0
XXX times a volatile is available for access: 168
XXX percentage of non-volatile access: 91.8

XXX forward jumps: 0
XXX backward jumps: 2

XXX stmts: 75
XXX max block depth: 3
breakdown:
   depth: 0, occurrence: 19
   depth: 1, occurrence: 12
   depth: 2, occurrence: 26
   depth: 3, occurrence: 18

XXX percentage a fresh-made variable is used: 16.7
XXX percentage an existing variable is used: 83.3
FYI: the random generator makes assumptions about the integer size. See platform.info for more details.
********************* end of statistics **********************/

