/* fuzz_one.h: what every fuzz target and the corpus replay run on one
 * input: read it as the named file would be read, segment it, extract its
 * claims, and abort when any offset falls outside its text or file. */
#ifndef CCK_FUZZ_ONE_H
#define CCK_FUZZ_ONE_H

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimcheck.h"
#include "config.h"
#include "extract.h"
#include "settings.h"
#include "sources.h"
#include "suppress.h"

static inline void cck_fuzz_span(const cck_source *s, size_t a, size_t b)
{
    size_t fs, fe;
    cck_source_file_span(s, a, b, &fs, &fe);
    if (a > b || b > s->len || fs > fe || fe > s->raw_len)
        abort();
}

/* Aborts unless unit u (one of s->units) has its cite entries within s,
 * after the previous unit's, and a table cell exactly when it is one. */
static inline void cck_fuzz_unit(const cck_source *s, const cck_unit *u)
{
    size_t n = cck_unit_ncites(s, u);
    if ((size_t)u->cites + n > s->nunit_cites || (u > s->units && u[-1].cites > u->cites))
        abort();
    for (size_t k = 0; k < n; k++)
        if (!cck_unit_cite(s, u, k))
            abort();
    const cck_table_cell *x = cck_unit_cell(s, u);
    if ((x->table >= 0) != (u->zone == CCK_ZONE_TABLE) ||
        (x->table >= 0 && x->unit != (size_t)(u - s->units)))
        abort();
}

/* The extractors' matcher of a fuzz target, made on the first input
 * (cck_ext_init() once); NULL when the patterns do not compile. */
static inline cck_matcher *cck_fuzz_matcher(void)
{
    static cck_matcher *m;
    if (!m) {
        cck_diags d;
        cck_diags_init(&d);
        if (cck_ext_init(&d) == CCK_OK)
            m = cck_matcher_new();
        cck_diags_free(&d);
    }
    return m;
}

/* m: the extractors' matcher (cck_ext_init() done), or NULL to skip them;
 * o: the scan options (NULL: claims only). */
static inline int cck_fuzz_one_opts(const char *name, const uint8_t *data, size_t size, cck_matcher *m,
                                    const cck_ext_opts *o)
{
    if (size > (1u << 20))
        return 0;
    cck_diags d;
    cck_diags_init(&d);
    cck_source *s = cck_source_parse(name, (const char *)data, size, &d);
    cck_src_segment(s, &d);
    if (m)
        cck_ext_source_opts(s, m, o, &d);
    for (size_t i = 0; i < s->nunits; i++) {
        cck_fuzz_span(s, s->units[i].start, s->units[i].end);
        cck_fuzz_unit(s, &s->units[i]);
    }
    for (size_t i = 0; i < s->ncites; i++)
        cck_fuzz_span(s, s->cites[i].start, s->cites[i].end);
    for (size_t i = 0; i < s->nclaims; i++)
        cck_fuzz_span(s, s->claims[i].start, s->claims[i].end);
    /* what check keeps of a markup file: every claim's span, unchanged */
    char *raw = s->raw != s->bytes ? malloc(s->raw_len + 1) : NULL;
    if (raw) {
        memcpy(raw, s->raw, s->raw_len);
        cck_source_keep_claim_raw(s);
        for (size_t i = 0; i < s->nclaims; i++) {
            size_t fs, fe;
            cck_source_file_span(s, s->claims[i].start, s->claims[i].end, &fs, &fe);
            const char *k = cck_source_raw_text(s, fs, fe);
            if (!k || memcmp(k, raw + fs, fe - fs))
                abort();
        }
        free(raw);
    }
    cck_source_free(s);
    cck_diags_free(&d);
    return 0;
}

static inline int cck_fuzz_one(const char *name, const uint8_t *data, size_t size, cck_matcher *m)
{
    return cck_fuzz_one_opts(name, data, size, m, NULL);
}

/* Mentions mode (every reader of words, fractions and relative dates)
 * with a reference day, on the text reader. */
static inline int cck_fuzz_mentions_one(const uint8_t *data, size_t size, cck_matcher *m)
{
    static const cck_ext_opts o = {.mentions = true, .ref_date = "2019-01-31"};
    return cck_fuzz_one_opts("fuzz.txt", data, size, m, &o);
}

/* The sources file: data read as the file describing a source a.txt; the
 * metadata it sets must be NUL-terminated strings within the input. */
static inline int cck_fuzz_sources_one(const uint8_t *data, size_t size)
{
    cck_diags d;
    cck_diags_init(&d);
    cck_source *s = cck_source_from_memory("dir/a.txt", "5 km.", 5);
    cck_src_sidecar_parse(s, ".claimcheck-sources", (const char *)data, size, &d);
    const char *f[] = {s->meta.title, s->meta.url, s->meta.date, s->meta.publisher,
                       s->meta.author};
    for (size_t i = 0; i < sizeof f / sizeof *f; i++)
        if (f[i] && strlen(f[i]) > size)
            abort();
    if (!(s->meta.weight >= 0 && s->meta.weight <= 10))
        abort();
    cck_source_free(s);
    cck_diags_free(&d);
    return 0;
}

/* The configuration file: data read as .claimcheck.ini, every reconcile
 * line handed to the settings, the whole printed; must neither crash nor
 * leak, whatever the lines say. */
static inline int cck_fuzz_config_one(const uint8_t *data, size_t size)
{
    if (size > (1u << 20) || size == 0)
        return 0;
    FILE *f = fmemopen((void *)data, size, "r");
    if (!f)
        return 0;
    cck_config c;
    cck_cfg_init(&c);
    cck_diags d;
    cck_diags_init(&d);
    (void)cck_cfg_load_stream(&c, f, ".claimcheck.ini", &d);
    fclose(f);
    (void)cck_sup_check_config(&c, &d);
    char err[256];
    for (size_t i = 0; i < c.n; i++)
        (void)cck_rec_set(c.v[i].section, c.v[i].key, c.v[i].value, err, sizeof err);
    FILE *out = fopen("/dev/null", "w");
    if (out) {
        cck_cfg_print(out, &c);
        cck_rec_settings_print(out);
        fclose(out);
    }
    cck_rec_settings_reset();
    cck_cfg_free(&c);
    cck_diags_free(&d);
    return 0;
}

/* Feeds every file of a corpus directory (up to 1 MiB each, the targets'
 * limit) to one of
 * the functions above; returns how many files, or (size_t)-1 when the
 * directory or a file cannot be read. For the test suite's replays. */
static inline size_t cck_fuzz_replay(const char *dirpath, int (*one)(const uint8_t *, size_t))
{
    DIR *dir = opendir(dirpath);
    if (!dir)
        return (size_t)-1;
    size_t n = 0;
    struct dirent *e;
    static uint8_t buf[1 << 20];
    while ((e = readdir(dir))) {
        if (e->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dirpath, e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f) {
            closedir(dir);
            return (size_t)-1;
        }
        size_t len = fread(buf, 1, sizeof buf, f);
        fclose(f);
        if (one(buf, len) != 0)
            abort();
        n++;
    }
    closedir(dir);
    return n;
}

#endif
