#ifndef CSPAWN_H
#define CSPAWN_H

#include <sys/types.h>

/// Starts the program at `path` with `argv` and `envp`. Its standard input, output and error are
/// `input`, `output` and `error` (-1 keeps this process's own), every other descriptor of this process
/// is closed in it, and its signals start at their defaults, unblocked.
///
/// Returns 0 and stores the child's pid, or returns an errno value.
///
/// Foundation's `Process` on Linux learns that a child exited when a socket it leaves open in the child
/// closes; a child that starts a background process of its own (tmux starting its server, an editor
/// that forks) hands that socket on, and `waitUntilExit()` then waits for the background process
/// instead (swift-corelibs-foundation issue 4795). Waiting on the pid has no such failure.
int cspawn_start(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                 int input, int output, int error);

/// Waits for `pid` to end, through interruptions by signals. Returns its exit status, 128 plus the
/// signal's number when a signal ended it, or -1 with errno set.
int cspawn_wait(pid_t pid);

#endif
