/* units.h: the table of units the extractors recognise (names, aliases,
 * dimension, conversion to the canonical unit of FORMAT.md). Shared with
 * the reconcile stage, which compares values in canonical units. */
#ifndef CCK_UNITS_H
#define CCK_UNITS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    CCK_DIM_LENGTH = 0,  /* m */
    CCK_DIM_AREA,        /* m2 */
    CCK_DIM_VOLUME,      /* m3 */
    CCK_DIM_MASS,        /* kg */
    CCK_DIM_TEMP,        /* degC */
    CCK_DIM_SPEED,       /* m/s */
    CCK_DIM_TIME,        /* s */
    CCK_DIM_POWER,       /* W */
    CCK_DIM_ENERGY,      /* J */
    CCK_DIM_PERCENT,     /* % */
    CCK_DIM_MONEY,       /* ISO-4217 code */
    CCK_DIM_DATA,        /* B (bytes) */
    CCK_DIM_ANGLE        /* deg */
} cck_dim;

/* One unit: canonical value = written value * factor + offset. */
typedef struct {
    const char *name;     /* short display name: "km", "degF", "KPW" */
    const char *aliases;  /* '|'-separated spellings; a space matches 1+ blanks */
    cck_dim dim;
    const char *canon;    /* static canonical unit: "m", "degC", "USD" ... */
    double factor, offset;
    bool cased;           /* aliases compare case-sensitively ("m", "t") */
    bool glue;            /* may follow the figure with no blank ("10km", "25%") */
} cck_unit_def;

/* The unit one of whose aliases is exactly s[0, n) (case rules as above),
 * or NULL. The result is static. */
const cck_unit_def *cck_unit_lookup(const char *s, size_t n);

/* Longest alias of any unit that starts s[0, n) and ends at a word
 * boundary. Returns its length in bytes and sets *out, or returns 0. A
 * length followed by "per" or "/" and a time ("50 meters per millisecond",
 * "km/ms") matches as one speed. */
size_t cck_unit_match(const char *s, size_t n, const cck_unit_def **out);

/* The canonical unit of a per-year rate of canon ("kg" -> "kg/yr",
 * "m" -> "m/yr"); NULL when no such rate is defined. Static strings. */
const char *cck_unit_per_year(const char *canon);

/* Builds the first-byte index the matchers use (else they walk the whole
 * table). Call once before threads start; cck_ext_init() does. */
void cck_units_init(void);

/* Converts a written value to the canonical unit (factor and offset). */
double cck_unit_to_canon(const cck_unit_def *u, double v);

#endif
