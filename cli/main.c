/* main.c: the command line. Parses arguments, runs the pipeline, prints
 * diagnostics (one line each, to stderr) and chooses the exit status.
 * Each subcommand is one entry of COMMANDS; no extraction, reconciliation
 * or report logic lives here. */
#define _DEFAULT_SOURCE
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "baseline.h"
#include "cites.h"
#include "claimcheck.h"
#include "config.h"
#include "settings.h"
#include "diff.h"
#include "extract.h"
#include "gitrev.h"
#include "pipeline.h"
#include "reconcile.h"
#include "report.h"
#include "sources.h"
#include "suppress.h"

enum { EXIT_CLEAN = 0, EXIT_CONFLICT = 1, EXIT_TROUBLE = 2 };

static const char usage[] =
    "usage: claimcheck check    [options] FILE|DIR...\n"
    "       claimcheck extract  [options] FILE|DIR...\n"
    "       claimcheck baseline [options] -o FILE FILE|DIR...\n"
    "       claimcheck diff     [options] OLD NEW\n"
    "       claimcheck diff     [options] --git REV1..REV2 DIR\n"
    "       claimcheck cites    [options] FILE|DIR...\n"
    "       claimcheck config   [--config=FILE]\n"
    "\n"
    "  check     extract every numeric claim, group the claims by subject and\n"
    "            report the subjects whose sources disagree\n"
    "  extract   list the claims alone\n"
    "  baseline  record the current conflicts (by subject and values) for\n"
    "            check --baseline\n"
    "  diff      claims added, removed and changed between two versions of the\n"
    "            sources (two files or two directories), and conflicts\n"
    "            introduced, resolved or changed; with --git, DIR at two\n"
    "            revisions of the git repository around it\n"
    "  cites     audit the citations: dangling markers, placeholder links,\n"
    "            unused and duplicate references, uncited claims (exit 1 when a\n"
    "            marker dangles or a link is a placeholder)\n"
    "  config    print the effective configuration and where each value came from\n"
    "\n"
    "options:\n"
    "  -f, --format=FMT    text (default), jsonl, md, json, csv, findings, sarif,\n"
    "                      junit or github (diff: text or json)\n"
    "  -o, --output=FILE   write the report to FILE (atomically) instead of stdout\n"
    "      --fail-on=WHAT  what makes the exit status 1, comma-separated: conflict\n"
    "                      (default), new, uncited, dangling, never\n"
    "      --baseline=FILE report and fail only on conflicts not in FILE\n"
    "      --changed=PATHS report only conflicts with a claim in these files or\n"
    "                      directories (comma-separated; may be repeated)\n"
    "      --git-changed=REV  the same, for the files git says changed since REV\n"
    "      --color=WHEN    auto (default: when stdout is a terminal and NO_COLOR\n"
    "                      is unset), always or never\n"
    "      --max-bytes=N   skip sources larger than N bytes (default 256 MiB,\n"
    "                      at most 4 GiB)\n"
    "  -j, --jobs=N        N threads (default: one per core) read and extract the\n"
    "                      sources, work out subjects, compare groups and render\n"
    "                      the report; the output is the same for any N\n"
    "      --config=FILE   read settings from FILE (default: ./" CCK_CFG_DEFAULT " if present)\n"
    "      --no-config     read no configuration file\n"
    "  -h, --help          show this help\n"
    "      --version       show the version\n"
    "\n"
    "exit status: 0 nothing to fail on, 1 what --fail-on names was found (by\n"
    "default a conflict; diff: a conflict introduced or changed), 2 usage or\n"
    "input error (whatever could be read is still reported)\n";

enum { FAIL_CONFLICT = 1, FAIL_NEW = 2, FAIL_UNCITED = 4, FAIL_DANGLING = 8 };

typedef struct options {
    const char *command;
    cck_format format;
    bool format_set, color_set, max_bytes_set, fail_on_set;
    const char *output;
    int color;          /* -1 auto, 0 never, 1 always */
    size_t max_bytes;
    unsigned fail_on;   /* FAIL_* bits; 0 = never */
    const char *baseline;
    const char *config_path;
    bool no_config;
    const char *git_range;   /* diff --git REV1..REV2 */
    const char *git_changed; /* --git-changed REV */
    cck_config cfg;     /* the file's entries, then the effective [claimcheck] */
    char **changed;     /* owned array of owned strings */
    size_t nchanged;
    unsigned jobs;      /* 0 = one per core; main() resolves it before a command runs */
    char **paths;
    size_t npaths;
} options;

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "claimcheck: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'claimcheck --help'.\n");
    return EXIT_TROUBLE;
}

static void free_options(options *o)
{
    cck_cfg_free(&o->cfg);
    for (size_t i = 0; i < o->nchanged; i++)
        free(o->changed[i]);
    free(o->changed);
}

/* "conflict,dangling" -> bits; false for an unknown word. */
static bool parse_fail_on(const char *arg, unsigned *out, const char **bad)
{
    static const struct {
        const char *name;
        unsigned bit;
    } words[] = {{"conflict", FAIL_CONFLICT}, {"new", FAIL_NEW}, {"uncited", FAIL_UNCITED},
                 {"dangling", FAIL_DANGLING}, {"never", 0}};
    unsigned bits = 0;
    static char word[64];
    for (const char *p = arg;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        size_t n = strcspn(p, ","), k = n;
        while (k > 0 && (p[k - 1] == ' ' || p[k - 1] == '\t'))
            k--;
        bool ok = false;
        for (size_t i = 0; i < sizeof words / sizeof *words && !ok; i++)
            if (k == strlen(words[i].name) && !strncmp(p, words[i].name, k)) {
                bits |= words[i].bit;
                ok = true;
            }
        if (!ok) {
            snprintf(word, sizeof word, "%.*s", (int)(k < 60 ? k : 60), p);
            *bad = word;
            return false;
        }
        if (!p[n])
            break;
        p += n + 1;
    }
    *out = bits;
    return true;
}

