import Foundation
import Scenarios
import SimEngine

/// The scenario files `simrun fuzz` leaves in its `--out` folder: `fuzz-SEED.scn`, the
/// generated text under a comment that says what failed. A seed's file is written before it
/// runs and removed when it passes, so a crash of the whole process leaves behind the files
/// of the seeds it was running, marked as such.
struct FuzzReproducers: Sendable {
    var folder: String
    var limits: FuzzLimits

    /// `FOLDER/fuzz-SEED.scn`.
    func path(seed: UInt64) -> String {
        (folder.hasSuffix("/") ? folder : folder + "/") + ScenarioGenerator.fileName(seed: seed)
    }

    /// Creates the folder.
    func prepare() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// The file of a seed about to run: if it is still there later, the process died running it.
    @Sendable func writeRunning(seed: UInt64) {
        save(seed: seed, header: "# simrun fuzz: seed \(seed) was running when simrun fuzz died (a crash, or killed while hung)\n"
            + "# replay: simrun \(path(seed: seed))\n")
    }

    /// The file of a failed seed.
    func write(_ outcome: FuzzSeedOutcome) {
        save(seed: outcome.seed, header: FuzzFinding.header(seed: outcome.seed, findings: outcome.findings, replay: "simrun \(path(seed: outcome.seed))"))
    }

    /// Removes a passing seed's file.
    func remove(seed: UInt64) {
        try? FileManager.default.removeItem(atPath: path(seed: seed))
    }

    /// How to make the same file again.
    private func regenerate(seed: UInt64) -> String {
        "# regenerate: simrun fuzz --print \(seed) " + Self.limitOptions(limits).joined(separator: " ") + "\n"
    }

    /// The options of `simrun fuzz` that give `limits`: `[--small] --max-duration D`.
    static func limitOptions(_ limits: FuzzLimits) -> [String] {
        var small = FuzzLimits.small
        small.maximumDuration = limits.maximumDuration
        return (limits == small ? ["--small"] : []) + ["--max-duration", DurationFormat.format(limits.maximumDuration)]
    }

    private func save(seed: UInt64, header: String) {
        let text = header + regenerate(seed: seed) + ScenarioGenerator.text(seed: seed, limits: limits)
        _ = FileManager.default.createFile(atPath: path(seed: seed), contents: Data(text.utf8))
    }
}
