/*
 * This is a RANDOMLY GENERATED PROGRAM.
 *
 * Generator: csmith 2.3.0
 * Git version: 30dccd7
 * Options:   --seed 18 --no-argc --max-funcs 6 --max-block-depth 3 --max-block-size 3 --max-expr-complexity 6 --max-array-dim 2 --max-array-len-per-dim 4 --max-struct-fields 4 --max-union-fields 3 -o p18.c
 * Seed:      18
 */

#include "csmith.h"


static long __undefined;

/* --- Struct/Union Declarations --- */
#pragma pack(push)
#pragma pack(1)
struct S0 {
   int32_t  f0;
   volatile int32_t  f1;
};
#pragma pack(pop)

#pragma pack(push)
#pragma pack(1)
struct S1 {
   unsigned f0 : 14;
   signed f1 : 15;
};
#pragma pack(pop)

struct S2 {
   const signed f0 : 17;
   const unsigned f1 : 25;
};

/* --- GLOBAL VARIABLES --- */
static int32_t g_3[3] = {0x59951EA6L,0x59951EA6L,0x59951EA6L};
static int32_t g_16 = 0x902314AFL;
static uint32_t g_17[4] = {4294967287UL,4294967287UL,4294967287UL,4294967287UL};
static int32_t *g_30 = &g_3[2];
static int32_t ** volatile g_29[2] = {&g_30,&g_30};
static volatile int32_t g_38[4][1] = {{0xC8A0C090L},{0xE4879289L},{0xC8A0C090L},{0xE4879289L}};
static int32_t g_39 = 0x49EF57A5L;
static int32_t g_45 = 4L;
static const volatile struct S2 g_58[3][4] = {{{312,2939},{312,2939},{181,382},{312,2939}},{{312,2939},{-294,2131},{-294,2131},{312,2939}},{{-294,2131},{312,2939},{-294,2131},{-294,2131}}};
static uint8_t g_85 = 255UL;
static uint16_t g_89 = 0xCAE3L;
static uint8_t *g_117[2] = {&g_85,&g_85};
static uint8_t **g_116 = &g_117[0];
static int64_t g_128 = (-3L);
static int8_t g_132 = (-4L);
static uint8_t g_143 = 255UL;
static volatile int8_t g_144 = 0x98L;/* VOLATILE GLOBAL g_144 */
static uint8_t g_145 = 0x84L;
static int32_t *g_147 = (void*)0;
static volatile struct S0 g_148 = {3L,9L};/* VOLATILE GLOBAL g_148 */
static struct S0 g_180 = {0x0C1190EEL,0xBCC985E1L};/* VOLATILE GLOBAL g_180 */
static uint32_t g_183 = 1UL;
static uint32_t g_195 = 8UL;
static int16_t g_199 = 1L;
static volatile struct S1 g_206 = {114,138};/* VOLATILE GLOBAL g_206 */
static int8_t g_216 = 8L;
static volatile uint64_t g_224 = 0x041D7ACCDA13051BLL;/* VOLATILE GLOBAL g_224 */
static volatile uint64_t *g_223 = &g_224;


/* --- FORWARD DECLARATIONS --- */
static struct S2  func_1(void);
static int64_t  func_6(int32_t * const  p_7, int32_t * p_8);
static int32_t * func_9(int64_t  p_10, int64_t  p_11, int16_t  p_12, int32_t * p_13);
static int32_t * func_33(int32_t * p_34);
static const int16_t  func_48(int8_t  p_49, int32_t * p_50);
static uint32_t  func_52(int32_t ** const  p_53, int16_t  p_54, uint32_t  p_55, int32_t ** p_56, int32_t ** p_57);


/* --- FUNCTIONS --- */
/* ------------------------------------------ */
/* 
 * reads : g_3 g_16 g_58 g_85 g_39 g_30 g_17 g_45 g_128 g_89 g_144 g_147 g_148 g_38 g_180 g_195 g_199 g_117 g_206 g_223
 * writes: g_3 g_16 g_39 g_45 g_89 g_116 g_85 g_128 g_132 g_143 g_145 g_148 g_183 g_195 g_199 g_216 g_180.f0
 */
