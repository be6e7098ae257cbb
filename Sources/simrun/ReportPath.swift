import Foundation

/// Checks, before any run, that a report can be written where the user asked.
enum ReportPath {
    /// Why `path` cannot be written, or nil if it can (an existing file that is writable, or a
    /// new one in a writable folder).
    static func problem(writing path: String) -> String? {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return "it is a directory" }
            return manager.isWritableFile(atPath: path) ? nil : "permission denied"
        }
        let folder = (path as NSString).deletingLastPathComponent
        let parent = folder.isEmpty ? "." : folder
        guard manager.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            return "no such folder '\(parent)'"
        }
        return manager.isWritableFile(atPath: parent) ? nil : "the folder '\(parent)' is not writable"
    }
}
