/*
 * This is a RANDOMLY GENERATED PROGRAM.
 *
 * Generator: csmith 2.3.0
 * Git version: 30dccd7
 * Options:   --seed 13 --no-argc --max-funcs 6 --max-block-depth 3 --max-block-size 3 --max-expr-complexity 6 --max-array-dim 2 --max-array-len-per-dim 4 --max-struct-fields 4 --max-union-fields 3 -o p13.c
 * Seed:      13
 */

#include "csmith.h"


static long __undefined;

/* --- Struct/Union Declarations --- */
#pragma pack(push)
#pragma pack(1)
struct S0 {
   signed f0 : 5;
   volatile unsigned f1 : 8;
   signed f2 : 11;
   signed f3 : 10;
};
#pragma pack(pop)

/* --- GLOBAL VARIABLES --- */
static volatile int32_t g_2 = 0L;/* VOLATILE GLOBAL g_2 */
static int32_t g_3 = 0x876942A1L;
static volatile int32_t g_6 = 0x10E164CAL;/* VOLATILE GLOBAL g_6 */
static int32_t g_7 = (-1L);
static int32_t g_11 = 0xA61EEFB6L;
static int16_t g_41[4][2] = {{7L,7L},{7L,7L},{7L,7L},{7L,7L}};
static uint8_t g_42 = 0x79L;
static int64_t g_46 = 0x2C910760B96BC97DLL;
static int32_t g_50 = (-1L);
static uint32_t g_65 = 0xD80A9923L;
static int32_t *g_71 = (void*)0;
static int8_t g_81 = (-8L);
static uint8_t g_102 = 0x60L;
static uint16_t g_106[2] = {5UL,5UL};
static int16_t g_121 = (-2L);
static int32_t g_122 = 1L;
static int16_t g_123 = 7L;
static int32_t g_124 = (-9L);
static uint16_t g_125[4][1] = {{0x88CCL},{0x88CCL},{0x88CCL},{0x88CCL}};
static volatile uint16_t *g_151[3] = {(void*)0,(void*)0,(void*)0};
static volatile uint16_t * volatile *g_150[2] = {&g_151[2],&g_151[2]};
static uint16_t *g_155 = &g_125[1][0];
static volatile struct S0 g_164[4] = {{-4,12,-28,28},{-4,12,-28,28},{-4,12,-28,28},{-4,12,-28,28}};
static struct S0 g_169 = {3,5,28,31};/* VOLATILE GLOBAL g_169 */
static struct S0 g_171[1] = {{-0,2,-37,2}};
static struct S0 *g_176 = &g_171[0];
static struct S0 **g_175 = &g_176;
static struct S0 *** volatile g_174 = &g_175;/* VOLATILE GLOBAL g_174 */
static volatile uint8_t g_196 = 3UL;/* VOLATILE GLOBAL g_196 */
static uint64_t g_216 = 0UL;
static volatile uint16_t g_222[4][3] = {{65531UL,65531UL,65531UL},{65531UL,65531UL,65531UL},{65531UL,65531UL,65531UL},{65531UL,65531UL,65531UL}};


/* --- FORWARD DECLARATIONS --- */
static uint8_t  func_1(void);
static struct S0  func_15(int32_t * p_16, int32_t * const  p_17, const int32_t * p_18, uint8_t  p_19);
static int32_t * func_20(uint8_t  p_21, int32_t  p_22);
static int8_t  func_25(int8_t  p_26);
static int32_t * func_29(int32_t * p_30, int64_t  p_31, const uint8_t  p_32);
static int16_t  func_47(uint32_t  p_48);


/* --- FUNCTIONS --- */
/* ------------------------------------------ */
/* 
 * reads : g_6 g_3 g_102 g_125 g_106 g_122 g_150 g_42 g_41 g_65 g_81 g_164 g_169 g_174 g_176 g_171 g_11 g_155 g_46 g_124 g_196 g_123 g_7 g_216 g_222 g_50
 * writes: g_3 g_7 g_102 g_155 g_42 g_124 g_171 g_175 g_50 g_169.f3 g_81 g_46 g_196 g_222 g_65
 */
