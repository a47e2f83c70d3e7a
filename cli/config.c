/* config.c: the configuration file. inih does the INI syntax; this keeps
 * every [section] key = value as read (with FILE:LINE), answers lookups,
 * matches the per-path glob sections and prints the effective settings. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fnmatch.h>
#include <ini.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "config.h"

enum { MAX_FILE = 1 << 20, MAX_LINE = 4000 };

void cck_cfg_init(cck_config *c)
{
    memset(c, 0, sizeof *c);
}

void cck_cfg_free(cck_config *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->v[i].section);
        free(c->v[i].key);
        free(c->v[i].value);
        free(c->v[i].origin);
    }
    free(c->v);
    free(c->path);
    memset(c, 0, sizeof *c);
}

static char *dup(const char *s)
{
    return cck_xstrndup(s ? s : "", s ? strlen(s) : 0);
}

void cck_cfg_set(cck_config *c, const char *section, const char *key, const char *value,
                 const char *origin)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 16;
        c->v = cck_xreallocarray(c->v, c->cap, sizeof *c->v);
    }
    c->v[c->n++] = (cck_cfg_entry){dup(section), dup(key), dup(value), dup(origin)};
}

const cck_cfg_entry *cck_cfg_find(const cck_config *c, const char *section, const char *key)
{
    for (size_t i = c->n; i-- > 0;)
        if (!strcasecmp(c->v[i].section, section) && !strcasecmp(c->v[i].key, key))
            return &c->v[i];
    return NULL;
}

const char *cck_cfg_get(const cck_config *c, const char *section, const char *key)
{
    const cck_cfg_entry *e = cck_cfg_find(c, section, key);
    return e ? e->value : NULL;
}

bool cck_cfg_bool(const char *value, bool *out)
{
    static const char *const yes[] = {"yes", "true", "on", "1"}, *const no[] = {"no", "false", "off", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (!strcasecmp(value, yes[i])) {
            *out = true;
            return true;
        }
        if (!strcasecmp(value, no[i])) {
            *out = false;
            return true;
        }
    }
    return false;
}

bool cck_cfg_each(const char *list, bool (*fn)(const char *item, size_t n, void *ctx), void *ctx)
{
    for (const char *p = list; p && *p;) {
        size_t n = strcspn(p, ",");
        const char *a = p, *b = p + n;
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
            b--;
        if (b > a && !fn(a, (size_t)(b - a), ctx))
            return false;
        p += n + (p[n] == ',');
    }
    return true;
}

typedef struct {
    const char *item;
    bool found;
} in_list_ctx;

static bool match_item(const char *item, size_t n, void *ctx)
{
    in_list_ctx *x = ctx;
    if (strlen(x->item) == n && !strncasecmp(item, x->item, n)) {
        x->found = true;
        return false;
    }
    return true;
}

bool cck_cfg_in_list(const char *list, const char *item)
{
    in_list_ctx x = {item, false};
    cck_cfg_each(list, match_item, &x);
    return x.found;
}

bool cck_cfg_glob(const char *glob, const char *path)
{
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    if (fnmatch(glob, path, 0) == 0)
        return true;
    for (const char *p = strchr(path, '/'); p; p = strchr(p + 1, '/'))
        if (fnmatch(glob, p + 1, 0) == 0)
            return true;
    return false;
}

bool cck_cfg_is_glob_section(const char *section)
{
    return strpbrk(section, "*?[") != NULL;
}

/* ---- reading ------------------------------------------------------------- */

typedef struct {
    FILE *f;
    unsigned line;          /* the line the reader handed out last */
    cck_config *c;
    cck_diags *d;
    const char *path;
    bool bad;
} reader_ctx;

/* fgets for inih that counts lines and refuses overlong ones (handing inih
 * an empty line instead, after a diagnostic). */
static char *read_line(char *str, int num, void *stream)
{
    reader_ctx *r = stream;
    if (!fgets(str, num, r->f))
        return NULL;
    r->line++;
    size_t k = strlen(str);
    if (k == (size_t)num - 1 && str[k - 1] != '\n' && !feof(r->f)) {
        int ch;
        while ((ch = fgetc(r->f)) != EOF && ch != '\n')
            ;
        cck_diag_add(r->d, r->path, r->line, 1, CCK_SEV_ERROR, "line longer than %d bytes", num - 2);
        r->bad = true;
        strcpy(str, "\n");
    }
    return str;
}

static int on_entry(void *user, const char *section, const char *name, const char *value)
{
    reader_ctx *r = user;
    char origin[4096 + 32];
    snprintf(origin, sizeof origin, "%s:%u", r->path, r->line);
    cck_cfg_set(r->c, section, name, value, origin);
    return 1;
}

cck_status cck_cfg_load(cck_config *c, const char *path, cck_diags *d)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        cck_diag_add(d, path, 0, 0, CCK_SEV_ERROR, "cannot open the configuration: %s",
                     strerror(errno));
        return CCK_ERR_IO;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && st.st_size > MAX_FILE) {
        cck_diag_add(d, path, 0, 0, CCK_SEV_ERROR, "configuration larger than %d bytes", MAX_FILE);
        fclose(f);
        return CCK_ERR_LIMIT;
    }
    cck_status rc = cck_cfg_load_stream(c, f, path, d);
    fclose(f);
    return rc;
}

cck_status cck_cfg_load_stream(cck_config *c, FILE *f, const char *path, cck_diags *d)
{
    free(c->path);
    c->path = dup(path);
    /* Debian's inih takes its limits at run time: a heap buffer of
     * MAX_LINE bytes instead of 200 on the stack */
    ini_use_stack = false;
    ini_allow_realloc = false;
    ini_max_line = MAX_LINE + 3;
    ini_stop_on_first_error = false;
    reader_ctx r = {f, 0, c, d, path, false};
    int rc = ini_parse_stream(read_line, &r, on_entry, &r);
    if (rc > 0) {
        /* inih reports only the first line it could not read */
        cck_diag_add(d, path, (unsigned)rc, 1, CCK_SEV_ERROR,
                     "not a [section] or key = value line");
        return CCK_ERR_INPUT;
    }
    if (rc < 0) {
        cck_diag_add(d, path, 0, 0, CCK_SEV_ERROR, "cannot read the configuration");
        return CCK_ERR_IO;
    }
    return r.bad ? CCK_ERR_INPUT : CCK_OK;
}

/* ---- printing ------------------------------------------------------------ */

void cck_cfg_print(FILE *out, const cck_config *c)
{
    bool *done_sec = cck_xcalloc(c->n ? c->n : 1, sizeof *done_sec);
    for (size_t i = 0; i < c->n; i++) {
        if (done_sec[i])
            continue;
        const char *sec = c->v[i].section;
        fprintf(out, "%s[%s]\n", i ? "\n" : "", sec);
        for (size_t j = i; j < c->n; j++) {
            if (strcasecmp(c->v[j].section, sec))
                continue;
            done_sec[j] = true;
            /* only the winning value of each key */
            if (cck_cfg_find(c, sec, c->v[j].key) != &c->v[j])
                continue;
            fprintf(out, "%s = %s", c->v[j].key, c->v[j].value);
            fprintf(out, "%*s; %s\n", (int)(strlen(c->v[j].key) + strlen(c->v[j].value) < 40
                                                ? 40 - strlen(c->v[j].key) - strlen(c->v[j].value)
                                                : 1),
                    "", c->v[j].origin);
        }
    }
    free(done_sec);
}
