/*
 * This is a RANDOMLY GENERATED PROGRAM.
 *
 * Generator: csmith 2.3.0
 * Git version: 30dccd7
 * Options:   --seed 25 --no-argc --max-funcs 6 --max-block-depth 3 --max-block-size 3 --max-expr-complexity 6 --max-array-dim 2 --max-array-len-per-dim 4 --max-struct-fields 4 --max-union-fields 3 -o p25.c
 * Seed:      25
 */

#include "csmith.h"


static long __undefined;

/* --- Struct/Union Declarations --- */
/* --- GLOBAL VARIABLES --- */
static int32_t g_9[1] = {0xB34E6D4FL};
static int32_t g_22 = 0xDB8E9646L;
static uint64_t g_49 = 0UL;
static int64_t g_62 = (-1L);
static int32_t g_66 = 0xFDCBC339L;
static int32_t *g_65 = &g_66;
static uint16_t g_69[2] = {0UL,0UL};
static int32_t * volatile g_79 = &g_22;/* VOLATILE GLOBAL g_79 */
static int32_t *g_86 = &g_9[0];
static int32_t * volatile *g_108[1] = {&g_79};
static int32_t * volatile * volatile * volatile g_107[2][4] = {{&g_108[0],&g_108[0],&g_108[0],&g_108[0]},{&g_108[0],&g_108[0],&g_108[0],&g_108[0]}};
static int32_t * volatile g_111 = &g_66;/* VOLATILE GLOBAL g_111 */
static int64_t *g_119 = &g_62;
static uint32_t g_140 = 0x0005B716L;
static int32_t *g_155 = &g_66;
static volatile int8_t g_164[1] = {0x1AL};
static uint8_t g_170 = 1UL;
static int32_t * const  volatile g_174 = &g_66;/* VOLATILE GLOBAL g_174 */
static int32_t ** volatile g_240 = (void*)0;/* VOLATILE GLOBAL g_240 */
static int16_t g_261 = 0x1EC9L;
static int32_t g_265 = 0x1D1BEAFEL;
static uint32_t g_273 = 18446744073709551607UL;


/* --- FORWARD DECLARATIONS --- */
static const uint8_t  func_1(void);
static int32_t * func_2(int32_t * p_3, uint64_t  p_4, int32_t * p_5, int32_t * p_6, uint32_t  p_7);
static int32_t * func_10(uint8_t  p_11, const int32_t * p_12, int8_t  p_13);
static uint8_t  func_14(uint64_t  p_15, int32_t * p_16);
static int32_t * func_17(int32_t  p_18);
static int32_t  func_25(int32_t * p_26, int8_t  p_27, uint64_t  p_28, uint16_t  p_29, int64_t  p_30);


/* --- FUNCTIONS --- */
/* ------------------------------------------ */
/* 
 * reads : g_9 g_22 g_49 g_66 g_79 g_86 g_69 g_65 g_107 g_111 g_62 g_174 g_140 g_119 g_164 g_261 g_273 g_170 g_265
 * writes: g_22 g_62 g_65 g_49 g_69 g_66 g_119 g_107 g_155 g_86 g_170 g_140 g_9 g_261 g_273
 */
