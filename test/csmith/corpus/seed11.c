/*
 * This is a RANDOMLY GENERATED PROGRAM.
 *
 * Generator: csmith 2.3.0
 * Git version: 30dccd7
 * Options:   --seed 11 --no-argc --max-funcs 6 --max-block-depth 3 --max-block-size 3 --max-expr-complexity 6 --max-array-dim 2 --max-array-len-per-dim 4 --max-struct-fields 4 --max-union-fields 3 -o p11.c
 * Seed:      11
 */

#include "csmith.h"


static long __undefined;

/* --- Struct/Union Declarations --- */
/* --- GLOBAL VARIABLES --- */
static int32_t g_6 = 0L;
static int8_t g_21 = 1L;
static uint8_t g_32[3][4] = {{0x72L,0x72L,0x72L,0x72L},{0x72L,0x72L,0x72L,0x72L},{0x72L,0x72L,0x72L,0x72L}};
static int16_t g_35 = 0x52FBL;
static int32_t g_39[2] = {0x1EE3199FL,0x1EE3199FL};
static int32_t * const  volatile g_57 = (void*)0;/* VOLATILE GLOBAL g_57 */
static int32_t g_59[2][2] = {{(-1L),(-1L)},{(-1L),(-1L)}};
static int32_t * volatile g_58[4] = {&g_59[1][0],&g_59[1][0],&g_59[1][0],&g_59[1][0]};
static int32_t *g_77 = &g_39[0];
static int32_t **g_76 = &g_77;
static const int32_t g_95 = 0x552B10A2L;
static const int32_t *g_98 = &g_59[1][0];
static const int32_t ** volatile g_97[4] = {&g_98,&g_98,&g_98,&g_98};
static uint16_t g_109 = 0UL;
static uint16_t g_132 = 65535UL;
static int32_t g_141 = 1L;
static volatile int16_t g_180 = 0x8FA2L;/* VOLATILE GLOBAL g_180 */
static volatile int16_t *g_179 = &g_180;
static volatile int16_t * volatile * volatile g_178 = &g_179;/* VOLATILE GLOBAL g_178 */
static uint32_t g_186 = 5UL;
static uint32_t g_188[4][3] = {{0xFB69F9E0L,0xDD8A0995L,0xDD8A0995L},{0xFB69F9E0L,0xDD8A0995L,0xDD8A0995L},{0xFB69F9E0L,0xDD8A0995L,0xDD8A0995L},{0xFB69F9E0L,0xDD8A0995L,0xDD8A0995L}};
static int64_t g_190 = 1L;


/* --- FORWARD DECLARATIONS --- */
static int32_t  func_1(void);
static int32_t  func_2(uint16_t  p_3, uint16_t  p_4, int8_t  p_5);
static int32_t  func_7(int32_t  p_8, int32_t  p_9, uint16_t  p_10);
static int32_t  func_12(int8_t  p_13, int8_t  p_14, uint64_t  p_15, int16_t  p_16);
static int32_t  func_42(int16_t * p_43);
static int32_t  func_73(int32_t ** p_74, int64_t  p_75);


/* --- FUNCTIONS --- */
/* ------------------------------------------ */
/* 
 * reads : g_6 g_21 g_39 g_35 g_32 g_59 g_76 g_77 g_109 g_132 g_95 g_178 g_186 g_188 g_98
 * writes: g_32 g_35 g_21 g_39 g_59 g_98 g_109 g_132 g_77 g_76 g_186 g_188 g_190 g_141
 */
