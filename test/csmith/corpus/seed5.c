/*
 * This is a RANDOMLY GENERATED PROGRAM.
 *
 * Generator: csmith 2.3.0
 * Git version: 30dccd7
 * Options:   --seed 5 --no-argc --max-funcs 6 --max-block-depth 3 --max-block-size 3 --max-expr-complexity 6 --max-array-dim 2 --max-array-len-per-dim 4 --max-struct-fields 4 --max-union-fields 3 -o p5.c
 * Seed:      5
 */

#include "csmith.h"


static long __undefined;

/* --- Struct/Union Declarations --- */
struct S0 {
   int8_t  f0;
   uint8_t  f1;
   signed f2 : 8;
   uint32_t  f3;
};

struct S1 {
   uint32_t  f0;
   volatile uint32_t  f1;
   int32_t  f2;
};

#pragma pack(push)
#pragma pack(1)
struct S2 {
   volatile unsigned f0 : 27;
   unsigned f1 : 10;
};
#pragma pack(pop)

/* --- GLOBAL VARIABLES --- */
static int32_t g_3 = 0L;
static volatile int64_t g_24 = 0x0A1434A938F738F5LL;/* VOLATILE GLOBAL g_24 */
static volatile int64_t g_25 = 1L;/* VOLATILE GLOBAL g_25 */
static uint32_t g_28[1][3] = {{0xF744ED25L,0xF744ED25L,0xF744ED25L}};
static volatile uint64_t g_33 = 0UL;/* VOLATILE GLOBAL g_33 */
static uint16_t g_63 = 0x1FF3L;
static int8_t g_71 = 1L;
static int8_t g_73 = 0xBBL;
static int32_t g_81 = 0x2A3E9F7AL;
static volatile int64_t g_82 = (-1L);/* VOLATILE GLOBAL g_82 */
static volatile uint64_t g_83 = 4UL;/* VOLATILE GLOBAL g_83 */
static uint32_t g_104[3][2] = {{0xFF4CBEB0L,0x1DD11AFFL},{0x1DD11AFFL,0xFF4CBEB0L},{0x1DD11AFFL,0x1DD11AFFL}};
static int16_t g_114 = 0xAEB3L;
static struct S2 g_115 = {9948,8};/* VOLATILE GLOBAL g_115 */
static uint8_t g_126 = 3UL;
static int32_t *g_142[2] = {&g_3,&g_3};
static int32_t **g_141 = &g_142[0];
static int32_t ***g_140 = &g_141;
static const struct S0 g_144 = {-1L,0UL,11,18446744073709551615UL};
static struct S0 g_147 = {0x63L,0x54L,3,18446744073709551610UL};
static uint64_t g_209 = 0x0254E0B6B5915617LL;
static uint16_t *g_252 = &g_63;
static uint16_t **g_251 = &g_252;
static struct S0 * volatile g_258 = &g_147;/* VOLATILE GLOBAL g_258 */
static struct S1 g_280[2][1] = {{{0x2432923FL,0x3B0DD653L,0x1546F417L}},{{0x2432923FL,0x3B0DD653L,0x1546F417L}}};
static struct S1 * volatile g_279 = &g_280[0][0];/* VOLATILE GLOBAL g_279 */
static struct S1 * volatile * const  volatile g_281 = &g_279;/* VOLATILE GLOBAL g_281 */
static volatile uint16_t g_297 = 0x5ECAL;/* VOLATILE GLOBAL g_297 */
static volatile struct S1 g_300[4][2] = {{{1UL,18446744073709551608UL,0xD67468DFL},{1UL,18446744073709551608UL,0xD67468DFL}},{{1UL,18446744073709551608UL,0xD67468DFL},{1UL,18446744073709551608UL,0xD67468DFL}},{{1UL,18446744073709551608UL,0xD67468DFL},{1UL,18446744073709551608UL,0xD67468DFL}},{{1UL,18446744073709551608UL,0xD67468DFL},{1UL,18446744073709551608UL,0xD67468DFL}}};
static struct S1 * volatile g_340 = (void*)0;/* VOLATILE GLOBAL g_340 */
static struct S1 g_342 = {0xA8A62245L,18446744073709551611UL,0L};/* VOLATILE GLOBAL g_342 */
static volatile struct S1 g_364 = {0x15D76EC6L,18446744073709551613UL,1L};/* VOLATILE GLOBAL g_364 */
static volatile struct S1 * volatile g_365 = &g_364;/* VOLATILE GLOBAL g_365 */
static volatile struct S1 g_366 = {5UL,0xBC8B7194L,-6L};/* VOLATILE GLOBAL g_366 */
static struct S0 *g_396[3][3] = {{&g_147,(void*)0,&g_147},{&g_147,(void*)0,&g_147},{&g_147,(void*)0,&g_147}};
static struct S0 ** volatile g_395[2][4] = {{&g_396[1][2],&g_396[1][2],&g_396[1][2],&g_396[1][2]},{&g_396[1][2],&g_396[1][2],(void*)0,&g_396[1][2]}};
static struct S2 g_398[2][4] = {{{11145,31},{11145,31},{11145,31},{11145,31}},{{11145,31},{11145,31},{11145,31},{11145,31}}};
static volatile uint16_t * volatile g_412 = &g_297;/* VOLATILE GLOBAL g_412 */
static volatile uint16_t * volatile *g_411 = &g_412;
static volatile uint16_t * volatile * volatile *g_410 = &g_411;
static volatile uint16_t * volatile * volatile * volatile *g_409 = &g_410;
static struct S0 **** const  volatile g_421 = (void*)0;/* VOLATILE GLOBAL g_421 */
static struct S0 **g_424 = &g_396[1][2];
static struct S0 ***g_423 = &g_424;
static struct S0 **** volatile g_422 = &g_423;/* VOLATILE GLOBAL g_422 */


