#ifndef CASUS_CREADLINE_SHIM_H
#define CASUS_CREADLINE_SHIM_H
#include <stdio.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>

// Swift 6 strict concurrency rejects reading C's mutable globals; these accessors
// return them through a function call instead.
static inline FILE *casus_stdin(void) { return stdin; }
static inline FILE *casus_stdout(void) { return stdout; }
static inline FILE *casus_stderr(void) { return stderr; }
static inline char **casus_environ(void) { extern char **environ; return environ; }

#endif
