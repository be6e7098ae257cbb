import Foundation
import Scenarios
import SimEngine

/// Runs a seed again in a new `simrun fuzz --jsonl SEED` process and compares its JSON lines
/// with this process's: same file, same seed, byte-identical output in any process.
enum FuzzProcessCheck {
    /// Nil when the other process wrote the same lines; else what differed.
    static func compare(seed: UInt64, limits: FuzzLimits, with output: LineDigestOutput) -> FuzzFinding? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath)
        process.arguments = ["fuzz", "--jsonl", "\(seed)"] + FuzzReproducers.limitOptions(limits)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return FuzzFinding(.nondeterministicAcrossProcesses, "cannot start \(executablePath): \(error.localizedDescription)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal {
            return FuzzFinding(.crash, "the run in a second process died of signal \(process.terminationStatus)")
        }
        let other = LineDigestOutput()
        other.write(String(decoding: data, as: UTF8.self))
        other.flush()
        guard let line = output.firstDifference(from: other) else { return nil }
        return FuzzFinding(.nondeterministicAcrossProcesses, "a second process wrote different JSON lines from line \(line) on "
            + "(\(output.lines.count) and \(other.lines.count) lines); compare 'simrun fuzz --jsonl \(seed)' run twice")
    }

    /// This program's own executable.
    private static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
