import Testing
@testable import Scenarios

/// `Testing` has a `SourceLocation` too.
private typealias Location = Scenarios.SourceLocation

@Suite struct YAMLParserTests {
    private func compact(_ source: String) -> String { YAMLTestSupport.compact(source) }

    // MARK: - Constructs

    @Test func emptyFilesHaveNoRoot() {
        #expect(compact("") == "null")
        #expect(compact("# only a comment\n\n   \n") == "null")
        #expect(compact("---") == "\"\"")
        #expect(compact("--- # start\n") == "\"\"")
    }

    @Test func blockMappingsKeepFileOrder() {
        #expect(compact("b: 1\na: 2\nc: 3") == #"{"b":"1","a":"2","c":"3"}"#)
        #expect(compact("a:\n  b:\n    c: d\n  e: f\ng: h") == #"{"a":{"b":{"c":"d"},"e":"f"},"g":"h"}"#)
        #expect(compact("  a: b\n  c: d") == #"{"a":"b","c":"d"}"#)
        #expect(compact("a   : b") == #"{"a":"b"}"#)
    }

    @Test func emptyValuesAreNull() throws {
        #expect(compact("a:\nb: \nc: # comment") == #"{"a":"","b":"","c":""}"#)
        let root = try #require(YAMLTestSupport.document("a:\nb: x")?.root)
        #expect(root["a"]?.isNull == true)
        #expect(root["a"]?.location == Location(line: 1, column: 3))
        #expect(root["b"]?.isNull == false)
        #expect(compact("- \n-\n- x") == #"["","","x"]"#)
    }

    @Test func blockSequences() {
        #expect(compact("- a\n- b") == #"["a","b"]"#)
        #expect(compact("a:\n- x\n- y\nb: z") == #"{"a":["x","y"],"b":"z"}"#)
        #expect(compact("a:\n  - x\n  - y") == #"{"a":["x","y"]}"#)
        #expect(compact("- - a\n  - b\n- c") == #"[["a","b"],"c"]"#)
        #expect(compact("-\n  - a\n-\n  b") == #"[["a"],"b"]"#)
        #expect(compact("- # comment\n  a") == #"["a"]"#)
    }