static int32_t  func_1(void)
{ /* block id: 0 */
    uint8_t l_11 = 0xD2L;
    int32_t l_22[1][2];
    int32_t *l_203 = &g_141;
    int32_t *l_239 = &l_22[0][0];
    uint16_t *l_240 = (void*)0;
    uint32_t l_241[2][4] = {{0x7ED4FC66L,0x7ED4FC66L,0x7ED4FC66L,0x7ED4FC66L},{0x7ED4FC66L,0x7ED4FC66L,0x7ED4FC66L,0x7ED4FC66L}};
    int i, j;
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 2; j++)
            l_22[i][j] = 0xF609B2B5L;
    }
    if (((*l_239) = func_2(g_6, (((func_7(l_11, ((*l_203) = (func_12(l_11, ((safe_rshift_func_uint8_t_u_u((l_11 ^ ((l_22[0][1] = (safe_mul_func_int16_t_s_s(g_21, 1L))) , g_6)), l_11)) , l_22[0][1]), l_11, g_21) , 0x099D88FCL)), g_6) , g_21) ^ 0xA53BE8B1390B164ALL) , g_32[0][3]), l_11)))
    { /* block id: 151 */
        return g_35;
    }
    else
    { /* block id: 153 */
        (*l_239) = (*g_98);
    }
    (*l_239) = ((void*)0 != l_240);
    return l_241[0][1];
}


/* ------------------------------------------ */
/* 
 * reads : g_59
 * writes:
 */
static int32_t  func_2(uint16_t  p_3, uint16_t  p_4, int8_t  p_5)
{ /* block id: 147 */
    int32_t *l_236 = &g_59[1][0];
    int32_t **l_237[2][1];
    int32_t *l_238 = &g_39[0];
    int i, j;
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 1; j++)
            l_237[i][j] = &g_77;
    }
    l_238 = l_236;
    return (*l_236);
}


/* ------------------------------------------ */
/* 
 * reads : g_186 g_132 g_188 g_77 g_98 g_39 g_59
 * writes: g_132 g_186 g_77 g_59
 */
static int32_t  func_7(int32_t  p_8, int32_t  p_9, uint16_t  p_10)
{ /* block id: 120 */
    int32_t l_226 = 0x18CAF6F8L;
    for (p_10 = (-15); (p_10 <= 6); ++p_10)
    { /* block id: 123 */
        int64_t l_212 = (-6L);
        const int16_t *l_218[4][4] = {{&g_35,&g_35,&g_35,&g_35},{&g_35,&g_35,&g_35,&g_35},{&g_35,&g_35,&g_35,&g_35},{&g_35,&g_35,&g_35,&g_35}};
        const int16_t **l_217 = &l_218[3][0];
        int32_t *l_222 = (void*)0;
        int32_t *l_223 = &g_59[0][1];
        int32_t *l_224 = &g_59[0][1];
        int32_t l_225 = 0L;
        int32_t *l_227 = &g_59[1][0];
        int32_t *l_228 = &g_39[0];
        int32_t *l_229 = &g_39[0];
        int32_t *l_230 = &g_39[0];
        int32_t *l_231 = (void*)0;
        int32_t *l_232[4] = {(void*)0,(void*)0,(void*)0,(void*)0};
        uint32_t l_233 = 18446744073709551615UL;
        int i, j;
        for (g_132 = 0; (g_132 <= 2); g_132 += 1)
        { /* block id: 126 */
            int32_t *l_206 = &g_59[0][0];
            int16_t *l_216 = &g_35;
            int16_t **l_215[4] = {&l_216,&l_216,&l_216,&l_216};
            int i, j;
            for (g_186 = 0; (g_186 <= 2); g_186 += 1)
            { /* block id: 129 */
                int32_t **l_207 = &g_77;
                const int16_t ***l_219 = (void*)0;
                const int16_t ***l_220 = &l_217;
                int i, j;
                (*l_207) = l_206;
                (**l_207) = (safe_rshift_func_int16_t_s_s(g_188[(g_186 + 1)][g_132], (safe_div_func_uint32_t_u_u(((l_212 > (safe_sub_func_uint8_t_u_u(0x3CL, (l_215[2] != ((*l_220) = l_217))))) | p_8), 0x54C541F3L))));
            }
            if (g_188[g_132][g_132])
                continue;
            if ((*g_98))
                continue;
            for (p_9 = 0; (p_9 <= 2); p_9 += 1)
            { /* block id: 138 */
                int32_t *l_221 = (void*)0;
                l_221 = (((3UL <= p_8) | l_212) , &p_8);
                return p_9;
            }
        }
        (*l_223) = 0x455D1EC5L;
        ++l_233;
    }
    return g_188[3][0];
}


