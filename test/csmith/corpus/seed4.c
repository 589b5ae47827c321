/*
 * This is a RANDOMLY GENERATED PROGRAM.
 *
 * Generator: csmith 2.3.0
 * Git version: 30dccd7
 * Options:   --seed 4 --no-argc --max-funcs 6 --max-block-depth 3 --max-block-size 3 --max-expr-complexity 6 --max-array-dim 2 --max-array-len-per-dim 4 --max-struct-fields 4 --max-union-fields 3 -o p4.c
 * Seed:      4
 */

#include "csmith.h"


static long __undefined;

/* --- Struct/Union Declarations --- */
#pragma pack(push)
#pragma pack(1)
struct S0 {
   volatile uint32_t  f0;
   volatile int8_t  f1;
   unsigned f2 : 8;
};
#pragma pack(pop)

/* --- GLOBAL VARIABLES --- */
static int32_t g_2[2] = {0x6DB50520L,0x6DB50520L};
static int32_t g_39 = 1L;
static uint16_t g_41 = 65535UL;
static volatile struct S0 g_48 = {0x88C83B91L,-1L,10};/* VOLATILE GLOBAL g_48 */
static volatile struct S0 * volatile g_49 = &g_48;/* VOLATILE GLOBAL g_49 */
static struct S0 g_51 = {0x93C394A7L,0L,7};/* VOLATILE GLOBAL g_51 */
static struct S0 *g_54 = &g_51;
static volatile struct S0 g_56 = {8UL,0xA6L,2};/* VOLATILE GLOBAL g_56 */
static volatile struct S0 * const g_55[1] = {&g_56};
static uint16_t g_57 = 65526UL;
static struct S0 *g_66 = (void*)0;
static int16_t g_82 = (-10L);
static uint8_t g_84 = 255UL;
static const struct S0 g_95 = {4294967292UL,-7L,9};/* VOLATILE GLOBAL g_95 */
static int8_t g_97 = 0x4AL;
static uint64_t g_107 = 1UL;
static int16_t g_120 = 1L;
static uint64_t g_122 = 0x5D423D3ABBA7F7E7LL;
static uint32_t g_132 = 1UL;
static const volatile int32_t *g_137 = (void*)0;
static const volatile int32_t * const *g_136 = &g_137;
static const volatile int32_t * const ** volatile g_135[3] = {&g_136,&g_136,&g_136};
static int8_t g_142 = 0x23L;
static volatile int32_t g_143 = 0x9B141CCEL;/* VOLATILE GLOBAL g_143 */
static volatile int8_t g_144[1][2] = {{0xEFL,0xEFL}};
static volatile uint8_t g_145 = 0x89L;/* VOLATILE GLOBAL g_145 */
static const int32_t *g_150 = &g_39;
static const int32_t ** volatile g_149 = &g_150;/* VOLATILE GLOBAL g_149 */
static struct S0 g_153[2][1] = {{{0x5C2D45B9L,-1L,0}},{{0x5C2D45B9L,-1L,0}}};
static volatile int64_t g_200[2] = {1L,1L};
static int32_t g_207 = 0x55EC714AL;
static int16_t g_208 = 0x417BL;
static volatile uint16_t g_212 = 65535UL;/* VOLATILE GLOBAL g_212 */
static const struct S0 *g_223 = &g_153[1][0];
static const struct S0 ** volatile g_222[3] = {&g_223,&g_223,&g_223};
static int32_t *g_227 = &g_2[0];
static int32_t ** volatile g_226 = &g_227;/* VOLATILE GLOBAL g_226 */
static int32_t * volatile g_228[4][1] = {{&g_39},{&g_39},{&g_39},{&g_39}};


/* --- FORWARD DECLARATIONS --- */
static const uint16_t  func_1(void);
static int32_t * func_5(int32_t * p_6, int64_t  p_7, uint16_t  p_8, uint32_t  p_9, uint16_t  p_10);
static struct S0  func_11(int32_t * p_12, const int32_t  p_13, const int32_t * p_14, int32_t * p_15);
static int64_t  func_18(uint64_t  p_19, uint32_t  p_20);
static struct S0 * func_28(uint8_t  p_29, uint8_t  p_30, int64_t  p_31, int64_t  p_32);
static struct S0 * func_33(uint64_t  p_34, uint8_t  p_35, uint32_t  p_36);