static void add_changed(options *o, const char *arg)
{
    for (const char *p = arg;;) {
        size_t n = strcspn(p, ",");
        if (n) {
            o->changed = cck_xreallocarray(o->changed, o->nchanged + 1, sizeof *o->changed);
            o->changed[o->nchanged++] = cck_xstrndup(p, n);
        }
        if (!p[n])
            break;
        p += n + 1;
    }
}

typedef struct command {
    const char *name;
    int (*run)(options *o);
    size_t min_paths, max_paths;   /* 0 max = any number */
} command;

static int cmd_check(options *o);
static int cmd_extract(options *o);
static int cmd_baseline(options *o);
static int cmd_diff(options *o);
static int diff_paths(options *o);
static int cmd_config(options *o);
static int cmd_cites(options *o);

enum { ANY = 1000000 };

static const command COMMANDS[] = {
    {"check", cmd_check, 1, ANY},
    {"extract", cmd_extract, 1, ANY},
    {"baseline", cmd_baseline, 1, ANY},
    {"diff", cmd_diff, 2, 2},
    {"cites", cmd_cites, 1, ANY},
    {"config", cmd_config, 0, 0},
};

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof COMMANDS / sizeof *COMMANDS; i++)
        if (!strcmp(COMMANDS[i].name, name))
            return &COMMANDS[i];
    return NULL;
}

/* Returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, options *o, const command **cmd)
{
    enum { OPT_VERSION = 256, OPT_COLOR, OPT_MAX_BYTES, OPT_FAIL_ON, OPT_BASELINE, OPT_CHANGED,
           OPT_CONFIG, OPT_NO_CONFIG, OPT_GIT, OPT_GIT_CHANGED };
    static const struct option longs[] = {
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"color", required_argument, NULL, OPT_COLOR},
        {"colour", required_argument, NULL, OPT_COLOR},
        {"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
        {"fail-on", required_argument, NULL, OPT_FAIL_ON},
        {"baseline", required_argument, NULL, OPT_BASELINE},
        {"changed", required_argument, NULL, OPT_CHANGED},
        {"config", required_argument, NULL, OPT_CONFIG},
        {"no-config", no_argument, NULL, OPT_NO_CONFIG},
        {"git", required_argument, NULL, OPT_GIT},
        {"git-changed", required_argument, NULL, OPT_GIT_CHANGED},
        {"jobs", required_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    memset(o, 0, sizeof *o);
    o->color = -1;
    o->fail_on = FAIL_CONFLICT;
    if (argc >= 2 && argv[1][0] != '-') {
        o->command = argv[1];
        argv++;
        argc--;
    }
    int ch;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, ":f:o:j:h", longs, NULL)) != -1) {
        switch (ch) {
        case 'f':
            if (!cck_rep_parse_format(optarg, &o->format)) {
                char msg[160];
                snprintf(msg, sizeof msg, "unknown format '%%s' (%s)", cck_rep_format_names());
                return usage_error(msg, optarg);
            }
            o->format_set = true;
            break;
        case 'o':
            o->output = optarg;
            break;
        case OPT_COLOR:
            if (!strcmp(optarg, "auto")) o->color = -1;
            else if (!strcmp(optarg, "always")) o->color = 1;
            else if (!strcmp(optarg, "never")) o->color = 0;
            else return usage_error("--color takes auto, always or never, not '%s'", optarg);
            o->color_set = true;
            break;
        case OPT_MAX_BYTES: {
            char *end;
            errno = 0;
            unsigned long long v = strtoull(optarg, &end, 10);
            if (errno || *end || end == optarg || v == 0)
                return usage_error("--max-bytes takes a positive number, not '%s'", optarg);
            o->max_bytes = (size_t)v;
            o->max_bytes_set = true;
            break;
        }
        case OPT_FAIL_ON: {
            const char *bad = NULL;
            if (!parse_fail_on(optarg, &o->fail_on, &bad))
                return usage_error("--fail-on takes conflict, new, uncited, dangling or never, "
                                   "not '%s'", bad);
            o->fail_on_set = true;
            break;
        }
        case OPT_BASELINE:
            o->baseline = optarg;
            break;
        case OPT_CHANGED:
            add_changed(o, optarg);
            break;
        case OPT_CONFIG:
            o->config_path = optarg;
            break;
        case OPT_NO_CONFIG:
            o->no_config = true;
            break;
        case OPT_GIT:
            o->git_range = optarg;
            break;
        case OPT_GIT_CHANGED:
            o->git_changed = optarg;
            break;
        case 'j': {
            char *end;
            errno = 0;
            unsigned long v = strtoul(optarg, &end, 10);
            if (errno || *end || end == optarg || v == 0 || v > 256)
                return usage_error("--jobs takes a number from 1 to 256, not '%s'", optarg);
            o->jobs = (unsigned)v;
            break;
        }
        case 'h':
            fputs(usage, stdout);
            return EXIT_CLEAN;
        case OPT_VERSION:
            printf("claimcheck %s\n", CCK_VERSION);
            return EXIT_CLEAN;
        case ':':
            return usage_error("option '%s' needs a value", argv[optind - 1]);
        default:
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (!o->command)
        return usage_error("%s", "no command given (check, extract, baseline, diff, cites or config)");
    if (!(*cmd = find_command(o->command)))
        return usage_error("unknown command '%s' (check, extract, baseline, diff, cites or config)",
                           o->command);
    size_t n = optind < argc ? (size_t)(argc - optind) : 0;
    if (o->git_range && strcmp(o->command, "diff"))
        return usage_error("%s", "--git is for diff");
    if ((o->git_changed || o->nchanged || o->baseline) && strcmp(o->command, "check"))
        return usage_error("%s", "--changed, --git-changed and --baseline are for check");
    if (o->git_range) {
        if (n != 1)
            return usage_error("%s", "diff --git REV1..REV2 takes one DIR");
        o->paths = argv + optind;
        o->npaths = 1;
        return -1;
    }
    if (n < (*cmd)->min_paths)
        return usage_error("%s", (*cmd)->max_paths == 2 ? "diff needs OLD and NEW"
                                                        : "no FILE or DIR given");
    if (n > (*cmd)->max_paths)
        return usage_error("%s", (*cmd)->max_paths == 2 ? "diff takes exactly two paths, OLD and NEW"
                                                        : "config takes no FILE or DIR");
    o->paths = argv + optind;
    o->npaths = n;
    return -1;
}

/* ---- the configuration ------------------------------------------------------ */

