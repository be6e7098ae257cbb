import Foundation
import Scenarios
import SimEngine

/// What `check` and `run --seeds` say to their worker processes (`simrun __worker`), and
/// what the workers answer: one line of JSON each way per run. The parent sends one request
/// and waits for its answer before sending the next, so a worker that dies was running the
/// run last asked of it. Both sides are the same binary; the version guards against anything
/// else on the other end of the pipe.
enum WorkerProtocol {
    /// Raised on each incompatible change of the messages below.
    static let version = 1

    /// One run to do: the scenario file (loaded once per worker, by path) and how to run it.
    struct Request: Codable, Equatable, Sendable {
        var version = WorkerProtocol.version
        /// The path as the user gave it: it is also the `file` of the result.
        var file: String
        var seed: UInt64
        var until: SimDuration?
        var statistics: Bool

        var options: RunOptions { RunOptions(seed: seed, until: until, statistics: statistics) }
    }

    /// A finished run.
    struct Answer: Codable, Equatable, Sendable {
        var version = WorkerProtocol.version
        var result: RunResult
        /// The run's wall time in the worker (for the JUnit report's `time`).
        var wallSeconds: Double
    }

    /// The encoder of both sides: keys sorted, so that the same message is the same bytes in
    /// any process (a transcript of a worker can be compared with another).
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }

    /// A message as one line: JSON, which escapes every newline inside strings, then `\n`.
    static func line<Message: Encodable>(_ message: Message, encoder: JSONEncoder) throws -> Data {
        var data = try encoder.encode(message)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// A message read from one line (without its `\n`), of this protocol's version.
    static func message<Message: Decodable & Versioned>(_ type: Message.Type, from line: Data,
                                                         decoder: JSONDecoder) throws -> Message {
        let message = try decoder.decode(type, from: line)
        guard message.version == version else { throw VersionMismatch(found: message.version) }
        return message
    }

    /// A message of another version of the protocol.
    struct VersionMismatch: Error, CustomStringConvertible {
        var found: Int
        var description: String { "worker protocol version \(found), expected \(WorkerProtocol.version)" }
    }
}

/// A message that says which version of the protocol wrote it.
protocol Versioned {
    var version: Int { get }
}

extension WorkerProtocol.Request: Versioned {}
extension WorkerProtocol.Answer: Versioned {}
