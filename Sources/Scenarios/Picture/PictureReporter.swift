import SimEngine

/// A reporter that draws the whole run once it has ended (`--format perfetto`, `--format
/// html`): it gathers the trace in a `ChronicleRecorder` and, in `finish(_:)`, writes the picture to its output
/// in one piece.
public final class PictureReporter: RunReporter {
    /// The pictures `simrun FILE --format` draws.
    public enum Kind: String, Sendable, CaseIterable {
        case perfetto
        case html
    }

    public let kind: Kind
    private let output: TimelineOutput
    private let recorder: ChronicleRecorder
    private let scenario: Scenario

    public init(kind: Kind, scenario: Scenario, output: TimelineOutput) {
        self.kind = kind
        self.output = output
        self.scenario = scenario
        self.recorder = ChronicleRecorder(nodes: scenario.nodes)
    }

    public func record(_ event: TraceEvent) {
        recorder.record(event)
    }

    /// The chronicle of the run so far; `finish(_:)` draws it.
    public func chronicle(_ result: RunResult) -> RunChronicle {
        recorder.chronicle(title: scenario.title, file: scenario.file, seed: result.summary.seed, result: result)
    }

    public func finish(_ result: RunResult) {
        let chronicle = chronicle(result)
        switch kind {
        case .perfetto: output.write(PerfettoWriter.json(of: chronicle))
        case .html: output.write(HTMLTimelineWriter.page(of: chronicle))
        }
        output.flush()
    }
}