/* --- FUNCTIONS --- */
/* ------------------------------------------ */
/* 
 * reads : g_2 g_39 g_48 g_49 g_55 g_57 g_51.f2 g_56.f0 g_41 g_84 g_56.f1 g_82 g_107 g_122 g_95.f2 g_132 g_135 g_145 g_149 g_150 g_153 g_144 g_97 g_212 g_226
 * writes: g_2 g_39 g_41 g_48 g_54 g_57 g_66 g_84 g_97 g_82 g_107 g_122 g_132 g_145 g_150 g_212 g_227
 */
static const uint16_t  func_1(void)
{ /* block id: 0 */
    const int32_t *l_68 = &g_2[0];
    int32_t *l_154[2];
    int i;
    for (i = 0; i < 2; i++)
        l_154[i] = &g_2[0];
    for (g_2[0] = (-17); (g_2[0] == (-20)); g_2[0] = safe_sub_func_int64_t_s_s(g_2[0], 1))
    { /* block id: 3 */
        uint16_t l_67 = 1UL;
        int32_t **l_233 = &g_227;
        (*l_233) = func_5(((func_11(&g_2[0], (safe_rshift_func_uint16_t_u_u((4294967292UL != (func_18(g_2[0], ((safe_unary_minus_func_uint16_t_u(5UL)) , ((safe_div_func_uint32_t_u_u((safe_div_func_int32_t_s_s((safe_lshift_func_int16_t_s_u(0L, 4)), 0x1CE3CB5AL)), 0x7C8B166CL)) || 5UL))) <= l_67)), 15)), l_68, &g_2[0]) , (-2L)) , l_154[0]), g_153[1][0].f2, g_95.f2, g_2[0], g_2[1]);
    }
    return g_51.f2;
}


/* ------------------------------------------ */
/* 
 * reads : g_153.f2 g_95.f2 g_144 g_2 g_51.f2 g_107 g_56.f0 g_48.f0 g_97 g_212 g_84 g_153.f1 g_226
 * writes: g_39 g_97 g_212 g_84 g_227
 */
