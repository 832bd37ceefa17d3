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

// True while readline shows a prompt of its own or waits for the rest of a key sequence
// (searching history, asking whether to list completions, a numeric argument, an escape
// sequence): a live prompt must not redraw then. RL_ISSTATE is a macro Swift cannot call.
static inline int casus_readline_busy(void) {
    return (rl_readline_state & (RL_STATE_ISEARCH | RL_STATE_NSEARCH | RL_STATE_SEARCH
        | RL_STATE_NUMERICARG | RL_STATE_COMPLETING | RL_STATE_MOREINPUT | RL_STATE_MULTIKEY
        | RL_STATE_METANEXT | RL_STATE_VIMOTION | RL_STATE_CHARSEARCH)) != 0;
}

#endif
