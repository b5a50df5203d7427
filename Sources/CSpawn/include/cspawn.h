#ifndef CSPAWN_H
#define CSPAWN_H
#include <sys/types.h>

/// Starts `path` with `argv` and `envp`, standard input, output and error on the given
/// descriptors, in a process group of its own and with SIGKILL as its parent-death signal (so it
/// dies with the process that started it, even one killed by SIGKILL). Returns the child's pid
/// (also its process-group id), or -1 with errno set. Only async-signal-safe calls run between
/// fork and exec.
pid_t cancu_spawn(const char *path, char *const argv[], char *const envp[], int in, int out, int err);

#endif