static struct S2  func_1(void)
{ /* block id: 0 */
    int32_t *l_2 = &g_3[2];
    struct S2 l_228 = {55,4262};
    (*l_2) = 2L;
    (*g_30) = (safe_sub_func_uint64_t_u_u((func_6(((*l_2) , (void*)0), func_9((*l_2), (*l_2), (0x0D018D303F0244C3LL > (*l_2)), &g_3[2])) || (*l_2)), 0x8E0E8F7A8CC25EFELL));
    for (g_39 = 17; (g_39 > (-30)); --g_39)
    { /* block id: 120 */
        return l_228;
    }
    return l_228;
}


/* ------------------------------------------ */
/* 
 * reads : g_16 g_58 g_85 g_39 g_30 g_3 g_17 g_45 g_128 g_89 g_144 g_147 g_148 g_38 g_180 g_195 g_199 g_117 g_206 g_223
 * writes: g_16 g_39 g_45 g_89 g_116 g_85 g_128 g_132 g_143 g_145 g_148 g_3 g_183 g_195 g_199 g_216 g_180.f0
 */
static int64_t  func_6(int32_t * const  p_7, int32_t * p_8)
{ /* block id: 11 */
    int32_t **l_35[4];
    int32_t *l_125[4] = {&g_39,&g_39,&g_39,&g_39};
    int32_t l_141 = 0L;
    uint8_t **l_166 = (void*)0;
    uint8_t **l_167[1];
    int i;
    for (i = 0; i < 4; i++)
        l_35[i] = &g_30;
    for (i = 0; i < 1; i++)
        l_167[i] = (void*)0;
    l_125[0] = func_33((p_8 = (void*)0));
    for (g_85 = 0; (g_85 <= 2); g_85 += 1)
    { /* block id: 59 */
        uint64_t l_126 = 0x73EA232703BF9ECDLL;
        int64_t *l_127 = &g_128;
        int32_t **l_129[3];
        int32_t l_130 = (-2L);
        int64_t *l_131[1];
        uint8_t *l_142 = &g_143;
        uint32_t l_146[1];
        volatile struct S0 *l_149 = &g_148;
        int i;
        for (i = 0; i < 3; i++)
            l_129[i] = &g_30;
        for (i = 0; i < 1; i++)
            l_131[i] = (void*)0;
        for (i = 0; i < 1; i++)
            l_146[i] = 18446744073709551611UL;
        p_8 = func_9(((*l_127) |= l_126), (g_132 = (l_130 &= (l_129[2] == (g_89 , &g_30)))), (((safe_div_func_int8_t_s_s(((safe_mod_func_uint16_t_u_u((((safe_mod_func_int64_t_s_s((g_145 = ((safe_sub_func_uint8_t_u_u(((*l_142) = l_141), g_144)) , g_17[0])), g_17[0])) , g_45) < g_45), g_39)) > g_3[2]), 1UL)) != l_146[0]) , g_45), g_147);
        (*l_149) = g_148;
        for (g_16 = 2; (g_16 >= 0); g_16 -= 1)
        { /* block id: 69 */
            int32_t l_155 = (-1L);
            int i;
            g_3[g_16] |= (g_128 && (safe_mod_func_uint8_t_u_u((safe_unary_minus_func_uint64_t_u(((safe_lshift_func_int16_t_s_s(l_155, (safe_mod_func_int64_t_s_s((g_38[1][0] , (safe_add_func_int8_t_s_s(g_45, (0x8B3E4906L < (*p_8))))), 1L)))) || 18446744073709551611UL))), l_155)));
        }
    }
    for (g_39 = 0; (g_39 >= 8); g_39++)
    { /* block id: 75 */
        uint8_t l_162[2][3] = {{0x6CL,0x6CL,0xA8L},{0x6CL,0x6CL,0xA8L}};
        uint8_t **l_163 = &g_117[1];
        uint8_t ***l_164 = (void*)0;
        uint8_t ***l_165[2];
        struct S1 l_176 = {23,-159};
        uint8_t l_197 = 255UL;
        uint32_t *l_221 = (void*)0;
        int i, j;
        for (i = 0; i < 2; i++)
            l_165[i] = &g_116;
        (*g_30) ^= l_162[1][2];
        if (((((l_167[0] = (l_166 = l_163)) != (void*)0) != g_45) ^ (safe_sub_func_uint32_t_u_u(l_162[1][2], (safe_mod_func_int32_t_s_s(l_162[1][1], 0x08903686L))))))
        { /* block id: 79 */
            int8_t l_172 = 0x80L;
            for (g_128 = 1; (g_128 >= 0); g_128 -= 1)
            { /* block id: 82 */
                int32_t l_177[3];
                int i;
                for (i = 0; i < 3; i++)
                    l_177[i] = 0x7B672675L;
                (*g_30) ^= l_172;
                (*g_30) = (safe_lshift_func_uint8_t_u_u(l_162[1][2], l_162[1][0]));
                l_177[0] ^= (~(l_176 , g_3[1]));
            }
            (*g_30) = (safe_div_func_int64_t_s_s(((6UL & (l_176.f1 && (0x759DE1FDL & ((l_176 , g_180) , 0xE13F6EE5L)))) > l_172), l_162[1][2]));
            if (l_172)
                continue;
        }
        else
        { /* block id: 89 */
            int32_t l_193[3][3] = {{0x57FE0C21L,0x57FE0C21L,0x57FE0C21L},{0x14B2E43FL,0x14B2E43FL,0x14B2E43FL},{0x57FE0C21L,0x57FE0C21L,0x57FE0C21L}};
            uint32_t *l_220 = &g_17[3];
            uint32_t **l_219[4][3] = {{&l_220,&l_220,(void*)0},{&l_220,&l_220,(void*)0},{&l_220,&l_220,(void*)0},{&l_220,&l_220,(void*)0}};
            uint64_t l_222 = 18446744073709551615UL;
            int32_t l_225 = (-8L);
            int i, j;
            for (g_45 = 0; (g_45 <= 1); g_45 += 1)
            { /* block id: 92 */
                uint32_t l_181 = 0UL;
                int64_t *l_182 = &g_128;
                uint32_t *l_194 = &g_195;
                uint32_t *l_196 = (void*)0;
                int16_t *l_198 = &g_199;
                uint16_t *l_200 = &g_89;
                int32_t l_203 = 4L;
                int i;
                p_8 = (l_176.f1 , func_9(l_181, (g_183 = ((*l_182) = g_148.f0)), (((safe_div_func_uint32_t_u_u((safe_mod_func_int8_t_s_s((+((*l_198) &= (safe_mod_func_uint64_t_u_u((0x9610F757L || ((l_197 = ((*l_194) |= (safe_div_func_int8_t_s_s((((g_17[3] , l_181) | 7L) , l_193[2][1]), l_193[2][1])))) | g_180.f0)), l_193[0][0])))), l_176.f1)), l_162[1][2])) , l_193[2][0]) , 0x8ADFL), &g_16));
                l_203 = (l_197 | (l_193[2][1] && ((++(*l_200)) , 252UL)));
                p_8 = func_9(((((g_216 = ((((((**l_166) = l_193[1][1]) <= ((safe_rshift_func_int16_t_s_s((g_206 , ((+l_193[2][1]) , (safe_rshift_func_uint16_t_u_s(((*l_200) = (l_193[2][0] ^ (g_128 = (safe_rshift_func_uint8_t_u_u(((safe_sub_func_uint32_t_u_u((safe_rshift_func_uint16_t_u_s((0L & 1UL), l_193[1][0])), (*g_30))) ^ 0x44404513L), 4))))), 4)))), 15)) < 0x315BE1782E8E3224LL)) && l_176.f0) > 0xE8D9F723797499E0LL) , l_193[2][1])) , g_144) != l_193[2][1]) & 0UL), l_193[2][1], l_197, p_8);
            }
            for (g_180.f0 = 1; (g_180.f0 >= 0); g_180.f0 -= 1)
            { /* block id: 109 */
                int i, j;
                return l_162[g_180.f0][(g_180.f0 + 1)];
            }
            l_225 |= (safe_mul_func_uint8_t_u_u((g_3[2] && g_17[3]), (((((l_193[2][1] , (l_221 = p_8)) != p_7) == l_222) , (void*)0) == g_223)));
        }
    }
    return g_148.f1;
}