/* ------------------------------------------ */
/* 
 * reads : g_21 g_6 g_39 g_35 g_32 g_59 g_76 g_77 g_109 g_132 g_95 g_178
 * writes: g_32 g_35 g_21 g_39 g_59 g_98 g_109 g_132 g_77 g_76 g_186 g_188 g_190
 */
static int32_t  func_12(int8_t  p_13, int8_t  p_14, uint64_t  p_15, int16_t  p_16)
{ /* block id: 2 */
    uint8_t *l_31 = &g_32[0][3];
    int32_t l_33 = 0x4C6F4446L;
    int16_t *l_34 = &g_35;
    int32_t *l_67[2];
    int32_t **l_151 = &l_67[1];
    uint64_t l_158 = 1UL;
    int32_t *l_202 = &g_6;
    int i;
    for (i = 0; i < 2; i++)
        l_67[i] = (void*)0;
    if ((0x753FL | (g_21 , ((*l_34) = (0x7B30L ^ ((safe_div_func_int32_t_s_s((safe_sub_func_uint8_t_u_u(g_21, (((safe_rshift_func_int8_t_s_s(((safe_add_func_int16_t_s_s(((((*l_31) = 0x4BL) && p_13) >= 0UL), g_6)) & g_21), 7)) , 0x21A0L) != l_33))), g_6)) <= 65528UL))))))
    { /* block id: 5 */
        uint32_t l_49[1];
        int32_t *l_62[1][3];
        int i, j;
        for (i = 0; i < 1; i++)
            l_49[i] = 18446744073709551609UL;
        for (i = 0; i < 1; i++)
        {
            for (j = 0; j < 3; j++)
                l_62[i][j] = &g_39[0];
        }
        for (l_33 = (-2); (l_33 < 3); l_33++)
        { /* block id: 8 */
            for (g_21 = 2; (g_21 >= 0); g_21 -= 1)
            { /* block id: 11 */
                int32_t *l_38 = &g_39[0];
                l_38 = &g_6;
            }
            for (p_16 = 12; (p_16 < (-29)); p_16 = safe_sub_func_uint32_t_u_u(p_16, 8))
            { /* block id: 16 */
                int32_t *l_45 = &g_39[0];
                int32_t *l_46 = &g_39[1];
                int32_t *l_47 = &g_39[1];
                int32_t *l_48[1][3];
                int i, j;
                for (i = 0; i < 1; i++)
                {
                    for (j = 0; j < 3; j++)
                        l_48[i][j] = &g_39[0];
                }
                (*l_45) ^= func_42(&g_35);
                --l_49[0];
            }
            for (g_35 = (-1); (g_35 != 4); ++g_35)
            { /* block id: 24 */
                int32_t *l_60 = (void*)0;
                int32_t *l_61 = &g_59[0][1];
                (*l_61) |= (l_49[0] | (((*l_31) |= (g_39[1] < (safe_sub_func_int32_t_s_s((-3L), (l_49[0] | (~0L)))))) , g_32[2][3]));
                (*l_61) &= l_33;
                if (p_14)
                    break;
            }
        }
        l_33 = p_14;
        for (p_15 = 0; (p_15 < 53); ++p_15)
        { /* block id: 34 */
            int32_t l_80[4][3] = {{(-4L),1L,0xDE24E562L},{0xD42A80B0L,1L,0xD42A80B0L},{8L,(-4L),0xDE24E562L},{8L,8L,(-4L)}};
            int i, j;
            for (p_13 = 0; (p_13 == 19); p_13++)
            { /* block id: 37 */
                int32_t **l_68 = &l_62[0][0];
                (*l_68) = (l_67[0] = &g_59[1][0]);
            }
            l_80[1][1] = ((safe_div_func_uint8_t_u_u((safe_mod_func_int32_t_s_s(func_73(g_76, (safe_div_func_uint8_t_u_u(((((g_21 && l_80[1][0]) , &l_62[0][1]) != (((safe_add_func_uint32_t_u_u((((p_16 || p_16) | l_80[2][1]) || 0UL), (**g_76))) | g_32[0][3]) , &l_62[0][0])) > 0L), g_32[0][2]))), g_6)), p_14)) , 3L);
            (**g_76) = (*g_77);
        }
    }
    else
    { /* block id: 65 */
        uint16_t *l_130 = &g_109;
        uint16_t *l_131 = &g_132;
        int32_t *l_140 = &g_141;
        int32_t l_145 = 0x7ECB7BB1L;
        int32_t l_146 = (-5L);
        int32_t **l_150 = &l_67[0];
        if (((*g_77) = ((safe_rshift_func_uint16_t_u_u(((*l_130) = g_32[2][3]), (++(*l_131)))) && (safe_add_func_int64_t_s_s(g_95, p_15)))))
        { /* block id: 69 */
            int32_t *l_139 = &g_39[1];
            int32_t l_142 = 0x5FF039C0L;
            int32_t l_143 = 0x4102D430L;
            int32_t l_144 = 0x204A9F0EL;
            for (g_21 = (-12); (g_21 < (-28)); g_21--)
            { /* block id: 72 */
                uint64_t l_147 = 0xE7F845CBE7429D79LL;
                (*g_76) = l_139;
                (*l_139) ^= ((void*)0 == l_140);
                ++l_147;
            }
            return g_32[1][3];
        }
        else
        { /* block id: 78 */
            int32_t ***l_152 = &g_76;
            (*g_77) ^= (l_150 == ((*l_152) = l_151));
            (*g_77) ^= 0L;
        }
    }
    l_158 = ((safe_add_func_uint64_t_u_u(0xE983FE56077E5926LL, ((((0xC3FE914D0EF1DBD4LL | 0x37C8BC82935591E8LL) , (safe_mod_func_int32_t_s_s(((*g_77) = (((!0xEDFCD61A19B6E0F7LL) , g_39[1]) , p_13)), g_32[0][3]))) != p_14) != g_59[0][0]))) & p_15);
    if ((l_67[0] == &g_141))
    { /* block id: 86 */
        int16_t **l_163 = &l_34;
        for (l_158 = 24; (l_158 > 48); l_158 = safe_add_func_int16_t_s_s(l_158, 1))
        { /* block id: 89 */
            uint32_t l_161[3];
            int32_t l_162 = 0x953674B7L;
            int16_t ***l_164 = (void*)0;
            int16_t **l_165 = &l_34;
            int i;
            for (i = 0; i < 3; i++)
                l_161[i] = 4294967295UL;
            if (l_161[2])
                break;
            l_162 |= ((*g_76) != (*g_76));
            l_165 = l_163;
        }
    }
    else
    { /* block id: 94 */
        int16_t *l_166 = &g_35;
        int32_t l_171 = 0xAB3FDB3DL;
        int32_t **l_172[1][1];
        const int16_t *l_182[2];
        const int16_t * const *l_181 = &l_182[1];
        int i, j;
        for (i = 0; i < 1; i++)
        {
            for (j = 0; j < 1; j++)
                l_172[i][j] = (void*)0;
        }
        for (i = 0; i < 2; i++)
            l_182[i] = &g_35;
        (*g_77) = (&p_16 == (l_166 = &p_16));
        if ((safe_sub_func_uint16_t_u_u(g_95, ((p_13 , (p_15 < (safe_add_func_int64_t_s_s((0x3FA0232F7DB77565LL == ((l_171 , l_172[0][0]) != l_172[0][0])), 0x794E2E87BE0B6653LL)))) && 4UL))))
        { /* block id: 97 */
            int32_t *l_173 = &g_39[1];
            const int16_t * const **l_183 = &l_181;
            uint32_t *l_184 = (void*)0;
            uint32_t *l_185 = &g_186;
            uint32_t *l_187 = &g_188[3][0];
            int64_t *l_189 = &g_190;
            (*l_151) = l_173;
            if (((safe_add_func_int64_t_s_s(((*l_189) = (safe_mod_func_int16_t_s_s(g_132, (((*l_173) & ((*l_187) = ((*l_185) = ((-4L) && ((g_178 != ((*l_183) = l_181)) , (*l_173)))))) | p_14)))), 0x814FFF49AF3359DDLL)) , (*l_173)))
            { /* block id: 103 */
                (*g_76) = l_184;
                (*l_173) ^= p_14;
                return p_15;
            }
            else
            { /* block id: 107 */
                (*l_173) = p_14;
                (*l_173) |= (safe_add_func_uint8_t_u_u((p_14 > (safe_add_func_uint32_t_u_u(((safe_mod_func_uint64_t_u_u(((void*)0 == &g_188[3][0]), 8UL)) | 1L), 0x2AD8C3D5L))), 255UL));
            }
        }
        else
        { /* block id: 111 */
            uint32_t l_197 = 0xB8EA141BL;
            (*g_77) = (l_197 = p_15);
            (*g_77) &= ((p_15 ^ ((p_13 , 0xE2637535L) , (safe_add_func_int64_t_s_s(l_197, ((((safe_lshift_func_uint16_t_u_s(p_15, 0)) == l_197) , p_16) , 0x0673AD305CA3757ELL))))) >= 0x6CL);
        }
        (*g_76) = l_202;
    }
    return g_39[0];
}