static const uint8_t  func_1(void)
{ /* block id: 0 */
    int32_t *l_8 = &g_9[0];
    uint8_t *l_169 = &g_170;
    int32_t **l_239 = &g_65;
    int32_t **l_241 = &l_8;
    int32_t l_266[1];
    int64_t **l_276 = &g_119;
    int i;
    for (i = 0; i < 1; i++)
        l_266[i] = 0xE6252E3EL;
    (*l_241) = ((*l_239) = func_2(l_8, (*l_8), func_10(((*l_169) = func_14(g_9[0], l_8)), l_8, (*l_8)), l_8, g_9[0]));
    (*l_8) = (*g_111);
    if ((**l_239))
    { /* block id: 136 */
        int16_t l_258 = 0x4FFFL;
        uint64_t *l_259 = &g_49;
        uint32_t *l_260[4] = {&g_140,&g_140,&g_140,&g_140};
        int32_t l_262 = 0x9D66A2F2L;
        int32_t l_263 = 0L;
        int32_t *l_264[3];
        int i;
        for (i = 0; i < 3; i++)
            l_264[i] = &g_265;
        l_266[0] ^= ((((safe_lshift_func_uint16_t_u_s(g_9[0], 11)) , &g_49) != &g_49) || (((safe_lshift_func_int16_t_s_s((safe_add_func_uint64_t_u_u(((((g_66 < ((safe_add_func_uint32_t_u_u((l_262 ^= (g_261 |= ((((*l_259) = ((safe_rshift_func_uint8_t_u_u((safe_rshift_func_uint16_t_u_u((safe_sub_func_int64_t_s_s(((*g_119) = (safe_lshift_func_uint8_t_u_u(g_164[0], g_140))), (*l_8))), 15)), 3)) >= l_258)) , g_164[0]) != 0x53BEL))), l_263)) <= g_9[0])) <= (*l_8)) || 255UL) ^ (**l_239)), 0UL)), l_263)) < g_66) ^ g_22));
    }
    else
    { /* block id: 142 */
        uint32_t *l_271 = (void*)0;
        uint32_t *l_272 = &g_273;
        int16_t *l_277 = &g_261;
        uint64_t *l_278 = &g_49;
        (*l_239) = func_10((18446744073709551615UL && ((*l_278) = (((*l_277) |= (((safe_lshift_func_uint16_t_u_s((18446744073709551607UL ^ (*g_119)), 12)) > ((safe_mod_func_int32_t_s_s((**l_241), ((((--(*l_272)) , (l_276 != &g_119)) > (*g_119)) , g_62))) , 7UL)) , g_170)) ^ (**l_239)))), &g_265, g_9[0]);
    }
    return (**l_239);
}


/* ------------------------------------------ */
/* 
 * reads : g_140 g_62
 * writes: g_155
 */
static int32_t * func_2(int32_t * p_3, uint64_t  p_4, int32_t * p_5, int32_t * p_6, uint32_t  p_7)
{ /* block id: 128 */
    uint64_t l_230 = 18446744073709551613UL;
    int64_t *l_233 = &g_62;
    int64_t **l_234 = &l_233;
    int64_t *l_237[1];
    int32_t **l_238 = &g_155;
    int i;
    for (i = 0; i < 1; i++)
        l_237[i] = &g_62;
    l_230--;
    (*l_238) = (l_230 , ((((1UL && (((p_7 && ((((((*l_234) = l_233) != ((safe_mul_func_uint8_t_u_u((255UL & 254UL), l_230)) , l_237[0])) , g_140) , (void*)0) == &g_107[1][2])) | g_62) == g_140)) , p_7) == 0xF0L) , (void*)0));
    return &g_9[0];
}


/* ------------------------------------------ */
/* 
 * reads : g_174 g_79 g_22 g_9 g_69 g_119 g_62 g_140 g_265
 * writes: g_66 g_22 g_140 g_155 g_86 g_62
 */
static int32_t * func_10(uint8_t  p_11, const int32_t * p_12, int8_t  p_13)
{ /* block id: 83 */
    const int32_t l_173[2][1] = {{0xF9958F31L},{0xF9958F31L}};
    int32_t **l_180 = (void*)0;
    int32_t l_182[1][4];
    int8_t l_214[2];
    uint32_t l_222[1];
    int32_t *l_227 = &g_22;
    int32_t *l_229 = &g_9[0];
    int i, j;
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 4; j++)
            l_182[i][j] = 0x1EF512BBL;
    }
    for (i = 0; i < 2; i++)
        l_214[i] = (-1L);
    for (i = 0; i < 1; i++)
        l_222[i] = 18446744073709551608UL;
