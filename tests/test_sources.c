/* test_sources.c: loading files, the line table, UTF-8 and size
 * diagnostics, the arena, and directory expansion. */
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bytes.h"
#include "sources.h"
#include "tests.h"

static char *write_temp(const char *bytes, size_t n)
{
    char *path = cck_xstrndup("/tmp/cck-src-XXXXXX", 19);
    int fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    CU_ASSERT_FATAL(write(fd, bytes, n) == (ssize_t)n);
    close(fd);
    return path;
}

static void test_load_keeps_bytes_and_lines(void)
{
    static const char text[] = "first line\nsecond\n\nfourth, no newline";
    char *path = write_temp(text, sizeof text - 1);
    cck_diags d;
    cck_diags_init(&d);
    cck_source *s = NULL;
    CU_ASSERT_EQUAL(cck_source_load(path, 0, &s, &d), CCK_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL(s->len, sizeof text - 1);
    CU_ASSERT_EQUAL(memcmp(s->bytes, text, s->len), 0);
    CU_ASSERT_EQUAL(s->bytes[s->len], '\0');
    CU_ASSERT_EQUAL(s->nlines, 4);
    CU_ASSERT_STRING_EQUAL(s->path, path);
    CU_ASSERT_EQUAL(d.n, 0);

    static const struct { size_t off; unsigned line, col; } cases[] = {
        {0, 1, 1}, {5, 1, 6}, {10, 1, 11}, {11, 2, 1}, {18, 3, 1}, {19, 4, 1}, {25, 4, 7},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        unsigned line, col;
        cck_source_linecol(s, cases[i].off, &line, &col);
        CU_ASSERT_EQUAL(line, cases[i].line);
        CU_ASSERT_EQUAL(col, cases[i].col);
    }
    cck_source_free(s);
    cck_diags_free(&d);
    unlink(path);
    free(path);
}

/* Files of every size around the first read's buffer, a directory, and a
 * pipe (no size known: the buffer grows) load whole or give their error. */
static void test_load_sizes_directories_and_pipes(void)
{
    static const size_t sizes[] = {0, 1, 2, 63, 64, 65, 4095, 4096, 4097, 65535, 65536, 65537, 200001};
    char *big = malloc(200001);
    CU_ASSERT_PTR_NOT_NULL_FATAL(big);
    for (size_t i = 0; i < 200001; i++)
        big[i] = (char)(i % 61 == 60 ? '\n' : 'a' + (char)(i % 26));
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        char *path = write_temp(big, sizes[k]);
        cck_diags d;
        cck_diags_init(&d);
        cck_source *s = NULL;
        CU_ASSERT_EQUAL(cck_source_load(path, 0, &s, &d), CCK_OK);
        CU_ASSERT_PTR_NOT_NULL_FATAL(s);
        CU_ASSERT_EQUAL(s->len, sizes[k]);
        CU_ASSERT(s->len == sizes[k] && !memcmp(s->bytes, big, sizes[k]));
        CU_ASSERT_EQUAL(s->bytes[s->len], '\0');
        CU_ASSERT_EQUAL(d.n, 0);
        /* the line table: a start after every newline */
        size_t lines = 1;
        bool starts_ok = s->line_starts[0] == 0;
        for (size_t b = 0; b < sizes[k]; b++)
            if (big[b] == '\n') {
                starts_ok = starts_ok && lines < s->nlines && s->line_starts[lines] == b + 1;
                lines++;
            }
        CU_ASSERT_EQUAL(s->nlines, lines);
        CU_ASSERT(starts_ok);
        cck_source_free(s);
        /* the limit is the file's size: one byte over is refused */
        if (sizes[k] > 1) {
            s = NULL;
            CU_ASSERT_EQUAL(cck_source_load(path, sizes[k], &s, &d), CCK_OK);
            cck_source_free(s);
            CU_ASSERT_EQUAL(cck_source_load(path, sizes[k] - 1, &s, &d), CCK_ERR_LIMIT);
        }
        cck_diags_free(&d);
        unlink(path);
        free(path);
    }

    /* lines far shorter than the table's first guess: newlines only */
    {
        char nl[5000];
        memset(nl, '\n', sizeof nl);
        char *path = write_temp(nl, sizeof nl);
        cck_diags dn;
        cck_diags_init(&dn);
        cck_source *sn = NULL;
        CU_ASSERT_EQUAL(cck_source_load(path, 0, &sn, &dn), CCK_OK);
        CU_ASSERT_PTR_NOT_NULL_FATAL(sn);
        CU_ASSERT_EQUAL(sn->nlines, sizeof nl + 1);
        CU_ASSERT_EQUAL(sn->line_starts[sizeof nl], sizeof nl);
        cck_source_free(sn);
        cck_diags_free(&dn);
        unlink(path);
        free(path);
    }

    cck_diags d;
    cck_diags_init(&d);
    cck_source *s = (cck_source *)1;
    CU_ASSERT_EQUAL(cck_source_load("tests", 0, &s, &d), CCK_ERR_IO);
    CU_ASSERT_PTR_NULL(s);
    CU_ASSERT_EQUAL_FATAL(d.n, 1);
    CU_ASSERT_STRING_EQUAL(d.v[0].msg, "is a directory");
    cck_diags_free(&d);

    /* a pipe: its writer is a child process */
    char fifo[] = "/tmp/cck-fifo-XXXXXX";
    int tfd = mkstemp(fifo);
    CU_ASSERT_FATAL(tfd >= 0);
    close(tfd);
    unlink(fifo);
    CU_ASSERT_FATAL(mkfifo(fifo, 0600) == 0);
    for (int limit = 0; limit < 2; limit++) {
        pid_t pid = fork();
        CU_ASSERT_FATAL(pid >= 0);
        if (pid == 0) {
            /* a reader that stops at its limit makes write fail, not kill */
            signal(SIGPIPE, SIG_IGN);
            int w = open(fifo, O_WRONLY);
            size_t at = 0;
            while (w >= 0 && at < 200001) {
                ssize_t got = write(w, big + at, 200001 - at);
                if (got <= 0)
                    break;
                at += (size_t)got;
            }
            free(big);      /* valgrind checks the child's leaks at _exit too */
            _exit(0);
        }
        cck_diags_init(&d);
        s = NULL;
        cck_status st = cck_source_load(fifo, limit ? 100000 : 0, &s, &d);
        if (limit) {
            CU_ASSERT_EQUAL(st, CCK_ERR_LIMIT);
            CU_ASSERT_PTR_NULL(s);
        } else {
            CU_ASSERT_EQUAL(st, CCK_OK);
            CU_ASSERT_PTR_NOT_NULL_FATAL(s);
            CU_ASSERT_EQUAL(s->len, 200001);
            CU_ASSERT(s->len == 200001 && !memcmp(s->bytes, big, 200001));
        }
        cck_source_free(s);
        cck_diags_free(&d);
        int status;
        waitpid(pid, &status, 0);
    }
    unlink(fifo);
    free(big);
}