static int32_t * func_5(int32_t * p_6, int64_t  p_7, uint16_t  p_8, uint32_t  p_9, uint16_t  p_10)
{ /* block id: 67 */
    uint32_t *l_155[1];
    int32_t l_156 = 0xF46C1DEFL;
    int32_t l_160[3];
    uint8_t l_163[4][3] = {{0x0DL,0x0DL,0xB3L},{0x2DL,0xB3L,0xB3L},{0xB3L,6UL,0x50L},{0x2DL,6UL,0x2DL}};
    int8_t *l_231 = &g_142;
    int8_t **l_230[1];
    int8_t ***l_232 = &l_230[0];
    int i, j;
    for (i = 0; i < 1; i++)
        l_155[i] = &g_132;
    for (i = 0; i < 3; i++)
        l_160[i] = 0x7F7F81C3L;
    for (i = 0; i < 1; i++)
        l_230[i] = &l_231;
    if ((g_39 = ((l_156 = 0xFA0514B5L) >= (l_160[1] = ((((safe_rshift_func_int8_t_s_s(g_153[1][0].f2, ((p_10 ^ (-2L)) != ((((((safe_unary_minus_func_uint64_t_u((p_10 == g_95.f2))) && g_144[0][1]) , 0L) && l_160[2]) ^ l_160[1]) & p_8)))) != (*p_6)) != 0xEC3BL) || 0xE8D70DEC899BC1BBLL)))))
    { /* block id: 71 */
        uint64_t * const l_168 = &g_122;
        int32_t l_169 = 0xEF71BA72L;
        int32_t l_209 = 0x04533268L;
        int32_t l_210 = (-1L);
        const struct S0 *l_221[3];
        int32_t *l_225 = &g_39;
        int32_t **l_224 = &l_225;
        int i;
        for (i = 0; i < 3; i++)
            l_221[i] = &g_95;
        if (((safe_mul_func_uint8_t_u_u(l_163[3][1], (((((safe_div_func_uint64_t_u_u((safe_div_func_int64_t_s_s(((void*)0 == l_168), (1L | (((l_169 <= 0UL) , (void*)0) != (void*)0)))), l_163[3][1])) != g_51.f2) == g_107) | g_56.f0) != 0x772BL))) < 0xFBD44C0915FC1EA6LL))
        { /* block id: 72 */
            uint8_t l_181 = 3UL;
            int32_t l_211 = 0x08F32221L;
            for (p_9 = 0; (p_9 <= 2); p_9 += 1)
            { /* block id: 75 */
                int32_t l_174[1];
                int32_t *l_175 = &l_156;
                int8_t *l_184 = &g_97;
                uint8_t *l_185 = &l_163[3][2];
                int32_t *l_186 = &l_160[2];
                int32_t *l_187 = &l_156;
                int32_t *l_188 = &l_169;
                int32_t *l_189 = &g_39;
                int32_t *l_190 = &l_156;
                int32_t *l_191 = &l_160[2];
                int32_t *l_192 = (void*)0;
                int32_t *l_193 = &l_169;
                int32_t *l_194 = &l_160[1];
                int32_t *l_195 = &l_169;
                int32_t *l_196 = &l_169;
                int32_t *l_197 = &l_169;
                int32_t *l_198 = &l_160[0];
                int32_t *l_199 = &g_39;
                int32_t l_201[3];
                int32_t *l_202 = &l_201[2];
                int32_t *l_203 = &g_39;
                int32_t *l_204 = &l_156;
                int32_t *l_205 = &l_156;
                int32_t *l_206[4];
                int i;
                for (i = 0; i < 1; i++)
                    l_174[i] = 4L;
                for (i = 0; i < 3; i++)
                    l_201[i] = (-1L);
                for (i = 0; i < 4; i++)
                    l_206[i] = &l_201[2];
                (*l_175) |= ((safe_mul_func_int16_t_s_s((0x10L ^ p_10), (p_9 || g_48.f0))) > (l_174[0] |= (safe_mul_func_uint8_t_u_u((p_7 & p_10), 3L))));
                l_160[2] ^= (safe_rshift_func_uint8_t_u_u(((safe_mul_func_uint8_t_u_u(p_7, (~l_181))) & (safe_rshift_func_int8_t_s_u(((*l_184) |= l_181), l_181))), ((*l_185) = p_8)));
                ++g_212;
            }
            for (g_84 = (-25); (g_84 != 37); g_84 = safe_add_func_int8_t_s_s(g_84, 1))
            { /* block id: 85 */
                if (l_163[3][1])
                    break;
            }
        }
        else
        { /* block id: 88 */
            int8_t l_219 = 0x48L;
            int32_t *l_220 = &l_160[0];
            (*l_220) = (safe_sub_func_uint8_t_u_u(253UL, (l_219 >= g_153[1][0].f1)));
            (*l_220) &= l_163[1][2];
            l_221[2] = l_221[2];
        }
        (*g_226) = ((*l_224) = &l_210);
    }
    else
    { /* block id: 95 */
        int32_t *l_229[2];
        int i;
        for (i = 0; i < 2; i++)
            l_229[i] = &l_156;
        l_160[0] = (*p_6);
    }
    (*l_232) = l_230[0];
    return p_6;
}


/* ------------------------------------------ */
/* 
 * reads : g_41 g_49 g_48 g_2 g_84 g_56.f1 g_56.f0 g_82 g_51.f2 g_107 g_122 g_95.f2 g_39 g_132 g_135 g_145 g_149 g_150 g_153
 * writes: g_41 g_84 g_39 g_97 g_82 g_107 g_122 g_132 g_145 g_150
 */