lbl_221:
    (*g_174) = (safe_mod_func_int16_t_s_s(l_173[0][0], 0x6985L));
    for (g_22 = 1; (g_22 >= 0); g_22 -= 1)
    { /* block id: 87 */
        uint32_t l_179 = 0x41C2129FL;
        int32_t ***l_181 = &l_180;
        l_182[0][1] |= (safe_add_func_uint8_t_u_u(((safe_rshift_func_uint16_t_u_u(l_179, 15)) & (((*l_181) = l_180) != &p_12)), ((*g_79) >= ((((void*)0 == &g_108[0]) <= 0UL) ^ (-6L)))));
    }
    for (g_22 = 0; (g_22 <= 1); g_22 += 1)
    { /* block id: 93 */
        int32_t l_198 = 0xA7F4345AL;
        int32_t l_202 = 3L;
        int32_t *l_215[2];
        int16_t l_216 = 0L;
        uint64_t l_217[2][1];
        const uint64_t *l_224 = (void*)0;
        const uint8_t l_226[3][3] = {{0xA9L,5UL,0xA9L},{0x76L,0x76L,0x76L},{0xA9L,5UL,0xA9L}};
        int i, j;
        for (i = 0; i < 2; i++)
            l_215[i] = &l_182[0][3];
        for (i = 0; i < 2; i++)
        {
            for (j = 0; j < 1; j++)
                l_217[i][j] = 1UL;
        }
        for (g_140 = 0; (g_140 <= 1); g_140 += 1)
        { /* block id: 96 */
            uint32_t l_195 = 0x40FFE85CL;
            int32_t **l_196 = &g_155;
            int32_t **l_197 = &g_86;
            int16_t *l_199 = (void*)0;
            int16_t *l_200 = (void*)0;
            int16_t *l_201 = (void*)0;
            if ((p_13 > (safe_lshift_func_int16_t_s_s((l_202 = (safe_add_func_int16_t_s_s(p_11, ((((safe_add_func_int8_t_s_s((safe_rshift_func_int8_t_s_s(g_22, ((safe_sub_func_uint16_t_u_u(((safe_mul_func_int8_t_s_s(((l_195 , ((*l_197) = ((*l_196) = &g_9[0]))) != p_12), g_9[0])) <= p_11), g_69[1])) & (*p_12)))), p_11)) == l_198) ^ p_13) | 0x3CD6L)))), 5))))
            { /* block id: 100 */
                int32_t l_212 = 2L;
                int32_t *l_213 = &l_182[0][1];
                l_214[0] &= ((*l_213) = (safe_mul_func_uint8_t_u_u((safe_mul_func_int8_t_s_s(((safe_rshift_func_uint8_t_u_u((!(((safe_rshift_func_int8_t_s_s(g_22, (((18446744073709551612UL & 0x348A8D59F852C065LL) & (-8L)) , (((*g_119) || p_13) >= g_9[0])))) ^ 1UL) && l_212)), l_198)) != l_202), p_11)), g_62)));
                if ((*l_213))
                    break;
            }
            else
            { /* block id: 104 */
                return &g_9[0];
            }
        }
        ++l_217[0][0];
        for (g_62 = 1; (g_62 >= 0); g_62 -= 1)
        { /* block id: 111 */
            int32_t **l_220 = &g_155;
            int i, j;
            (*l_220) = (void*)0;
            for (l_216 = 0; (l_216 <= 0); l_216 += 1)
            { /* block id: 115 */
                if (p_11)
                    goto lbl_221;
            }
            for (p_13 = 0; (p_13 >= 0); p_13 -= 1)
            { /* block id: 120 */
                uint64_t *l_223 = &l_217[0][0];
                int32_t l_225 = 7L;
                int32_t *l_228 = &l_182[0][1];
                if (l_222[0])
                    break;
                l_228 = (((l_223 != l_224) != (l_225 ^ l_226[2][0])) , l_227);
                l_215[1] = l_229;
            }
        }
    }
    return &g_22;
}


/* ------------------------------------------ */
/* 
 * reads : g_9 g_22 g_49 g_66 g_79 g_86 g_69 g_65 g_107 g_111 g_62
 * writes: g_22 g_62 g_65 g_49 g_69 g_66 g_119 g_107 g_155 g_86
 */
