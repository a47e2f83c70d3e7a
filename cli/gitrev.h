/* gitrev.h: a directory of sources as it stood at a git revision, for
 * `claimcheck diff --git REV1..REV2 DIR`. */
#ifndef CCK_GITREV_H
#define CCK_GITREV_H

#include "claimcheck.h"

/* Writes the tree of directory dir (relative to the current directory, in
 * the repository around it) at revision rev into a new temporary
 * directory, through `git archive` and `tar` run without a shell. On
 * success *out is that directory (free() it after cck_git_remove()).
 * Failures are one diagnostic in d naming the revision. */
cck_status cck_git_export(const char *rev, const char *dir, char **out, cck_diags *d);

/* Removes a directory made by cck_git_export() and everything in it. */
void cck_git_remove(const char *tmpdir);

/* The files changed since revision rev (committed, staged or not), as
 * `git diff --name-only --relative REV` lists them: paths relative to the
 * current directory, appended to *paths (new strings). */
cck_status cck_git_changed(const char *rev, char ***paths, size_t *npaths, cck_diags *d);

/* Splits "A..B" into two new strings; false when there is no "..". */
bool cck_git_range(const char *spec, char **a, char **b);

#endif
