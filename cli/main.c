/* main.c: the command line. Parses arguments, runs the pipeline, prints
 * diagnostics (one line each, to stderr) and chooses the exit status.
 * No extraction or reconciliation logic lives here. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "claimcheck.h"
#include "extract.h"
#include "pipeline.h"
#include "report.h"

enum { EXIT_CLEAN = 0, EXIT_CONFLICT = 1, EXIT_TROUBLE = 2 };

static const char usage[] =
    "usage: claimcheck check   [options] FILE|DIR...\n"
    "       claimcheck extract [options] FILE|DIR...\n"
    "\n"
    "  check     extract every numeric claim, group the claims by subject and\n"
    "            report the subjects whose sources disagree\n"
    "  extract   list the claims alone\n"
    "\n"
    "options:\n"
    "  -f, --format=FMT   text (default), jsonl or md\n"
    "  -o, --output=FILE  write the report to FILE (atomically) instead of stdout\n"
    "      --color=WHEN   auto (default: when stdout is a terminal and NO_COLOR\n"
    "                     is unset), always or never\n"
    "      --max-bytes=N  skip sources larger than N bytes (default 256 MiB)\n"
    "  -j, --jobs=N       read and extract N sources at a time (default: one per\n"
    "                     core); the output is the same for every N\n"
    "  -h, --help         show this help\n"
    "      --version      show the version\n"
    "\n"
    "exit status: 0 no conflict, 1 conflicts found (check), 2 usage or input\n"
    "error (whatever could be read is still reported)\n";

typedef struct {
    const char *command;
    cck_format format;
    const char *output;
    int color;          /* -1 auto, 0 never, 1 always */
    size_t max_bytes;
    unsigned jobs;      /* 0 = one per core */
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

/* Returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, options *o)
{
    enum { OPT_VERSION = 256, OPT_COLOR, OPT_MAX_BYTES };
    static const struct option longs[] = {
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"color", required_argument, NULL, OPT_COLOR},
        {"colour", required_argument, NULL, OPT_COLOR},
        {"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
        {"jobs", required_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    memset(o, 0, sizeof *o);
    o->color = -1;
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
            if (!cck_rep_parse_format(optarg, &o->format))
                return usage_error("unknown format '%s' (text, jsonl or md)", optarg);
            break;
        case 'o':
            o->output = optarg;
            break;
        case OPT_COLOR:
            if (!strcmp(optarg, "auto")) o->color = -1;
            else if (!strcmp(optarg, "always")) o->color = 1;
            else if (!strcmp(optarg, "never")) o->color = 0;
            else return usage_error("--color takes auto, always or never, not '%s'", optarg);
            break;
        case OPT_MAX_BYTES: {
            char *end;
            errno = 0;
            unsigned long long v = strtoull(optarg, &end, 10);
            if (errno || *end || end == optarg || v == 0)
                return usage_error("--max-bytes takes a positive number, not '%s'", optarg);
            o->max_bytes = (size_t)v;
            break;
        }
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
        return usage_error("%s", "no command given (check or extract)");
    if (strcmp(o->command, "check") && strcmp(o->command, "extract"))
        return usage_error("unknown command '%s' (check or extract)", o->command);
    if (optind >= argc)
        return usage_error("%s", "no FILE or DIR given");
    o->paths = argv + optind;
    o->npaths = (size_t)(argc - optind);
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

/* Writes the report to a temporary file beside FILE and renames it into
 * place, so that a reader never sees half a report. */
static int write_report(const options *o, const cck_corpus *c, const cck_rep_options *ro)
{
    FILE *out = stdout;
    char *tmp = NULL;
    if (o->output) {
        size_t n = strlen(o->output) + 16;
        tmp = cck_xmalloc(n);
        snprintf(tmp, n, "%s.tmp.XXXXXX", o->output);
        int fd = mkstemp(tmp);
        if (fd < 0 || !(out = fdopen(fd, "w"))) {
            fprintf(stderr, "claimcheck: %s: cannot write: %s\n", o->output, strerror(errno));
            if (fd >= 0)
                close(fd);
            free(tmp);
            return -1;
        }
    }
    cck_status rc = !strcmp(o->command, "check") ? cck_rep_groups(out, c, o->format, ro)
                                                 : cck_rep_claims(out, c, o->format, ro);
    if (fflush(out) != 0 || ferror(out))
        rc = CCK_ERR_IO;
    if (o->output) {
        if (fclose(out) != 0)
            rc = CCK_ERR_IO;
        if (rc == CCK_OK && rename(tmp, o->output) != 0)
            rc = CCK_ERR_IO;
        if (rc != CCK_OK) {
            fprintf(stderr, "claimcheck: %s: cannot write: %s\n", o->output, strerror(errno));
            unlink(tmp);
        }
        free(tmp);
    } else if (rc != CCK_OK) {
        fprintf(stderr, "claimcheck: cannot write the report: %s\n", strerror(errno));
    }
    return rc == CCK_OK ? 0 : -1;
}

int main(int argc, char **argv)
{
    options o;
    int rc = parse_args(argc, argv, &o);
    if (rc >= 0)
        return rc;

    cck_corpus c;
    cck_corpus_init(&c);
    if (cck_ext_init(&c.diags) != CCK_OK) {
        cck_diags_print(&c.diags, stderr);
        cck_corpus_free(&c);
        return EXIT_TROUBLE;
    }
    cck_run_options ro = {.max_bytes = o.max_bytes, .jobs = o.jobs};
    size_t skipped = cck_run_extract(&c, o.paths, o.npaths, &ro);
    bool check = !strcmp(o.command, "check");
    if (check)
        cck_run_reconcile(&c);

    cck_rep_options rep = {
        .color = o.color == 1 || (o.color == -1 && !o.output && o.format == CCK_FMT_TEXT &&
                                  isatty(STDOUT_FILENO) && !getenv("NO_COLOR")),
        .width = terminal_width(),
    };
    int wrote = write_report(&o, &c, &rep);
    cck_diags_print(&c.diags, stderr);

    size_t conflicts = 0;
    for (size_t i = 0; i < c.ngroups; i++)
        conflicts += c.groups[i].status == CCK_GROUP_CONFLICT;
    bool trouble = skipped || wrote != 0 || cck_diags_count(&c.diags, CCK_SEV_ERROR) > 0;
    if (skipped)
        fprintf(stderr, "claimcheck: %zu source%s skipped\n", skipped, skipped == 1 ? "" : "s");
    cck_ext_cleanup();
    cck_corpus_free(&c);
    if (trouble)
        return EXIT_TROUBLE;
    return check && conflicts ? EXIT_CONFLICT : EXIT_CLEAN;
}