/* The word-at-a-time skips against byte loops: every start and end over
 * buffers where the bytes looked for are rare, common, or next to bytes
 * one away from them (borrows between the lanes). */
static void test_byte_skips_against_loops(void)
{
    /* each looked-for byte alone among letters, then bytes one off them */
    static const char alpha[][12] = {"(", ".", "!", "?", "0", "5", "9", "(.!?0123",
                                     "/:)-'@>", "\x80\xff\xa1 ", "abcxyz"};
    unsigned seed = 99;
    char buf[300];
    size_t checked = 0;
    for (size_t a = 0; a < sizeof alpha / sizeof *alpha; a++)
        for (int round = 0; round < 4; round++) {
            for (size_t k = 0; k < sizeof buf; k++) {
                seed = seed * 1103515245u + 12345u;
                /* mostly letters, now and then one of the alphabet */
                buf[k] = (seed >> 16) % 9 < 7 ? (char)('a' + (seed >> 8) % 26)
                                               : alpha[a][(seed >> 20) % strlen(alpha[a])];
            }
            for (size_t i = 0; i < 17; i++)
                for (size_t end = i; end <= sizeof buf; end += 1 + (end % 29)) {
                    size_t r = cck_bytes_skip4(buf, i, end, '(', '.', '!', '?');
                    size_t d = cck_bytes_skip_digits(buf, i, end);
                    CU_ASSERT_FATAL(r >= i && r <= end && d >= i && d <= end);
                    bool clean = true;
                    for (size_t k = i; k < r; k++)
                        clean = clean && !(strchr("(.!?", buf[k]) && buf[k]);
                    for (size_t k = i; k < d; k++)
                        clean = clean && !(buf[k] >= '0' && buf[k] <= '9');
                    CU_ASSERT(clean);
                    /* it stops within 8 bytes of the next one or of the end */
                    bool near = end - r < 8;
                    for (size_t k = r; k < end && k < r + 8 && !near; k++)
                        near = strchr("(.!?", buf[k]) && buf[k];
                    CU_ASSERT(near);
                    near = end - d < 8;
                    for (size_t k = d; k < end && k < d + 8 && !near; k++)
                        near = buf[k] >= '0' && buf[k] <= '9';
                    CU_ASSERT(near);
                    checked++;
                }
        }
    CU_ASSERT(checked > 2000);
    /* cck_bytes_below() against a loop over the lanes */
    for (int round = 0; round < 20000; round++) {
        uint64_t w = 0;
        for (int k = 0; k < 8; k++) {
            seed = seed * 1103515245u + 12345u;
            w = w << 8 | (seed >> 24);
        }
        if (round % 3 == 0)
            w &= 0x7f7f7f7f7f7f7f7fu;
        static const unsigned ns[] = {1, 10, 48, 128};
        unsigned n = ns[round % 4];
        bool any = false;
        for (int k = 0; k < 8; k++)
            any = any || ((w >> (8 * k)) & 0xff) < n;
        CU_ASSERT_EQUAL(cck_bytes_below(w, n) != 0, any);
    }
}

