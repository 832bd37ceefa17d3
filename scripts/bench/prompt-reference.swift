// The floor for "start to first prompt" in `make bench`: a Swift program that prints a
// prompt and reads one line, nothing else. Flushed, as casus flushes its prompt: on a pipe
// stdout is otherwise buffered until exit.
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

print("> ", terminator: "")
fflush(stdout)
_ = readLine()
