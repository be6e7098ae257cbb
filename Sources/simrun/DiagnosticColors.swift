import Foundation

/// The colours of rendered diagnostics on a terminal, as compilers print them: `error:` in
/// bold red, `warning:` in bold yellow, the caret line in green, `hint:` in bold cyan.
enum DiagnosticColors {
    static func paint(_ text: String, enabled: Bool) -> String {
        guard enabled else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { paintLine(String($0)) }.joined(separator: "\n")
    }

    private static func paintLine(_ line: String) -> String {
        for (word, code) in [(": error: ", "1;31"), (": warning: ", "1;33")] {
            if let range = line.range(of: word) {
                return line[..<range.lowerBound] + ": \u{1B}[\(code)m" + word.dropFirst(2).dropLast() + "\u{1B}[0m " + line[range.upperBound...]
            }
        }
        if line.hasPrefix("hint: ") { return "\u{1B}[1;36mhint:\u{1B}[0m " + line.dropFirst(6) }
        let trimmed = line.drop { $0 == " " || $0 == "|" || $0.isNumber }
        if !trimmed.isEmpty, trimmed.allSatisfy({ $0 == "^" || $0 == "~" || $0 == " " }) {
            let start = line.count - trimmed.count
            return line.prefix(start) + "\u{1B}[32m" + trimmed + "\u{1B}[0m"
        }
        return line
    }
}

extension Console {
    /// Rendered diagnostics on standard error, coloured on a terminal unless `--no-color` is
    /// among `arguments`.
    static func diagnostics(_ text: String, arguments: [String]) {
        error(DiagnosticColors.paint(text, enabled: TerminalSupport.colors(on: STDERR_FILENO, arguments: arguments)), terminator: "")
    }
}
