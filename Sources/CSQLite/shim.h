#ifndef ONBOARD_CSQLITE_SHIM_H
#define ONBOARD_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