/* Records the effective value of a [claimcheck] key for `config`. */
static void effective(options *o, const char *key, const char *value, bool cli, bool dflt)
{
    const cck_cfg_entry *e = cck_cfg_find(&o->cfg, "claimcheck", key);
    if (!cli && !dflt && e)
        return;   /* the file's own entry stands */
    cck_cfg_set(&o->cfg, "claimcheck", key, value, cli ? "command line" : "default");
}

static const char *format_name(cck_format f)
{
    static const char *const names[] = {"text", "jsonl", "md", "json", "csv", "findings",
                                        "sarif", "junit", "github", "html"};
    return (size_t)f < sizeof names / sizeof *names ? names[f] : "text";
}

/* A diagnostic at a configuration entry ("FILE:LINE" origin). */
static void cfg_error(cck_diags *d, const cck_config *cfg, const char *key, const char *what)
{
    const cck_cfg_entry *e = cck_cfg_find(cfg, "claimcheck", key);
    const char *colon = strrchr(e->origin, ':');
    char *file = cck_xstrndup(e->origin, colon ? (size_t)(colon - e->origin) : strlen(e->origin));
    cck_diag_add(d, file, colon ? (unsigned)atoi(colon + 1) : 0, 1, CCK_SEV_ERROR,
                 "%s takes %s, not '%s'", key, what, e->value);
    free(file);
}

/* Hands the reconcile sections of the configuration ([alias], [lexicon],
 * [tolerance], [drift], [weight]) to the reconcile stage; a line it refuses
 * is an error at FILE:LINE, a section nobody reads a warning. Returns
 * false when some line was refused. */
static bool apply_reconcile_settings(const cck_config *cfg, cck_diags *d)
{
    static const char *const mine[] = {"alias", "lexicon", "tolerance", "drift", "weight"};
    static const char *const others[] = {"", "claimcheck", "ignore"};
    bool ok = true;
    for (size_t i = 0; i < cfg->n; i++) {
        const cck_cfg_entry *e = &cfg->v[i];
        bool reconcile = false, known = cck_cfg_is_glob_section(e->section);
        for (size_t k = 0; k < sizeof mine / sizeof *mine; k++)
            reconcile |= !strcasecmp(e->section, mine[k]);
        for (size_t k = 0; k < sizeof others / sizeof *others; k++)
            known |= !strcasecmp(e->section, others[k]);
        const char *colon = strrchr(e->origin, ':');
        char *file = cck_xstrndup(e->origin, colon ? (size_t)(colon - e->origin) : strlen(e->origin));
        unsigned line = colon ? (unsigned)atoi(colon + 1) : 0;
        if (reconcile) {
            char section[16], err[256];
            snprintf(section, sizeof section, "%s", e->section);
            for (char *p = section; *p; p++)
                *p = (char)tolower((unsigned char)*p);
            if (cck_rec_set(section, e->key, e->value, err, sizeof err) != CCK_OK) {
                cck_diag_add(d, file, line, 1, CCK_SEV_ERROR, "%s", err);
                ok = false;
            }
        } else if (!known) {
            /* once per section: at its first entry */
            bool first = true;
            for (size_t k = 0; k < i && first; k++)
                first = strcasecmp(cfg->v[k].section, e->section) != 0;
            if (first)
                cck_diag_add(d, file, line, 1, CCK_SEV_WARNING,
                             "unknown section [%s] (ignored)", e->section);
        }
        free(file);
    }
    return ok;
}

/* Reads the configuration file (--config, or ./.claimcheck.ini when there)
 * and fills in what the command line left unset. Returns -1 to go on, or
 * an exit status after the diagnostics. */