static void test_missing_file_is_a_diagnostic(void)
{
    cck_diags d;
    cck_diags_init(&d);
    cck_source *s = (cck_source *)1;
    CU_ASSERT_EQUAL(cck_source_load("/nonexistent/x.txt", 0, &s, &d), CCK_ERR_IO);
    CU_ASSERT_PTR_NULL(s);
    CU_ASSERT_EQUAL_FATAL(d.n, 1);
    CU_ASSERT_STRING_EQUAL(d.v[0].file, "/nonexistent/x.txt");
    CU_ASSERT_EQUAL(d.v[0].sev, CCK_SEV_ERROR);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.v[0].msg, "cannot open"));
    cck_diags_free(&d);
}

static void test_size_limit_refuses(void)
{
    char big[4096];
    memset(big, 'x', sizeof big);
    char *path = write_temp(big, sizeof big);
    cck_diags d;
    cck_diags_init(&d);
    cck_source *s = NULL;
    CU_ASSERT_EQUAL(cck_source_load(path, 1000, &s, &d), CCK_ERR_LIMIT);
    CU_ASSERT_PTR_NULL(s);
    CU_ASSERT_EQUAL(d.n, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.v[0].msg, "limit"));
    cck_diags_free(&d);

    /* offsets are 32-bit (cck_off): a file over CCK_SOURCE_MAX is refused
     * whatever limit is asked for. The file is sparse (one truncate), and
     * refused from its size before any read. */
    if (SIZE_MAX > CCK_SOURCE_MAX && truncate(path, (off_t)CCK_SOURCE_MAX + 1) == 0) {
        cck_diags_init(&d);
        s = NULL;
        CU_ASSERT_EQUAL(cck_source_load(path, SIZE_MAX, &s, &d), CCK_ERR_LIMIT);
        CU_ASSERT_PTR_NULL(s);
        CU_ASSERT_EQUAL_FATAL(d.n, 1);
        char want[80];
        snprintf(want, sizeof want, "over the limit of %zu;", (size_t)CCK_SOURCE_MAX);
        CU_ASSERT_PTR_NOT_NULL(strstr(d.v[0].msg, want));
        cck_diags_free(&d);
    }
    unlink(path);
    free(path);
}

static void test_invalid_utf8_and_nul_are_diagnosed_not_changed(void)
{
    static const char text[] = "ok line\nbad \xff\xfe here\nnul \0 byte\n";
    char *path = write_temp(text, sizeof text - 1);
    cck_diags d;
    cck_diags_init(&d);
    cck_source *s = NULL;
    CU_ASSERT_EQUAL(cck_source_load(path, 0, &s, &d), CCK_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL(s->len, sizeof text - 1); /* bytes kept as they are */
    CU_ASSERT_EQUAL(d.n, 2);
    CU_ASSERT_EQUAL(cck_diags_count(&d, CCK_SEV_WARNING), 2);
    CU_ASSERT_EQUAL(cck_diags_count(&d, CCK_SEV_ERROR), 0);
    CU_ASSERT_EQUAL(d.v[0].line, 2);
    CU_ASSERT_EQUAL(d.v[0].col, 5);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.v[0].msg, "UTF-8"));
    CU_ASSERT_EQUAL(d.v[1].line, 3);
    CU_ASSERT_EQUAL(d.v[1].col, 5);
    cck_source_free(s);
    cck_diags_free(&d);
    unlink(path);
    free(path);
}

