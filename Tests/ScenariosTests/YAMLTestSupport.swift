import Foundation
@testable import Scenarios

/// Helpers shared by the YAML tests.
enum YAMLTestSupport {
    /// The parsed document of `source`, or nil when it has errors.
    static func document(_ source: String) -> YAMLDocument? {
        YAMLParser.parse(source, file: "test.yaml").document
    }

    /// A one-line rendering of the document: `{"a":["b",""]}`, `null` without root,
    /// `ERROR line:col message` for the first error.
    static func compact(_ source: String) -> String {
        switch YAMLParser.parse(source, file: "test.yaml") {
        case .document(let document):
            return document.root.map(compact) ?? "null"
        case .failure(let diagnostics):
            let first = diagnostics[0]
            return "ERROR \(first.location) \(first.message)"
        }
    }

    /// A one-line rendering of a node.
    static func compact(_ node: YAMLNode) -> String {
        switch node.kind {
        case .scalar(let scalar):
            return YAMLJSONWriter.quoted(scalar.text)
        case .sequence(let items):
            return "[" + items.map(compact).joined(separator: ",") + "]"
        case .mapping(let pairs):
            return "{" + pairs.map { YAMLJSONWriter.quoted($0.keyText) + ":" + compact($0.value) }.joined(separator: ",") + "}"
        }
    }

    /// The diagnostics for `source` (empty when it parses).
    static func errors(_ source: String) -> [Diagnostic] {
        YAMLParser.parse(source, file: "test.yaml").diagnostics
    }

    /// The directory of the fixtures.
    static var fixturesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// The package's `scenarios/` directory.
    static var scenariosDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scenarios")
    }

    /// The fixture files, sorted by name.
    static func fixtureFiles() -> [URL] {
        files(in: fixturesDirectory, extension: "yaml")
    }

    /// The files with `extension` under `directory` (recursively), sorted by path.
    static func files(in directory: URL, extension: String) -> [URL] {
        let directory = directory.resolvingSymlinksInPath()
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        var found: [URL] = []
        for case let url as URL in enumerator where url.pathExtension == `extension` {
            found.append(url)
        }
        return found.sorted { $0.path < $1.path }
    }
}