static struct S0  func_11(int32_t * p_12, const int32_t  p_13, const int32_t * p_14, int32_t * p_15)
{ /* block id: 17 */
    int32_t *l_73 = &g_2[0];
    int32_t **l_74 = &l_73;
    struct S0 *l_81 = (void*)0;
    uint8_t *l_83 = &g_84;
    int32_t **l_92 = &l_73;
    int32_t ***l_91 = &l_92;
    const struct S0 *l_94 = &g_95;
    const struct S0 **l_93 = &l_94;
    int8_t *l_96 = &g_97;
    int16_t *l_98 = &g_82;
    const int16_t l_99 = 1L;
    int32_t l_104 = (-1L);
    int32_t l_105 = 0xF80CEF6DL;
    int32_t l_106 = 9L;
    int8_t l_131 = 0x49L;
    for (g_41 = 0; (g_41 <= 18); g_41 = safe_add_func_int64_t_s_s(g_41, 3))
    { /* block id: 20 */
        int32_t *l_72 = &g_2[1];
        int32_t **l_71 = &l_72;
        (*l_71) = &g_2[0];
    }
    (*l_74) = l_73;
    if ((safe_lshift_func_uint8_t_u_u((g_41 | (((safe_mul_func_int16_t_s_s(((*l_98) |= (safe_lshift_func_int8_t_s_s(((*l_96) = ((l_81 != ((*l_93) = ((*g_49) , func_28((**l_74), (++(*l_83)), ((safe_rshift_func_int16_t_s_s((safe_mul_func_int16_t_s_s((((((*l_91) = &l_73) != &p_15) > p_13) ^ (**l_74)), p_13)), 10)) == g_56.f1), (*l_73))))) || 0xCB415C85L)), p_13))), (*l_73))) > p_13) & g_51.f2)), l_99)))
    { /* block id: 29 */
        int16_t l_100 = (-5L);
        int32_t l_101[4] = {0x5481186CL,0x5481186CL,0x5481186CL,0x5481186CL};
        int32_t *l_102 = &l_101[1];
        int32_t *l_103[4] = {&g_2[0],&g_2[0],&g_2[0],&g_2[0]};
        int i;
        g_107--;
        for (g_107 = 0; (g_107 >= 52); g_107 = safe_add_func_uint8_t_u_u(g_107, 9))
        { /* block id: 33 */
            for (l_106 = 20; (l_106 > 26); l_106 = safe_add_func_uint8_t_u_u(l_106, 4))
            { /* block id: 36 */
                uint64_t *l_121 = &g_122;
                (*l_74) = (((((safe_rshift_func_uint16_t_u_s(((safe_sub_func_int64_t_s_s((safe_add_func_int32_t_s_s(g_2[0], (g_48.f1 < ((g_39 = ((((++(*l_121)) && 0L) <= (safe_add_func_int64_t_s_s((safe_rshift_func_uint8_t_u_u(((((safe_lshift_func_int8_t_s_s(0x41L, (0xF6L || (-8L)))) , 255UL) & 0x63L) > g_95.f2), 2)), g_51.f2))) | g_84)) , 0x9BD3B10DL)))), 0x84C52037B1C4CF87LL)) | (**l_74)), g_107)) || 1UL) & (**l_74)) > 0xE389L) , (**l_91));
                if (l_131)
                    break;
                (**l_91) = &g_2[0];
            }
            (*l_102) = (g_132 ^= (g_39 |= (-1L)));
            g_39 = (safe_mul_func_uint16_t_u_u((g_135[0] == (void*)0), 65529UL));
        }
    }
    else
    { /* block id: 48 */
        int64_t l_140 = 0x38A77D7D739AC8F4LL;
        for (g_41 = 16; (g_41 != 7); g_41--)
        { /* block id: 51 */
            int32_t *l_141[3][2] = {{&l_104,&l_104},{&l_104,&l_104},{&l_104,&l_104}};
            int i, j;
            --g_145;
            for (g_82 = 0; (g_82 >= 0); g_82 -= 1)
            { /* block id: 55 */
                const int32_t * const l_148[2][4] = {{&g_2[0],&g_2[0],&g_2[0],&g_2[0]},{&g_2[0],&g_2[0],&g_2[0],&g_2[0]}};
                int i, j;
                (*g_149) = l_148[0][3];
            }
            for (g_39 = 21; (g_39 > (-16)); g_39 = safe_sub_func_int16_t_s_s(g_39, 1))
            { /* block id: 60 */
                if ((*p_15))
                    break;
                if ((*g_150))
                    break;
            }
        }
    }
    return g_153[1][0];
}


