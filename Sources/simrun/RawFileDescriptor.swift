import Foundation
import Glibc

/// An open file descriptor read and written with the system calls themselves: no buffering,
/// no exception on a broken pipe (the caller gets an error, not a crash), and usable with `poll`.
struct RawFileDescriptor {
    let value: Int32

    static let standardOutput = RawFileDescriptor(value: STDOUT_FILENO)

    /// A system call failed with `code` (an `errno` value).
    struct Failure: Error, CustomStringConvertible {
        var call: String
        var code: Int32
        var description: String { "\(call): \(String(cString: strerror(code)))" }
    }

    /// Writes all of `line`, however many calls it takes.
    func writeAll(_ line: [UInt8]) throws(Failure) {
        var failure: Failure?
        line.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(value, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = Failure(call: "write", code: errno)
                    return
                }
                offset += written
            }
        }
        if let failure { throw failure }
    }

    /// Appends what one `read` returns (at most `limit` bytes) to `buffer`; 0 at the end of
    /// the file.
    func read(appendingTo buffer: inout [UInt8], limit: Int = 65_536) throws(Failure) -> Int {
        let outcome: Result<Int, Failure> = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: limit) { scratch in
            while true {
                let count = Glibc.read(value, scratch.baseAddress!, limit)
                if count >= 0 {
                    buffer.append(contentsOf: scratch[..<count])
                    return .success(count)
                }
                if errno != EINTR { return .failure(Failure(call: "read", code: errno)) }
            }
        }
        return try outcome.get()
    }

    func close() {
        _ = Glibc.close(value)
    }
}