static int apply_config(options *o)
{
    cck_cfg_init(&o->cfg);
    cck_diags d;
    cck_diags_init(&d);
    const char *path = o->config_path;
    if (!path && !o->no_config && access(CCK_CFG_DEFAULT, F_OK) == 0)
        path = CCK_CFG_DEFAULT;
    bool bad = false;
    if (path && !o->no_config) {
        bad = cck_cfg_load(&o->cfg, path, &d) != CCK_OK;
        bad = !cck_sup_check_config(&o->cfg, &d) || bad;
        bad = !apply_reconcile_settings(&o->cfg, &d) || bad;
    }
    const char *v;
    if (!bad && !o->format_set && (v = cck_cfg_get(&o->cfg, "claimcheck", "format")) &&
        !cck_rep_parse_format(v, &o->format)) {
        cfg_error(&d, &o->cfg, "format", cck_rep_format_names());
        bad = true;
    }
    if (!bad && !o->fail_on_set && (v = cck_cfg_get(&o->cfg, "claimcheck", "fail-on"))) {
        const char *word = NULL;
        if (!parse_fail_on(v, &o->fail_on, &word)) {
            cfg_error(&d, &o->cfg, "fail-on", "conflict, new, uncited, dangling or never");
            bad = true;
        }
    }
    if (!bad && !o->color_set && (v = cck_cfg_get(&o->cfg, "claimcheck", "color"))) {
        if (!strcmp(v, "auto")) o->color = -1;
        else if (!strcmp(v, "always")) o->color = 1;
        else if (!strcmp(v, "never")) o->color = 0;
        else {
            cfg_error(&d, &o->cfg, "color", "auto, always or never");
            bad = true;
        }
    }
    if (!bad && !o->max_bytes_set && (v = cck_cfg_get(&o->cfg, "claimcheck", "max-bytes"))) {
        char *end;
        errno = 0;
        unsigned long long n = strtoull(v, &end, 10);
        if (errno || *end || end == v || n == 0) {
            cfg_error(&d, &o->cfg, "max-bytes", "a positive number");
            bad = true;
        } else {
            o->max_bytes = (size_t)n;
        }
    }
    if (!bad && !o->baseline && (v = cck_cfg_get(&o->cfg, "claimcheck", "baseline")) && *v &&
        !strcmp(o->command, "check"))
        o->baseline = v;
    cck_diags_print(&d, stderr);
    cck_diags_free(&d);
    if (bad)
        return EXIT_TROUBLE;
    /* what `config` shows: each [claimcheck] key with its winner */
    effective(o, "format", format_name(o->format), o->format_set, false);
    char fo[96] = "";
    static const char *const fw[] = {"conflict", "new", "uncited", "dangling"};
    for (unsigned i = 0; i < 4; i++)
        if (o->fail_on & (1u << i))
            snprintf(fo + strlen(fo), sizeof fo - strlen(fo), "%s%s", *fo ? "," : "", fw[i]);
    effective(o, "fail-on", *fo ? fo : "never", o->fail_on_set, false);
    effective(o, "color", o->color < 0 ? "auto" : o->color ? "always" : "never", o->color_set, false);
    char mb[32];
    snprintf(mb, sizeof mb, "%zu", o->max_bytes ? o->max_bytes : (size_t)256 << 20);
    effective(o, "max-bytes", mb, o->max_bytes_set, false);
    if (!cck_cfg_find(&o->cfg, "claimcheck", "baseline"))
        effective(o, "baseline", "", false, true);
    return -1;
}

static unsigned terminal_width(void)
{
    const char *cols = getenv("COLUMNS");
    if (cols && atoi(cols) > 20)
        return (unsigned)atoi(cols);
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
        return ws.ws_col;
    return 100;
}

/* ---- writing atomically ---------------------------------------------------- */

typedef cck_status (*writer_fn)(FILE *out, void *ctx);

/* A report being written: to a temporary file beside path, renamed into
 * place by atomic_close() so that a reader never sees half a report; or
 * stdout when path is NULL. */
typedef struct {
    FILE *out;
    const char *path;
    char *tmp;
} atomic_out;