/* The check reads ASCII eight bytes at a time: a bad byte or a NUL at any
 * offset, with lines before it, is still found at its place and counted;
 * valid UTF-8 after a run of ASCII is not flagged. */
static void test_utf8_check_at_every_offset(void)
{
    for (size_t off = 0; off < 40; off++) {
        for (int kind = 0; kind < 3; kind++) {
            char text[48];
            memset(text, 'a', sizeof text);
            text[3] = '\n';
            text[20] = '\n';
            size_t at = off == 3 || off == 20 ? off + 1 : off;
            if (kind == 0)
                text[at] = (char)0xff;
            else if (kind == 1)
                text[at] = 0;
            else {
                text[at] = (char)0xc3; /* é */
                text[at + 1] = (char)0xa9;
            }
            cck_source *s = cck_source_from_memory("u.txt", text, sizeof text);
            cck_diags d;
            cck_diags_init(&d);
            cck_src_check_utf8(s, &d);
            if (kind == 2) {
                CU_ASSERT_EQUAL(d.n, 0);
            } else {
                unsigned line = at < 4 ? 1 : at < 21 ? 2 : 3;
                unsigned col = (unsigned)(at < 4 ? at + 1 : at < 21 ? at - 3 : at - 20);
                CU_ASSERT_EQUAL_FATAL(d.n, 1);
                CU_ASSERT_EQUAL(d.v[0].line, line);
                CU_ASSERT_EQUAL(d.v[0].col, col);
                CU_ASSERT_PTR_NOT_NULL(strstr(d.v[0].msg, kind == 0 ? "(1 byte)" : "(1 in all)"));
            }
            cck_diags_free(&d);
            cck_source_free(s);
        }
    }
}

static void test_diagnostics_print_one_line_each(void)
{
    cck_diags d;
    cck_diags_init(&d);
    cck_diag_add(&d, "a.txt", 3, 7, CCK_SEV_ERROR, "bad %s", "thing");
    cck_diag_add(&d, "b.txt", 0, 0, CCK_SEV_WARNING, "no position");
    cck_diag_add(&d, NULL, 0, 0, CCK_SEV_NOTE, "general");
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    cck_diags_print(&d, f);
    fclose(f);
    CU_ASSERT_STRING_EQUAL(buf, "a.txt:3:7: error: bad thing\n"
                                "b.txt: warning: no position\n"
                                "claimcheck: note: general\n");
    free(buf);
    cck_diags_free(&d);
}

/* An arena adopting another's blocks: what both handed out stays, the
 * adopter keeps taking requests, and one free frees all (valgrind and
 * ASan tell a block lost or freed twice). */
static void test_arena_adopt(void)
{
    cck_arena *into = cck_arena_new(), *from = cck_arena_new(), *empty = cck_arena_new();
    char *a = cck_arena_strdup(into, "kept before");
    char *b[200];
    for (int i = 0; i < 200; i++) {
        char s[32];
        snprintf(s, sizeof s, "from %d", i);
        b[i] = cck_arena_strdup(from, s);   /* several blocks */
    }
    char *big = cck_arena_chars(from, 100000);
    cck_arena_adopt(into, from);
    cck_arena_adopt(into, empty);
    cck_arena_adopt(into, NULL);
    char *c = cck_arena_strdup(into, "taken after");
    CU_ASSERT_STRING_EQUAL(a, "kept before");
    CU_ASSERT_STRING_EQUAL(c, "taken after");
    for (int i = 0; i < 200; i++) {
        char s[32];
        snprintf(s, sizeof s, "from %d", i);
        CU_ASSERT_STRING_EQUAL(b[i], s);
        CU_ASSERT(cck_arena_owns(into, b[i]));
    }
    CU_ASSERT(cck_arena_owns(into, big) && cck_arena_owns(into, a) && cck_arena_owns(into, c));
    /* an empty arena takes another's blocks as they are */
    cck_arena *none = cck_arena_new(), *some = cck_arena_new();
    char *d = cck_arena_strdup(some, "moved");
    cck_arena_adopt(none, some);
    char *e = cck_arena_strdup(none, "next");
    CU_ASSERT_STRING_EQUAL(d, "moved");
    CU_ASSERT_STRING_EQUAL(e, "next");
    CU_ASSERT(cck_arena_owns(none, d) && cck_arena_owns(none, e));
    cck_arena_free(none);
    cck_arena_free(into);
}

