import Foundation

extension ScenarioLoader {
    /// Loads the scenario file at `path` (as given, also put in diagnostics). A file that
    /// cannot be read gives one error at line 0, rendered without a source excerpt.
    public static func load(path: String) -> ScenarioLoadResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return unreadable(path, "no such file")
        }
        if isDirectory.boolValue { return unreadable(path, "is a directory, not a scenario file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            return unreadable(path, "cannot be read (permission denied?)")
        }
        return load(bytes: [UInt8](data), file: path)
    }

    private static func unreadable(_ path: String, _ reason: String) -> ScenarioLoadResult {
        .failure([Diagnostic(file: path, location: SourceLocation(line: 0, column: 0), message: "cannot read '\(path)': \(reason)")], source: "")
    }
}
