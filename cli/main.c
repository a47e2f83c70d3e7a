/* main.c: placeholder front end (replaced below). */
#include "claimcheck.h"
int main(void) { return 0; }
