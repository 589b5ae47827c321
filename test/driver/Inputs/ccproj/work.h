#include <asyncc/asyncc.h>

async int work(int n);
int work__block_on(int n);