/* --- FORWARD DECLARATIONS --- */
static struct S0  func_1(void);
static int8_t  func_6(uint8_t  p_7, int32_t * p_8, int64_t  p_9, int32_t * p_10);
static int32_t * func_12(int64_t  p_13, int32_t  p_14, int32_t * p_15, uint8_t  p_16, int32_t * p_17);
static const struct S0  func_37(uint32_t  p_38, int32_t * p_39, int32_t * p_40, int32_t  p_41, uint32_t  p_42);
static int32_t * func_43(int16_t  p_44, uint32_t  p_45, int32_t  p_46);
static const uint32_t  func_51(int32_t * p_52, uint32_t  p_53, uint8_t  p_54, const int32_t * p_55);


/* --- FUNCTIONS --- */
/* ------------------------------------------ */
/* 
 * reads : g_3 g_28 g_33 g_24 g_73 g_63 g_83 g_104 g_82 g_115 g_81 g_126 g_140 g_144 g_71 g_147.f1 g_142 g_209 g_114 g_147 g_141 g_251 g_258 g_252 g_279 g_281 g_297 g_300 g_280 g_364 g_365 g_366 g_398 g_409 g_422
 * writes: g_3 g_28 g_33 g_63 g_71 g_73 g_83 g_104 g_114 g_115 g_81 g_126 g_140 g_141 g_147.f1 g_142 g_209 g_147 g_251 g_279 g_297 g_280 g_342 g_364 g_423
 */
