import Foundation

/// What a stream may show: colours and a progress line only on a terminal, never when
/// `--no-color` is given, `NO_COLOR` is set (to anything but the empty string) or `TERM` is
/// `dumb` (https://no-color.org).
struct TerminalSupport {
    /// Reads one environment variable. `getenv` looks up just the two variables needed: building
    /// `ProcessInfo.processInfo.environment` costs about 0.7M instructions, 2.5% of a short run.
    private let variable: (String) -> String?

    init() {
        variable = { name in getenv(name).map { String(cString: $0) } }
    }

    /// A fixed environment (tests).
    init(environment: [String: String]) {
        variable = { environment[$0] }
    }

    /// Whether `descriptor` is a terminal that is not `TERM=dumb`.
    func isCapableTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1 && variable("TERM") != "dumb"
    }

    /// Whether to colour what goes to `descriptor`.
    func colors(on descriptor: Int32, noColorFlag: Bool) -> Bool {
        if noColorFlag { return false }
        if let value = variable("NO_COLOR"), !value.isEmpty { return false }
        return isCapableTerminal(descriptor)
    }

    /// The shared decision for a command's arguments (`--no-color` anywhere among them).
    static func colors(on descriptor: Int32, arguments: [String]) -> Bool {
        TerminalSupport().colors(on: descriptor, noColorFlag: arguments.contains("--no-color"))
    }
}
