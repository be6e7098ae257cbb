import Testing
@testable import Scenarios

/// `Testing` has a `SourceLocation` too.
private typealias Location = Scenarios.SourceLocation

@Suite struct DiagnosticRendererTests {
    private let failover = (1...13).map { "# line \($0)" }.joined(separator: "\n")
        + "\n- at 70s: docker node update --availability drain w9\n"

    @Test func rendersTheFormatExample() {
        let diagnostic = Diagnostic(
            file: "scenarios/failover.scn",
            location: Location(line: 14, column: 51),
            length: 2,
            message: "unknown node 'w9' in 'docker node update'",
            hint: "nodes are m1, m2, m3, w1, w2, w3, w4")
        let expected = """
            scenarios/failover.scn:14:51: error: unknown node 'w9' in 'docker node update'
                - at 70s: docker node update --availability drain w9
                                                                  ^~
            hint: nodes are m1, m2, m3, w1, w2, w3, w4

            """
        #expect(DiagnosticRenderer(source: failover).render(diagnostic) == expected)
    }

    @Test func withoutHintAndWithLongSpan() {
        let source = "scenario: x\ntimeline:\n  - at 40s: partiton m1 | m2 m3\n"
        let diagnostic = Diagnostic(
            .warning, file: "a.scn", location: Location(line: 3, column: 13), length: 8,
            message: "unknown action 'partiton'")
        let expected = """
            a.scn:3:13: warning: unknown action 'partiton'
                  - at 40s: partiton m1 | m2 m3
                            ^~~~~~~~

            """
        #expect(DiagnosticRenderer(source: source).render(diagnostic) == expected)
    }

    @Test func expandsTabsSoTheCaretLinesUp() {
        let source = "a:\tb\n\tkey: value"
        let renderer = DiagnosticRenderer(source: source)
        let first = Diagnostic(file: "t.yaml", location: Location(line: 1, column: 4), message: "m")
        #expect(renderer.render(first) == "t.yaml:1:4: error: m\n    a:      b\n            ^\n")
        let second = Diagnostic(file: "t.yaml", location: Location(line: 2, column: 1), length: 4, message: "m")
        #expect(renderer.render(second) == "t.yaml:2:1: error: m\n            key: value\n    ^~~~~~~~~~~\n")
    }

    @Test func spansAreClippedToTheLine() {
        let renderer = DiagnosticRenderer(source: "abc\ndef")
        let long = Diagnostic(file: "f", location: Location(line: 1, column: 2), length: 50, message: "m")
        #expect(renderer.render(long) == "f:1:2: error: m\n    abc\n     ^~\n")
        let pastEnd = Diagnostic(file: "f", location: Location(line: 2, column: 4), length: 3, message: "m")
        #expect(renderer.render(pastEnd) == "f:2:4: error: m\n    def\n       ^\n")
        let noLine = Diagnostic(file: "f", location: Location(line: 9, column: 1), message: "m", hint: "h")
        #expect(renderer.render(noLine) == "f:9:1: error: m\nhint: h\n")
    }

    @Test func linesSplitLikeTheParserSplitsThem() {
        let renderer = DiagnosticRenderer(source: "\u{FEFF}a: 1\r\nb: 2\rc: 3\n")
        let diagnostic = Diagnostic(file: "f", location: Location(line: 3, column: 1), message: "m")
        #expect(renderer.render(diagnostic) == "f:3:1: error: m\n    c: 3\n    ^\n")
        let first = Diagnostic(file: "f", location: Location(line: 1, column: 1), message: "m")
        #expect(renderer.render(first) == "f:1:1: error: m\n    a: 1\n    ^\n")
    }

    @Test func controlCharactersAreShownSafely() {
        let renderer = DiagnosticRenderer(source: "a: \u{0}\u{1B}[31m")
        let diagnostic = Diagnostic(file: "f", location: Location(line: 1, column: 4), message: "m")
        #expect(renderer.render(diagnostic) == "f:1:4: error: m\n    a: \u{FFFD}\u{FFFD}[31m\n       ^\n")
    }

