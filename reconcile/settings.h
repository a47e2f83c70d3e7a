/* settings.h: what a user may set for the subject and reconcile stages
 * (aliases, keywords, tolerances, drift per attribute, source weights).
 * Process-wide: set before a run, not while one is going. */
#ifndef CCK_SETTINGS_H
#define CCK_SETTINGS_H

#include <stdio.h>

#include "claimcheck.h"

/* Applies one "key = value" of INI section `section`:
 *   [alias]     Other Name = Canonical Name
 *   [lexicon]   word (or prefix*) = attribute [: kind,kind]   (default kinds:
 *               count, measure, percent, money)
 *   [tolerance] hedge | approx_year_days | approx_month_days | approx_day_days |
 *               coord_min_m | drift_per_year | undated_years | current_years |
 *               prior_trust | ambiguity_ratio | place_apart_m = number
 *   [drift]     attribute = plausible change per year (0.02 = 2%)
 *   [weight]    path glob = prior reliability of matching sources (0.01..0.99)
 * Returns CCK_OK, or CCK_ERR_INPUT with a one-line reason in err. */
cck_status cck_rec_set(const char *section, const char *key, const char *value, char *err,
                       size_t errlen);

/* Forgets every setting: defaults again (tolerances included). */
void cck_rec_settings_reset(void);

/* The canonical name of an entity when an [alias] names it, else entity
 * itself (borrowed; a is scratch for the fold). */
const char *cck_rec_canonical(cck_arena *a, const char *entity);

/* The [weight] of a source path (the last matching glob, tried against the
 * path and its base name), or 0 when none matches. */
double cck_rec_weight_for(const char *path);

/* The plausible relative change per year of an attribute: its [drift],
 * else a built-in figure for rates (30%) and money (10-30%), else the
 * drift_per_year tolerance (2%, a population's). */
double cck_rec_drift_for(const char *attr);

/* Writes the settings in force as INI (for `claimcheck config`). */
void cck_rec_settings_print(FILE *out);

#endif