static void test_arena_alignment_and_big_blocks(void)
{
    cck_arena *a = cck_arena_new();
    for (size_t n = 1; n < 300; n += 7) {
        unsigned char *p = cck_arena_alloc(a, n);
        CU_ASSERT_EQUAL((uintptr_t)p % 16, 0);
        for (size_t i = 0; i < n; i++)
            CU_ASSERT_EQUAL_FATAL(p[i], 0);
        memset(p, 0xAB, n);
    }
    char *big = cck_arena_alloc(a, 1 << 20); /* larger than a block */
    memset(big, 1, 1 << 20);
    char *after = cck_arena_strdup(a, "still fine");
    CU_ASSERT_STRING_EQUAL(after, "still fine");
    CU_ASSERT_STRING_EQUAL(cck_arena_printf(a, "%d-%s", 42, "x"), "42-x");
    cck_arena_free(a);
    /* raw chars: packed after the last string, the caller's to fill */
    a = cck_arena_new();
    char *s1 = cck_arena_strdup(a, "ab"), *r = cck_arena_raw(a, 5);
    CU_ASSERT(r == s1 + 3 && cck_arena_owns(a, r) && cck_arena_owns(a, r + 4));
    memcpy(r, "wxyz", 5);
    CU_ASSERT_STRING_EQUAL(r, "wxyz");
    CU_ASSERT_STRING_EQUAL(s1, "ab");
    /* taken as they are, but aligned like cck_arena_alloc()'s, after
     * packed chars too */
    for (size_t n = 1; n < 100; n += 13) {
        cck_arena_raw(a, n);
        unsigned char *t = cck_arena_take(a, 3 * n);
        CU_ASSERT_EQUAL((uintptr_t)t % 16, 0);
        CU_ASSERT(cck_arena_owns(a, t) && cck_arena_owns(a, t + 3 * n - 1));
        memset(t, 0x5A, 3 * n);
    }
    CU_ASSERT_STRING_EQUAL(r, "wxyz");
    cck_arena_free(a);
    cck_arena_free(NULL);
}

/* Reset: what was handed out is gone, the memory stays as one block (the
 * same strings again are packed end to end, no new block between them),
 * zeroed allocations stay zeroed, and past 1 MiB nothing is kept. */
static void test_arena_reset(void)
{
    cck_arena *a = cck_arena_new();
    cck_arena_reset(a);     /* empty: a no-op */
    char *first[300];
    size_t breaks = 0;
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 300; i++) {
            char s[32];
            snprintf(s, sizeof s, "word %d", i);
            first[i] = cck_arena_strdup(a, s);
            if (i && first[i] != first[i - 1] + strlen(first[i - 1]) + 1)
                breaks += round > 0;
        }
        for (int i = 0; i < 300; i++) {
            char s[32];
            snprintf(s, sizeof s, "word %d", i);
            CU_ASSERT_STRING_EQUAL(first[i], s);
        }
        unsigned char *z = cck_arena_alloc(a, 64);
        for (int i = 0; i < 64; i++)
            CU_ASSERT_EQUAL_FATAL(z[i], 0);
        memset(z, 0xCD, 64);
        cck_arena_reset(a);
        CU_ASSERT(!cck_arena_owns(a, first[0]) && !cck_arena_owns(a, first[299]));
    }
    CU_ASSERT_EQUAL(breaks, 0);
    /* one big source's memory is not kept; the arena works on */
    char *big = cck_arena_chars(a, 2u << 20);
    memset(big, 1, 2u << 20);
    cck_arena_reset(a);
    CU_ASSERT(!cck_arena_owns(a, big));
    CU_ASSERT_STRING_EQUAL(cck_arena_strdup(a, "after"), "after");
    cck_arena_free(a);
}

/* A scratch arena's blocks double (to 64 MiB), an ordinary one's stop at
 * 64 KiB: 4 MiB of short strings, packed end to end within a block, break
 * into a new block some twenty times in one and over sixty in the other;
 * the scratch arena owns them all, and resets like any other. */