static uint8_t  func_1(void)
{ /* block id: 0 */
    uint8_t l_160 = 0UL;
    int32_t l_182 = 3L;
    int32_t **l_184 = (void*)0;
    int32_t l_204[2];
    int32_t * const l_208 = &l_204[0];
    int64_t *l_215 = &g_46;
    int i;
    for (i = 0; i < 2; i++)
        l_204[i] = 0xC5B7124CL;
lbl_241:
    for (g_3 = 0; (g_3 < (-25)); --g_3)
    { /* block id: 3 */
        uint8_t l_12 = 0x35L;
        struct S0 *l_178 = &g_171[0];
        struct S0 **l_179 = &l_178;
        int32_t l_192 = (-1L);
        int32_t l_193 = (-7L);
        uint8_t l_205 = 0x50L;
        uint32_t l_209 = 8UL;
        int32_t l_219 = 0x5ED7D17CL;
        int64_t l_220 = (-1L);
        int32_t l_221[4] = {1L,1L,1L,1L};
        int i;
        for (g_7 = 15; (g_7 >= (-24)); g_7 = safe_sub_func_uint64_t_u_u(g_7, 6))
        { /* block id: 6 */
            int32_t *l_10[3];
            uint8_t *l_158 = &g_42;
            uint8_t *l_159 = &l_12;
            int i;
            for (i = 0; i < 3; i++)
                l_10[i] = &g_11;
            if (g_6)
                break;
            --l_12;
            g_50 = (func_15(func_20(((*l_159) = (((((safe_rshift_func_uint16_t_u_u((((g_6 == 0x3EEFL) > func_25(g_3)) && ((safe_sub_func_uint8_t_u_u(((*l_158) &= g_106[1]), 1UL)) , g_41[3][0])), g_65)) <= 9UL) , g_106[0]) & l_12) , g_81)), l_160), &g_3, &g_11, g_11) , l_12);
        }
        (*l_179) = l_178;
        if ((g_169.f3 = (l_182 = (safe_rshift_func_uint16_t_u_s((*g_155), 0)))))
        { /* block id: 118 */
            int32_t l_191 = 0x24EE2411L;
            int32_t l_194 = (-8L);
            int32_t l_195 = 1L;
            int32_t l_203 = 0xCFB175DEL;
            int64_t *l_214[3][3] = {{&g_46,&g_46,(void*)0},{&g_46,&g_46,(void*)0},{&g_46,&g_46,&g_46}};
            int i, j;
            for (g_81 = 0; (g_81 <= 2); g_81 += 1)
            { /* block id: 121 */
                uint32_t l_183 = 0xCFE09AD7L;
                int16_t l_185[3];
                int32_t *l_186 = &g_124;
                int32_t *l_187 = (void*)0;
                int32_t *l_188 = &l_182;
                int32_t *l_189 = (void*)0;
                int32_t *l_190[3];
                int i;
                for (i = 0; i < 3; i++)
                    l_185[i] = (-10L);
                for (i = 0; i < 3; i++)
                    l_190[i] = &g_7;
                (*l_186) ^= (l_183 != ((((g_46 ^= 0x56B1269F6BAA5DA8LL) > (((((0xEC332B00AC53F835LL == g_164[0].f0) > g_41[3][0]) == g_3) , (void*)0) != l_184)) , l_185[1]) || l_183));
                g_196++;
                (*l_188) |= 0x99347C11L;
            }
            if (g_41[3][0])
            { /* block id: 127 */
                int32_t *l_199 = &g_7;
                int32_t *l_200 = (void*)0;
                int32_t *l_201 = (void*)0;
                int32_t *l_202[3];
                int i;
                for (i = 0; i < 3; i++)
                    l_202[i] = &l_194;
                --l_205;
                (*l_199) |= ((((func_15(l_201, l_208, func_20(((g_123 > l_209) != (safe_add_func_uint64_t_u_u((safe_mod_func_uint8_t_u_u(l_209, (*l_208))), g_125[1][0]))), l_205), (*l_208)) , l_214[2][0]) == l_215) || (-1L)) <= (*l_208));
            }
            else
            { /* block id: 130 */
                return g_216;
            }
            if (g_122)
                continue;
        }
        else
        { /* block id: 134 */
            int32_t *l_217 = (void*)0;
            int32_t *l_218[1][2];
            int i, j;
            for (i = 0; i < 1; i++)
            {
                for (j = 0; j < 2; j++)
                    l_218[i][j] = (void*)0;
            }
            g_222[3][0]--;
        }
    }
    if (g_122)
    { /* block id: 138 */
        int32_t *l_225[4][1];
        uint8_t l_226[3][3];
        int i, j;
        for (i = 0; i < 4; i++)
        {
            for (j = 0; j < 1; j++)
                l_225[i][j] = &g_11;
        }
        for (i = 0; i < 3; i++)
        {
            for (j = 0; j < 3; j++)
                l_226[i][j] = 247UL;
        }
        l_226[0][0]++;
    }
    else
    { /* block id: 140 */
        uint8_t *l_232 = (void*)0;
        uint8_t *l_235[1][3];
        uint64_t l_237 = 0xFBBC769E7B83F1A1LL;
        int i, j;
        for (i = 0; i < 1; i++)
        {
            for (j = 0; j < 3; j++)
                l_235[i][j] = &l_160;
        }
        for (g_50 = (-6); (g_50 < (-24)); g_50--)
        { /* block id: 143 */
            uint16_t l_231[4][3] = {{0x450BL,0x450BL,0UL},{0x6745L,0UL,0UL},{0UL,65526UL,65527UL},{0x6745L,65526UL,0x6745L}};
            uint8_t **l_233 = (void*)0;
            uint8_t **l_234 = &l_232;
            uint32_t l_236 = 0xE4C795E8L;
            int i, j;
            if (l_231[1][0])
                break;
            if ((((*l_234) = l_232) == l_235[0][0]))
            { /* block id: 146 */
                return l_231[1][0];
            }
            else
            { /* block id: 148 */
                uint32_t *l_238 = (void*)0;
                if (l_236)
                    break;
                (*l_208) = ((l_237 & 0x2BABF6958CDF2CC5LL) < (g_65 = g_196));
            }
            for (g_3 = 20; (g_3 > 25); g_3 = safe_add_func_int16_t_s_s(g_3, 9))
            { /* block id: 155 */
                if (l_237)
                    goto lbl_241;
                return g_7;
            }
        }
    }
    return g_7;
}