/* ------------------------------------------ */
/* 
 * reads : g_2 g_39 g_48 g_49 g_55 g_57 g_51.f2 g_56.f0
 * writes: g_39 g_41 g_48 g_54 g_57 g_66
 */
static int64_t  func_18(uint64_t  p_19, uint32_t  p_20)
{ /* block id: 4 */
    uint32_t l_37[2];
    int32_t *l_38 = &g_39;
    int32_t *l_40[1][4];
    int64_t l_46 = 4L;
    int64_t l_47 = 0x1FD9AB8A87EA82BCLL;
    struct S0 *l_53 = &g_51;
    struct S0 **l_52[4];
    int i, j;
    for (i = 0; i < 2; i++)
        l_37[i] = 0x61940C9BL;
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 4; j++)
            l_40[i][j] = (void*)0;
    }
    for (i = 0; i < 4; i++)
        l_52[i] = &l_53;
    g_66 = func_28(p_20, ((g_57 |= (((g_54 = func_33(l_37[0], g_2[0], ((g_41 = ((*l_38) |= g_2[0])) <= (safe_rshift_func_uint8_t_u_u((safe_div_func_int32_t_s_s(l_46, l_47)), 0))))) == g_55[0]) , (-1L))) >= p_19), g_2[0], g_51.f2);
    return p_19;
}


/* ------------------------------------------ */
/* 
 * reads : g_56.f0 g_2
 * writes: g_39
 */
static struct S0 * func_28(uint8_t  p_29, uint8_t  p_30, int64_t  p_31, int64_t  p_32)
{ /* block id: 12 */
    const int16_t l_60 = (-4L);
    int32_t *l_65 = &g_39;
    (*l_65) = ((((((((safe_lshift_func_int8_t_s_s(p_31, 7)) , l_60) , ((0x7BL <= (((safe_sub_func_int64_t_s_s((safe_rshift_func_uint8_t_u_u(8UL, 0)), l_60)) != 0x7BL) || p_30)) , p_31)) < g_56.f0) , p_32) | 0x56L) , l_60) > g_2[1]);
    return &g_51;
}


/* ------------------------------------------ */
/* 
 * reads : g_48 g_49
 * writes: g_48
 */
static struct S0 * func_33(uint64_t  p_34, uint8_t  p_35, uint32_t  p_36)
{ /* block id: 7 */
    struct S0 *l_50 = &g_51;
    (*g_49) = g_48;
    return l_50;
}