static void test_arena_scratch_blocks_double(void)
{
    cck_arena *a[2] = {cck_arena_new_scratch(), cck_arena_new()};
    size_t breaks[2] = {0, 0};
    for (int k = 0; k < 2; k++) {
        char *last = cck_arena_strdup(a[k], "0123456789abcde");
        for (size_t i = 1; i < (4u << 20) / 16; i++) {
            char *p = cck_arena_strdup(a[k], "0123456789abcde");
            breaks[k] += p != last + 16;
            last = p;
        }
        CU_ASSERT(cck_arena_owns(a[k], last));
    }
    CU_ASSERT(breaks[0] <= 20);
    CU_ASSERT(breaks[1] >= 60);
    char outside[8];
    CU_ASSERT(!cck_arena_owns(a[0], outside));
    cck_arena_reset(a[0]);
    CU_ASSERT_STRING_EQUAL(cck_arena_strdup(a[0], "after"), "after");
    cck_arena_free(a[0]);
    cck_arena_free(a[1]);
}

static void put_file(const char *dir, const char *name, const char *text)
{
    char path[256];
    CU_ASSERT_FATAL((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) < sizeof path);
    cck_test_write(path, text);
}

/* The title the sources file beside dir/name gives it, loaded with memo
 * (NULL: none); a new string, or NULL. */
static char *title_of(const char *dir, const char *name, cck_src_memo *memo)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    cck_diags d;
    cck_diags_init(&d);
    cck_source *s = NULL;
    CU_ASSERT_EQUAL_FATAL(cck_src_load_memo(path, 0, memo, &s, &d), CCK_OK);
    char *t = s->meta.title ? cck_xstrndup(s->meta.title, strlen(s->meta.title)) : NULL;
    cck_source_free(s);
    cck_diags_free(&d);
    return t;
}

/* A loader's memo skips the look for a sources file in a directory found
 * without one, and only there. */
static void test_sources_file_memo(void)
{
    char a[] = "/tmp/cck-memo-a-XXXXXX", b[] = "/tmp/cck-memo-b-XXXXXX";
    CU_ASSERT_FATAL(mkdtemp(a) != NULL && mkdtemp(b) != NULL);
    put_file(a, "1.txt", "One.\n");
    put_file(a, "2.txt", "Two.\n");
    put_file(b, "3.txt", "Three.\n");
    put_file(b, ".claimcheck-sources", "file: 3.txt\ntitle: Third\n");
    cck_src_memo memo = {0};
    char *t1 = title_of(a, "1.txt", &memo), *t3 = title_of(b, "3.txt", &memo);
    CU_ASSERT_PTR_NULL(t1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t3);
    CU_ASSERT_STRING_EQUAL(t3, "Third");
    /* the memo still knows a has none: a file made now is not seen
     * through it, but is without it */
    put_file(a, ".claimcheck-sources", "file: 2.txt\ntitle: Second\n");
    char *t2 = title_of(a, "2.txt", &memo), *t2n = title_of(a, "2.txt", NULL);
    CU_ASSERT_PTR_NULL(t2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t2n);
    CU_ASSERT_STRING_EQUAL(t2n, "Second");
    /* b's file is read every time: only absence is remembered */
    char *t3b = title_of(b, "3.txt", &memo);
    CU_ASSERT_PTR_NOT_NULL(t3b);
    cck_src_memo_free(&memo);
    cck_src_memo_free(&memo); /* twice is harmless */
    free(t1);
    free(t2);
    free(t2n);
    free(t3);
    free(t3b);
    static const char *const names[] = {"1.txt", "2.txt", ".claimcheck-sources"};
    char path[256];
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", a, names[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/3.txt", b);
    unlink(path);
    snprintf(path, sizeof path, "%s/.claimcheck-sources", b);
    unlink(path);
    rmdir(a);
    rmdir(b);
}

/* Entry types as readdir() gives them and as stat() finds them agree: a
 * link to a file is a file, a link to a directory is walked, a pipe is
 * left out, a subdirectory is walked, all in sorted order. */
/* A claim keeps its unit as a number: equal names are one unit wherever
 * their bytes are, and each reads back as set, from any thread. */
static void *set_units(void *arg)
{
    cck_claim *v = arg;
    char name[16];
    for (int i = 0; i < 40; i++) {
        snprintf(name, sizeof name, "u%d/yr", i % 20);
        cck_claim_set_unit(&v[i], name);
    }
    return NULL;
}

/* A date claim's ends go in 8 bytes each and come back as they were set,
 * whole parts only; the two ends are one date when their text is. */
