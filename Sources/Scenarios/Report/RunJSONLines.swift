import SimEngine

/// The JSON lines of the commands that do many runs (`check` and `run --seeds` with
/// `--format jsonl`): one object per run, `"kind":"run"`, then one `"kind":"total"`.
public enum RunJSONLines {
    /// A run that finished: its summary's fields (as the `summary` line of `simrun FILE
    /// --format jsonl` has them), `verdict`, and `failed`, what failed, one text each.
    public static func line(for result: RunResult) -> String {
        var object = JSONLinesReporter.summaryObject(for: result, kind: "run", text: TextReport.oneLine(result))
        object.add("verdict", TextReport.verdict(result.passed))
        object.addJSON("failed", array(JUnitReport.failureLines(result)))
        return object.line
    }

    /// A run without a result: `verdict` CRASH or TIMEOUT, `reason`, the worker's `stderr`
    /// lines and the replay command.
    public static func line(verdict: String, file: String, title: String, seed: UInt64, reason: String,
                            errorLines: [String], replay: String) -> String {
        var object = JSONLinesReporter.head(time: .zero, node: "-", component: "summary", kind: "run",
                                            text: "\(verdict) \(file) (seed \(seed)): \(title) - \(reason)")
        object.add("ok", false)
        object.add("verdict", verdict)
        object.add("scenario", title)
        object.add("file", file)
        object.add("seed", seed)
        object.add("reason", reason)
        object.addJSON("stderr", array(errorLines))
        object.add("replay", replay)
        return object.line
    }

    /// The last line: the counts of `N passed, M failed...` and `ok`.
    public static func total(text: String, passed: Int, failed: Int, crashed: Int, timedOut: Int, invalid: Int) -> String {
        var object = JSONLinesReporter.head(time: .zero, node: "-", component: "summary", kind: "total", text: text)
        object.add("ok", failed + crashed + timedOut + invalid == 0)
        object.add("passed", passed)
        object.add("failed", failed)
        object.add("crashed", crashed)
        object.add("timed_out", timedOut)
        object.add("invalid", invalid)
        return object.line
    }

    /// `texts` as a JSON array of strings.
    private static func array(_ texts: [String]) -> String {
        var json = "["
        for (index, text) in texts.enumerated() {
            if index > 0 { json += "," }
            JSONText.appendQuoted(text, to: &json)
        }
        return json + "]"
    }
}