/* ------------------------------------------ */
/* 
 * reads :
 * writes:
 */
static int32_t  func_42(int16_t * p_43)
{ /* block id: 17 */
    uint32_t l_44 = 0UL;
    return l_44;
}


/* ------------------------------------------ */
/* 
 * reads : g_77 g_39 g_59 g_109 g_32
 * writes: g_35 g_59 g_98 g_109 g_39
 */
static int32_t  func_73(int32_t ** p_74, int64_t  p_75)
{ /* block id: 41 */
    uint8_t l_90 = 0UL;
    int16_t *l_116 = &g_35;
    int32_t l_120 = (-1L);
    int32_t *l_127 = &l_120;
lbl_121:
    for (p_75 = 0; (p_75 > (-12)); p_75 = safe_sub_func_int64_t_s_s(p_75, 5))
    { /* block id: 44 */
        const int32_t *l_94 = &g_95;
        const int32_t **l_93 = &l_94;
        const int32_t **l_96 = (void*)0;
        const int32_t **l_99 = &g_98;
        uint16_t *l_106 = (void*)0;
        uint16_t *l_107 = (void*)0;
        uint16_t *l_108 = &g_109;
        int16_t **l_117 = &l_116;
        int16_t *l_119[3][3];
        int16_t **l_118 = &l_119[1][2];
        int i, j;
        for (i = 0; i < 3; i++)
        {
            for (j = 0; j < 3; j++)
                l_119[i][j] = &g_35;
        }
        for (g_35 = (-17); (g_35 >= 22); g_35 = safe_add_func_int8_t_s_s(g_35, 7))
        { /* block id: 47 */
            int32_t *l_87 = &g_59[1][1];
            int32_t *l_88 = &g_39[0];
            int32_t *l_89[2][3];
            int i, j;
            for (i = 0; i < 2; i++)
            {
                for (j = 0; j < 3; j++)
                    l_89[i][j] = &g_59[1][1];
            }
            (*l_87) |= (**p_74);
            --l_90;
            if (p_75)
                goto lbl_121;
        }
        (*l_99) = ((*l_93) = (*p_74));
        (*g_77) = (((safe_lshift_func_int16_t_s_s((g_59[0][0] <= 0xA8L), 3)) & ((safe_mod_func_uint64_t_u_u((safe_sub_func_uint16_t_u_u(((*l_108)--), l_90)), (safe_add_func_int8_t_s_s(((safe_mul_func_int16_t_s_s((((((*l_117) = l_116) == ((*l_118) = &g_35)) || p_75) <= l_90), (*l_94))) & g_32[0][3]), 0x9EL)))) ^ l_120)) ^ l_90);
    }
    (*g_77) = (safe_lshift_func_uint8_t_u_u(0x03L, (safe_add_func_int64_t_s_s((safe_unary_minus_func_int32_t_s((**p_74))), (((*l_127) ^= g_32[0][3]) , p_75)))));
    return l_90;
}