static struct S0  func_1(void)
{ /* block id: 0 */
    int8_t l_2[3];
    int32_t *l_11 = &g_3;
    uint16_t **l_254 = &g_252;
    int32_t ****l_269 = &g_140;
    int32_t **l_274 = &g_142[0];
    int32_t l_278 = 9L;
    struct S0 l_284 = {0xA0L,6UL,11,18446744073709551612UL};
    uint8_t *l_289 = (void*)0;
    uint8_t *l_290 = (void*)0;
    uint8_t *l_291 = &g_126;
    int16_t l_301 = (-1L);
    uint16_t ***l_321 = &g_251;
    int32_t l_358 = (-1L);
    int32_t *l_379[3][3];
    int8_t l_388 = 0xE3L;
    struct S0 **l_420 = (void*)0;
    struct S0 ***l_419 = &l_420;
    int i, j;
    for (i = 0; i < 3; i++)
        l_2[i] = 0L;
    for (i = 0; i < 3; i++)
    {
        for (j = 0; j < 3; j++)
            l_379[i][j] = &g_3;
    }
    for (g_3 = 2; (g_3 >= 0); g_3 -= 1)
    { /* block id: 3 */
        int32_t *l_18 = &g_3;
        int32_t **l_246 = &g_142[1];
        int32_t ****l_268 = &g_140;
        int32_t l_270 = 0L;
        int i;
        (*l_246) = (l_18 = ((safe_div_func_uint16_t_u_u((func_6(l_2[g_3], l_11, g_3, func_12(g_3, (0x3B288586FD5D7051LL > (-4L)), &g_3, l_2[g_3], l_18)) , g_3), (*l_18))) , l_11));
        if ((*l_11))
        { /* block id: 128 */
            uint16_t ***l_253 = &g_251;
            int32_t l_255 = 0x426ADEE3L;
            l_254 = ((*l_253) = ((safe_add_func_int64_t_s_s((safe_add_func_int8_t_s_s(0x56L, 0x77L)), (*l_11))) , g_251));
            (*g_258) = func_37(l_255, l_11, func_12((*l_11), ((safe_add_func_uint64_t_u_u((*l_18), (l_255 | 1UL))) || g_115.f0), (*l_246), g_144.f2, &l_255), g_144.f0, g_147.f3);
            l_270 ^= ((((safe_rshift_func_int8_t_s_u((g_144.f2 || (safe_add_func_int64_t_s_s(0x18A6E41CB4023847LL, (safe_unary_minus_func_int32_t_s((safe_mod_func_uint16_t_u_u(((safe_add_func_int32_t_s_s((l_268 == l_269), ((((((*g_252) < (*l_11)) == (**g_251)) > 4294967291UL) , g_144.f3) , g_28[0][0]))) , 65531UL), l_255))))))), 3)) & l_255) < 0x5DL) , l_255);
        }
        else
        { /* block id: 133 */
            int32_t l_275 = 0x06FB7AD4L;
            int32_t ***l_276 = &l_246;
            int16_t *l_277 = &g_114;
            l_278 = ((((((safe_rshift_func_int16_t_s_s((((*l_277) = (+(((**l_269) = (((void*)0 != (*g_251)) , l_274)) == ((*l_276) = (l_275 , (void*)0))))) < (*g_252)), g_82)) ^ 0xE29C1978L) < g_147.f3) & g_144.f1) || (****l_268)) >= g_147.f1);
            (*g_281) = g_279;
        }
        for (l_278 = 0; (l_278 <= 2); l_278 += 1)
        { /* block id: 142 */
            return (*g_258);
        }
    }
    if ((((void*)0 == (*g_140)) & (safe_lshift_func_int8_t_s_u((((((l_284 , ((((g_144.f1 != ((*l_291) |= ((safe_mul_func_uint8_t_u_u((safe_sub_func_int64_t_s_s(g_24, (*l_11))), (**l_274))) < (-1L)))) , (*l_11)) || (**l_274)) , g_63)) | g_63) , (**l_274)) , (void*)0) == &g_251), (**l_274)))))
    { /* block id: 147 */
        int32_t *l_292[3][2] = {{&g_3,&g_3},{&g_3,&g_3},{&g_3,&g_3}};
        int i, j;
        for (l_284.f3 = 0; (l_284.f3 <= 0); l_284.f3 += 1)
        { /* block id: 150 */
            int8_t l_293 = 4L;
            int32_t l_295 = (-9L);
            int32_t l_306 = 1L;
            uint16_t l_309 = 1UL;
            (*l_274) = l_292[1][1];
            for (l_278 = 0; (l_278 <= 0); l_278 += 1)
            { /* block id: 154 */
                int64_t l_294[4];
                int32_t l_296 = 0x9CC7936FL;
                int i;
                for (i = 0; i < 4; i++)
                    l_294[i] = 1L;
                g_297--;
                (*l_11) = (g_300[1][1] , (-1L));
                (**l_274) &= 2L;
            }
            for (g_126 = 0; (g_126 <= 0); g_126 += 1)
            { /* block id: 161 */
                uint8_t l_302 = 7UL;
                int16_t l_305 = 0x8828L;
                int32_t l_307 = 8L;
                int32_t l_308[1][2];
                int i, j;
                for (i = 0; i < 1; i++)
                {
                    for (j = 0; j < 2; j++)
                        l_308[i][j] = 0L;
                }
                l_302++;
                (**l_274) ^= l_302;
                l_309--;
            }
        }
    }
    else
    { /* block id: 167 */
        uint32_t l_322 = 0xD911FE58L;
        int32_t l_357 = 0x84F4C1FBL;
        int32_t l_359 = 0x27804086L;
        int32_t l_382 = 1L;
        int32_t l_384 = (-1L);
        int32_t l_385 = (-9L);
        int32_t l_386 = 1L;
        int32_t l_387 = 1L;
        int32_t l_389 = 0x34533ADCL;
        int32_t l_390 = 0L;
        struct S0 *l_394[1][4] = {{&l_284,&l_284,&l_284,&l_284}};
        int8_t l_415 = (-1L);
        int i, j;
        if ((safe_lshift_func_uint16_t_u_s((**l_274), 15)))
        { /* block id: 168 */
            struct S0 l_314 = {0L,251UL,15,0UL};
            return l_314;
        }
        else
        { /* block id: 170 */
            int8_t l_315 = 0x07L;
            (*l_11) |= l_315;
            for (l_301 = 0; (l_301 == (-29)); l_301--)
            { /* block id: 174 */
                int32_t l_318 = 0xE46925A6L;
                uint16_t ***l_320 = &g_251;
                uint16_t ****l_319[4] = {&l_320,&l_320,&l_320,&l_320};
                int i;
                l_321 = (l_318 , &l_254);
            }
            l_322 |= 5L;
        }
        for (g_126 = 0; (g_126 == 20); ++g_126)
        { /* block id: 181 */
            int16_t *l_338 = &g_114;
            int16_t l_339[4];
            struct S1 *l_341[4];
            int i;
            for (i = 0; i < 4; i++)
                l_339[i] = 0L;
            for (i = 0; i < 4; i++)
                l_341[i] = &g_280[1][0];
            for (l_284.f3 = 14; (l_284.f3 <= 43); l_284.f3 = safe_add_func_uint32_t_u_u(l_284.f3, 6))
            { /* block id: 184 */
                struct S1 *l_327 = &g_280[1][0];
                (*l_327) = (**g_281);
            }
            g_342 = ((safe_mod_func_int8_t_s_s((safe_mul_func_uint16_t_u_u(((++g_147.f1) | (l_269 != &g_140)), (safe_sub_func_int16_t_s_s(g_28[0][1], (safe_add_func_int16_t_s_s((g_147.f2 , ((*l_338) ^= (-8L))), l_339[0])))))), g_104[1][0])) , (**g_281));
        }
        if ((safe_div_func_uint64_t_u_u((safe_lshift_func_int8_t_s_s(((safe_sub_func_uint8_t_u_u(g_82, 255UL)) >= (~((safe_div_func_int64_t_s_s(g_147.f0, l_322)) & ((4294967292UL < l_322) && 2L)))), l_322)), l_322)))
        { /* block id: 191 */
            uint16_t l_360 = 0UL;
            if ((((**g_251) = (*g_252)) && (safe_mul_func_uint8_t_u_u(0xADL, (--g_147.f1)))))
            { /* block id: 194 */
                int32_t *l_356[3];
                int i;
                for (i = 0; i < 3; i++)
                    l_356[i] = (void*)0;
                ++l_360;
            }
            else
            { /* block id: 196 */
                return (*g_258);
            }
            for (l_359 = 0; (l_359 <= 0); l_359 += 1)
            { /* block id: 201 */
                int32_t l_363 = 0xE280A142L;
                int i;
                l_363 |= l_2[(l_359 + 2)];
                (*g_365) = g_364;
                (**g_281) = ((&g_251 != (void*)0) , g_366);
            }
        }
        else
        { /* block id: 206 */
            uint16_t l_374[2][2];
            int32_t l_381[4];
            int32_t l_416 = 8L;
            int i, j;
            for (i = 0; i < 2; i++)
            {
                for (j = 0; j < 2; j++)
                    l_374[i][j] = 0xFBCFL;
            }
            for (i = 0; i < 4; i++)
                l_381[i] = 1L;
            if ((!(safe_lshift_func_int8_t_s_u((5L == ((safe_mul_func_int8_t_s_s(0x9BL, (safe_mul_func_int16_t_s_s(g_364.f1, ((***l_321) ^= l_374[1][1]))))) >= (((safe_add_func_uint64_t_u_u((safe_lshift_func_uint16_t_u_s(((**l_274) = (0xE2FFL == g_104[1][1])), 11)), g_126)) > g_126) , 65526UL))), 1))))
            { /* block id: 209 */
                int32_t *l_380[4] = {&l_359,&l_359,&l_359,&l_359};
                int16_t l_383 = 0xE104L;
                uint32_t l_391 = 1UL;
                struct S0 **l_397[3][2] = {{&l_394[0][2],&l_394[0][2]},{&l_394[0][2],&l_394[0][2]},{&l_394[0][2],&l_394[0][2]}};
                int i, j;
                l_380[0] = l_379[2][0];
                l_391++;
                l_394[0][2] = l_394[0][1];
            }
            else
            { /* block id: 213 */
                int32_t l_413 = 1L;
                uint32_t *l_414 = &g_104[2][0];
                l_416 &= (((g_398[0][1] , ((safe_add_func_uint8_t_u_u((safe_div_func_uint64_t_u_u((0L | g_114), (((*l_414) = ((((func_37((safe_mul_func_uint16_t_u_u((safe_add_func_int32_t_s_s(((safe_lshift_func_uint8_t_u_s(((((l_381[1] , g_409) != (void*)0) > l_413) > 0x74D1L), 2)) > l_390), g_82)), g_71)), &g_81, &g_3, (*l_11), g_209) , (void*)0) != &g_411) & 1UL) != g_144.f1)) | 0x9DDC78E9L))), g_144.f0)) || g_115.f0)) | g_114) , l_415);
            }
            for (l_386 = (-28); (l_386 >= 16); ++l_386)
            { /* block id: 219 */
                int64_t l_425 = (-9L);
                (*g_422) = l_419;
                (**l_274) = ((void*)0 == &g_104[1][1]);
                if (l_425)
                    break;
            }
        }
    }
    return (*g_258);
}


