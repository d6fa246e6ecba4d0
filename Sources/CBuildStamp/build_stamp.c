#include "build_stamp.h"

#ifndef CASEBOOK_COMMIT
#define CASEBOOK_COMMIT ""
#endif

const char *casebook_build_commit(void) { return CASEBOOK_COMMIT; }
