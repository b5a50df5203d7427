#include "cspawn.h"
#include <errno.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

pid_t cancu_spawn(const char *path, char *const argv[], char *const envp[], int in, int out, int err) {
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid != 0) {
        // Also set by the parent, so that the group exists before anyone signals it.
        if (pid > 0) setpgid(pid, pid);
        return pid;
    }
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127); // the parent died before prctl
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0) _exit(126);
    execve(path, argv, envp);
    _exit(127);
}