static void test_claim_dates(void)
{
    static const struct {
        const char *set, *get;
    } cases[] = {
        {"", ""},
        {"1961", "1961"},
        {"1961-05", "1961-05"},
        {"1961-05-06", "1961-05-06"},
        {"XXXX", "XXXX"},
        {"XXXX-05", "XXXX-05"},
        {"0500-XX-XX", "0500-XX-XX"},
        {"1961-05-06T10", "1961-05-06"},   /* what follows the day goes */
        {"1961/05", "1961"},               /* a byte out of place ends it */
        {"1961-5", "1961"},                /* a month of one digit is no month */
        {"1961-05-6", "1961-05"},
        {"196", ""},
        {"19-1", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cck_claim c;
        memset(&c, 0, sizeof c);
        char buf[CCK_DATE_TEXT];
        CU_ASSERT_STRING_EQUAL(cck_claim_date(&c, true, buf), "");   /* zeroed: none */
        cck_claim_set_date(&c, false, "1999-12-31");
        cck_claim_set_date(&c, true, cases[i].set);
        if (strcmp(cck_claim_date(&c, true, buf), cases[i].get))
            fprintf(stderr, "\n  \"%s\" came back \"%s\", not \"%s\"\n", cases[i].set, buf,
                    cases[i].get);
        CU_ASSERT_STRING_EQUAL(buf, cases[i].get);
        CU_ASSERT_STRING_EQUAL(cck_claim_date(&c, false, buf), "1999-12-31");   /* untouched */
        CU_ASSERT_FALSE(cck_claim_one_date(&c));
        cck_claim_set_date(&c, false, cases[i].set);
        CU_ASSERT_TRUE(cck_claim_one_date(&c));
    }
    /* setting again clears what a longer text left */
    cck_claim c;
    memset(&c, 0, sizeof c);
    char buf[CCK_DATE_TEXT];
    cck_claim_set_date(&c, false, "1961-05-06");
    cck_claim_set_date(&c, false, "1962");
    CU_ASSERT_STRING_EQUAL(cck_claim_date(&c, false, buf), "1962");
    cck_claim_set_date(&c, true, "1962");
    CU_ASSERT_TRUE(cck_claim_one_date(&c));
}

static void test_claim_units(void)
{
    cck_claim a, b, z;
    memset(&a, 0, sizeof a);
    memset(&z, 0, sizeof z);
    CU_ASSERT_STRING_EQUAL(cck_claim_unit(&z), "");   /* a zeroed claim has none */
    char km[] = "km2";
    cck_claim_set_unit(&a, km);
    km[0] = 'x';                                       /* the name was copied */
    CU_ASSERT_STRING_EQUAL(cck_claim_unit(&a), "km2");
    cck_claim_set_unit(&b, "km2");
    CU_ASSERT_EQUAL(a.unit_no, b.unit_no);
    CU_ASSERT_PTR_EQUAL(cck_claim_unit(&a), cck_claim_unit(&b));
    cck_claim_set_unit(&b, "degC");
    CU_ASSERT_NOT_EQUAL(a.unit_no, b.unit_no);
    CU_ASSERT_STRING_EQUAL(cck_claim_unit(&b), "degC");
    cck_claim_set_unit(&b, NULL);
    CU_ASSERT_STRING_EQUAL(cck_claim_unit(&b), "");
    /* two threads adding the same new names agree on their numbers */
    cck_claim v[2][40];
    memset(v, 0, sizeof v);
    pthread_t t[2];
    for (int k = 0; k < 2; k++)
        CU_ASSERT_FATAL(pthread_create(&t[k], NULL, set_units, v[k]) == 0);
    for (int k = 0; k < 2; k++)
        pthread_join(t[k], NULL);
    char name[16];
    for (int i = 0; i < 40; i++) {
        snprintf(name, sizeof name, "u%d/yr", i % 20);
        CU_ASSERT_STRING_EQUAL(cck_claim_unit(&v[0][i]), name);
        CU_ASSERT_EQUAL(v[0][i].unit_no, v[1][i].unit_no);
        CU_ASSERT_EQUAL(v[0][i].unit_no, v[0][i % 20].unit_no);
    }
}

static void test_expand_entry_types(void)
{
    char dir[] = "/tmp/cck-types-XXXXXX";
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
    char path[256], target[256];
    put_file(dir, "b.txt", "b\n");
    snprintf(path, sizeof path, "%s/sub", dir);
    CU_ASSERT_FATAL(mkdir(path, 0700) == 0);
    put_file(path, "c.txt", "c\n");
    snprintf(target, sizeof target, "%s/b.txt", dir);
    snprintf(path, sizeof path, "%s/a-link.txt", dir);
    CU_ASSERT_FATAL(symlink(target, path) == 0);
    snprintf(target, sizeof target, "%s/sub", dir);
    snprintf(path, sizeof path, "%s/d-link", dir);
    CU_ASSERT_FATAL(symlink(target, path) == 0);
    snprintf(path, sizeof path, "%s/e-fifo", dir);
    CU_ASSERT_FATAL(mkfifo(path, 0600) == 0);
    snprintf(path, sizeof path, "%s/f-dangling", dir);
    CU_ASSERT_FATAL(symlink("/nonexistent/x", path) == 0);
    char **paths = NULL;
    size_t n = 0;
    cck_diags d;
    cck_diags_init(&d);
    CU_ASSERT_EQUAL(cck_src_expand_path(dir, &paths, &n, &d), CCK_OK);
    static const char *const want[] = {"/a-link.txt", "/b.txt", "/d-link/c.txt", "/sub/c.txt"};
    CU_ASSERT_EQUAL_FATAL(n, 4);
    for (size_t i = 0; i < n; i++) {
        size_t pl = strlen(paths[i]), wl = strlen(want[i]);
        CU_ASSERT(pl > wl && !strcmp(paths[i] + pl - wl, want[i]));
        free(paths[i]);
    }
    free(paths);
    /* the dangling link is a warning naming it */
    CU_ASSERT_EQUAL(d.n, 1);
    CU_ASSERT(d.n == 1 && strstr(d.v[0].file, "f-dangling") && strstr(d.v[0].msg, "skipped"));
    cck_diags_free(&d);
    static const char *const names[] = {"a-link.txt", "b.txt", "d-link", "e-fifo", "f-dangling", "sub/c.txt"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/sub", dir);
    rmdir(path);
    rmdir(dir);
}

static void test_expand_directory_sorted_and_hidden_skipped(void)
{
    char dir[] = "/tmp/cck-dir-XXXXXX";
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
    const char *names[] = {"b.txt", "a.txt", ".hidden"};
    char path[256];
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        cck_test_write(path, "x\n");
    }
    char **paths = NULL;
    size_t n = 0;
    cck_diags d;
    cck_diags_init(&d);
    CU_ASSERT_EQUAL(cck_src_expand_path(dir, &paths, &n, &d), CCK_OK);
    CU_ASSERT_EQUAL_FATAL(n, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(paths[0], "/a.txt"));
    CU_ASSERT_PTR_NOT_NULL(strstr(paths[1], "/b.txt"));
    CU_ASSERT_EQUAL(cck_src_expand_path("/nonexistent-dir", &paths, &n, &d), CCK_ERR_IO);
    CU_ASSERT_EQUAL(n, 2);
    CU_ASSERT_EQUAL(cck_diags_count(&d, CCK_SEV_ERROR), 1);
    for (size_t i = 0; i < n; i++) {
        unlink(paths[i]);
        free(paths[i]);
    }
    free(paths);
    snprintf(path, sizeof path, "%s/.hidden", dir);
    unlink(path);
    rmdir(dir);
    cck_diags_free(&d);
}

void cck_suite_sources(void)
{
    static CU_TestInfo tests[] = {
        {"load keeps bytes and builds the line table", test_load_keeps_bytes_and_lines},
        {"a missing file is a diagnostic", test_missing_file_is_a_diagnostic},
        {"byte skips against byte loops", test_byte_skips_against_loops},
        {"files of every size, a directory, a pipe", test_load_sizes_directories_and_pipes},
        {"the size limit refuses big files, at most CCK_SOURCE_MAX", test_size_limit_refuses},
        {"invalid UTF-8 and NUL are diagnosed, bytes kept", test_invalid_utf8_and_nul_are_diagnosed_not_changed},
        {"the UTF-8 check finds a bad byte or NUL at any offset", test_utf8_check_at_every_offset},
        {"diagnostics print one line each", test_diagnostics_print_one_line_each},
        {"arena alignment, zeroing and big blocks", test_arena_alignment_and_big_blocks},
        {"an arena adopts another's blocks", test_arena_adopt},
        {"a reset arena keeps its memory in one block", test_arena_reset},
        {"arena: a scratch arena's blocks double", test_arena_scratch_blocks_double},
        {"directories expand sorted, hidden skipped", test_expand_directory_sorted_and_hidden_skipped},
        {"the memo of directories without a sources file", test_sources_file_memo},
        {"directory entries of every type", test_expand_entry_types},
        {"claims' units by number, across threads", test_claim_units},
        {"a date claim's ends, packed and read back", test_claim_dates},
        CU_TEST_INFO_NULL,
    };
    CCK_ADD_SUITE("sources", tests);
}
