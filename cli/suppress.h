/* suppress.h: figures an editor has reviewed, left out before grouping:
 * inline comments in a source (claimcheck-ignore for a line,
 * claimcheck-ignore-start ... claimcheck-ignore-end for a block), and the
 * configuration's path ignores and per-glob sections. */
#ifndef CCK_SUPPRESS_H
#define CCK_SUPPRESS_H

#include "claimcheck.h"
#include "config.h"

/* Drops the claims of s that an inline suppression covers, inside
 * HTML/Markdown comments (<!-- ... -->):
 *   claimcheck-ignore         the comment's own line; when the comment is
 *                             alone on its line, the next non-blank line
 *   claimcheck-ignore-start   from the end of the comment ...
 *   claimcheck-ignore-end     ... to the start of this one
 * An unclosed start runs to the end of the file and an end without a
 * start is ignored, each with a warning in d. Returns the number dropped. */
size_t cck_sup_inline(cck_source *s, cck_diags *d);

/* True when the configuration skips this path: [ignore] paths = GLOB, ...
 * or a matching [GLOB] section with skip = yes. */
bool cck_sup_skip_path(const cck_config *cfg, const char *path);

/* Drops claims whose subject a matching [GLOB] section ignores
 * (ignore-attributes = a, b; ignore-entities = X, Y). Run after subjects
 * are known, before grouping. Returns the number dropped. */
size_t cck_sup_config(cck_corpus *c, const cck_config *cfg);

/* Checks the configuration's known sections and keys, appending a warning
 * per unknown key of [claimcheck], [ignore] or a glob section and an error
 * per bad value of a glob section. Returns false on an error. */
bool cck_sup_check_config(const cck_config *cfg, cck_diags *d);

#endif