/* ---------------------------------------- */
int main (void)
{
    int i, j;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_2[i], "g_2[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_39, "g_39", print_hash_value);
    transparent_crc(g_41, "g_41", print_hash_value);
    transparent_crc(g_48.f0, "g_48.f0", print_hash_value);
    transparent_crc(g_48.f1, "g_48.f1", print_hash_value);
    transparent_crc(g_48.f2, "g_48.f2", print_hash_value);
    transparent_crc(g_51.f0, "g_51.f0", print_hash_value);
    transparent_crc(g_51.f1, "g_51.f1", print_hash_value);
    transparent_crc(g_51.f2, "g_51.f2", print_hash_value);
    transparent_crc(g_56.f0, "g_56.f0", print_hash_value);
    transparent_crc(g_56.f1, "g_56.f1", print_hash_value);
    transparent_crc(g_56.f2, "g_56.f2", print_hash_value);
    transparent_crc(g_57, "g_57", print_hash_value);
    transparent_crc(g_82, "g_82", print_hash_value);
    transparent_crc(g_84, "g_84", print_hash_value);
    transparent_crc(g_95.f0, "g_95.f0", print_hash_value);
    transparent_crc(g_95.f1, "g_95.f1", print_hash_value);
    transparent_crc(g_95.f2, "g_95.f2", print_hash_value);
    transparent_crc(g_97, "g_97", print_hash_value);
    transparent_crc(g_107, "g_107", print_hash_value);
    transparent_crc(g_120, "g_120", print_hash_value);
    transparent_crc(g_122, "g_122", print_hash_value);
    transparent_crc(g_132, "g_132", print_hash_value);
    transparent_crc(g_142, "g_142", print_hash_value);
    transparent_crc(g_143, "g_143", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 2; j++)
        {
            transparent_crc(g_144[i][j], "g_144[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_145, "g_145", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 1; j++)
        {
            transparent_crc(g_153[i][j].f0, "g_153[i][j].f0", print_hash_value);
            transparent_crc(g_153[i][j].f1, "g_153[i][j].f1", print_hash_value);
            transparent_crc(g_153[i][j].f2, "g_153[i][j].f2", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_200[i], "g_200[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_207, "g_207", print_hash_value);
    transparent_crc(g_208, "g_208", print_hash_value);
    transparent_crc(g_212, "g_212", print_hash_value);
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}

/************************ statistics *************************
XXX max struct depth: 1
breakdown:
   depth: 0, occurrence: 51
   depth: 1, occurrence: 2
XXX total union variables: 0

XXX non-zero bitfields defined in structs: 1
XXX zero bitfields defined in structs: 0
XXX const bitfields defined in structs: 0
XXX volatile bitfields defined in structs: 0
XXX structs with bitfields in the program: 8
breakdown:
   indirect level: 0, occurrence: 2
   indirect level: 1, occurrence: 6
XXX full-bitfields structs in the program: 0
breakdown:
XXX times a bitfields struct's address is taken: 9
XXX times a bitfields struct on LHS: 0
XXX times a bitfields struct on RHS: 3
XXX times a single bitfield on LHS: 0
XXX times a single bitfield on RHS: 10

XXX max expression depth: 25
breakdown:
   depth: 1, occurrence: 44
   depth: 2, occurrence: 10
   depth: 3, occurrence: 3
   depth: 7, occurrence: 1
   depth: 8, occurrence: 1
   depth: 14, occurrence: 1
   depth: 15, occurrence: 1
   depth: 17, occurrence: 1
   depth: 18, occurrence: 1
   depth: 22, occurrence: 1
   depth: 23, occurrence: 1
   depth: 25, occurrence: 1

XXX total number of pointers: 79

XXX times a variable address is taken: 79
XXX times a pointer is dereferenced on RHS: 12
breakdown:
   depth: 1, occurrence: 7
   depth: 2, occurrence: 5
XXX times a pointer is dereferenced on LHS: 24
breakdown:
   depth: 1, occurrence: 23
   depth: 2, occurrence: 1
XXX times a pointer is compared with null: 2
XXX times a pointer is compared with address of another variable: 0
XXX times a pointer is compared with another pointer: 0
XXX times a pointer is qualified to be dereferenced: 330

XXX max dereference level: 3
breakdown:
   level: 0, occurrence: 0
   level: 1, occurrence: 88
   level: 2, occurrence: 20
   level: 3, occurrence: 4
XXX number of pointers point to pointers: 15
XXX number of pointers point to scalars: 52
XXX number of pointers point to structs: 12
XXX percent of pointers has null in alias set: 6.33
XXX average alias set size: 1.1

XXX times a non-volatile is read: 116
XXX times a non-volatile is write: 70
XXX times a volatile is read: 11
XXX    times read thru a pointer: 1
XXX times a volatile is write: 6
XXX    times written thru a pointer: 1
XXX times a volatile is available for access: 239
XXX percentage of non-volatile access: 91.6

XXX forward jumps: 0
XXX backward jumps: 0

XXX stmts: 44
XXX max block depth: 3
breakdown:
   depth: 0, occurrence: 15
   depth: 1, occurrence: 8
   depth: 2, occurrence: 11
   depth: 3, occurrence: 10

XXX percentage a fresh-made variable is used: 28.6
XXX percentage an existing variable is used: 71.4
FYI: the random generator makes assumptions about the integer size. See platform.info for more details.
********************* end of statistics **********************/

