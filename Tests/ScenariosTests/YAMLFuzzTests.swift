import Foundation
import SimEngine
import Testing
@testable import Scenarios

/// Robustness: no input may crash the parser, overflow its stack or hang it.
@Suite struct YAMLFuzzTests {
    /// Pieces of YAML syntax to build random inputs from.
    private static let alphabet: [String] = [
        "a", "b c", "key", ":", ": ", "- ", "-", "\n", "  ", " ", "\t", "#", " # c", "[", "]", "{", "}",
        ", ", ",", "'", "\"", "''", "\\", "\\n", "\\x4", "\\u00e9", "|", "|-", "|+", "|2", ">", "---", "...",
        "?", "? ", "&a", "*a", "!t", "%", "@", "`", "x:y", "-1", "\n  ", "\n    ", "\n- ", "\n  - ",
        "at 30s: ", "\n  via: ", "é", "🐳", "\r\n", "\r", "\u{0}", "\u{FEFF}", "\u{2028}", "\u{85}",
    ]

    /// Checks what every parse must satisfy, and returns a description of what failed.
    private static func check(_ result: YAMLParseResult, source: String) -> String? {
        switch result {
        case .document(let document):
            let json = document.jsonText()
            guard (try? JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)) != nil else {
                return "invalid JSON dump: \(json.prefix(200))"
            }
        case .failure(let diagnostics):
            guard !diagnostics.isEmpty else { return "a failure without diagnostics" }
            guard diagnostics.count <= YAMLParser.maximumDiagnostics + 1 else { return "too many diagnostics" }
            for diagnostic in diagnostics where diagnostic.location.line < 1 || diagnostic.location.column < 1 || diagnostic.length < 1 {
                return "bad diagnostic position \(diagnostic.location) length \(diagnostic.length)"
            }
            let rendered = DiagnosticRenderer(source: source).render(diagnostics)
            guard rendered.hasPrefix("f.yaml:") else { return "bad rendering: \(rendered.prefix(200))" }
        }
        return nil
    }

    private static func mutate(_ text: String, with random: inout RandomStream) -> String {
        var scalars = Array(text.unicodeScalars)
        let position = random.nextInt(below: scalars.count + 1)
        switch random.nextInt(below: 7) {
        case 0:
            let end = min(scalars.count, position + 1 + random.nextInt(below: 4))
            scalars.removeSubrange(position..<end)
        case 1:
            scalars.insert(contentsOf: alphabet[random.nextInt(below: alphabet.count)].unicodeScalars, at: position)
        case 2:
            let end = min(scalars.count, position + 1 + random.nextInt(below: 12))
            scalars.insert(contentsOf: scalars[position..<end], at: end)
        case 3:
            if scalars.count > 1 {
                let i = random.nextInt(below: scalars.count - 1)
                scalars.swapAt(i, i + 1)
            }
        default:
            var lines = String(String.UnicodeScalarView(scalars)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let line = random.nextInt(below: lines.count)
            switch random.nextInt(below: 4) {
            case 0: lines.remove(at: line)
            case 1: lines.insert(lines[random.nextInt(below: lines.count)], at: line)
            case 2: lines[line] = String(repeating: " ", count: 1 + random.nextInt(below: 3)) + lines[line]
            default: random.shuffle(&lines)
            }
            return lines.joined(separator: "\n")
        }
        return String(String.UnicodeScalarView(scalars))
    }

    @Test func tenThousandRandomInputs() throws {
        let fixtures = try YAMLTestSupport.fixtureFiles().map { try String(contentsOf: $0, encoding: .utf8) }
        try #require(!fixtures.isEmpty)
        let started = ContinuousClock.now
        var documents = 0
        var failures = 0
        for seed in UInt64(0)..<10_000 {
            var random = RandomStream(seed: seed, name: "yaml-fuzz")
            let result: YAMLParseResult
            let source: String
            switch seed % 3 {
            case 0:
                let bytes = (0..<random.nextInt(below: 300)).map { _ in UInt8(truncatingIfNeeded: random.nextInt(below: 256)) }
                source = String(decoding: bytes, as: UTF8.self)
                result = YAMLParser.parse(bytes: bytes, file: "f.yaml")
            case 1:
                source = (0..<(1 + random.nextInt(below: 40)))
                    .map { _ in Self.alphabet[random.nextInt(below: Self.alphabet.count)] }.joined()
                result = YAMLParser.parse(source, file: "f.yaml")
            default:
                var text = fixtures[random.nextInt(below: fixtures.count)]
                if random.nextBool(probability: 0.5) {
                    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                    let start = random.nextInt(below: lines.count)
                    text = lines[start..<min(lines.count, start + 1 + random.nextInt(below: 15))].joined(separator: "\n")
                }
                for _ in 0..<(1 + random.nextInt(below: 4)) {
                    text = Self.mutate(text, with: &random)
                }
                source = text
                result = YAMLParser.parse(source, file: "f.yaml")
            }
            if let problem = Self.check(result, source: source) {
                Issue.record("seed \(seed): \(problem)\ninput: \(source.debugDescription.prefix(500))")
            }
            if result.document != nil { documents += 1 } else { failures += 1 }
        }
        print("YAML fuzz: 10000 inputs, \(documents) documents, \(failures) rejected, in \(ContinuousClock.now - started)")
        #expect(documents > 500)
        #expect(failures > 500)
    }

    @Test func parsingIsDeterministic() throws {
        for url in YAMLTestSupport.fixtureFiles() {
            let source = try String(contentsOf: url, encoding: .utf8)
            #expect(YAMLParser.parse(source, file: "f") == YAMLParser.parse(source, file: "f"))
        }
    }

    /// Inputs nested far deeper than `YAMLParser.maximumDepth`, by name.
    private static func deepInput(_ name: String) -> String {
        switch name {
        case "[": return String(repeating: "[", count: 100_000)
        case "{a: ": return String(repeating: "{a: ", count: 100_000)
        case "- ": return String(repeating: "- ", count: 100_000)
        case "- lines":
            return (0..<100_000).map { String(repeating: " ", count: min($0, 70)) + "- " }.joined(separator: "\n")
        case "a: lines":
            return (0..<100_000).map { String(repeating: " ", count: min($0, 70)) + "a:" }.joined(separator: "\n")
        default: return String(repeating: "[\"a\", ", count: 100)
        }
    }

    @Test(arguments: ["[", "{a: ", "- ", "- lines", "a: lines", "quotes"])
    func deepNestingIsRejectedQuickly(name: String) {
        let source = Self.deepInput(name)
        let result = YAMLParser.parse(source, file: "f.yaml")
        #expect(Self.check(result, source: source) == nil)
        #expect(!result.diagnostics.isEmpty)
    }

    @Test func hugeLinesAndValues() {
        let megabyte = 1 << 20
        let longValue = "a: " + String(repeating: "x", count: megabyte)
        let parsed = YAMLParser.parse(longValue, file: "f.yaml")
        #expect(parsed.document?.root?["a"]?.scalarText?.count == megabyte)

        let longWords = "a: " + String(repeating: "xy z ", count: megabyte / 5)
        #expect(YAMLParser.parse(longWords, file: "f.yaml").document != nil)

        let longFlow = "a: [" + String(repeating: "b, ", count: megabyte / 3) + "c]"
        #expect(YAMLParser.parse(longFlow, file: "f.yaml").document?.root?["a"]?.asSequence?.count == megabyte / 3 + 1)

        let longKey = String(repeating: "k", count: megabyte) + ": v"
        #expect(YAMLParser.parse(longKey, file: "f.yaml").diagnostics.map(\.message) == ["a key longer than 1024 characters"])

        let unterminated = "a: \"" + String(repeating: "x", count: megabyte)
        #expect(YAMLParser.parse(unterminated, file: "f.yaml").diagnostics.map(\.message) == ["unterminated double-quoted string"])

        let number = "seed: " + String(repeating: "9", count: megabyte)
        #expect(YAMLParser.parse(number, file: "f.yaml").document?.root?["seed"]?.scalarText?.count == megabyte)

        let literal = "a: |\n" + String(repeating: "  line\n", count: megabyte / 7)
        #expect(YAMLParser.parse(literal, file: "f.yaml").document != nil)

        let garbage = String(repeating: "&*!%@`\t\u{0}", count: megabyte / 8)
        let result = YAMLParser.parse(garbage, file: "f.yaml")
        #expect(Self.check(result, source: garbage) == nil)
        #expect(!result.diagnostics.isEmpty)

        let manyLines = String(repeating: "- a: &x\n", count: 100_000)
        let manyErrors = YAMLParser.parse(manyLines, file: "f.yaml")
        #expect(manyErrors.diagnostics.count == YAMLParser.maximumDiagnostics + 1)
    }

    @Test func oddFiles() {
        for source in ["", "\n", "\u{FEFF}", "\0", "#", "---", "- ", ":", "\"", "'", "[", "{", "|", "\t", "\r\n\r\n", "\u{FFFD}"] {
            let result = YAMLParser.parse(source, file: "f.yaml")
            #expect(Self.check(result, source: source) == nil, "\(source.debugDescription)")
        }
        let bytes: [UInt8] = [0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0x0A, 0xFF]
        let result = YAMLParser.parse(bytes: bytes, file: "f.yaml")
        #expect(Self.check(result, source: String(decoding: bytes, as: UTF8.self)) == nil)
        #expect(result.diagnostics.first?.message == "invalid UTF-8")
    }
}