/* ------------------------------------------ */
/* 
 * reads : g_147.f1 g_71 g_142 g_209 g_115.f0 g_114 g_28 g_3 g_81 g_63 g_147 g_140 g_141
 * writes: g_71 g_147.f1 g_142 g_209 g_114 g_104 g_63 g_147
 */
static int8_t  func_6(uint8_t  p_7, int32_t * p_8, int64_t  p_9, int32_t * p_10)
{ /* block id: 99 */
    int32_t *l_206 = &g_81;
    int32_t l_214 = 0x9E8C7E32L;
    int32_t l_220 = 0x3F771F14L;
    int32_t l_221 = 0xD647E48AL;
    int32_t l_222 = 0x3EFC6D46L;
    int32_t l_223 = 9L;
    int32_t l_224[1];
    uint16_t l_239 = 65535UL;
    struct S0 *l_245 = &g_147;
    int i;
    for (i = 0; i < 1; i++)
        l_224[i] = (-9L);
lbl_241:
    for (g_71 = 1; (g_71 >= 0); g_71 -= 1)
    { /* block id: 102 */
        int32_t l_215[4];
        int32_t l_216[3];
        int8_t l_225 = (-8L);
        uint8_t l_227 = 0xA5L;
        int i;
        for (i = 0; i < 4; i++)
            l_215[i] = 0x3D74D1D4L;
        for (i = 0; i < 3; i++)
            l_216[i] = 0x6DB1E767L;
        l_215[2] = ((safe_rshift_func_uint8_t_u_s((++g_147.f1), ((safe_div_func_uint8_t_u_u((safe_rshift_func_uint16_t_u_s((safe_sub_func_uint64_t_u_u((((l_216[2] |= (0xE9L >= ((l_206 = (g_142[g_71] = g_142[g_71])) != (((((safe_sub_func_uint64_t_u_u((--g_209), (((p_9 , (safe_sub_func_uint8_t_u_u(p_7, ((((4294967293UL & l_214) , 1L) < 0x0EF7442A286E1A8FLL) , 7UL)))) && p_9) <= l_214))) , l_215[2]) , 9UL) , 65531UL) , &l_214)))) , g_115.f0) >= 0xB78ED7A292EE644FLL), p_7)), 3)), p_7)) , p_7))) & (-2L));
        for (g_114 = 0; (g_114 >= 0); g_114 -= 1)
        { /* block id: 111 */
            int64_t l_217[2][1];
            int32_t l_218 = 0L;
            int32_t *l_219[4][2] = {{&l_216[2],&l_216[2]},{&l_216[2],&l_216[2]},{&l_216[2],&l_216[2]},{&l_216[2],&l_216[2]}};
            int64_t l_226 = (-1L);
            uint16_t *l_238 = &g_63;
            int i, j;
            for (i = 0; i < 2; i++)
            {
                for (j = 0; j < 1; j++)
                    l_217[i][j] = 9L;
            }
            --l_227;
            if ((safe_sub_func_uint8_t_u_u((safe_mul_func_uint8_t_u_u(((g_104[(g_114 + 1)][g_71] = g_28[g_114][(g_114 + 1)]) & (*p_10)), ((safe_sub_func_int8_t_s_s(g_63, 0x2CL)) , (safe_mod_func_uint16_t_u_u(((*l_238) = (p_8 != (void*)0)), l_239))))), g_209)))
            { /* block id: 115 */
                int16_t l_240[1][1];
                int i, j;
                for (i = 0; i < 1; i++)
                {
                    for (j = 0; j < 1; j++)
                        l_240[i][j] = (-1L);
                }
                l_240[0][0] &= (*p_8);
            }
            else
            { /* block id: 117 */
                if ((*p_10))
                    break;
                if (g_71)
                    goto lbl_241;
            }
        }
    }
    l_222 &= ((((safe_mul_func_int8_t_s_s(((p_7 ^ (!(*l_206))) == (((*l_245) = g_147) , g_114)), (((*g_140) == (*g_140)) && (*l_206)))) , 6L) ^ p_9) >= 0xA4C62994L);
    return (*l_206);
}