/* ------------------------------------------ */
/* 
 * reads : g_176 g_171
 * writes: g_171
 */
static struct S0  func_15(int32_t * p_16, int32_t * const  p_17, const int32_t * p_18, uint8_t  p_19)
{ /* block id: 110 */
    (*g_176) = (*g_176);
    return (*g_176);
}


/* ------------------------------------------ */
/* 
 * reads : g_164 g_41 g_122 g_124 g_169 g_174 g_176 g_171
 * writes: g_124 g_171 g_175
 */
static int32_t * func_20(uint8_t  p_21, int32_t  p_22)
{ /* block id: 98 */
    int8_t l_166 = 0x0AL;
    struct S0 *l_173 = &g_171[0];
    struct S0 **l_172[3][4] = {{&l_173,&l_173,&l_173,&l_173},{&l_173,&l_173,&l_173,&l_173},{&l_173,&l_173,&l_173,&l_173}};
    int32_t *l_177 = &g_124;
    int i, j;
    if ((safe_rshift_func_uint16_t_u_u((((+((((g_164[0] , p_21) , g_41[1][0]) < (p_22 || (~p_21))) , 4294967292UL)) & l_166) || g_122), l_166)))
    { /* block id: 99 */
        for (g_124 = 19; (g_124 < 8); g_124--)
        { /* block id: 102 */
            struct S0 *l_170[4] = {&g_169,&g_169,&g_169,&g_169};
            int i;
            g_171[0] = g_169;
        }
    }
    else
    { /* block id: 105 */
        (*g_174) = l_172[2][3];
    }
    (*l_173) = (*g_176);
    return l_177;
}


/* ------------------------------------------ */
/* 
 * reads : g_102 g_125 g_3 g_106 g_122 g_150
 * writes: g_102 g_155
 */