/* Returns 0, or -1 after a message. */
static int atomic_open(atomic_out *a, const char *path)
{
    a->out = stdout;
    a->path = path;
    a->tmp = NULL;
    if (!path)
        return 0;
    size_t n = strlen(path) + 16;
    a->tmp = cck_xmalloc(n);
    snprintf(a->tmp, n, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(a->tmp);
    if (fd < 0 || !(a->out = fdopen(fd, "w"))) {
        fprintf(stderr, "claimcheck: %s: cannot write: %s\n", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(a->tmp);
        }
        free(a->tmp);
        return -1;
    }
    return 0;
}

/* Finishes what atomic_open() began; rc is the writer's status. Returns 0,
 * or -1 after a message. */
static int atomic_close(atomic_out *a, cck_status rc)
{
    if (fflush(a->out) != 0 || ferror(a->out))
        rc = CCK_ERR_IO;
    if (a->path) {
        if (fclose(a->out) != 0)
            rc = CCK_ERR_IO;
        if (rc == CCK_OK && rename(a->tmp, a->path) != 0)
            rc = CCK_ERR_IO;
        if (rc != CCK_OK) {
            fprintf(stderr, "claimcheck: %s: cannot write: %s\n", a->path, strerror(errno));
            unlink(a->tmp);
        }
        free(a->tmp);
    } else if (rc != CCK_OK) {
        fprintf(stderr, "claimcheck: cannot write the report: %s\n", strerror(errno));
    }
    return rc == CCK_OK ? 0 : -1;
}

/* Writes through fn atomically (atomic_open()); stdout when path is NULL.
 * Returns 0, or -1 after a message. */
static int write_atomically(const char *path, writer_fn fn, void *ctx)
{
    atomic_out a;
    if (atomic_open(&a, path) != 0)
        return -1;
    return atomic_close(&a, fn(a.out, ctx));
}

/* ---- reading the sources --------------------------------------------------- */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Runs the stages over paths into c: expands directories, leaves out the
 * paths the configuration skips, extracts, drops inline and configured
 * suppressions, and (when reconcile) groups. When stderr is a terminal and
 * the run passes a second (CLAIMCHECK_PROGRESS_AFTER=SECONDS moves that;
 * tests use 0), a progress line shows there and is erased at the end.
 * Returns the number of paths skipped. */
/* The files under paths that the configuration does not skip (a new array
 * of new strings, *n of them); counts the paths that could not be expanded
 * into *skipped and the files left out into *ignored. */
static char **collect_files(const options *o, char *const *paths, size_t npaths,
                            cck_corpus *c, size_t *n, size_t *skipped, size_t *ignored)
{
    char **files = NULL;
    size_t nfiles = 0;
    for (size_t i = 0; i < npaths; i++) {
        char **f = NULL;
        size_t nf = 0;
        if (cck_src_expand_path(paths[i], &f, &nf, &c->diags) != CCK_OK)
            (*skipped)++;
        files = cck_xreallocarray(files, nfiles + nf + 1, sizeof *files);
        for (size_t k = 0; k < nf; k++) {
            if (cck_sup_skip_path(&o->cfg, f[k])) {
                (*ignored)++;
                free(f[k]);
            } else {
                files[nfiles++] = f[k];
            }
        }
        free(f);
    }
    *n = nfiles;
    return files;
}

static void free_files(char **files, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(files[i]);
    free(files);
}

static void print_counts(size_t ignored, size_t suppressed)
{
    if (ignored)
        fprintf(stderr, "claimcheck: %zu source%s ignored by the configuration\n", ignored,
                ignored == 1 ? "" : "s");
    if (suppressed)
        fprintf(stderr, "claimcheck: %zu claim%s suppressed\n", suppressed,
                suppressed == 1 ? "" : "s");
}

/* What load() does beyond extracting: LOAD_RECONCILE works out subjects
 * and groups; LOAD_CLAIM_RAW is for reports that quote a file's own bytes
 * only at its claims (every one but `cites`'s), so that a markup source
 * keeps no more of its file (cck_source_keep_claim_raw()); LOAD_DROP_TEXT
 * for a report that reads a plain-text source only at its claims and
 * citation markers (check's JSON Lines), so that it keeps no more of its
 * text either, and the stages that read all of it read the file again
 * (cck_source_drop_text()). */
enum { LOAD_RECONCILE = 1, LOAD_CLAIM_RAW = 2, LOAD_DROP_TEXT = 4 };

static size_t load(const options *o, char *const *paths, size_t npaths, cck_corpus *c,
                   unsigned what)
{
    bool reconcile = what & LOAD_RECONCILE;
    /* inline suppressions are dropped on the thread that read the source,
     * their warnings put after every other diagnostic of the load */
    size_t suppressed = 0;
    cck_diags late;
    cck_diags_init(&late);
    cck_run_options ro = {.max_bytes = o->max_bytes, .jobs = o->jobs, .expanded = true,
                          .claim_raw = what & LOAD_CLAIM_RAW, .drop_text = what & LOAD_DROP_TEXT,
                          .each = cck_sup_inline, .late = &late, .each_total = &suppressed};
    /* the subject stage's word counts, made while each source is read */
    cck_rec_wordcount *words = reconcile ? cck_rec_wordcount_new(cck_run_jobs(&ro)) : NULL;
    ro.words = words;
    size_t skipped = 0, ignored = 0, nfiles = 0;
    char **files = collect_files(o, paths, npaths, c, &nfiles, &skipped, &ignored);
    bool tty = isatty(STDERR_FILENO);
    const char *after_env = getenv("CLAIMCHECK_PROGRESS_AFTER");
    double after = after_env ? atof(after_env) : 1.0;
    double start = now(), last = 0;
    bool shown = false;
    /* one call when nobody watches; on a terminal, batches big enough to
     * keep every thread busy between two updates */
    size_t batch = tty ? 64 : nfiles;
    for (size_t i = 0; i < nfiles; i += batch) {
        size_t k = nfiles - i < batch ? nfiles - i : batch;
        skipped += cck_run_extract(c, files + i, k, &ro);
        double t = tty ? now() : 0;
        /* at most ten updates a second, and always the last one */
        if (tty && t - start >= after && (t - last >= 0.1 || i + k == nfiles)) {
            fprintf(stderr, "\rclaimcheck: read %zu of %zu sources\x1b[K", i + k, nfiles);
            fflush(stderr);
            shown = true;
            last = t;
        }
    }
    free_files(files, nfiles);
    cck_diags_move(&c->diags, &late);
    if (reconcile) {
        if (shown)
            fputs("\rclaimcheck: grouping claims\x1b[K", stderr);
        cck_rec_subjects_counted(c, o->jobs, words);
        suppressed += cck_sup_config(c, &o->cfg);
        cck_rec_group_n(c, o->jobs);
    }
    if (shown)
        fputs("\r\x1b[K", stderr);
    print_counts(ignored, suppressed);
    return skipped;
}

/* Prints the diagnostics and the skipped count; true when there was trouble. */
static bool report_trouble(const cck_corpus *c, size_t skipped)
{
    cck_diags_print(&c->diags, stderr);
    if (skipped)
        fprintf(stderr, "claimcheck: %zu source%s skipped\n", skipped, skipped == 1 ? "" : "s");
    return skipped || cck_diags_count(&c->diags, CCK_SEV_ERROR) > 0;
}

/* ---- the commands ------------------------------------------------------------ */

/* The corpus of a command about to end: its memory goes back to the system
 * with the process's, at once, where freeing 35,000 sources one block at a
 * time took 0.5 s after `check -j2` on 100 MB (each block goes back to the
 * malloc arena of the thread that read it). Nothing but memory is released
 * by cck_corpus_free(), so the result is the same. The static pointer keeps
 * it reachable, so leak checkers do not count it (volatile, or the compiler
 * drops a pointer nobody reads); the library's tests free every corpus. */
static cck_corpus *volatile left_to_exit;

static void leave_to_exit(cck_corpus *c)
{
    cck_corpus *k = cck_xmalloc(sizeof *k);
    *k = *c;
    left_to_exit = k;
    memset(c, 0, sizeof *c);
}

typedef struct {
    const cck_corpus *c;
    cck_format format;
    bool groups;
    cck_rep_options rep;
} report_ctx;

static cck_status write_report(FILE *out, void *ctx)
{
    report_ctx *r = ctx;
    return r->groups ? cck_rep_groups(out, r->c, r->format, &r->rep)
                     : cck_rep_claims(out, r->c, r->format, &r->rep);
}

static cck_rep_options rep_options(const options *o)
{
    cck_rep_options r = {
        .color = o->color == 1 || (o->color == -1 && !o->output && o->format == CCK_FMT_TEXT &&
                                   isatty(STDOUT_FILENO) && !getenv("NO_COLOR")),
        .width = terminal_width(),
        .jobs = o->jobs,
    };
    return r;
}

static size_t count_conflicts(const cck_corpus *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->ngroups; i++)
        n += c->groups[i].status == CCK_GROUP_CONFLICT;
    return n;
}

