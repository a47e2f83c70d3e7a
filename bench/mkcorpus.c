/* mkcorpus.c: writes a benchmark corpus of a given size from the example
 * sources: copy k of every example gets its figures varied (every digit
 * after the first of a run shifted by k) and its capitalised names
 * suffixed per pair of copies, so claims differ and subjects repeat a little.
 * Usage: mkcorpus OUTDIR MEGABYTES FILE...   (1000 files per subdirectory) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "mkcorpus: %s: %s\n", path, strerror(errno));
        exit(2);
    }
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t got;
    while (b && (got = fread(b + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            b = realloc(b, cap *= 2);
    }
    fclose(f);
    if (!b) {
        fprintf(stderr, "mkcorpus: out of memory\n");
        exit(2);
    }
    *len = n;
    return b;
}

static int is_up(int c) { return c >= 'A' && c <= 'Z'; }
static int is_lo(int c) { return c >= 'a' && c <= 'z'; }
static int is_dig(int c) { return c >= '0' && c <= '9'; }

/* base-26 name suffix for a group of copies: 0 -> "", 1 -> "a", 27 -> "aa" */
static void suffix(char *buf, unsigned long g)
{
    char tmp[16];
    size_t n = 0;
    while (g > 0 && n < sizeof tmp) {
        g--;
        tmp[n++] = (char)('a' + g % 26);
        g /= 26;
    }
    for (size_t i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
}

/* Copy k of text: digits after the first of each run are shifted by k;
 * a capitalised word of 4+ letters that does not start a line or a
 * sentence gets the suffix (headings and sentence openers stay). */
static size_t vary(const char *in, size_t n, unsigned long k, char *out)
{
    char suf[16];
    suffix(suf, k / 2);
    size_t sl = strlen(suf), o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)in[i];
        if (is_dig(c)) {
            out[o++] = (char)c;
            i++;
            while (i < n && is_dig((unsigned char)in[i]))
                out[o++] = (char)('0' + ((in[i++] - '0') + k) % 10);
            continue;
        }
        if (is_up(c) && (i == 0 || !is_lo((unsigned char)in[i - 1]))) {
            size_t e = i + 1;
            while (e < n && is_lo((unsigned char)in[e]))
                e++;
            int line_start = i == 0 || in[i - 1] == '\n';
            int sent_start = i >= 2 && in[i - 1] == ' ' && (in[i - 2] == '.' || in[i - 2] == '\n');
            memcpy(out + o, in + i, e - i);
            o += e - i;
            if (e - i >= 4 && !line_start && !sent_start && !(e < n && is_up((unsigned char)in[e]))) {
                memcpy(out + o, suf, sl);
                o += sl;
            }
            i = e;
            continue;
        }
        out[o++] = (char)c;
        i++;
    }
    return o;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: mkcorpus OUTDIR MEGABYTES FILE...\n");
        return 2;
    }
    const char *dir = argv[1];
    double mb = strtod(argv[2], NULL);
    size_t target = (size_t)(mb * 1024 * 1024);
    int nin = argc - 3;
    char **text = calloc((size_t)nin, sizeof *text);
    size_t *len = calloc((size_t)nin, sizeof *len), maxlen = 0;
    const char **base = calloc((size_t)nin, sizeof *base);
    for (int i = 0; i < nin; i++) {
        text[i] = slurp(argv[3 + i], &len[i]);
        if (len[i] > maxlen)
            maxlen = len[i];
        const char *s = strrchr(argv[3 + i], '/');
        base[i] = s ? s + 1 : argv[3 + i];
    }
    char *buf = malloc(maxlen * 4 + 64);
    char path[4096];
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "mkcorpus: %s: %s\n", dir, strerror(errno));
        return 2;
    }
    size_t total = 0, files = 0;
    for (unsigned long k = 0; total < target; k++) {
        for (int i = 0; i < nin && total < target; i++) {
            if (files % 1000 == 0) {
                snprintf(path, sizeof path, "%s/d%05zu", dir, files / 1000);
                if (mkdir(path, 0755) != 0 && errno != EEXIST) {
                    fprintf(stderr, "mkcorpus: %s: %s\n", path, strerror(errno));
                    return 2;
                }
            }
            snprintf(path, sizeof path, "%s/d%05zu/p%07zu-%s", dir, files / 1000, files, base[i]);
            size_t n = vary(text[i], len[i], k, buf);
            FILE *f = fopen(path, "wb");
            if (!f || fwrite(buf, 1, n, f) != n || fclose(f) != 0) {
                fprintf(stderr, "mkcorpus: %s: cannot write\n", path);
                return 2;
            }
            total += n;
            files++;
        }
    }
    printf("%zu %zu\n", files, total);
    for (int i = 0; i < nin; i++)
        free(text[i]);
    free(text);
    free(len);
    free(base);
    free(buf);
    return 0;
}