static int8_t  func_25(int8_t  p_26)
{ /* block id: 9 */
    int32_t *l_33[4] = {&g_11,&g_11,&g_11,&g_11};
    uint16_t l_129 = 0x5C63L;
    int64_t *l_136 = &g_46;
    volatile uint16_t * volatile *l_152 = (void*)0;
    int i;
    for (p_26 = 0; (p_26 >= 3); p_26 = safe_add_func_uint8_t_u_u(p_26, 7))
    { /* block id: 12 */
        const int64_t l_36 = 1L;
        int32_t **l_128[4] = {(void*)0,(void*)0,(void*)0,(void*)0};
        int i;
    }
    l_129--;
    if ((g_102 , p_26))
    { /* block id: 78 */
        int32_t l_132 = 0x58067933L;
        int32_t l_133 = (-1L);
        l_133 |= l_132;
        for (l_132 = 5; (l_132 < 22); l_132 = safe_add_func_uint32_t_u_u(l_132, 2))
        { /* block id: 82 */
            uint16_t * const l_141[1] = {&g_106[1]};
            uint8_t *l_144 = &g_102;
            int32_t l_145 = 0x116228B0L;
            int i;
            l_33[1] = l_33[2];
            if (g_125[2][0])
                break;
            l_133 = ((((l_136 = &g_46) != (void*)0) > (((safe_mul_func_int8_t_s_s(0xFDL, (safe_sub_func_uint32_t_u_u((l_141[0] != ((safe_rshift_func_uint8_t_u_u(((*l_144) = 251UL), l_145)) , (void*)0)), l_133)))) ^ 0UL) & p_26)) > p_26);
        }
    }
    else
    { /* block id: 89 */
        int32_t *l_146 = &g_7;
        int32_t l_149 = 0xAE9534DBL;
        uint16_t *l_153[1][1];
        uint16_t **l_154 = (void*)0;
        int i, j;
        for (i = 0; i < 1; i++)
        {
            for (j = 0; j < 1; j++)
                l_153[i][j] = &g_106[0];
        }
        l_149 ^= ((((l_146 != l_33[1]) == (safe_mul_func_int16_t_s_s(p_26, g_3))) != g_106[0]) > g_122);
        l_152 = g_150[0];
        l_149 |= ((g_155 = l_153[0][0]) != &l_129);
    }
    return g_3;
}


/* ------------------------------------------ */
/* 
 * reads : g_42 g_11 g_41 g_65 g_50 g_46 g_7 g_3 g_106 g_102 g_125
 * writes: g_42 g_11 g_46 g_65 g_50 g_71 g_102 g_106 g_125
 */
static int32_t * func_29(int32_t * p_30, int64_t  p_31, const uint8_t  p_32)
{ /* block id: 13 */
    int32_t *l_37 = &g_11;
    int32_t *l_38 = &g_11;
    int32_t *l_39 = &g_11;
    int32_t *l_40[4];
    int i;
    for (i = 0; i < 4; i++)
        l_40[i] = (void*)0;
lbl_45:
    --g_42;
    for (g_11 = 1; (g_11 >= 0); g_11 -= 1)
    { /* block id: 17 */
        const uint16_t l_118 = 0x4145L;
        int32_t l_119 = (-4L);
        int32_t l_120[3][4];
        int i, j;
        for (i = 0; i < 3; i++)
        {
            for (j = 0; j < 4; j++)
                l_120[i][j] = 1L;
        }
        for (p_31 = 0; (p_31 <= 1); p_31 += 1)
        { /* block id: 20 */
            int i, j;
            for (g_42 = 0; (g_42 <= 1); g_42 += 1)
            { /* block id: 23 */
                if (g_42)
                    goto lbl_45;
            }
            g_46 = ((void*)0 == &g_7);
            l_120[2][1] = (l_119 &= ((func_47(g_41[(g_11 + 1)][g_11]) , ((safe_sub_func_int64_t_s_s(g_41[(g_11 + 1)][g_11], ((safe_sub_func_int64_t_s_s(((safe_rshift_func_int16_t_s_s((&g_71 == ((0x04L > p_32) , &p_30)), 5)) > (*p_30)), l_118)) || g_41[(g_11 + 1)][g_11]))) & l_118)) != 0xE7L));
        }
        for (g_102 = 0; (g_102 <= 1); g_102 += 1)
        { /* block id: 64 */
            for (p_31 = 1; (p_31 >= 0); p_31 -= 1)
            { /* block id: 67 */
                int i, j;
                l_120[(g_102 + 1)][(p_31 + 1)] |= 2L;
            }
            return p_30;
        }
        --g_125[1][0];
    }
    return l_40[1];
}


/* ------------------------------------------ */
/* 
 * reads : g_46 g_65 g_50 g_41 g_7 g_3 g_106
 * writes: g_46 g_65 g_50 g_71 g_102 g_106
 */