/* ------------------------------------------ */
/* 
 * reads :
 * writes:
 */
static int32_t * func_9(int64_t  p_10, int64_t  p_11, int16_t  p_12, int32_t * p_13)
{ /* block id: 2 */
    int32_t **l_14 = (void*)0;
    int32_t *l_15 = &g_16;
    uint16_t l_24 = 0x2B79L;
    int32_t *l_32 = &g_16;
    l_15 = &g_3[0];
    for (p_11 = 0; (p_11 <= 3); p_11 += 1)
    { /* block id: 6 */
        int32_t *l_18 = (void*)0;
        int32_t *l_19 = &g_16;
        int32_t *l_20 = &g_16;
        int32_t *l_21 = &g_16;
        int32_t *l_22 = &g_16;
        int32_t *l_23[3];
        int32_t **l_27 = (void*)0;
        int32_t **l_28 = (void*)0;
        int32_t **l_31 = &l_15;
        int i;
        for (i = 0; i < 3; i++)
            l_23[i] = &g_16;
        l_24++;
        (*l_31) = &g_3[2];
    }
    return l_32;
}


/* ------------------------------------------ */
/* 
 * reads : g_16 g_58 g_85 g_39 g_30 g_3 g_17 g_45
 * writes: g_16 g_39 g_45 g_89 g_116
 */
