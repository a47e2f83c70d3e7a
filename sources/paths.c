/* paths.c: turning the FILE|DIR arguments into a sorted list of files. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sources.h"

typedef struct {
    char **v;
    size_t n, cap;
} strvec;

static void push(strvec *s, char *p)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->v = cck_xreallocarray(s->v, s->cap, sizeof *s->v);
    }
    s->v[s->n++] = p;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A directory entry's path with its type from readdir() in the byte after
 * the path's NUL (DT_UNKNOWN when the file system does not say), so that
 * sorting keeps them together. */
static char *entry_path(const char *dir, const struct dirent *de)
{
    size_t dl = strlen(dir), nl = strlen(de->d_name);
    bool slash = dir[dl - 1] == '/';
    size_t n = dl + !slash + nl + 2;
    char *p = cck_xmalloc(n);
    memcpy(p, dir, dl);
    if (!slash)
        p[dl++] = '/';
    memcpy(p + dl, de->d_name, nl);
    p[dl + nl] = '\0';
    p[dl + nl + 1] = (char)de->d_type;
    return p;
}

enum { MAX_DEPTH = 32 };

static void walk(const char *dir, int depth, strvec *out, cck_diags *d)
{
    if (depth > MAX_DEPTH) {
        cck_diag_add(d, dir, 0, 0, CCK_SEV_WARNING, "directories nested too deep; not read");
        return;
    }
    DIR *dp = opendir(dir);
    if (!dp) {
        int e = errno;
        cck_diag_add(d, dir, 0, 0, CCK_SEV_ERROR, "cannot read directory: %s", strerror(e));
        return;
    }
    strvec names = {0};
    struct dirent *de;
    while ((de = readdir(dp)) != NULL) {
        if (de->d_name[0] == '.')
            continue; /* hidden files, ".", ".." */
        push(&names, entry_path(dir, de));
    }
    closedir(dp);
    qsort(names.v, names.n, sizeof *names.v, cmp_str);
    for (size_t i = 0; i < names.n; i++) {
        /* a regular file or a directory as readdir() says needs no stat()
         * (one path lookup less a file); links and unknown types do */
        unsigned char type = (unsigned char)names.v[i][strlen(names.v[i]) + 1];
        if (type == DT_REG) {
            push(out, names.v[i]);
            continue;
        }
        if (type == DT_DIR) {
            walk(names.v[i], depth + 1, out, d);
            free(names.v[i]);
            continue;
        }
        struct stat st;
        if (stat(names.v[i], &st) != 0) {
            int e = errno;
            cck_diag_add(d, names.v[i], 0, 0, CCK_SEV_WARNING, "skipped: %s", strerror(e));
            free(names.v[i]);
        } else if (S_ISDIR(st.st_mode)) {
            walk(names.v[i], depth + 1, out, d);
            free(names.v[i]);
        } else if (S_ISREG(st.st_mode)) {
            push(out, names.v[i]);
        } else {
            free(names.v[i]);
        }
    }
    free(names.v);
}

cck_status cck_src_expand_path(const char *path, char ***paths, size_t *npaths,
                               cck_diags *d)
{
    strvec out = {.v = *paths, .n = *npaths, .cap = *npaths};
    struct stat st;
    cck_status rc = CCK_OK;
    if (stat(path, &st) != 0) {
        int e = errno;
        cck_diag_add(d, path, 0, 0, CCK_SEV_ERROR, "cannot open: %s", strerror(e));
        rc = CCK_ERR_IO;
    } else if (S_ISDIR(st.st_mode)) {
        size_t before = out.n, nerr = cck_diags_count(d, CCK_SEV_ERROR);
        walk(path, 0, &out, d);
        if (cck_diags_count(d, CCK_SEV_ERROR) > nerr)
            rc = CCK_ERR_IO;
        else if (out.n == before)
            cck_diag_add(d, path, 0, 0, CCK_SEV_WARNING, "directory holds no files");
    } else {
        push(&out, cck_xstrndup(path, strlen(path)));
    }
    *paths = out.v;
    *npaths = out.n;
    return rc;
}
