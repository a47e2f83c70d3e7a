/* config.h: the configuration file (INI, read with inih) as a generic
 * store of [section] key = value entries that any module can read, plus
 * the few helpers the command line needs: globs, booleans, lists. */
#ifndef CCK_CONFIG_H
#define CCK_CONFIG_H

#include "claimcheck.h"

typedef struct {
    char *section;   /* owned; "" before the first [section] */
    char *key;       /* owned, as written */
    char *value;     /* owned, trimmed by inih */
    char *origin;    /* owned; "FILE:LINE", or "command line" / "default" */
} cck_cfg_entry;

typedef struct {
    cck_cfg_entry *v;   /* in the order read */
    size_t n, cap;
    char *path;         /* owned; the file read, or NULL */
} cck_config;

/* The file `claimcheck` looks for in the current directory. */
#define CCK_CFG_DEFAULT ".claimcheck.ini"

void cck_cfg_init(cck_config *c);
void cck_cfg_free(cck_config *c);          /* NULL-safe on a zeroed config */

/* Reads an INI file into c (entries appended; a key set twice keeps both,
 * the last one wins for cck_cfg_get). Files over 1 MiB and lines over
 * 4000 bytes are refused; every line inih cannot read is a diagnostic
 * "FILE:LINE:1: error: ..." in d. Returns CCK_OK, CCK_ERR_IO (cannot
 * open) or CCK_ERR_INPUT (some line was bad; the good ones are kept). */
cck_status cck_cfg_load(cck_config *c, const char *path, cck_diags *d);
/* The same from an open stream (not closed), named path in diagnostics;
 * no size check: the caller bounds what it hands over. */
cck_status cck_cfg_load_stream(cck_config *c, FILE *f, const char *path, cck_diags *d);

/* Appends an entry (strings copied). */
void cck_cfg_set(cck_config *c, const char *section, const char *key, const char *value,
                 const char *origin);

/* The last value of section.key (section and key compared without case),
 * or NULL. Borrowed until cck_cfg_free(). */
const char *cck_cfg_get(const cck_config *c, const char *section, const char *key);
/* The entry of that value, or NULL. */
const cck_cfg_entry *cck_cfg_find(const cck_config *c, const char *section, const char *key);

/* "yes/true/on/1" and "no/false/off/0" (any case); false for anything else. */
bool cck_cfg_bool(const char *value, bool *out);

/* Calls fn for each item of a comma-separated list, trimmed, empty items
 * skipped; stops early when fn returns false. Returns false then. */
bool cck_cfg_each(const char *list, bool (*fn)(const char *item, size_t n, void *ctx),
                  void *ctx);
/* True when item is in the comma-separated list (compared without case). */
bool cck_cfg_in_list(const char *list, const char *item);

/* A glob (fnmatch(3); a star also crosses slashes) against a path: the
 * whole path, or any tail of it after a slash, so a glob for the .md files
 * under drafts matches docs/drafts/a.md, and "*.md" matches a/b.md. */
bool cck_cfg_glob(const char *glob, const char *path);

/* Sections whose name holds a glob character (*?[) are per-path sections. */
bool cck_cfg_is_glob_section(const char *section);

/* Writes the entries as INI, grouped by section in first-seen order,
 * the winning value of each key with its origin as a comment. */
void cck_cfg_print(FILE *out, const cck_config *c);

#endif
