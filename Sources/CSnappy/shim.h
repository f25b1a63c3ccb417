#ifndef STRATA_CSNAPPY_SHIM_H
#define STRATA_CSNAPPY_SHIM_H
/* Snappy's C interface (Parquet's default codec). */
#include <snappy-c.h>
#endif
