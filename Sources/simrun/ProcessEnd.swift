import Glibc

/// How a child process ended, from the status `waitpid` gives.
enum ProcessEnd: Equatable, CustomStringConvertible {
    case exited(status: Int32)
    case signalled(Int32)

    /// Decodes a `waitpid` status (what the C macros `WIFSIGNALED` and `WEXITSTATUS` do).
    init(waitStatus: Int32) {
        let signal = waitStatus & 0x7F
        self = signal == 0 ? .exited(status: (waitStatus >> 8) & 0xFF) : .signalled(signal)
    }

    /// `exit status 2`, `signal 6 (SIGABRT)`.
    var description: String {
        switch self {
        case let .exited(status): return "exit status \(status)"
        case let .signalled(signal):
            return "signal \(signal)" + (Self.signalNames.first { $0.0 == signal }.map { " (\($0.1))" } ?? "")
        }
    }

    /// The signals a crashed, killed or out-of-memory process usually ends with.
    private static let signalNames: [(Int32, String)] = [
        (SIGHUP, "SIGHUP"), (SIGINT, "SIGINT"), (SIGQUIT, "SIGQUIT"), (SIGILL, "SIGILL"), (SIGTRAP, "SIGTRAP"),
        (SIGABRT, "SIGABRT"), (SIGBUS, "SIGBUS"), (SIGFPE, "SIGFPE"), (SIGKILL, "SIGKILL"), (SIGSEGV, "SIGSEGV"),
        (SIGPIPE, "SIGPIPE"), (SIGALRM, "SIGALRM"), (SIGTERM, "SIGTERM"), (SIGXCPU, "SIGXCPU"), (SIGSYS, "SIGSYS"),
    ]
}