static int32_t * func_33(int32_t * p_34)
{ /* block id: 13 */
    int32_t *l_42[4][4] = {{&g_39,&g_39,&g_3[1],&g_3[1]},{&g_39,&g_39,&g_3[1],&g_3[1]},{&g_39,&g_39,&g_3[1],&g_3[1]},{&g_39,&g_39,&g_3[1],&g_3[1]}};
    int64_t l_109 = 1L;
    int i, j;
    for (g_16 = (-9); (g_16 < (-6)); g_16 = safe_add_func_uint32_t_u_u(g_16, 7))
    { /* block id: 16 */
        uint32_t l_82 = 0x6E89BE30L;
        int32_t l_86 = 6L;
        int32_t **l_90 = &l_42[1][1];
        int32_t l_91 = 0x5B8451CFL;
        int32_t l_93 = 0xC66F1EAAL;
        int32_t l_94 = 0x406D4EB3L;
        int32_t l_95 = (-1L);
        int32_t l_96 = 0xF186BE7BL;
        int32_t l_97 = 1L;
        int32_t l_98 = (-10L);
        int32_t l_99 = 1L;
        int32_t l_100 = 0x24F8FB3CL;
        int32_t l_101 = 0x90243F0BL;
        int32_t l_102 = 1L;
        uint64_t l_103 = 18446744073709551615UL;
        int64_t l_112 = 0L;
        for (g_39 = 0; (g_39 <= 5); g_39 = safe_add_func_uint16_t_u_u(g_39, 7))
        { /* block id: 19 */
            return l_42[1][1];
        }
        for (g_39 = 0; (g_39 > (-26)); g_39 = safe_sub_func_int32_t_s_s(g_39, 2))
        { /* block id: 24 */
            int32_t ** const l_59 = (void*)0;
            int32_t l_92[2][4] = {{3L,0x77A780BBL,0x77A780BBL,3L},{0x77A780BBL,3L,0x77A780BBL,0x77A780BBL}};
            int32_t *l_106 = &l_92[1][3];
            int i, j;
            for (g_45 = 2; (g_45 >= 0); g_45 -= 1)
            { /* block id: 27 */
                uint16_t l_62 = 0UL;
                uint16_t *l_81 = &l_62;
                int32_t l_83[1][3];
                uint8_t *l_84[2][4] = {{&g_85,&g_85,&g_85,&g_85},{&g_85,&g_85,&g_85,&g_85}};
                uint16_t *l_87 = (void*)0;
                uint16_t *l_88 = &g_89;
                int i, j;
                for (i = 0; i < 1; i++)
                {
                    for (j = 0; j < 3; j++)
                        l_83[i][j] = (-1L);
                }
                l_91 &= ((safe_sub_func_int16_t_s_s(func_48((~func_52((g_58[2][3] , l_59), ((safe_div_func_uint8_t_u_u((l_62 && ((safe_mod_func_uint32_t_u_u((safe_lshift_func_uint16_t_u_u(((*l_88) = (~(safe_sub_func_int64_t_s_s((safe_mul_func_int16_t_s_s(((safe_add_func_uint16_t_u_u((safe_add_func_int16_t_s_s((safe_lshift_func_uint8_t_u_u((l_86 ^= (~(safe_sub_func_int16_t_s_s(((((*l_81) &= 65526UL) & (l_82 && 0xD7AD251A65455456LL)) | 0x13735CA718BA309CLL), l_83[0][0])))), 3)), l_83[0][0])), l_83[0][0])) , g_85), g_39)), 0x13BCE866CA241E22LL)))), 4)), (*g_30))) , g_17[2])), g_3[1])) != 1UL), g_39, l_90, &g_30)), &g_45), g_45)) < 0xBD058558L);
                if ((*g_30))
                    break;
                --l_103;
            }
            if (((((*l_90) = p_34) == l_106) || ((4294967295UL < (safe_sub_func_int64_t_s_s(l_109, (safe_mul_func_uint8_t_u_u(1UL, g_3[2]))))) || l_112)))
            { /* block id: 40 */
                uint16_t l_113 = 0x6694L;
                if (l_113)
                    break;
            }
            else
            { /* block id: 42 */
                uint8_t *l_115 = &g_85;
                uint8_t **l_114[3][2] = {{&l_115,&l_115},{&l_115,&l_115},{&l_115,&l_115}};
                int32_t l_118[2];
                int i, j;
                for (i = 0; i < 2; i++)
                    l_118[i] = 0x6D8BF474L;
                g_116 = l_114[0][1];
                if (l_118[0])
                    continue;
            }
            for (l_102 = 0; (l_102 <= 6); l_102 = safe_add_func_uint16_t_u_u(l_102, 2))
            { /* block id: 48 */
                const uint16_t l_121 = 65528UL;
                uint64_t *l_124 = &l_103;
                l_91 |= (0x28L != (l_121 >= (((*l_124) &= ((g_85 || ((safe_add_func_uint8_t_u_u(l_121, l_121)) >= 0x4657F329L)) | l_121)) || 0x6CFF212B29A1D6AALL)));
                return p_34;
            }
        }
    }
    return p_34;
}