/* ------------------------------------------ */
/* 
 * reads : g_3 g_28 g_33 g_24 g_73 g_63 g_71 g_83 g_104 g_82 g_115 g_81 g_126 g_140 g_144
 * writes: g_28 g_33 g_63 g_71 g_73 g_83 g_104 g_114 g_115 g_81 g_126 g_140 g_141
 */
static int32_t * func_12(int64_t  p_13, int32_t  p_14, int32_t * p_15, uint8_t  p_16, int32_t * p_17)
{ /* block id: 4 */
    int32_t l_23 = 8L;
    int32_t l_26 = 0x935FF574L;
    int32_t l_27 = 0xDABAC8EFL;
    int64_t l_162 = 0x769B8DE4F0E318C2LL;
    int32_t l_163[3][2] = {{1L,1L},{1L,1L},{1L,1L}};
    uint16_t l_168 = 0UL;
    int32_t *l_182 = &l_163[1][0];
    int32_t *l_183 = &l_27;
    int32_t *l_184 = &g_81;
    int32_t *l_185 = &l_163[1][1];
    int32_t *l_186 = &l_27;
    int32_t *l_187 = &l_163[1][1];
    int32_t *l_188 = &l_27;
    int32_t *l_189 = &l_163[0][1];
    int32_t *l_190 = (void*)0;
    int32_t *l_191[1][2];
    int16_t l_192 = (-4L);
    uint8_t l_193[3];
    int i, j;
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 2; j++)
            l_191[i][j] = &l_27;
    }
    for (i = 0; i < 3; i++)
        l_193[i] = 0UL;
    if ((safe_sub_func_uint8_t_u_u(g_3, g_3)))
    { /* block id: 5 */
        int32_t *l_21 = &g_3;
        return l_21;
    }
    else
    { /* block id: 7 */
        int32_t *l_22[2][2] = {{(void*)0,(void*)0},{(void*)0,(void*)0}};
        struct S0 l_148 = {1L,252UL,-11,0xC4CDA38EL};
        int64_t l_153[2];
        int i, j;
        for (i = 0; i < 2; i++)
            l_153[i] = 0L;
        if ((l_23 = (*p_17)))
        { /* block id: 9 */
            g_28[0][1]++;
        }
        else
        { /* block id: 11 */
            int32_t l_31 = 0xF8D36FBCL;
            int32_t l_32 = (-10L);
            struct S0 *l_146[2][3] = {{&g_147,&g_147,&g_147},{&g_147,&g_147,&g_147}};
            int i, j;
            l_26 &= l_31;
            if (g_3)
                goto lbl_36;
lbl_36:
            g_33++;
            l_148 = func_37(g_3, l_22[1][0], func_43(((((safe_mod_func_int64_t_s_s((((((safe_add_func_uint32_t_u_u(func_51(&g_3, g_24, ((((safe_add_func_uint8_t_u_u((l_23 <= 4294967295UL), 0x37L)) & l_23) ^ l_27) ^ g_28[0][0]), l_22[0][1]), 0xE7339AA8L)) || p_14) || l_27) != p_16) == g_28[0][1]), g_28[0][1])) | g_3) || g_63) > l_23), g_28[0][1], l_26), g_28[0][1], g_3);
        }
        for (p_14 = 0; (p_14 < (-4)); p_14 = safe_sub_func_int32_t_s_s(p_14, 1))
        { /* block id: 83 */
            int32_t **l_151 = &l_22[1][1];
            int32_t l_156 = 0x7E73AB66L;
            int32_t l_158 = 0x1D1B06CCL;
            int32_t l_159 = (-4L);
            int32_t l_160 = 1L;
            int32_t l_161 = 0xF1BE2ED9L;
            int32_t l_164[4][1] = {{0L},{0xBC323D96L},{0L},{0xBC323D96L}};
            uint32_t l_181 = 1UL;
            int i, j;
            if ((((*g_140) = (void*)0) != (l_151 = l_151)))
            { /* block id: 86 */
                int32_t l_152 = 0L;
                int32_t l_154 = (-1L);
                int32_t l_155 = 1L;
                int32_t l_157 = 0xBCDE28A8L;
                int32_t l_165 = 0xA038102AL;
                int32_t l_166 = 0L;
                int32_t l_167[1];
                int i;
                for (i = 0; i < 1; i++)
                    l_167[i] = 0xAA669385L;
                if (l_152)
                    break;
                if (l_152)
                    continue;
                ++l_168;
            }
            else
            { /* block id: 90 */
                l_26 = ((253UL != ((safe_sub_func_uint8_t_u_u(0x99L, ((safe_add_func_int16_t_s_s((safe_mod_func_int8_t_s_s(((l_163[2][0] = 0L) >= ((safe_mod_func_int64_t_s_s((p_13 = g_71), l_181)) > l_162)), p_14)), 0UL)) , g_144.f3))) ^ p_14)) || 0xE0L);
            }
        }
    }
    ++l_193[1];
    return &g_81;
}


