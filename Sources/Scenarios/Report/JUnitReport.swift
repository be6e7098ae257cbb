import SimEngine

/// The JUnit XML report of `simrun check --junit FILE`.
///
/// One `<testsuite name="simrun">` holding one `<testcase>` per run, in the order the runs
/// were added: `classname` is the scenario's path without `.scn` or any dot, `file` its path, `name` is `TITLE (seed N)`, `time` the
/// run's simulated seconds unless the caller passes wall seconds. A failing run has one
/// `<failure>` whose `message` is its first failure and whose body lists every failed
/// expectation and failure, then the replay command. A scenario that could not be run
/// (bad input), or a run that gave no result (it crashed or timed out), is a `<testcase>`
/// with an `<error>` whose `message` is the first line of what is said about it.
public struct JUnitReport: Sendable {
    enum Outcome: Sendable {
        case run(RunResult)
        case error(String)
    }

    struct TestCase: Sendable {
        var file: String
        var name: String
        var seconds: String
        var outcome: Outcome
    }

    private var cases: [TestCase] = []

    public init() {}

    /// A report of these runs, in this order, timed in simulated seconds.
    public init(results: [RunResult]) {
        for result in results { add(result) }
    }

    /// Adds a run; `wallSeconds` replaces the simulated duration as its `time`.
    public mutating func add(_ result: RunResult, wallSeconds: Double? = nil) {
        let s = result.summary
        let seconds = wallSeconds.map(Self.seconds) ?? DurationFormat.secondsWithMillis(s.duration)
        cases.append(TestCase(file: s.file, name: Self.caseName(title: s.title, seed: s.seed), seconds: seconds, outcome: .run(result)))
    }

    /// Adds a scenario that could not be run (`message` is the diagnostics), or a run that
    /// gave no result (`message` says why, `wallSeconds` how long it went).
    public mutating func addError(file: String, name: String, message: String, wallSeconds: Double? = nil) {
        cases.append(TestCase(file: file, name: name, seconds: wallSeconds.map(Self.seconds) ?? "0.000", outcome: .error(message)))
    }

    /// The `classname` of a scenario's runs: its path without `./` and `.scn`, and with no
    /// dot left (JUnit readers split a class name at its dots, so `scenarios/failover.scn`
    /// would read as a class `scn` in a package `scenarios/failover`). The `file` attribute
    /// keeps the path as given.
    public static func className(file: String) -> String {
        var name = file
        while name.hasPrefix("./") { name.removeFirst(2) }
        if name.hasSuffix(".scn") { name.removeLast(4) }
        return String(name.map { $0 == "." ? "_" : $0 })
    }

    /// A run's test case name: `TITLE (seed N)`.
    public static func caseName(title: String, seed: UInt64) -> String {
        "\(title) (seed \(seed))"
    }

    /// The number of test cases.
    public var tests: Int { cases.count }

    /// Runs that failed.
    public var failures: Int {
        cases.filter { if case let .run(result) = $0.outcome { return !result.passed } else { return false } }.count
    }

    /// Scenarios that could not be run.
    public var errors: Int {
        cases.filter { if case .error = $0.outcome { return true } else { return false } }.count
    }

    /// The report as an XML document, newline-terminated.
    public var xml: String {
        let total = Self.sumSeconds(cases.map(\.seconds))
        let counts = "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\""
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<testsuites name=\"simrun\" \(counts) time=\"\(total)\">\n"
        text += "  <testsuite name=\"simrun\" \(counts) skipped=\"0\" time=\"\(total)\">\n"
        for testCase in cases {
            text += "    <testcase classname=\"\(Self.attribute(Self.className(file: testCase.file)))\" file=\"\(Self.attribute(testCase.file))\" name=\"\(Self.attribute(testCase.name))\" time=\"\(testCase.seconds)\""
            switch testCase.outcome {
            case let .run(result) where result.passed:
                text += "/>\n"
            case let .run(result):
                let lines = Self.failureLines(result)
                var message = lines.first ?? "failed"
                if lines.count > 1 { message += " (and \(lines.count - 1) more)" }
                text += ">\n      <failure message=\"\(Self.attribute(message))\" type=\"simrun\">"
                text += Self.content((lines + ["replay: \(result.replayCommand)"]).joined(separator: "\n"))
                text += "</failure>\n    </testcase>\n"
            case let .error(message):
                let first = message.reportLines().first.map(String.init) ?? "error"
                text += ">\n      <error message=\"\(Self.attribute(first))\" type=\"simrun\">"
                text += Self.content(message.trimmingTrailingNewlines())
                text += "</error>\n    </testcase>\n"
            }
        }
        text += "  </testsuite>\n</testsuites>\n"
        return text
    }

    /// Every failed expectation, then every failure, one line each.
    static func failureLines(_ result: RunResult) -> [String] {
        result.expectations.filter { !$0.passed }.map { TextReport.line(for: $0, in: result.summary.file) }
            + result.failures.map { TextReport.line(for: $0) }
    }

    // MARK: - Numbers

    /// Seconds with three decimals, rounded, without the locale: `1.500`.
    static func seconds(_ value: Double) -> String {
        guard value.isFinite, value > 0 else { return "0.000" }
        let millis = Int64(min((value * 1000).rounded(), Double(Int64.max / 2)))
        return millisText(millis)
    }

    static func millisText(_ millis: Int64) -> String {
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// The sum of `1.500`-style texts, exactly.
    static func sumSeconds(_ texts: [String]) -> String {
        var millis: Int64 = 0
        for text in texts {
            let parts = text.split(separator: ".")
            millis += (Int64(parts.first ?? "0") ?? 0) * 1000 + (parts.count > 1 ? Int64(parts[1]) ?? 0 : 0)
        }
        return millisText(millis)
    }

    // MARK: - Escaping

    /// Text for a double-quoted attribute: markup characters as entities, and tab, newline
    /// and carriage return as character references (attribute normalisation would turn them
    /// into spaces).
    static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    /// Text for element content.
    static func content(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// Characters XML 1.0 cannot hold at all (other control characters, U+FFFE, U+FFFF)
    /// become U+FFFD.
    static func escape(_ text: String, inAttribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += inAttribute ? "&#10;" : "\n"
            case "\t": out += inAttribute ? "&#9;" : "\t"
            case "\r": out += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
