import Foundation
import Scenarios

/// `simrun validate [--dump] FILE...`: parses and checks only; `--dump` prints the parsed
/// YAML document as JSON (what a string-only YAML loader gives).
enum ValidateCommand {
    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, command: "validate", valueOptions: [], flagOptions: ["--dump", "--no-color"])
        if reader.flag("--help") { Console.out(Help.text(for: "validate")); return 0 }
        guard !reader.positionals.isEmpty else { throw UsageError("missing scenario file", command: "validate") }
        var status: Int32 = 0
        for path in try files(reader.positionals) {
            guard let data = FileManager.default.contents(atPath: path) else {
                Console.error("\(path): error: cannot read the file")
                status = 2
                continue
            }
            if reader.flag("--dump") {
                let parsed = YAMLParser.parse(bytes: [UInt8](data), file: path)
                if let document = parsed.document {
                    Console.out(document.jsonText())
                } else {
                    let source = String(decoding: data, as: UTF8.self)
                    Console.diagnostics(DiagnosticRenderer(source: source).render(parsed.diagnostics), arguments: arguments)
                    status = 2
                }
                continue
            }
            switch ScenarioFiles.load(path) {
            case let .success(scenario):
                ScenarioFiles.warn(about: scenario, arguments: arguments)
                Console.out("\(path): ok")
            case let .failure(diagnostics):
                Console.diagnostics(diagnostics.text, arguments: arguments)
                status = 2
            }
        }
        return status
    }

    /// The paths, each folder replaced by the `.scn` files under it (an error if none).
    private static func files(_ paths: [String]) throws(UsageError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let found = try ScenarioFiles.find([path], command: "validate")
            guard !found.isEmpty else { throw UsageError("no .scn files under \(path)", command: "validate") }
            files += found
        }
        return files
    }
}