    @Test func longLinesAreWindowed() {
        let line = String(repeating: "a", count: 1000) + "XY" + String(repeating: "b", count: 1000)
        let diagnostic = Diagnostic(file: "f", location: Location(line: 1, column: 1001), length: 2, message: "m")
        let rendered = DiagnosticRenderer(source: line).render(diagnostic).split(separator: "\n")
        #expect(rendered.count == 3)
        let echo = rendered[1]
        let caret = rendered[2]
        #expect(echo.hasPrefix("    ...a"))
        #expect(echo.hasSuffix("b..."))
        #expect(echo.count <= 4 + DiagnosticRenderer.maximumLineWidth)
        let caretColumn = caret.firstIndex(of: "^").map { caret.distance(from: caret.startIndex, to: $0) }
        let xColumn = echo.firstIndex(of: "X").map { echo.distance(from: echo.startIndex, to: $0) }
        #expect(caretColumn == xColumn)
        #expect(caret.hasSuffix("^~"))
    }

    @Test func rendersManySortedByPosition() {
        let source = "a: 1\nb: 2\nc: 3"
        let diagnostics = [
            Diagnostic(file: "f", location: Location(line: 3, column: 1), message: "third"),
            Diagnostic(file: "f", location: Location(line: 1, column: 4), message: "second"),
            Diagnostic(file: "f", location: Location(line: 1, column: 1), message: "first"),
            Diagnostic(file: "f", location: Location(line: 1, column: 4), message: "second, again"),
        ]
        let rendered = DiagnosticRenderer(source: source).render(diagnostics)
        let headers = rendered.split(separator: "\n").filter { $0.hasPrefix("f:") }
        #expect(headers == ["f:1:1: error: first", "f:1:4: error: second", "f:1:4: error: second, again", "f:3:1: error: third"])
    }

    @Test func parserDiagnosticsRender() {
        let source = "scenario: x\ncluster:\n  managers: &m 3\n"
        let errors = YAMLParser.parse(source, file: "s.scn").diagnostics
        let expected = """
            s.scn:3:13: error: anchors ('&') are not supported
                  managers: &m 3
                            ^
            hint: repeat the value instead

            """
        #expect(DiagnosticRenderer(source: source).render(errors) == expected)
    }

    @Test func diagnosticBasics() {
        let diagnostic = Diagnostic(file: "f", location: Location(line: 2, column: 3), length: 0, message: "m", hint: "h")
        #expect(diagnostic.length == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.headline == "f:2:3: error: m")
        #expect(diagnostic.description == "f:2:3: error: m\nhint: h")
        #expect([diagnostic].containsError)
        #expect(Location(line: 1, column: 9) < Location(line: 2, column: 1))
    }

    // MARK: - Suggestions

    @Test func suggestsTheNearestWord() {
        let actions = ["crash", "restart", "stop", "partition", "isolate", "heal", "drop", "latency", "loss", "kill", "fail"]
        #expect(Suggestions.nearest(to: "partiton", among: actions) == "partition")
        #expect(Suggestions.nearest(to: "restrat", among: actions) == "restart")
        #expect(Suggestions.nearest(to: "isloate", among: actions) == "isolate")
        #expect(Suggestions.nearest(to: "crash", among: actions) == "crash")
        #expect(Suggestions.nearest(to: "docker", among: actions) == nil)
        #expect(Suggestions.nearest(to: "replcas", among: ["image", "replicas", "mode"]) == "replicas")
        #expect(Suggestions.nearest(to: "x", among: ["m1"]) == nil)
        #expect(Suggestions.nearest(to: "w9", among: ["m1", "m2", "w1", "w2"]) == "w1")
        #expect(Suggestions.nearest(to: "anything", among: []) == nil)
        #expect(Suggestions.nearest(to: String(repeating: "a", count: 300), among: ["a"]) == nil)
    }

    @Test func tiesGoToTheFirstCandidate() {
        #expect(Suggestions.nearest(to: "cat", among: ["bat", "hat", "rat"]) == "bat")
        #expect(Suggestions.nearest(to: "cat", among: ["rat", "hat", "bat"]) == "rat")
    }

    @Test func editDistance() {
        #expect(Suggestions.editDistance("", "") == 0)
        #expect(Suggestions.editDistance("abc", "") == 3)
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
        #expect(Suggestions.editDistance("partiton", "partition") == 1)
        #expect(Suggestions.editDistance("café", "cafe") == 1)
    }
}