static int16_t  func_47(uint32_t  p_48)
{ /* block id: 27 */
    int16_t l_58 = (-1L);
    int32_t l_64 = 0x4AA3E851L;
    int64_t l_80 = (-5L);
    for (g_46 = 1; (g_46 >= 0); g_46 -= 1)
    { /* block id: 30 */
        int32_t *l_49 = &g_50;
        int32_t *l_51 = &g_50;
        int32_t *l_52 = &g_50;
        int32_t *l_53 = &g_50;
        int32_t l_54 = (-1L);
        int32_t *l_55 = &l_54;
        int32_t *l_56 = (void*)0;
        int32_t *l_57 = &g_50;
        int32_t *l_59 = (void*)0;
        int32_t *l_60 = &g_50;
        int32_t *l_61 = &g_50;
        int32_t *l_62 = &l_54;
        int32_t *l_63 = &l_54;
        --g_65;
        for (g_50 = 0; (g_50 <= 1); g_50 += 1)
        { /* block id: 34 */
            int32_t **l_68 = (void*)0;
            int32_t **l_69 = (void*)0;
            int32_t **l_70 = (void*)0;
            int i, j;
            g_71 = &l_54;
            if (g_41[(g_50 + 2)][g_46])
                continue;
        }
    }
    for (g_50 = 0; (g_50 != 26); g_50++)
    { /* block id: 41 */
        int32_t l_82 = 0xDBDFDDCAL;
        int32_t l_84 = 0x9C83BDEEL;
        uint32_t l_87 = 1UL;
        for (g_65 = 0; (g_65 <= 1); g_65 += 1)
        { /* block id: 44 */
            int32_t l_86 = 3L;
            int i, j;
            if (g_41[(g_65 + 2)][g_65])
            { /* block id: 45 */
                int32_t *l_74 = &l_64;
                int32_t *l_75 = &l_64;
                int32_t *l_76 = &l_64;
                int32_t *l_77 = (void*)0;
                int32_t *l_78 = &l_64;
                int32_t *l_79 = &l_64;
                int32_t *l_83 = (void*)0;
                int32_t *l_85[2];
                int64_t *l_99[1][4];
                int i, j;
                for (i = 0; i < 2; i++)
                    l_85[i] = &l_82;
                for (i = 0; i < 1; i++)
                {
                    for (j = 0; j < 4; j++)
                        l_99[i][j] = &l_80;
                }
                l_87--;
                g_102 = ((*l_76) = (safe_lshift_func_int8_t_s_s((safe_mod_func_uint16_t_u_u((safe_lshift_func_uint16_t_u_u(g_41[g_65][g_65], ((safe_rshift_func_int8_t_s_u(((((((((g_46 &= (!g_41[g_65][g_65])) , (((!(~g_7)) , l_79) == &l_84)) <= (*l_78)) <= p_48) | p_48) , g_3) , 0UL) & l_58), g_50)) || (*l_75)))), 0x6E72L)), 3)));
            }
            else
            { /* block id: 50 */
                uint16_t *l_105 = &g_106[1];
                uint8_t *l_110 = &g_102;
                int32_t *l_111 = &l_82;
                (*l_111) |= (safe_rshift_func_int16_t_s_u((l_64 != p_48), ((l_64 || ((*l_105)++)) > ((l_84 ^= 18446744073709551607UL) != (!(((((*l_110) = l_58) <= 248UL) || p_48) == l_64))))));
            }
        }
    }
    return g_7;
}