static int cmd_check(options *o)
{
    if (o->git_changed) {
        cck_diags d;
        cck_diags_init(&d);
        cck_status st = cck_git_changed(o->git_changed, &o->changed, &o->nchanged, &d);
        cck_diags_print(&d, stderr);
        cck_diags_free(&d);
        if (st != CCK_OK)
            return EXIT_TROUBLE;
    }
    cck_corpus c;
    cck_corpus_init(&c);
    cck_fpset known = {NULL, 0, 0};
    bool bad_baseline = o->baseline && cck_base_read(o->baseline, &known, &c.diags) != CCK_OK;
    size_t skipped =
        bad_baseline ? 0
                     : load(o, o->paths, o->npaths, &c,
                            LOAD_RECONCILE | LOAD_CLAIM_RAW |
                                (cck_rep_groups_spans_only(o->format) ? LOAD_DROP_TEXT : 0));
    int wrote = 0;
    cck_view v;
    /* with --git-changed and nothing changed, no conflict involves a change */
    cck_view_init(&v, &c, o->baseline ? &known : NULL, o->changed, o->nchanged,
                  o->nchanged > 0 || o->git_changed);
    if (!bad_baseline) {
        report_ctx r = {&v.c, o->format, true, rep_options(o)};
        wrote = write_atomically(o->output, write_report, &r);
    }
    bool trouble = report_trouble(&c, skipped) || wrote != 0 || bad_baseline;
    if (v.known)
        fprintf(stderr, "claimcheck: %zu known conflict%s (in %s) not reported\n", v.known,
                v.known == 1 ? "" : "s", o->baseline);
    if (v.unchanged)
        fprintf(stderr, "claimcheck: %zu conflict%s not touching the changed sources not reported\n",
                v.unchanged, v.unchanged == 1 ? "" : "s");
    bool fail = false;
    if (o->fail_on & (FAIL_CONFLICT | FAIL_NEW))
        fail = fail || count_conflicts(&v.c) > 0;
    if (o->fail_on & FAIL_UNCITED)
        fail = fail || cck_rep_count_uncited(&v.c) > 0;
    if (o->fail_on & FAIL_DANGLING)
        fail = fail || cck_rep_count_dangling(&v.c) > 0;
    cck_view_free(&v);
    cck_fpset_free(&known);
    leave_to_exit(&c);
    if (trouble)
        return EXIT_TROUBLE;
    return fail ? EXIT_CONFLICT : EXIT_CLEAN;
}

/* ---- extract, one source at a time ---------------------------------------- */

typedef struct {
    cck_format format;
    FILE *out;
    cck_rep_spares *spares;     /* chunks' buffers, from one source to the next */
    size_t suppressed, dangling;
    bool tty, shown;
    double start, last, after;
} stream_ctx;

typedef struct {
    cck_rep_chunk *chunk;
    size_t suppressed, dangling;
} stream_result;

/* What extract counts of a source before its claims go out, on either
 * path: the inline suppressions it drops (their notes into late) and its
 * markers that point nowhere. */
static void count_source(cck_source *s, cck_diags *late, size_t *suppressed, size_t *dangling)
{
    *suppressed = cck_sup_inline(s, late);
    *dangling = 0;
    for (size_t i = 0; i < s->ncites; i++)
        *dangling += s->cites[i].ref < 0;
}

/* On the thread that read s: what extract does with a source once the
 * whole corpus is read, for this source alone. */
static void *stream_done(void *ctx, cck_source *s, cck_diags *late)
{
    stream_ctx *x = ctx;
    stream_result *r = cck_xcalloc(1, sizeof *r);
    count_source(s, late, &r->suppressed, &r->dangling);
    r->chunk = cck_rep_claims_chunk(s, x->format, x->spares);
    return r;
}

/* stream_done() and stream_emit() at once, for a source that is next in
 * line when read: its claims go straight out. */
static void stream_write(void *ctx, size_t pos, cck_source *s, cck_diags *late)
{
    stream_ctx *x = ctx;
    size_t suppressed, dangling;
    count_source(s, late, &suppressed, &dangling);
    x->suppressed += suppressed;
    x->dangling += dangling;
    cck_rep_claims_source(x->out, s, x->format, pos);
}

