import Foundation
import Testing
@testable import Scenarios

/// Runs PyYAML's `BaseLoader` (the string-only loader SCENARIO_FORMAT §1 names)
/// over files and returns its JSON dumps.
enum PyYAML {
    /// What PyYAML made of one file.
    enum Outcome {
        case document(json: String)
        case error(String)
    }

    /// Whether `python3` with the `yaml` module can be run here.
    static let isAvailable: Bool = {
        (try? run(script: "import yaml", arguments: []))?.status == 0
    }()

    /// PyYAML's outcome for each path, by path.
    static func load(_ paths: [String]) throws -> [String: Outcome] {
        let script = """
            import json, sys, yaml
            out = {}
            for path in sys.argv[1:]:
                try:
                    with open(path, 'rb') as f:
                        value = yaml.load(f, Loader=yaml.BaseLoader)
                    out[path] = {"ok": True, "json": json.dumps(value, indent=2, ensure_ascii=False)}
                except Exception as error:
                    out[path] = {"ok": False, "error": str(error)}
            sys.stdout.write(json.dumps(out))
            """
        let (status, output) = try run(script: script, arguments: paths)
        guard status == 0,
            let object = try JSONSerialization.jsonObject(with: output) as? [String: [String: Any]]
        else {
            throw CocoaError(.fileReadCorruptFile)
        }
        var outcomes: [String: Outcome] = [:]
        for path in paths {
            guard let entry = object[path] else { continue }
            if entry["ok"] as? Bool == true, let json = entry["json"] as? String {
                outcomes[path] = .document(json: json)
            } else {
                outcomes[path] = .error(entry["error"] as? String ?? "?")
            }
        }
        return outcomes
    }

    private static func run(script: String, arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}

@Suite struct YAMLCompatibilityTests {
    /// Errors for YAML that PyYAML accepts but SCENARIO_FORMAT §1 rejects.
    static let stricterThanPyYAML = [
        "duplicate key", "anchors", "aliases", "tags", "complex keys", "folded block scalars",
        "directives", "the document end marker", "a comment needs a space",
    ]

    @Test func thereAreEnoughFixtures() {
        #expect(YAMLTestSupport.fixtureFiles().count >= 10)
    }

    @Test(.enabled(if: PyYAML.isAvailable, "python3 with PyYAML is not installed: comparison skipped"))
    func dumpEqualsPyYAMLBaseLoader() throws {
        let fixtures = YAMLTestSupport.fixtureFiles()
        let scenarios = YAMLTestSupport.files(in: YAMLTestSupport.scenariosDirectory, extension: "scn")
        let files = fixtures + scenarios
        let outcomes = try PyYAML.load(files.map(\.path))
        for url in files {
            let bytes = try [UInt8](Data(contentsOf: url))
            let ours = YAMLParser.parse(bytes: bytes, file: url.path)
            let isFixture = fixtures.contains(url)
            switch (outcomes[url.path], ours) {
            case (.document(let expected)?, .document(let document)):
                let actual = document.jsonText()
                #expect(actual == expected, "\(url.lastPathComponent): our dump differs from PyYAML's")
                #expect((try? JSONSerialization.jsonObject(with: Data(actual.utf8), options: .fragmentsAllowed)) != nil)
            case (.document?, .failure(let diagnostics)):
                // A scenario may show off an error the format adds on purpose.
                let deliberate = !isFixture && diagnostics.allSatisfy { diagnostic in
                    Self.stricterThanPyYAML.contains { diagnostic.message.hasPrefix($0) }
                }
                if !deliberate {
                    Issue.record("\(url.lastPathComponent): PyYAML reads it, we reject it: \(diagnostics)")
                }
            case (.error(let message)?, .document):
                Issue.record("\(url.lastPathComponent): we read it, PyYAML rejects it: \(message)")
            case (.error(let message)?, .failure):
                #expect(!isFixture, "\(url.lastPathComponent): fixture rejected by both: \(message)")
            case (nil, _):
                Issue.record("\(url.lastPathComponent): no answer from PyYAML")
            }
        }
    }

    @Test func jsonWriterFormatsLikePythonJSONDumps() throws {
        let root = try #require(YAMLTestSupport.document("a: [x, {}, []]\nb: {c: \"q\\\"\\\\\\n\\t\\u0001\\u007F\\u00e9\"}\nd:")?.root)
        let expected = """
            {
              "a": [
                "x",
                {},
                []
              ],
              "b": {
                "c": "q\\"\\\\\\n\\t\\u0001\u{7F}é"
              },
              "d": ""
            }
            """
        #expect(root.jsonText() == expected)
        #expect(YAMLDocument(root: nil).jsonText() == "null")
        #expect(YAMLJSONWriter.quoted("\u{8}\u{C}\r\u{1F}") == #""\b\f\r\u001f""#)
    }
}
