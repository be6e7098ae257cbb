import Foundation

/// Where a reporter writes its text: standard output, a file, or memory.
///
/// Reporters call `write` once per line or block and `flush` when the run ends.
/// Implementations buffer as they like; nothing is guaranteed to reach its destination
/// before `flush`.
public protocol TimelineOutput: AnyObject {
    /// Appends text (UTF-8, already formatted, newlines included).
    func write(_ text: String)
    /// Pushes buffered text to its destination.
    func flush()
}

extension TimelineOutput {
    public func flush() {}
}

/// Keeps everything written in memory: for tests, and for runs whose output is printed later
/// (parallel `--seeds` runs print each run's report whole, in seed order).
public final class TimelineBuffer: TimelineOutput {
    /// Everything written so far.
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) {
        self.text += text
    }

    /// Forgets what was written.
    public func clear() {
        text = ""
    }
}

/// Failure to open the file given to `--output` or `--junit`.
public struct TimelineOutputError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot write '\(path)': \(reason)" }
}

/// Writes to a file handle (standard output, standard error or a file) in chunks.
///
/// A run can emit hundreds of thousands of lines; text collects in a byte buffer and
/// reaches the handle once the buffer holds `chunkSize` bytes, or on `flush()` (also
/// called when the output is released). Writes to a closed pipe are ignored.
public final class FileTimelineOutput: TimelineOutput {
    private let handle: FileHandle
    private let closesHandle: Bool
    private let chunkSize: Int
    private var buffer: [UInt8] = []

    /// An output to `handle`; `closeWhenDone` closes it when the output is released.
    public init(handle: FileHandle, closeWhenDone: Bool = false, chunkSize: Int = 64 * 1024) {
        self.handle = handle
        self.closesHandle = closeWhenDone
        self.chunkSize = max(1, chunkSize)
        buffer.reserveCapacity(self.chunkSize + 4096)
    }

    /// An output that creates (or truncates) the file at `path`.
    /// - Throws: `TimelineOutputError` when the file cannot be created.
    public convenience init(path: String, chunkSize: Int = 64 * 1024) throws(TimelineOutputError) {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw TimelineOutputError(path: path, reason: Self.reasonForFailure(at: path))
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw TimelineOutputError(path: path, reason: "the file cannot be opened for writing")
        }
        self.init(handle: handle, closeWhenDone: true, chunkSize: chunkSize)
    }

    /// The process's standard output.
    public static func standardOutput() -> FileTimelineOutput {
        FileTimelineOutput(handle: .standardOutput)
    }

    /// The process's standard error.
    public static func standardError() -> FileTimelineOutput {
        FileTimelineOutput(handle: .standardError)
    }

    /// - Complexity: amortised O(n) in the length of `text`.
    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= chunkSize { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        let data = buffer.withUnsafeBufferPointer { Data(buffer: $0) }
        try? handle.write(contentsOf: data)
        buffer.removeAll(keepingCapacity: true)
    }

    deinit {
        flush()
        if closesHandle { try? handle.close() }
    }

    private static func reasonForFailure(at path: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return "it is a directory"
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && !FileManager.default.fileExists(atPath: parent) {
            return "no such directory '\(parent)'"
        }
        return "permission denied or read-only file system"
    }
}
