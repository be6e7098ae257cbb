import Scenarios
import SimEngine

/// What `check` and `run --seeds` say to their worker processes (`simrun __worker`), and
/// what the workers answer: one line each way per run, in the field-line format
/// (`FieldLineWriter`), the protocol's version first. The parent sends one request and waits
/// for its answer before sending the next, so a worker that dies was running the run last
/// asked of it. Both sides are the same binary; the version guards against anything else
/// on the other end of the pipe.
enum WorkerProtocol {
    /// Raised on each incompatible change of the lines below.
    static let version = 1

    /// One run to do: the scenario file (loaded once per worker, by path) and how to run it.
    struct Request: Equatable, Sendable {
        /// The path as the user gave it: it is also the `file` of the result.
        var file: String
        var seed: UInt64
        var until: SimDuration?
        var statistics: Bool

        var options: RunOptions { RunOptions(seed: seed, until: until, statistics: statistics) }

        /// `VERSION FILE SEED HAS_UNTIL [UNTIL_NS] STATISTICS`
        var line: [UInt8] {
            var line = WorkerProtocol.writer()
            line.add(file)
            line.add(seed)
            line.add(until != nil)
            if let until { line.add(until.nanoseconds) }
            line.add(statistics)
            return line.line
        }

        init(file: String, seed: UInt64, until: SimDuration?, statistics: Bool) {
            self.file = file
            self.seed = seed
            self.until = until
            self.statistics = statistics
        }

        /// Reads a request line (without its newline).
        init(line bytes: [UInt8]) throws(FieldLineReader.Failure) {
            var line = try WorkerProtocol.reader(bytes)
            file = try line.string()
            seed = try line.integer()
            until = try line.flag() ? SimDuration(nanoseconds: try line.integer()) : nil
            statistics = try line.flag()
            try line.finish()
        }
    }

    /// A finished run.
    struct Answer: Equatable, Sendable {
        var result: RunResult
        /// The run's wall time in the worker (for the JUnit report's `time`).
        var wallSeconds: Double

        /// `VERSION WALL_SECONDS RESULT...`
        var line: [UInt8] {
            var line = WorkerProtocol.writer()
            line.add(wallSeconds)
            result.write(to: &line)
            return line.line
        }

        init(result: RunResult, wallSeconds: Double) {
            self.result = result
            self.wallSeconds = wallSeconds
        }

        /// Reads an answer line (without its newline).
        init(line bytes: [UInt8]) throws(FieldLineReader.Failure) {
            var line = try WorkerProtocol.reader(bytes)
            wallSeconds = try line.double()
            result = try RunResult(from: &line)
            try line.finish()
        }
    }

    /// A line started with the version.
    private static func writer() -> FieldLineWriter {
        var line = FieldLineWriter()
        line.add(version)
        return line
    }

    /// A reader past the version, which must be this one.
    private static func reader(_ bytes: [UInt8]) throws(FieldLineReader.Failure) -> FieldLineReader {
        var line = FieldLineReader(bytes)
        let found = try line.string()
        guard found == String(version) else {
            throw FieldLineReader.Failure(description: "worker protocol version '\(found)', expected \(version)")
        }
        return line
    }
}