static uint8_t  func_14(uint64_t  p_15, int32_t * p_16)
{ /* block id: 1 */
    int32_t **l_158[4][3];
    int32_t *l_159 = (void*)0;
    int8_t l_160[2][1];
    int32_t l_161 = 0x36C2DCE2L;
    int8_t l_162 = (-8L);
    int8_t l_163 = 1L;
    int64_t l_165 = 0L;
    uint64_t l_166 = 0xB939B4C0E798E6DELL;
    int i, j;
    for (i = 0; i < 4; i++)
    {
        for (j = 0; j < 3; j++)
            l_158[i][j] = (void*)0;
    }
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 1; j++)
            l_160[i][j] = (-1L);
    }
    l_159 = (p_16 = func_17(p_15));
    --l_166;
    return g_69[0];
}


/* ------------------------------------------ */
/* 
 * reads : g_9 g_22 g_49 g_66 g_79 g_86 g_69 g_65 g_107 g_111 g_62
 * writes: g_22 g_62 g_65 g_49 g_69 g_66 g_119 g_107 g_155 g_86
 */
static int32_t * func_17(int32_t  p_18)
{ /* block id: 2 */
    int32_t *l_31 = &g_9[0];
    int32_t l_50 = (-1L);
    int32_t **l_156 = &g_86;
    int32_t *l_157 = &g_9[0];
    for (p_18 = 22; (p_18 != 22); p_18 = safe_add_func_uint8_t_u_u(p_18, 4))
    { /* block id: 5 */
        int32_t *l_21 = &g_22;
        int32_t *l_44 = &g_9[0];
        int32_t **l_43 = &l_44;
        int32_t *l_46 = &g_22;
        int32_t **l_45 = &l_46;
        int32_t *l_47 = (void*)0;
        uint64_t *l_48[1];
        const uint32_t l_103[1] = {0x69FE4373L};
        uint64_t l_110 = 0xE77D733C455447BFLL;
        uint32_t l_148 = 0x490029EFL;
        int i;
        for (i = 0; i < 1; i++)
            l_48[i] = &g_49;
        (*l_21) = g_9[0];
        if ((safe_rshift_func_int16_t_s_u((((((((*l_21) = (func_25(l_31, (*l_21), (l_50 = (~(safe_mod_func_int8_t_s_s(((((safe_sub_func_uint32_t_u_u(p_18, (((safe_mul_func_int8_t_s_s(((safe_sub_func_int32_t_s_s((safe_sub_func_uint64_t_u_u(p_18, (((*l_45) = ((*l_43) = l_21)) != l_47))), g_9[0])) != g_22), g_22)) & g_9[0]) , g_9[0]))) , 0x04A276ACL) , (void*)0) == &g_9[0]), 0xEFL)))), p_18, g_9[0]) | 4294967295UL)) <= p_18) | g_9[0]) > g_9[0]) , (**l_43)) <= 0x3B40BBFB6FEB77EBLL), p_18)))
        { /* block id: 37 */
            for (g_22 = 19; (g_22 > 26); g_22 = safe_add_func_int8_t_s_s(g_22, 2))
            { /* block id: 40 */
                return g_86;
            }
        }
        else
        { /* block id: 43 */
            int32_t **l_99 = &g_86;
            if ((safe_mod_func_uint16_t_u_u(((((safe_add_func_uint32_t_u_u((safe_sub_func_uint64_t_u_u(((safe_lshift_func_uint8_t_u_u((safe_lshift_func_uint16_t_u_u((safe_mul_func_uint8_t_u_u((l_99 != (void*)0), 9UL)), ((((+g_69[0]) , (safe_rshift_func_uint16_t_u_s(l_103[0], (**l_45)))) & g_69[0]) , g_9[0]))), 3)) & p_18), 0UL)), (*g_65))) > 0xD0E530E0L) , g_9[0]) == 9UL), g_9[0])))
            { /* block id: 44 */
                int32_t l_106 = 6L;
                int64_t *l_109 = &g_62;
                (*g_111) = ((**l_99) & ((safe_mul_func_int8_t_s_s((((((*l_21) = ((l_106 == (g_107[1][2] == (((void*)0 == l_109) , &g_108[0]))) >= 0UL)) == l_110) || g_22) && g_22), l_106)) && 1UL));
                return &g_22;
            }
            else
            { /* block id: 48 */
                int32_t ***l_118 = &l_43;
                int64_t *l_120 = &g_62;
                int32_t *l_121 = (void*)0;
                int32_t *l_122 = &l_50;
                int8_t l_137 = 0x62L;
                uint64_t l_138 = 0x41D410C6DFD39EDELL;
                (*l_122) ^= (safe_div_func_uint64_t_u_u((((**l_45) != 0x514EL) < (safe_mod_func_uint8_t_u_u(((g_119 = (((0x20L || (((l_99 = &g_86) == ((*l_118) = ((safe_lshift_func_uint8_t_u_u((p_18 < p_18), 5)) , &l_44))) || 1UL)) == 0L) , &g_62)) != l_120), (-4L)))), (-1L)));
                l_137 ^= (safe_add_func_int16_t_s_s((safe_div_func_uint8_t_u_u(((safe_lshift_func_int16_t_s_s((*l_31), 3)) <= ((safe_mul_func_uint8_t_u_u(((((0x3DD4L <= (*l_21)) && (safe_add_func_int32_t_s_s(((((safe_add_func_uint32_t_u_u((&l_43 == ((safe_div_func_int16_t_s_s((0xA9L <= g_22), g_9[0])) , (void*)0)), g_49)) | p_18) | 7UL) < g_62), 0x96505D7EL))) || g_49) <= (*l_122)), (-1L))) && (*l_122))), 4UL)), p_18));
                (***l_118) ^= (((((void*)0 == (*l_99)) <= g_9[0]) , ((*l_31) , (p_18 & 0x3DBAL))) > l_138);
            }
            if (p_18)
                continue;
            for (g_49 = 0; g_49 < 2; g_49 += 1)
            {
                for (g_62 = 0; g_62 < 4; g_62 += 1)
                {
                    g_107[g_49][g_62] = &g_108[0];
                }
            }
        }
        for (g_22 = 0; (g_22 >= 0); g_22 -= 1)
        { /* block id: 61 */
            uint32_t *l_139 = &g_140;
            int32_t l_143 = 8L;
            int32_t l_153 = 0xB0D9EFBCL;
            int i;
        }
    }
    (*l_156) = (g_155 = &g_9[0]);
    (*l_156) = (*l_156);
    return l_157;
}


