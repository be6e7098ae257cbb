import Foundation
import Scenarios

/// Finding and loading scenario files for the commands.
enum ScenarioFiles {
    /// Every `.scn` file under `paths` (files as given, folders searched recursively), sorted.
    static func find(_ paths: [String], command: String) throws(UsageError) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw UsageError("no such file or directory: '\(path)'", command: command)
            }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let found = (manager.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
                .filter { $0.hasSuffix(".scn") }
                .map { base + "/" + $0 }
            files.append(contentsOf: found.sorted())
        }
        return files
    }

    /// Prints the warnings about `scenario`'s timeline (faults that do nothing, or not what
    /// they seem to) on standard error; they change neither the run nor the exit status.
    static func warn(about scenario: Scenario, arguments: [String]) {
        let warnings = TimelineWarnings.warnings(for: scenario)
        guard !warnings.isEmpty else { return }
        let source = FileManager.default.contents(atPath: scenario.file).map { String(decoding: $0, as: UTF8.self) } ?? ""
        Console.diagnostics(DiagnosticRenderer(source: source).render(warnings), arguments: arguments)
    }

    /// Loads a scenario; on errors, renders every diagnostic (for standard error) instead.
    static func load(_ path: String) -> Result<Scenario, RenderedDiagnostics> {
        let result = ScenarioLoader.load(path: path)
        if let scenario = result.scenario { return .success(scenario) }
        return .failure(RenderedDiagnostics(text: result.renderedDiagnostics, count: result.diagnostics.count))
    }

    /// The scenario at `path`, or nil once its diagnostics are printed on standard error (the
    /// command then exits 2): what every command that runs one file does first.
    static func loadOrReport(_ path: String, arguments: [String]) -> Scenario? {
        switch load(path) {
        case let .success(scenario):
            return scenario
        case let .failure(diagnostics):
            Console.diagnostics(diagnostics.text, arguments: arguments)
            return nil
        }
    }
}

extension ScenarioFiles {
    /// False, with an error on standard error, for a classic scenario (`mode: classic`) given to
    /// a command that only knows Swarm mode (`explore`, `state`).
    static func isSwarmMode(_ scenario: Scenario, command: String) -> Bool {
        guard scenario.classic != nil else { return true }
        Console.error("Error: '\(scenario.file)' is a classic scenario (mode: classic): 'simrun \(command)' runs Swarm-mode scenarios only; 'simrun run' and 'simrun check' run classic ones")
        return false
    }
}

/// Diagnostics rendered for the user.
struct RenderedDiagnostics: Error {
    var text: String
    var count: Int
}