/* ------------------------------------------ */
/* 
 * reads : g_104 g_81 g_73 g_140 g_144
 * writes: g_81 g_73 g_140
 */
static const struct S0  func_37(uint32_t  p_38, int32_t * p_39, int32_t * p_40, int32_t  p_41, uint32_t  p_42)
{ /* block id: 62 */
    const struct S0 l_145 = {1L,1UL,12,0x419F2862L};
    g_81 = g_104[2][1];
    for (g_81 = 0; (g_81 == (-26)); g_81 = safe_sub_func_int32_t_s_s(g_81, 5))
    { /* block id: 66 */
        for (p_38 = 0; (p_38 > 14); p_38 = safe_add_func_uint16_t_u_u(p_38, 9))
        { /* block id: 69 */
            for (g_73 = 0; (g_73 <= 0); g_73 += 1)
            { /* block id: 72 */
                int32_t ****l_143 = &g_140;
                (*l_143) = g_140;
                return g_144;
            }
        }
    }
    return l_145;
}


/* ------------------------------------------ */
/* 
 * reads : g_71 g_83 g_73 g_104 g_82 g_115 g_81 g_126
 * writes: g_71 g_83 g_73 g_104 g_114 g_115 g_81 g_126
 */
static int32_t * func_43(int16_t  p_44, uint32_t  p_45, int32_t  p_46)
{ /* block id: 20 */
    uint64_t l_121[2];
    int32_t *l_135 = &g_81;
    int i;
    for (i = 0; i < 2; i++)
        l_121[i] = 18446744073709551615UL;
    for (p_45 = 0; (p_45 == 52); p_45 = safe_add_func_int16_t_s_s(p_45, 4))
    { /* block id: 23 */
        uint8_t l_86 = 5UL;
        const int32_t *l_109 = (void*)0;
        int32_t l_111 = (-5L);
        int32_t l_112 = 0L;
        int32_t *l_129 = &l_112;
        int32_t *l_130 = (void*)0;
        int32_t *l_131[1];
        uint32_t l_132 = 18446744073709551615UL;
        int i;
        for (i = 0; i < 1; i++)
            l_131[i] = &l_112;
        for (g_71 = (-12); (g_71 > 17); g_71 = safe_add_func_uint8_t_u_u(g_71, 5))
        { /* block id: 26 */
            int32_t *l_90 = &g_81;
            int32_t **l_89 = &l_90;
            for (p_44 = 0; (p_44 == 7); p_44 = safe_add_func_int32_t_s_s(p_44, 6))
            { /* block id: 29 */
                int32_t *l_80[4];
                int i;
                for (i = 0; i < 4; i++)
                    l_80[i] = &g_81;
                g_83++;
                l_86--;
            }
            (*l_89) = &g_81;
            for (g_73 = 0; (g_73 <= (-29)); g_73 = safe_sub_func_uint8_t_u_u(g_73, 6))
            { /* block id: 36 */
                if (p_45)
                    break;
                if (l_86)
                    break;
            }
        }
        for (g_71 = 0; (g_71 <= (-8)); --g_71)
        { /* block id: 43 */
            uint8_t l_102[1][2];
            uint32_t *l_103 = &g_104[1][1];
            int64_t l_110 = 0L;
            int16_t *l_113 = &g_114;
            int32_t l_118 = 0xB7285802L;
            int32_t l_124 = 0L;
            int i, j;
            for (i = 0; i < 1; i++)
            {
                for (j = 0; j < 2; j++)
                    l_102[i][j] = 255UL;
            }
            if ((((void*)0 == &g_63) > (safe_sub_func_int32_t_s_s(((((*l_113) = ((!((l_111 = (!(safe_mul_func_int8_t_s_s((~(l_102[0][0] && (((*l_103) |= p_45) && (safe_div_func_int16_t_s_s(((safe_mul_func_int8_t_s_s(((((255UL != p_45) , &g_3) != l_109) == l_110), 0L)) > g_82), 0x0893L))))), 247UL)))) & 0x2A51D28AL)) <= l_112)) ^ p_45) & 0x5F85L), (-8L)))))
            { /* block id: 47 */
                struct S2 *l_116 = &g_115;
                int32_t *l_117 = &g_81;
                (*l_116) = g_115;
                (*l_117) &= 0xB5922496L;
            }
            else
            { /* block id: 50 */
                int32_t *l_119 = &l_118;
                int32_t *l_120[2][3];
                int i, j;
                for (i = 0; i < 2; i++)
                {
                    for (j = 0; j < 3; j++)
                        l_120[i][j] = &l_111;
                }
                ++l_121[0];
            }
            if ((g_83 <= l_124))
            { /* block id: 53 */
                int32_t *l_125[4][4] = {{&g_81,&g_81,&g_81,&g_81},{&g_81,&g_81,&g_81,&g_81},{&g_81,&g_81,&g_81,&g_81},{&g_81,&g_81,&g_81,&g_81}};
                int i, j;
                ++g_126;
            }
            else
            { /* block id: 55 */
                if (p_44)
                    break;
            }
        }
        l_132++;
    }
    return l_135;
}