    @Test func compactMappingsInSequences() {
        let timeline = """
            timeline:
              - at 30s: crash m1
              - at 50s: docker service scale web=8
                via: m2
                expect: error "no such service"
            """
        #expect(
            compact(timeline)
                == #"{"timeline":[{"at 30s":"crash m1"},{"at 50s":"docker service scale web=8","via":"m2","expect":"error \"no such service\""}]}"#
        )
        #expect(compact("- a:\n  - b\n  c: d") == #"[{"a":["b"],"c":"d"}]"#)
        #expect(compact("-  a:  b\n   c: d") == #"[{"a":"b","c":"d"}]"#)
        #expect(compact("- a:\n    b: c\n  d: e") == #"[{"a":{"b":"c"},"d":"e"}]"#)
    }

    @Test func plainScalars() {
        #expect(compact("a: partition m1 m2 | m3") == #"{"a":"partition m1 m2 | m3"}"#)
        #expect(compact("a: node.role == worker") == #"{"a":"node.role == worker"}"#)
        #expect(compact("a: error \"text it contains\"") == #"{"a":"error \"text it contains\""}"#)
        #expect(compact("a: b:c") == #"{"a":"b:c"}"#)
        #expect(compact("a: b#c # comment") == #"{"a":"b#c"}"#)
        #expect(compact("a: -1\nb: ?x\nc: :y\nd: 1e999") == #"{"a":"-1","b":"?x","c":":y","d":"1e999"}"#)
        #expect(compact("a: yes\nb: ~\nc: null") == #"{"a":"yes","b":"~","c":"null"}"#)
        #expect(compact("a: --- b\nc: ...d") == #"{"a":"--- b","c":"...d"}"#)
    }

    @Test func multiLinePlainScalarsFold() {
        #expect(compact("a: b\n  c\n  d") == #"{"a":"b c d"}"#)
        #expect(compact("a: b\n\n  c\n\n\n  d") == #"{"a":"b\nc\n\nd"}"#)
        #expect(compact("- a\n b") == #"["a b"]"#)
        #expect(compact("a: b\n  - c") == #"{"a":"b - c"}"#)
        #expect(compact("a:\n  b\n  c\nd: e") == #"{"a":"b c","d":"e"}"#)
        #expect(compact("top\nlevel") == #""top level""#)
    }

    @Test func quotedScalars() {
        #expect(compact("a: 'it''s'") == #"{"a":"it's"}"#)
        #expect(compact(#"a: 'back\slash'"#) == #"{"a":"back\\slash"}"#)
        #expect(compact(#"a: "q\" b\\ n\n t\t""#) == #"{"a":"q\" b\\ n\n t\t"}"#)
        #expect(compact(#"a: "\/ \0 \r \x41 \u00e9 \U0001F600 \e \ ""#) == #"{"a":"/ \u0000 \r A é 😀 \u001b  "}"#)
        #expect(compact("\"80:80\": \"x\"") == #"{"80:80":"x"}"#)
        #expect(compact("'a b' : c") == #"{"a b":"c"}"#)
        #expect(compact("a: \"b\n  c\"") == #"{"a":"b c"}"#)
        #expect(compact("a: \"b  \n\n   c\"") == #"{"a":"b\nc"}"#)
        #expect(compact("a: \"b\\\n   c\"") == #"{"a":"bc"}"#)
        #expect(compact("a: 'x\n\n  y'") == #"{"a":"x\ny"}"#)
        #expect(compact("a: \"\" # empty") == #"{"a":""}"#)
    }

    @Test func flowCollections() {
        #expect(compact("a: [b, c]") == #"{"a":["b","c"]}"#)
        #expect(compact("a: {k: v, k2: [x]}") == #"{"a":{"k":"v","k2":["x"]}}"#)
        #expect(compact("[a, ]") == #"["a"]"#)
        #expect(compact("{a: 1, }") == #"{"a":"1"}"#)
        #expect(compact("[[], {}, [[a]]]") == #"[[],{},[["a"]]]"#)
        #expect(compact("{a, b: , c:}") == #"{"a":"","b":"","c":""}"#)
        #expect(compact("[a: b, c]") == #"[{"a":"b"},"c"]"#)
        #expect(compact("{a:b}") == #"{"a:b":""}"#)
        #expect(compact(#"{"a":b}"#) == #"{"a":"b"}"#)
        #expect(compact("[a b, c:d, \"e, f\", 'g]']") == #"["a b","c:d","e, f","g]"]"#)
        #expect(compact("a: [b,\n  c, # comment\n  d\n  e]") == #"{"a":["b","c","d e"]}"#)
        #expect(compact("a: [b, c] # comment") == #"{"a":["b","c"]}"#)
    }

    @Test func literalBlockScalars() {
        #expect(compact("a: |\n  x\n  y\n\nb: c") == #"{"a":"x\ny\n","b":"c"}"#)
        #expect(compact("a: |-\n  x\n\n") == #"{"a":"x"}"#)
        #expect(compact("a: |+\n  x\n\n") == #"{"a":"x\n\n"}"#)
        #expect(compact("a: |2\n   x\n  y") == #"{"a":" x\ny"}"#)
        #expect(compact("a: |-2\n    x") == #"{"a":"  x"}"#)
        #expect(compact("a: |2-\n    x") == #"{"a":"  x"}"#)
        #expect(compact("a: | # comment\n  x\n   # kept\n  \ty\n") == #"{"a":"x\n # kept\n\ty\n"}"#)
        #expect(compact("a: |\nb: c") == #"{"a":"","b":"c"}"#)
        #expect(compact("- |\n x\n- y") == #"["x\n","y"]"#)
        #expect(compact("a: |\n  x\n # comment\nb: d") == #"{"a":"x\n","b":"d"}"#)
        #expect(compact("a: |\n\n\n  x\n\n\nb: c") == #"{"a":"\n\nx\n","b":"c"}"#)
        #expect(compact("--- |\n x") == #""x""#)
    }

    @Test func documentStartAndLineEndings() {
        #expect(compact("---\na: b") == #"{"a":"b"}"#)
        #expect(compact("--- a") == #""a""#)
        #expect(compact("--- [a]") == #"["a"]"#)
        #expect(compact("a: b\r\nc: |\r\n  x\r\n  y\r\n") == #"{"a":"b","c":"x\ny\n"}"#)
        #expect(compact("a: b\rc: d") == #"{"a":"b","c":"d"}"#)
        #expect(compact("\u{FEFF}a: b") == #"{"a":"b"}"#)
    }

    // MARK: - Positions

    @Test func nodesCarryTheirPositions() throws {
        let source = """
            scenario: leader failover
            cluster:
              managers: 3
              ports: ["80:80", 'x']
            timeline:
              - at 30s: crash m1
                via: m2
              - plain
            text: |
              hello
            """
        let root = try #require(YAMLTestSupport.document(source)?.root)
        #expect(root.location == Location(line: 1, column: 1))
        let scenario = try #require(root.pair(forKey: "scenario"))
        #expect(scenario.key.location == Location(line: 1, column: 1))
        #expect(scenario.key.scalar?.length == 8)
        #expect(scenario.value.location == Location(line: 1, column: 11))
        #expect(scenario.value.scalar?.length == 15)
        let cluster = try #require(root["cluster"])
        #expect(cluster.location == Location(line: 3, column: 3))
        #expect(cluster["managers"]?.location == Location(line: 3, column: 13))
        let ports = try #require(cluster["ports"])
        #expect(ports.location == Location(line: 4, column: 10))
        #expect(ports.asSequence?[0].location == Location(line: 4, column: 11))
        #expect(ports.asSequence?[0].scalar?.length == 7)
        #expect(ports.asSequence?[0].scalar?.style == .doubleQuoted)
        #expect(ports.asSequence?[1].location == Location(line: 4, column: 20))
        #expect(ports.asSequence?[1].scalar?.style == .singleQuoted)
        let timeline = try #require(root["timeline"]?.asSequence)
        #expect(root["timeline"]?.location == Location(line: 6, column: 3))
        #expect(timeline[0].location == Location(line: 6, column: 5))
        #expect(timeline[0].asMapping?[0].keyText == "at 30s")
        #expect(timeline[0]["at 30s"]?.location == Location(line: 6, column: 13))
        #expect(timeline[0]["via"]?.location == Location(line: 7, column: 10))
        #expect(timeline[1].location == Location(line: 8, column: 5))
        #expect(root["text"]?.location == Location(line: 9, column: 7))
        #expect(root["text"]?.scalar?.style == .literal)
        #expect(root.keys == ["scenario", "cluster", "timeline", "text"])
    }

    @Test func columnsCountUnicodeScalars() throws {
        let root = try #require(YAMLTestSupport.document("é🐳: x")?.root)
        #expect(root["é🐳"]?.location == Location(line: 1, column: 5))
    }

    // MARK: - Rejections

    private func firstError(_ source: String) -> (String, Location)? {
        YAMLTestSupport.errors(source).first.map { ($0.message, $0.location) }
    }

    @Test(arguments: [
        ("a: &x b", "anchors ('&') are not supported", 1, 4),
        ("a: *x", "aliases ('*') are not supported", 1, 4),
        ("a: !!str b", "tags ('!') are not supported", 1, 4),
        ("? a\n: b", "complex keys ('?') are not supported", 1, 1),
        ("a: >\n  folded", "folded block scalars ('>') are not supported", 1, 4),
        ("a: b\n---\nc: d", "a second document ('---') is not supported", 2, 1),
        ("a: b\n...\n", "the document end marker '...' is not supported", 2, 1),
        ("%YAML 1.2\n---\na: b", "directives ('%') are not supported", 1, 1),
        ("a: 'b", "unterminated single-quoted string", 1, 4),
        ("a: \"b\nc: d", "unterminated double-quoted string", 1, 4),
        ("a: [b, c\nd: e", "unterminated flow sequence: missing ']'", 1, 4),
        ("a: {b: c", "unterminated flow mapping: missing '}'", 1, 4),
        ("a: [b, , c]", "unexpected ','", 1, 8),
        ("a: [b c: d: e]", "expected ',' or ']' in a flow sequence", 1, 11),
        ("a: b: c", "unexpected ':' in a value", 1, 5),
        ("a: - b", "a block sequence cannot start on the same line as its key", 1, 4),
        ("a: b\n  c: d", "unexpected 'key: value' inside a multi-line plain value", 2, 3),
        ("a: \"b\"\n  c: d", "unexpected indentation", 2, 3),
        ("a:\n  - b\n  c: d", "unexpected indentation", 3, 3),
        ("a: b\nc", "expected 'key: value', found text without ': '", 2, 1),
        ("a: b\nc\nd: e", "expected 'key: value', found text without ': '", 2, 1),
        ("scenario x\nseed: 1", "expected 'key: value', found text without ': '", 1, 1),
        ("a:\n  b: 1\n  c\n  d: 2", "expected 'key: value', found text without ': '", 3, 3),
        ("a:\n  - b\n    c: 1", "unexpected 'key: value' inside a multi-line plain value", 3, 5),
        ("a: b\n- c", "expected 'key: value', found a sequence entry '- '", 2, 1),
        ("- a\nb: c", "unexpected content after the end of the document", 2, 1),
        ("[a]: b", "a mapping key must be a plain or quoted scalar", 1, 1),
        ("{a: b}: c", "a mapping key must be a plain or quoted scalar", 1, 1),
        ("a: \"x\"y", "unexpected text after a quoted string", 1, 7),
        ("a: [b]c", "unexpected text after a flow collection", 1, 7),
        ("a: \"x\"#c", "a comment needs a space before '#'", 1, 7),
        ("a: \"\\q\"", "unknown escape '\\q'", 1, 5),
        ("a: \"\\x4\"", "'\\x' needs 2 hexadecimal digits", 1, 5),
        ("a: \"\\uD800\"", "'\\u' escape of an invalid code point", 1, 5),
        ("a: |x\n  b", "unexpected text after '|'", 1, 5),
        ("a: |0\n  b", "the indentation indicator must be 1 to 9", 1, 5),
        (": a", "missing key before ':'", 1, 1),
        ("a: @b", "'@' is reserved and cannot start a plain value", 1, 4),
        ("a: [|]", "a '|' block scalar cannot be inside a flow collection", 1, 5),
        ("a: [- b]", "a block sequence entry '- ' cannot be inside a flow collection", 1, 5),
        ("\"a\nb\": c", "a key must be on one line", 1, 1),
        ("a: \u{0}", "character U+0000 is not allowed in a YAML file", 1, 4),
        ("a: b\u{2028}c", "character U+2028 is not allowed in a YAML file", 1, 5),
    ])
    func rejects(source: String, message: String, line: Int, column: Int) {
        let found = firstError(source)
        #expect(found?.0 == message, "\(source.debugDescription)")
        #expect(found?.1 == Location(line: line, column: column), "\(source.debugDescription)")
    }

    @Test func aMissingSpaceAfterTheColonGetsAHint() {
        let errors = YAMLTestSupport.errors("scenario: x\nseed:7")
        #expect(errors.first?.message == "expected 'key: value', found text without ': '")
        #expect(errors.first?.hint == "put a space after the ':' of 'key: value'")
        #expect(errors.first?.length == 6)
    }

    @Test func duplicateKeysAreErrors() {
        let errors = YAMLTestSupport.errors("a: 1\nb: 2\na: 3\nc: {x: 1, 'x': 2}")
        #expect(errors.map(\.message) == ["duplicate key 'a'", "duplicate key 'x'"])
        #expect(errors.map(\.location) == [Location(line: 3, column: 1), Location(line: 4, column: 11)])
        #expect(errors[0].hint == "the key is first defined at line 1; each key may appear once")
        #expect(errors[0].length == 1)
        #expect(errors[1].length == 3)
    }

    @Test func tabsAreErrors() {
        let indented = YAMLTestSupport.errors("a:\n\tb: c\nd: e")
        #expect(indented.map(\.message) == ["tab in indentation"])
        #expect(indented.first?.location == Location(line: 2, column: 1))
        #expect(YAMLTestSupport.errors("a: b\t# c").map(\.message) == ["tab character outside a quoted string"])
        #expect(YAMLTestSupport.errors("a:\tb").first?.location == Location(line: 1, column: 3))
        #expect(YAMLTestSupport.errors("a: \"b\tc\"\nd: |\n  x\ty\n# \tc").isEmpty)
    }

    @Test func reportsEveryErrorNotOnlyTheFirst() {
        let source = """
            scenario: x
            cluster:
              managers: &m 3
              workers: 2
            nodes:
              w1: {cpus: 4
              w2: ok
            timeline:
              - at 1s: crash m1
              - at 2s: 'unterminated
              - at 3s: heal
            expect: !tag x
            """
        let errors = YAMLTestSupport.errors(source)
        #expect(errors.map(\.location.line) == [3, 6, 10, 12])
        #expect(errors.map(\.message) == [
            "anchors ('&') are not supported",
            "unterminated flow mapping: missing '}'",
            "unterminated single-quoted string",
            "tags ('!') are not supported",
        ])
    }

    @Test func nestingIsCapped() {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(YAMLTestSupport.errors(ok).isEmpty)
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(YAMLTestSupport.errors(deep).map(\.message) == ["nesting deeper than 64 levels"])
        let block = String(repeating: "- ", count: 65) + "x"
        #expect(YAMLTestSupport.errors(block).map(\.message) == ["nesting deeper than 64 levels"])
        #expect(YAMLTestSupport.errors(String(repeating: "- ", count: 64) + "x").isEmpty)
    }

    @Test func stopsAfterTooManyErrors() {
        let source = String(repeating: "a: &x\n", count: 500)
        let errors = YAMLTestSupport.errors(source)
        #expect(errors.count == YAMLParser.maximumDiagnostics + 1)
        #expect(errors.last?.message.hasPrefix("too many errors") == true)
    }

    @Test func invalidUTF8IsReported() {
        let bytes: [UInt8] = Array("a: b\nc: ".utf8) + [0xFF, 0xFE] + Array("\n".utf8)
        let result = YAMLParser.parse(bytes: bytes, file: "bad.yaml")
        #expect(result.diagnostics.map(\.message) == ["invalid UTF-8"])
        #expect(result.diagnostics.first?.location == Location(line: 2, column: 4))
        #expect(YAMLParser.parse(bytes: Array("a: é".utf8), file: "ok.yaml").document != nil)
    }

    @Test func lookupConveniences() throws {
        let root = try #require(YAMLTestSupport.document("a: [x, y]\nb: {c: d}\ne:")?.root)
        #expect(root["a"]?.asSequence?.compactMap(\.scalarText) == ["x", "y"])
        #expect(root["b"]?["c"]?.scalarText == "d")
        #expect(root["missing"] == nil)
        #expect(root.pair(forKey: "b")?.key.location == Location(line: 2, column: 1))
        #expect(root["a"]?.kindDescription == "a sequence")
        #expect(root["b"]?.kindDescription == "a mapping")
        #expect(root["e"]?.kindDescription == "an empty value")
        #expect(root["a"]?.asMapping == nil)
        let diagnostic = try #require(root["b"]?["c"]).diagnostic("bad", file: "f.scn", hint: "fix")
        #expect(diagnostic.location == Location(line: 2, column: 8))
        #expect(diagnostic.hint == "fix")
    }
}