/* ---------------------------------------- */
int main (void)
{
    int i, j;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    transparent_crc(g_2, "g_2", print_hash_value);
    transparent_crc(g_3, "g_3", print_hash_value);
    transparent_crc(g_6, "g_6", print_hash_value);
    transparent_crc(g_7, "g_7", print_hash_value);
    transparent_crc(g_11, "g_11", print_hash_value);
    for (i = 0; i < 4; i++)
    {
        for (j = 0; j < 2; j++)
        {
            transparent_crc(g_41[i][j], "g_41[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_42, "g_42", print_hash_value);
    transparent_crc(g_46, "g_46", print_hash_value);
    transparent_crc(g_50, "g_50", print_hash_value);
    transparent_crc(g_65, "g_65", print_hash_value);
    transparent_crc(g_81, "g_81", print_hash_value);
    transparent_crc(g_102, "g_102", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        transparent_crc(g_106[i], "g_106[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_121, "g_121", print_hash_value);
    transparent_crc(g_122, "g_122", print_hash_value);
    transparent_crc(g_123, "g_123", print_hash_value);
    transparent_crc(g_124, "g_124", print_hash_value);
    for (i = 0; i < 4; i++)
    {
        for (j = 0; j < 1; j++)
        {
            transparent_crc(g_125[i][j], "g_125[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    for (i = 0; i < 4; i++)
    {
        transparent_crc(g_164[i].f0, "g_164[i].f0", print_hash_value);
        transparent_crc(g_164[i].f1, "g_164[i].f1", print_hash_value);
        transparent_crc(g_164[i].f2, "g_164[i].f2", print_hash_value);
        transparent_crc(g_164[i].f3, "g_164[i].f3", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_169.f0, "g_169.f0", print_hash_value);
    transparent_crc(g_169.f1, "g_169.f1", print_hash_value);
    transparent_crc(g_169.f2, "g_169.f2", print_hash_value);
    transparent_crc(g_169.f3, "g_169.f3", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        transparent_crc(g_171[i].f0, "g_171[i].f0", print_hash_value);
        transparent_crc(g_171[i].f1, "g_171[i].f1", print_hash_value);
        transparent_crc(g_171[i].f2, "g_171[i].f2", print_hash_value);
        transparent_crc(g_171[i].f3, "g_171[i].f3", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_196, "g_196", print_hash_value);
    transparent_crc(g_216, "g_216", print_hash_value);
    for (i = 0; i < 4; i++)
    {
        for (j = 0; j < 3; j++)
        {
            transparent_crc(g_222[i][j], "g_222[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}

/************************ statistics *************************
XXX max struct depth: 1
breakdown:
   depth: 0, occurrence: 71
   depth: 1, occurrence: 3
XXX total union variables: 0

XXX non-zero bitfields defined in structs: 4
XXX zero bitfields defined in structs: 0
XXX const bitfields defined in structs: 0
XXX volatile bitfields defined in structs: 1
XXX structs with bitfields in the program: 5
breakdown:
   indirect level: 0, occurrence: 3
   indirect level: 1, occurrence: 1
   indirect level: 2, occurrence: 1
XXX full-bitfields structs in the program: 3
breakdown:
   indirect level: 0, occurrence: 3
XXX times a bitfields struct's address is taken: 5
XXX times a bitfields struct on LHS: 1
XXX times a bitfields struct on RHS: 2
XXX times a single bitfield on LHS: 1
XXX times a single bitfield on RHS: 1

XXX max expression depth: 21
breakdown:
   depth: 1, occurrence: 74
   depth: 2, occurrence: 19
   depth: 3, occurrence: 2
   depth: 4, occurrence: 2
   depth: 6, occurrence: 1
   depth: 9, occurrence: 1
   depth: 11, occurrence: 1
   depth: 12, occurrence: 1
   depth: 13, occurrence: 1
   depth: 14, occurrence: 1
   depth: 15, occurrence: 1
   depth: 17, occurrence: 1
   depth: 21, occurrence: 1

XXX total number of pointers: 83

XXX times a variable address is taken: 67
XXX times a pointer is dereferenced on RHS: 10
breakdown:
   depth: 1, occurrence: 10
XXX times a pointer is dereferenced on LHS: 16
breakdown:
   depth: 1, occurrence: 16
XXX times a pointer is compared with null: 1
XXX times a pointer is compared with address of another variable: 0
XXX times a pointer is compared with another pointer: 1
XXX times a pointer is qualified to be dereferenced: 790

XXX max dereference level: 2
breakdown:
   level: 0, occurrence: 0
   level: 1, occurrence: 66
   level: 2, occurrence: 2
XXX number of pointers point to pointers: 14
XXX number of pointers point to scalars: 65
XXX number of pointers point to structs: 4
XXX percent of pointers has null in alias set: 34.9
XXX average alias set size: 1.22

XXX times a non-volatile is read: 137
XXX times a non-volatile is write: 79
XXX times a volatile is read: 5
XXX    times read thru a pointer: 0
XXX times a volatile is write: 3
XXX    times written thru a pointer: 0
XXX times a volatile is available for access: 562
XXX percentage of non-volatile access: 96.4

XXX forward jumps: 0
XXX backward jumps: 2

XXX stmts: 74
XXX max block depth: 3
breakdown:
   depth: 0, occurrence: 18
   depth: 1, occurrence: 18
   depth: 2, occurrence: 22
   depth: 3, occurrence: 16

XXX percentage a fresh-made variable is used: 23.9
XXX percentage an existing variable is used: 76.1
FYI: the random generator makes assumptions about the integer size. See platform.info for more details.
********************* end of statistics **********************/