/* ------------------------------------------ */
/* 
 * reads : g_24 g_73 g_33
 * writes: g_63 g_71 g_73
 */
static const uint32_t  func_51(int32_t * p_52, uint32_t  p_53, uint8_t  p_54, const int32_t * p_55)
{ /* block id: 15 */
    uint16_t *l_62[1][2];
    int8_t *l_70 = &g_71;
    int32_t l_72 = 1L;
    int i, j;
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 2; j++)
            l_62[i][j] = &g_63;
    }
    g_73 &= (!((((((((safe_unary_minus_func_int64_t_s((safe_sub_func_uint8_t_u_u(((g_63 = p_53) > ((safe_mod_func_uint16_t_u_u((safe_add_func_uint64_t_u_u(18446744073709551615UL, (1L > (safe_lshift_func_int8_t_s_s(((*l_70) = ((p_53 | (p_54 == p_54)) , 0xC9L)), 7))))), l_72)) && p_53)), 0x5BL)))) >= 0x254C1C08L) < l_72) , l_72) , l_72) != l_72) != 3UL) ^ g_24));
    return g_33;
}




/* ---------------------------------------- */
int main (void)
{
    int i, j;
    int print_hash_value = 0;
    platform_main_begin();
    crc32_gentab();
    func_1();
    transparent_crc(g_3, "g_3", print_hash_value);
    transparent_crc(g_24, "g_24", print_hash_value);
    transparent_crc(g_25, "g_25", print_hash_value);
    for (i = 0; i < 1; i++)
    {
        for (j = 0; j < 3; j++)
        {
            transparent_crc(g_28[i][j], "g_28[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_33, "g_33", print_hash_value);
    transparent_crc(g_63, "g_63", print_hash_value);
    transparent_crc(g_71, "g_71", print_hash_value);
    transparent_crc(g_73, "g_73", print_hash_value);
    transparent_crc(g_81, "g_81", print_hash_value);
    transparent_crc(g_82, "g_82", print_hash_value);
    transparent_crc(g_83, "g_83", print_hash_value);
    for (i = 0; i < 3; i++)
    {
        for (j = 0; j < 2; j++)
        {
            transparent_crc(g_104[i][j], "g_104[i][j]", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_114, "g_114", print_hash_value);
    transparent_crc(g_115.f0, "g_115.f0", print_hash_value);
    transparent_crc(g_115.f1, "g_115.f1", print_hash_value);
    transparent_crc(g_126, "g_126", print_hash_value);
    transparent_crc(g_144.f0, "g_144.f0", print_hash_value);
    transparent_crc(g_144.f1, "g_144.f1", print_hash_value);
    transparent_crc(g_144.f2, "g_144.f2", print_hash_value);
    transparent_crc(g_144.f3, "g_144.f3", print_hash_value);
    transparent_crc(g_147.f0, "g_147.f0", print_hash_value);
    transparent_crc(g_147.f1, "g_147.f1", print_hash_value);
    transparent_crc(g_147.f2, "g_147.f2", print_hash_value);
    transparent_crc(g_147.f3, "g_147.f3", print_hash_value);
    transparent_crc(g_209, "g_209", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 1; j++)
        {
            transparent_crc(g_280[i][j].f0, "g_280[i][j].f0", print_hash_value);
            transparent_crc(g_280[i][j].f1, "g_280[i][j].f1", print_hash_value);
            transparent_crc(g_280[i][j].f2, "g_280[i][j].f2", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_297, "g_297", print_hash_value);
    for (i = 0; i < 4; i++)
    {
        for (j = 0; j < 2; j++)
        {
            transparent_crc(g_300[i][j].f0, "g_300[i][j].f0", print_hash_value);
            transparent_crc(g_300[i][j].f1, "g_300[i][j].f1", print_hash_value);
            transparent_crc(g_300[i][j].f2, "g_300[i][j].f2", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    transparent_crc(g_342.f0, "g_342.f0", print_hash_value);
    transparent_crc(g_342.f1, "g_342.f1", print_hash_value);
    transparent_crc(g_342.f2, "g_342.f2", print_hash_value);
    transparent_crc(g_364.f0, "g_364.f0", print_hash_value);
    transparent_crc(g_364.f1, "g_364.f1", print_hash_value);
    transparent_crc(g_364.f2, "g_364.f2", print_hash_value);
    transparent_crc(g_366.f0, "g_366.f0", print_hash_value);
    transparent_crc(g_366.f1, "g_366.f1", print_hash_value);
    transparent_crc(g_366.f2, "g_366.f2", print_hash_value);
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 4; j++)
        {
            transparent_crc(g_398[i][j].f0, "g_398[i][j].f0", print_hash_value);
            transparent_crc(g_398[i][j].f1, "g_398[i][j].f1", print_hash_value);
            if (print_hash_value) printf("index = [%d][%d]\n", i, j);

        }
    }
    platform_main_end(crc32_context ^ 0xFFFFFFFFUL, print_hash_value);
    return 0;
}

/************************ statistics *************************
XXX max struct depth: 1
breakdown:
   depth: 0, occurrence: 121
   depth: 1, occurrence: 11
XXX total union variables: 0

XXX non-zero bitfields defined in structs: 3
XXX zero bitfields defined in structs: 0
XXX const bitfields defined in structs: 0
XXX volatile bitfields defined in structs: 1
XXX structs with bitfields in the program: 9
breakdown:
   indirect level: 0, occurrence: 7
   indirect level: 1, occurrence: 1
   indirect level: 2, occurrence: 0
   indirect level: 3, occurrence: 1
XXX full-bitfields structs in the program: 2
breakdown:
   indirect level: 0, occurrence: 2
XXX times a bitfields struct's address is taken: 10
XXX times a bitfields struct on LHS: 1
XXX times a bitfields struct on RHS: 7
XXX times a single bitfield on LHS: 0
XXX times a single bitfield on RHS: 6

XXX max expression depth: 29
breakdown:
   depth: 1, occurrence: 105
   depth: 2, occurrence: 28
   depth: 3, occurrence: 1
   depth: 4, occurrence: 1
   depth: 5, occurrence: 2
   depth: 9, occurrence: 1
   depth: 10, occurrence: 1
   depth: 11, occurrence: 2
   depth: 13, occurrence: 2
   depth: 14, occurrence: 1
   depth: 15, occurrence: 2
   depth: 16, occurrence: 1
   depth: 17, occurrence: 1
   depth: 20, occurrence: 1
   depth: 21, occurrence: 1
   depth: 27, occurrence: 2
   depth: 29, occurrence: 1

XXX total number of pointers: 93

XXX times a variable address is taken: 100
XXX times a pointer is dereferenced on RHS: 36
breakdown:
   depth: 1, occurrence: 27
   depth: 2, occurrence: 8
   depth: 3, occurrence: 0
   depth: 4, occurrence: 1
XXX times a pointer is dereferenced on LHS: 33
breakdown:
   depth: 1, occurrence: 25
   depth: 2, occurrence: 7
   depth: 3, occurrence: 1
XXX times a pointer is compared with null: 6
XXX times a pointer is compared with address of another variable: 1
XXX times a pointer is compared with another pointer: 2
XXX times a pointer is qualified to be dereferenced: 2062

XXX max dereference level: 4
breakdown:
   level: 0, occurrence: 0
   level: 1, occurrence: 131
   level: 2, occurrence: 31
   level: 3, occurrence: 19
   level: 4, occurrence: 15
XXX number of pointers point to pointers: 28
XXX number of pointers point to scalars: 54
XXX number of pointers point to structs: 11
XXX percent of pointers has null in alias set: 19.4
XXX average alias set size: 1.25

XXX times a non-volatile is read: 246
XXX times a non-volatile is write: 133
XXX times a volatile is read: 24
XXX    times read thru a pointer: 2
XXX times a volatile is write: 11
XXX    times written thru a pointer: 3
XXX times a volatile is available for access: 1.72e+03
XXX percentage of non-volatile access: 91.5

XXX forward jumps: 2
XXX backward jumps: 0

XXX stmts: 103
XXX max block depth: 3
breakdown:
   depth: 0, occurrence: 16
   depth: 1, occurrence: 16
   depth: 2, occurrence: 33
   depth: 3, occurrence: 38

XXX percentage a fresh-made variable is used: 19
XXX percentage an existing variable is used: 81
FYI: the random generator makes assumptions about the integer size. See platform.info for more details.
********************* end of statistics **********************/