/* ------------------------------------------ */
/* 
 * reads : g_9 g_49 g_66 g_79 g_22
 * writes: g_62 g_22 g_65 g_49 g_69 g_66
 */
static int32_t  func_25(int32_t * p_26, int8_t  p_27, uint64_t  p_28, uint16_t  p_29, int64_t  p_30)
{ /* block id: 10 */
    int64_t *l_61 = &g_62;
    int32_t *l_71 = &g_9[0];
    if (((((((((safe_sub_func_int16_t_s_s((-1L), (((((p_27 & (((-4L) <= 0xC927DB40437E1032LL) <= (safe_mod_func_uint32_t_u_u((safe_add_func_uint16_t_u_u((safe_rshift_func_int16_t_s_s((((*l_61) = (((safe_mul_func_uint8_t_u_u(g_9[0], 1UL)) <= (-6L)) , p_28)) != g_9[0]), g_49)), 65535UL)), 1UL)))) != g_9[0]) , (void*)0) == &p_28) | p_28))) | 0L) >= 0x76A9523668F781BELL) && p_27) > 0xE519C81BL) || p_29) ^ g_9[0]) >= g_9[0]))
    { /* block id: 12 */
lbl_80:
        for (g_22 = 0; (g_22 < 9); g_22 = safe_add_func_uint64_t_u_u(g_22, 5))
        { /* block id: 15 */
            g_65 = p_26;
            for (g_49 = 0; (g_49 >= 18); g_49 = safe_add_func_int64_t_s_s(g_49, 6))
            { /* block id: 19 */
                return (*p_26);
            }
            for (g_49 = 0; g_49 < 2; g_49 += 1)
            {
                g_69[g_49] = 0xFC23L;
            }
        }
    }
    else
    { /* block id: 24 */
        int32_t *l_70 = &g_9[0];
        int32_t **l_72 = &g_65;
        int64_t *l_75 = &g_62;
        int32_t *l_78 = &g_66;
        (*l_72) = (((void*)0 == l_70) , l_71);
        (*g_79) ^= (((safe_sub_func_int16_t_s_s((-1L), ((void*)0 == l_75))) > (safe_div_func_uint8_t_u_u(((((*l_78) &= (*p_26)) == 0x90DC6CE9L) < p_28), 0x46L))) != g_9[0]);
        if (p_27)
            goto lbl_80;
    }
    if ((*p_26))
    { /* block id: 30 */
        (*g_79) = 0xDD754719L;
    }
    else
    { /* block id: 32 */
        int32_t **l_82 = &l_71;
        int32_t ** const *l_81[2][4];
        int32_t ** const **l_83 = &l_81[1][0];
        int i, j;
        for (i = 0; i < 2; i++)
        {
            for (j = 0; j < 4; j++)
                l_81[i][j] = &l_82;
        }
        (*l_83) = l_81[0][2];
    }
    return (*p_26);
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
        transparent_crc(g_9[i], "g_9[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_22, "g_22", print_hash_value);
    transparent_crc(g_49, "g_49", print_hash_value);
    transparent_crc(g_62, "g_62", print_hash_value);
    transparent_crc(g_66, "g_66", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_69[i], "g_69[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_140, "g_140", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        transparent_crc(g_164[i], "g_164[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_170, "g_170", print_hash_value);
    transparent_crc(g_261, "g_261", print_hash_value);
    transparent_crc(g_265, "g_265", print_hash_value);
    transparent_crc(g_273, "g_273", print_hash_value);
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}

/************************ statistics *************************
XXX max struct depth: 0
breakdown:
   depth: 0, occurrence: 64
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

XXX max expression depth: 29
breakdown:
   depth: 1, occurrence: 57
   depth: 2, occurrence: 13
   depth: 3, occurrence: 2
   depth: 5, occurrence: 1
   depth: 7, occurrence: 1
   depth: 9, occurrence: 1
   depth: 10, occurrence: 1
   depth: 13, occurrence: 2
   depth: 14, occurrence: 1
   depth: 16, occurrence: 1
   depth: 17, occurrence: 2
   depth: 18, occurrence: 1
   depth: 19, occurrence: 1
   depth: 20, occurrence: 1
   depth: 24, occurrence: 1
   depth: 26, occurrence: 1
   depth: 29, occurrence: 1

XXX total number of pointers: 78

XXX times a variable address is taken: 81
XXX times a pointer is dereferenced on RHS: 40
breakdown:
   depth: 1, occurrence: 30
   depth: 2, occurrence: 10
XXX times a pointer is dereferenced on LHS: 36
breakdown:
   depth: 1, occurrence: 35
   depth: 2, occurrence: 0
   depth: 3, occurrence: 1
XXX times a pointer is compared with null: 6
XXX times a pointer is compared with address of another variable: 1
XXX times a pointer is compared with another pointer: 1
XXX times a pointer is qualified to be dereferenced: 1190

XXX max dereference level: 3
breakdown:
   level: 0, occurrence: 0
   level: 1, occurrence: 195
   level: 2, occurrence: 39
   level: 3, occurrence: 3
XXX number of pointers point to pointers: 23
XXX number of pointers point to scalars: 55
XXX number of pointers point to structs: 0
XXX percent of pointers has null in alias set: 15.4
XXX average alias set size: 1.19

XXX times a non-volatile is read: 239
XXX times a non-volatile is write: 104
XXX times a volatile is read: 5
XXX    times read thru a pointer: 0
XXX times a volatile is write: 4
XXX    times written thru a pointer: 0
XXX times a volatile is available for access: 124
XXX percentage of non-volatile access: 97.4

XXX forward jumps: 0
XXX backward jumps: 2

XXX stmts: 61
XXX max block depth: 3
breakdown:
   depth: 0, occurrence: 21
   depth: 1, occurrence: 15
   depth: 2, occurrence: 11
   depth: 3, occurrence: 14

XXX percentage a fresh-made variable is used: 13.8
XXX percentage an existing variable is used: 86.2
********************* end of statistics **********************/