static void stream_emit(void *ctx, size_t pos, void *result)
{
    stream_ctx *x = ctx;
    stream_result *r = result;
    cck_rep_chunk_write(x->out, r->chunk, pos);
    x->suppressed += r->suppressed;
    x->dangling += r->dangling;
    cck_rep_chunk_free(r->chunk, x->spares);
    free(r);
}

/* The progress line of load(), updated as sources are written. */
static void stream_progress(void *ctx, size_t done, size_t total)
{
    stream_ctx *x = ctx;
    if (!x->tty)
        return;
    double t = now();
    if (t - x->start >= x->after && (t - x->last >= 0.1 || done == total)) {
        fprintf(stderr, "\rclaimcheck: read %zu of %zu sources\x1b[K", done, total);
        fflush(stderr);
        x->shown = true;
        x->last = t;
    }
}

/* extract in a format that streams: each source's claims are written as
 * soon as it and those before it are read, and the source is freed, so
 * memory stays flat whatever the corpus size. Output and diagnostics are
 * those of the whole-corpus path. */
static int extract_streaming(options *o)
{
    cck_corpus c;
    cck_corpus_init(&c);
    atomic_out a;
    if (atomic_open(&a, o->output) != 0) {
        /* read everything all the same, for the diagnostics */
        size_t skipped = load(o, o->paths, o->npaths, &c, 0);
        report_trouble(&c, skipped);
        cck_corpus_free(&c);
        return EXIT_TROUBLE;
    }
    cck_run_options ro = {.max_bytes = o->max_bytes, .jobs = o->jobs, .expanded = true};
    size_t skipped = 0, ignored = 0, nfiles = 0;
    char **files = collect_files(o, o->paths, o->npaths, &c, &nfiles, &skipped, &ignored);
    const char *after_env = getenv("CLAIMCHECK_PROGRESS_AFTER");
    /* a buffer for each thread's chunk being made and one for the chunk
     * being written: while the writer keeps up, no chunk needs new memory
     * (chunks of sources read further ahead take fresh buffers) */
    stream_ctx x = {.format = o->format, .out = a.out, .tty = isatty(STDERR_FILENO),
                    .after = after_env ? atof(after_env) : 1.0, .start = now(),
                    .spares = cck_rep_spares_new((size_t)o->jobs + 1)};
    cck_run_sink sink = {stream_done, stream_emit, stream_progress, &x, stream_write};
    skipped += cck_run_stream(files, nfiles, &ro, &sink, &c.diags);
    cck_rep_spares_free(x.spares);
    free_files(files, nfiles);
    if (x.shown)
        fputs("\r\x1b[K", stderr);
    print_counts(ignored, x.suppressed);
    int wrote = atomic_close(&a, CCK_OK);
    bool trouble = report_trouble(&c, skipped) || wrote != 0;
    bool fail = (o->fail_on & FAIL_DANGLING) && x.dangling > 0;
    cck_corpus_free(&c);
    if (trouble)
        return EXIT_TROUBLE;
    return fail ? EXIT_CONFLICT : EXIT_CLEAN;
}

static int cmd_extract(options *o)
{
    if (cck_rep_claims_streams(o->format))
        return extract_streaming(o);
    cck_corpus c;
    cck_corpus_init(&c);
    size_t skipped = load(o, o->paths, o->npaths, &c, 0);
    report_ctx r = {&c, o->format, false, rep_options(o)};
    int wrote = write_atomically(o->output, write_report, &r);
    bool trouble = report_trouble(&c, skipped) || wrote != 0;
    /* extract groups nothing: only dangling markers can fail it */
    bool fail = (o->fail_on & FAIL_DANGLING) && cck_rep_count_dangling(&c) > 0;
    cck_corpus_free(&c);
    if (trouble)
        return EXIT_TROUBLE;
    return fail ? EXIT_CONFLICT : EXIT_CLEAN;
}

static cck_status write_cites(FILE *out, void *ctx)
{
    report_ctx *r = ctx;
    return cck_rep_cites_audit(out, r->c, r->format, &r->rep);
}

/* The citation audit: exit 1 when a marker dangles or a link is a
 * placeholder, 2 on trouble. */
static int cmd_cites(options *o)
{
    cck_corpus c;
    cck_corpus_init(&c);
    size_t skipped = load(o, o->paths, o->npaths, &c, LOAD_RECONCILE);
    report_ctx r = {&c, o->format, false, rep_options(o)};
    int wrote = write_atomically(o->output, write_cites, &r);
    bool trouble = report_trouble(&c, skipped) || wrote != 0;
    size_t bad = 0;
    for (size_t i = 0; i < c.nsources; i++)
        for (size_t k = 0; k < c.sources[i]->ncites; k++)
            bad += cck_cite_problem(&c.sources[i]->cites[k]) != NULL;
    cck_corpus_free(&c);
    if (trouble)
        return EXIT_TROUBLE;
    return bad ? EXIT_CONFLICT : EXIT_CLEAN;
}

static cck_status write_baseline(FILE *out, void *ctx)
{
    return cck_base_write(out, ctx);
}