/* ---------------------------------------- */
int main (void)
{
    int i, j;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    transparent_crc(g_6, "g_6", print_hash_value);
    transparent_crc(g_21, "g_21", print_hash_value);
    for (i = 0; i < 3; i++)
    {
        for (j = 0; j < 4; j++)
        {
            transparent_crc(g_32[i][j], "g_32[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_35, "g_35", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_39[i], "g_39[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 2; j++)
        {
            transparent_crc(g_59[i][j], "g_59[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_95, "g_95", print_hash_value);
    transparent_crc(g_109, "g_109", print_hash_value);
    transparent_crc(g_132, "g_132", print_hash_value);
    transparent_crc(g_141, "g_141", print_hash_value);
    transparent_crc(g_180, "g_180", print_hash_value);
    transparent_crc(g_186, "g_186", print_hash_value);
    for (i = 0; i < 4; i++)
    {
        for (j = 0; j < 3; j++)
        {
            transparent_crc(g_188[i][j], "g_188[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_190, "g_190", print_hash_value);
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}

/************************ statistics *************************
XXX max struct depth: 0
breakdown:
   depth: 0, occurrence: 49
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

XXX max expression depth: 23
breakdown:
   depth: 1, occurrence: 75
   depth: 2, occurrence: 22
   depth: 3, occurrence: 2
   depth: 4, occurrence: 1
   depth: 5, occurrence: 1
   depth: 7, occurrence: 3
   depth: 8, occurrence: 1
   depth: 9, occurrence: 1
   depth: 10, occurrence: 1
   depth: 11, occurrence: 1
   depth: 13, occurrence: 1
   depth: 16, occurrence: 1
   depth: 17, occurrence: 2
   depth: 23, occurrence: 1

XXX total number of pointers: 81

XXX times a variable address is taken: 83
XXX times a pointer is dereferenced on RHS: 14
breakdown:
   depth: 1, occurrence: 11
   depth: 2, occurrence: 3
XXX times a pointer is dereferenced on LHS: 47
breakdown:
   depth: 1, occurrence: 45
   depth: 2, occurrence: 2
XXX times a pointer is compared with null: 3
XXX times a pointer is compared with address of another variable: 1
XXX times a pointer is compared with another pointer: 1
XXX times a pointer is qualified to be dereferenced: 367

XXX max dereference level: 3
breakdown:
   level: 0, occurrence: 0
   level: 1, occurrence: 87
   level: 2, occurrence: 27
   level: 3, occurrence: 1
XXX number of pointers point to pointers: 25
XXX number of pointers point to scalars: 56
XXX number of pointers point to structs: 0
XXX percent of pointers has null in alias set: 18.5
XXX average alias set size: 1.16

XXX times a non-volatile is read: 156
XXX times a non-volatile is write: 126
XXX times a volatile is read: 1
XXX    times read thru a pointer: 0
XXX times a volatile is write: 0
XXX    times written thru a pointer: 0
XXX times a volatile is available for access: 58
XXX percentage of non-volatile access: 99.6

XXX forward jumps: 1
XXX backward jumps: 0

XXX stmts: 74
XXX max block depth: 3
breakdown:
   depth: 0, occurrence: 15
   depth: 1, occurrence: 16
   depth: 2, occurrence: 24
   depth: 3, occurrence: 19

XXX percentage a fresh-made variable is used: 20.6
XXX percentage an existing variable is used: 79.4
********************* end of statistics **********************/

