/* measure.c: runs a command and prints "wall_s user_s sys_s maxrss_kb status"
 * on one line (to the file given with -o, else stderr); with -t SECONDS the
 * command is killed when it runs longer, and status is "timeout".
 * Usage: measure [-o FILE] [-t SECONDS] COMMAND [ARG...]
 * Peak RSS is the largest of the command and the children it waited for. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t timed_out;
static pid_t child;

static void on_alarm(int sig)
{
    (void)sig;
    timed_out = 1;
    if (child > 0)
        kill(-child, SIGKILL); /* the command's whole process group */
}

int main(int argc, char **argv)
{
    const char *outpath = NULL;
    unsigned limit = 0;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i += 2) {
        if (i + 1 >= argc)
            break;
        if (!strcmp(argv[i], "-o"))
            outpath = argv[i + 1];
        else if (!strcmp(argv[i], "-t"))
            limit = (unsigned)strtoul(argv[i + 1], NULL, 10);
        else
            break;
    }
    if (i >= argc) {
        fprintf(stderr, "usage: measure [-o FILE] [-t SECONDS] COMMAND [ARG...]\n");
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    child = fork();
    if (child < 0) {
        perror("measure: fork");
        return 2;
    }
    if (child == 0) {
        setpgid(0, 0);
        execvp(argv[i], argv + i);
        fprintf(stderr, "measure: %s: %s\n", argv[i], strerror(errno));
        _exit(127);
    }
    setpgid(child, child);
    if (limit) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_alarm;
        sigaction(SIGALRM, &sa, NULL);
        alarm(limit);
    }
    int st = 0;
    struct rusage ru;
    pid_t w;
    while ((w = wait4(child, &st, 0, &ru)) < 0 && errno == EINTR)
        ;
    alarm(0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (w < 0) {
        perror("measure: wait4");
        return 2;
    }
    double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    char status[32];
    if (timed_out)
        snprintf(status, sizeof status, "timeout");
    else if (WIFEXITED(st))
        snprintf(status, sizeof status, "%d", WEXITSTATUS(st));
    else
        snprintf(status, sizeof status, "signal%d", WIFSIGNALED(st) ? WTERMSIG(st) : 0);
    FILE *out = outpath ? fopen(outpath, "w") : stderr;
    if (!out) {
        perror("measure: output");
        return 2;
    }
    fprintf(out, "%.3f %.3f %.3f %ld %s\n", wall,
            (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6,
            (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6, ru.ru_maxrss, status);
    if (outpath)
        fclose(out);
    return timed_out ? 124 : WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}
