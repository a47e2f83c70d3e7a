/* reldate.h: relative and partial dates (reldate.c): a day calculator on
 * day numbers and the reader of date phrases that need a reference day or
 * name no year ("tomorrow", "next June", "two weeks ago", "December 27"). */
#ifndef CCK_RELDATE_H
#define CCK_RELDATE_H

#include <stdbool.h>

#include "extract.h"

/* Day numbers count days from 1970-01-01 in the proleptic Gregorian
 * calendar (negative before it). */
long cck_rd_days(int y, int m, int d);
void cck_rd_civil(long z, int *y, int *m, int *d);
int cck_rd_weekday(long z);               /* 1 = Monday ... 7 = Sunday */
int cck_rd_days_in(int y, int m);
/* z moved by n months (n < 0: back), the day clamped to the month's end
 * ("2018-03-31" + 1 month = "2018-04-30"). */
long cck_rd_add_months(long z, int n);
/* Reads "YYYY-MM-DD" (more may follow); false when it is no valid day. */
bool cck_rd_parse(const char *iso, long *z);

/* Mentions mode: pushes every date phrase read in the unit (relative
 * phrases resolved against cck_scan_ref_date(sc) when known; a phrase
 * whose value cannot be computed carries "XXXX" parts). Claims mode: only
 * all-digit dates that name a year ("02/22/2016", "11/2016"). Called from
 * date.c's scanner; candidates (priority 35, above every number reading
 * of the same text) overlap date.c's own and the driver keeps the longest. */
void cck_ext_reldates(const cck_scan *sc, cck_cands *out);

#endif
