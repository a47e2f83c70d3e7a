/* gitrev.c: exporting a directory at a git revision (git archive of
 * "REV:./DIR", unpacked by tar) into a temporary directory. Child
 * processes are run with execvp, never through a shell, so a revision or
 * path cannot inject a command. */
#define _DEFAULT_SOURCE
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gitrev.h"

/* Runs argv with stdout and stderr to /dev/null; returns its exit status,
 * or -1 when it could not run. */
static int run(const char *const argv[])
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        if (null >= 0) {
            dup2(null, STDIN_FILENO);
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
        }
        /* execvp does not change the strings; its prototype predates const */
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

cck_status cck_git_changed(const char *rev, char ***paths, size_t *npaths, cck_diags *d)
{
    if (rev[0] == '-') {
        cck_diag_add(d, "", 0, 0, CCK_SEV_ERROR, "'%s' is not a revision", rev);
        return CCK_ERR_INPUT;
    }
    int fd[2];
    if (pipe(fd) != 0) {
        cck_diag_add(d, "", 0, 0, CCK_SEV_ERROR, "cannot run git: %s", strerror(errno));
        return CCK_ERR_IO;
    }
    pid_t pid = fork();
    if (pid < 0) {
        close(fd[0]);
        close(fd[1]);
        cck_diag_add(d, "", 0, 0, CCK_SEV_ERROR, "cannot run git: %s", strerror(errno));
        return CCK_ERR_IO;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        if (null >= 0) {
            dup2(null, STDIN_FILENO);
            dup2(null, STDERR_FILENO);
        }
        dup2(fd[1], STDOUT_FILENO);
        close(fd[0]);
        close(fd[1]);
        const char *argv[] = {"git", "diff", "--name-only", "--relative", "--no-renames", rev,
                              "--", NULL};
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(fd[1]);
    FILE *f = fdopen(fd[0], "r");
    char line[4096];
    while (f && fgets(line, sizeof line, f)) {
        size_t k = strcspn(line, "\n");
        if (!k)
            continue;
        *paths = cck_xreallocarray(*paths, *npaths + 1, sizeof **paths);
        (*paths)[(*npaths)++] = cck_xstrndup(line, k);
    }
    if (f)
        fclose(f);
    else
        close(fd[0]);
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            break;
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        cck_diag_add(d, "", 0, 0, CCK_SEV_ERROR, "git diff --name-only %s failed (not a "
                     "revision, or not inside a git repository)", rev);
        return CCK_ERR_INPUT;
    }
    return CCK_OK;
}

bool cck_git_range(const char *spec, char **a, char **b)
{
    const char *dots = strstr(spec, "..");
    if (!dots || dots == spec || !dots[2] || dots[2] == '.')
        return false;
    *a = cck_xstrndup(spec, (size_t)(dots - spec));
    *b = cck_xstrndup(dots + 2, strlen(dots + 2));
    return true;
}

cck_status cck_git_export(const char *rev, const char *dir, char **out, cck_diags *d)
{
    *out = NULL;
    if (rev[0] == '-') {
        cck_diag_add(d, "", 0, 0, CCK_SEV_ERROR, "'%s' is not a revision", rev);
        return CCK_ERR_INPUT;
    }
    char tmpl[] = "/tmp/claimcheck-git-XXXXXX";
    if (!mkdtemp(tmpl)) {
        cck_diag_add(d, "", 0, 0, CCK_SEV_ERROR, "cannot make a temporary directory: %s",
                     strerror(errno));
        return CCK_ERR_IO;
    }
    size_t n = strlen(tmpl) + 16;
    char *tar = cck_xmalloc(n), *tree = cck_xmalloc(n);
    snprintf(tar, n, "%s/tree.tar", tmpl);
    snprintf(tree, n, "%s/tree", tmpl);
    size_t m = strlen(rev) + strlen(dir) + 4;
    char *obj = cck_xmalloc(m);
    /* "./" makes the path relative to the current directory */
    snprintf(obj, m, "%s:./%s", rev, dir[0] == '.' && dir[1] == '/' ? dir + 2 : dir);
    const char *git[] = {"git", "archive", "--format=tar", "-o", tar, obj, NULL};
    const char *untar[] = {"tar", "-xf", tar, "-C", tree, NULL};
    cck_status st = CCK_OK;
    int rc = run(git);
    if (rc != 0) {
        cck_diag_add(d, "", 0, 0, CCK_SEV_ERROR,
                     rc == 127 || rc < 0 ? "cannot run git" : "git archive %s failed (no such revision, "
                                                              "or %s is not a directory there)",
                     obj, dir);
        st = CCK_ERR_INPUT;
    } else if (mkdir(tree, 0700) != 0 || run(untar) != 0) {
        cck_diag_add(d, "", 0, 0, CCK_SEV_ERROR, "cannot unpack %s with tar", obj);
        st = CCK_ERR_IO;
    }
    unlink(tar);
    free(tar);
    free(obj);
    if (st != CCK_OK) {
        cck_git_remove(tmpl);
        free(tree);
        return st;
    }
    *out = tree;
    return CCK_OK;
}

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

void cck_git_remove(const char *tmpdir)
{
    /* tmpdir is ".../tree" or the directory above it: remove from the top */
    char *top = cck_xstrndup(tmpdir, strlen(tmpdir));
    size_t n = strlen(top);
    if (n > 5 && !strcmp(top + n - 5, "/tree"))
        top[n - 5] = '\0';
    if (!strncmp(top, "/tmp/claimcheck-git-", 20))
        nftw(top, rm_one, 16, FTW_DEPTH | FTW_PHYS);
    free(top);
}