static int cmd_baseline(options *o)
{
    if (o->format_set)
        return usage_error("%s", "baseline writes its own format; -f does not apply");
    cck_corpus c;
    cck_corpus_init(&c);
    size_t skipped = load(o, o->paths, o->npaths, &c, LOAD_RECONCILE | LOAD_CLAIM_RAW);
    int wrote = 0;
    if (!skipped)   /* a baseline from half the sources would hide conflicts later */
        wrote = write_atomically(o->output, write_baseline, &c);
    bool trouble = report_trouble(&c, skipped) || wrote != 0;
    if (!trouble && o->output)
        fprintf(stderr, "claimcheck: %zu conflict%s recorded in %s\n", count_conflicts(&c),
                count_conflicts(&c) == 1 ? "" : "s", o->output);
    cck_corpus_free(&c);
    return trouble ? EXIT_TROUBLE : EXIT_CLEAN;
}

typedef struct {
    const cck_corpus *a, *b;
    const char *ra, *rb;
    bool json;
    cck_diff_counts counts;
} diff_ctx;

static cck_status write_diff(FILE *out, void *ctx)
{
    diff_ctx *d = ctx;
    return cck_diff_write(out, d->a, d->ra, d->b, d->rb, d->json, &d->counts);
}

static int cmd_config(options *o)
{
    fprintf(stdout, "# effective configuration: %s, then the command line\n",
            o->cfg.path ? o->cfg.path : "no configuration file");
    cck_cfg_print(stdout, &o->cfg);
    fprintf(stdout, "\n# the reconcile stage's settings in force, defaults included\n");
    cck_rec_settings_print(stdout);
    return fflush(stdout) == 0 ? EXIT_CLEAN : EXIT_TROUBLE;
}

static int cmd_diff(options *o)
{
    if (o->format_set && o->format != CCK_FMT_TEXT && o->format != CCK_FMT_JSON)
        return usage_error("%s", "diff writes text or json");
    char *revdirs[2] = {NULL, NULL};
    char *diffpaths[2];
    if (o->git_range) {
        char *ra = NULL, *rb = NULL;
        if (!cck_git_range(o->git_range, &ra, &rb))
            return usage_error("--git takes REV1..REV2, not '%s'", o->git_range);
        cck_diags d;
        cck_diags_init(&d);
        bool ok = cck_git_export(ra, o->paths[0], &revdirs[0], &d) == CCK_OK &&
                  cck_git_export(rb, o->paths[0], &revdirs[1], &d) == CCK_OK;
        cck_diags_print(&d, stderr);
        cck_diags_free(&d);
        free(ra);
        free(rb);
        if (!ok) {
            for (size_t i = 0; i < 2; i++)
                if (revdirs[i]) {
                    cck_git_remove(revdirs[i]);
                    free(revdirs[i]);
                }
            return EXIT_TROUBLE;
        }
        diffpaths[0] = revdirs[0];
        diffpaths[1] = revdirs[1];
        o->paths = diffpaths;
    }
    int rc = diff_paths(o);
    for (size_t i = 0; i < 2; i++)
        if (revdirs[i]) {
            cck_git_remove(revdirs[i]);
            free(revdirs[i]);
        }
    return rc;
}

static int diff_paths(options *o)
{
    struct stat sa, sb;
    for (size_t i = 0; i < 2; i++) {
        struct stat *st = i ? &sb : &sa;
        if (stat(o->paths[i], st) != 0) {
            fprintf(stderr, "claimcheck: %s: cannot read: %s\n", o->paths[i], strerror(errno));
            return EXIT_TROUBLE;
        }
    }
    if (S_ISDIR(sa.st_mode) != S_ISDIR(sb.st_mode))
        return usage_error("%s", "diff compares two files or two directories, not one of each");
    cck_corpus a, b;
    cck_corpus_init(&a);
    cck_corpus_init(&b);
    size_t skipped = load(o, o->paths, 1, &a, LOAD_RECONCILE | LOAD_CLAIM_RAW) +
                     load(o, o->paths + 1, 1, &b, LOAD_RECONCILE | LOAD_CLAIM_RAW);
    diff_ctx d = {&a, &b, o->paths[0], o->paths[1], o->format == CCK_FMT_JSON, {0, 0, 0, 0, 0, 0}};
    int wrote = write_atomically(o->output, write_diff, &d);
    bool trouble = report_trouble(&a, 0) | report_trouble(&b, skipped) || wrote != 0;
    bool fail = (o->fail_on & (FAIL_CONFLICT | FAIL_NEW)) &&
                d.counts.introduced + d.counts.reworked > 0;
    cck_corpus_free(&a);
    cck_corpus_free(&b);
    if (trouble)
        return EXIT_TROUBLE;
    return fail ? EXIT_CONFLICT : EXIT_CLEAN;
}

int main(int argc, char **argv)
{
    options o;
    const command *cmd = NULL;
    int rc = parse_args(argc, argv, &o, &cmd);
    if (rc >= 0) {
        free_options(&o);
        return rc;
    }
    if ((rc = apply_config(&o)) >= 0) {
        free_options(&o);
        return rc;
    }
    cck_diags d;
    cck_diags_init(&d);
    if (cck_ext_init(&d) != CCK_OK) {
        cck_diags_print(&d, stderr);
        cck_diags_free(&d);
        free_options(&o);
        return EXIT_TROUBLE;
    }
    cck_diags_free(&d);
    /* the reports write many small pieces: 64 KB at a time where stdout is
     * not a terminal (stdio would take its 4 KB block size) */
    static char outbuf[1 << 16];
    if (!isatty(STDOUT_FILENO))
        setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    o.jobs = cck_run_jobs(&(cck_run_options){.jobs = o.jobs});  /* once, for every stage */
    rc = cmd->run(&o);
    cck_ext_cleanup();
    cck_rec_settings_reset();
    free_options(&o);
    return rc;
}