/* ------------------------------------------ */
/* 
 * reads :
 * writes:
 */
static const int16_t  func_48(int8_t  p_49, int32_t * p_50)
{ /* block id: 33 */
    return p_49;
}


/* ------------------------------------------ */
/* 
 * reads : g_45
 * writes:
 */
static uint32_t  func_52(int32_t ** const  p_53, int16_t  p_54, uint32_t  p_55, int32_t ** p_56, int32_t ** p_57)
{ /* block id: 31 */
    return g_45;
}




/* ---------------------------------------- */
int main (void)
{
    int i, j;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    for (i = 0; i < 3; i++)
    {
        transparent_crc(g_3[i], "g_3[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    transparent_crc(g_16, "g_16", print_hash_value);
    for (i = 0; i < 4; i++)
    {
        transparent_crc(g_17[i], "g_17[i]", print_hash_value);
        if (print_hash_value) printf("index = [%d]\n", i);

    }
    for (i = 0; i < 4; i++)
    {
        for (j = 0; j < 1; j++)
        {
            transparent_crc(g_38[i][j], "g_38[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_39, "g_39", print_hash_value);
    transparent_crc(g_45, "g_45", print_hash_value);
    for (i = 0; i < 3; i++)
    {
        for (j = 0; j < 4; j++)
        {
            transparent_crc(g_58[i][j].f0, "g_58[i][j].f0", print_hash_value);
            transparent_crc(g_58[i][j].f1, "g_58[i][j].f1", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_85, "g_85", print_hash_value);
    transparent_crc(g_89, "g_89", print_hash_value);
    transparent_crc(g_128, "g_128", print_hash_value);
    transparent_crc(g_132, "g_132", print_hash_value);
    transparent_crc(g_143, "g_143", print_hash_value);
    transparent_crc(g_144, "g_144", print_hash_value);
    transparent_crc(g_145, "g_145", print_hash_value);
    transparent_crc(g_148.f0, "g_148.f0", print_hash_value);
    transparent_crc(g_148.f1, "g_148.f1", print_hash_value);
    transparent_crc(g_180.f0, "g_180.f0", print_hash_value);
    transparent_crc(g_180.f1, "g_180.f1", print_hash_value);
    transparent_crc(g_183, "g_183", print_hash_value);
    transparent_crc(g_195, "g_195", print_hash_value);
    transparent_crc(g_199, "g_199", print_hash_value);
    transparent_crc(g_206.f0, "g_206.f0", print_hash_value);
    transparent_crc(g_206.f1, "g_206.f1", print_hash_value);
    transparent_crc(g_216, "g_216", print_hash_value);
    transparent_crc(g_224, "g_224", print_hash_value);
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}

/************************ statistics *************************
XXX max struct depth: 1
breakdown:
   depth: 0, occurrence: 58
   depth: 1, occurrence: 6
XXX total union variables: 0

XXX non-zero bitfields defined in structs: 4
XXX zero bitfields defined in structs: 0
XXX const bitfields defined in structs: 2
XXX volatile bitfields defined in structs: 0
XXX structs with bitfields in the program: 4
breakdown:
   indirect level: 0, occurrence: 4
XXX full-bitfields structs in the program: 4
breakdown:
   indirect level: 0, occurrence: 4
XXX times a bitfields struct's address is taken: 0
XXX times a bitfields struct on LHS: 0
XXX times a bitfields struct on RHS: 6
XXX times a single bitfield on LHS: 0
XXX times a single bitfield on RHS: 4

XXX max expression depth: 30
breakdown:
   depth: 1, occurrence: 45
   depth: 2, occurrence: 15
   depth: 3, occurrence: 1
   depth: 5, occurrence: 1
   depth: 8, occurrence: 3
   depth: 9, occurrence: 3
   depth: 11, occurrence: 1
   depth: 22, occurrence: 2
   depth: 27, occurrence: 1
   depth: 30, occurrence: 1

XXX total number of pointers: 56

XXX times a variable address is taken: 55
XXX times a pointer is dereferenced on RHS: 9
breakdown:
   depth: 1, occurrence: 9
XXX times a pointer is dereferenced on LHS: 20
breakdown:
   depth: 1, occurrence: 19
   depth: 2, occurrence: 1
XXX times a pointer is compared with null: 0
XXX times a pointer is compared with address of another variable: 0
XXX times a pointer is compared with another pointer: 0
XXX times a pointer is qualified to be dereferenced: 641

XXX max dereference level: 2
breakdown:
   level: 0, occurrence: 0
   level: 1, occurrence: 60
   level: 2, occurrence: 6
XXX number of pointers point to pointers: 17
XXX number of pointers point to scalars: 38
XXX number of pointers point to structs: 1
XXX percent of pointers has null in alias set: 37.5
XXX average alias set size: 1.32

XXX times a non-volatile is read: 131
XXX times a non-volatile is write: 79
XXX times a volatile is read: 8
XXX    times read thru a pointer: 0
XXX times a volatile is write: 1
XXX    times written thru a pointer: 1
XXX times a volatile is available for access: 168
XXX percentage of non-volatile access: 95.9

XXX forward jumps: 0
XXX backward jumps: 0

XXX stmts: 51
XXX max block depth: 3
breakdown:
   depth: 0, occurrence: 15
   depth: 1, occurrence: 10
   depth: 2, occurrence: 11
   depth: 3, occurrence: 15

XXX percentage a fresh-made variable is used: 18.6
XXX percentage an existing variable is used: 81.4
FYI: the random generator makes assumptions about the integer size. See platform.info for more details.
********************* end of statistics **********************/

