import Foundation
import Testing
@testable import simrun

/// `check` and `run --seeds` talk while they run: lines on a pipe as runs finish, a progress
/// line on a terminal, colours only where wanted.
@Suite struct CheckOutputTests {
    /// Starts simrun and returns its first line of standard output, and whether the process
    /// was still running when that line came.
    private func firstLine(_ arguments: [String], environment: [String: String]) throws -> (line: String, stillRunning: Bool, rest: String) {
        let process = Process()
        process.executableURL = SimrunProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = SimrunProcess.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var data = Data()
        while !data.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            data += chunk
        }
        let stillRunning = process.isRunning
        let rest = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        return (String(text.prefix { $0 != "\n" }), stillRunning, text + String(decoding: rest, as: UTF8.self))
    }

    @Test func aPipeGetsEachResultLineAsItsRunFinishes() throws {
        // Seed 2 hangs until --run-timeout: seed 1's line must come out before that.
        let seen = try firstLine(["check", "scenarios/failover.scn", "--seeds", "1..2", "--jobs", "2", "--run-timeout", "5s"],
                                 environment: ["SIMRUN_WORKER_HANG_SEED": "2"])
        #expect(seen.line.hasPrefix("PASS scenarios/failover.scn (seed 1)"))
        #expect(seen.stillRunning, "the first line came only at the end")
        #expect(seen.rest.contains("TIMEOUT scenarios/failover.scn (seed 2)"))
        #expect(!seen.rest.contains("\u{1B}["), "no colours on a pipe")
    }

    @Test func theLinesKeepTheRunOrderWhateverOrderTheRunsFinishIn() throws {
        let arguments = ["check", "scenarios/failover.scn", "scenarios/drain.scn", "scenarios/worker-loss.scn", "--seeds", "1..3", "--jobs", "2"]
        let first = try SimrunProcess.run(arguments)
        let second = try SimrunProcess.run(arguments + ["--jobs", "1"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let files = first.stdout.split(separator: "\n").dropLast().map { $0.split(separator: " ")[1] }
        #expect(files == ["failover", "drain", "worker-loss"].flatMap { Array(repeating: "scenarios/\($0).scn"[...], count: 3) })
    }

    @Test func runSeedsNamesTheFailedExpectationAsCheckDoes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("simrun-seeds-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("fails.scn")
        try "scenario: expects the impossible\nduration: 10s\nexpect:\n  - at end: leader is none\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try SimrunProcess.run(["run", file.path, "--seeds", "1..2"])
        let check = try SimrunProcess.run(["check", file.path, "--seeds", "1..2"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("at end: leader is none"))
        #expect(run.stdout == check.stdout)
    }

    @Test func everyCommandAcceptsNoColor() throws {
        let commands: [[String]] = [
            ["scenarios/drain.scn", "--quiet"], ["--no-color", "scenarios/drain.scn", "--quiet"], ["check", "scenarios/drain.scn"],
            ["validate", "scenarios/drain.scn"], ["quorum", "--managers", "1..1"], ["bench", "engine", "--events", "1000", "--pending", "10"],
            ["sweep", "elections", "--seeds", "1..1", "--managers", "3"], ["fuzz", "--print", "1"], ["help", "faults"],
        ]
        for arguments in commands {
            let outcome = try SimrunProcess.run(arguments + ["--no-color"])
            #expect(outcome.status == 0, "simrun \(arguments.joined(separator: " ")) --no-color: \(outcome.stderr)")
        }
    }

    @Test func colourFollowsTheFlagNoColorAndTerm() {
        #expect(!TerminalSupport(environment: [:]).colors(on: -1, noColorFlag: false), "not a terminal")
        #expect(!TerminalSupport(environment: ["NO_COLOR": "1"]).colors(on: 0, noColorFlag: false))
        #expect(!TerminalSupport(environment: ["TERM": "dumb"]).isCapableTerminal(0))
        #expect(!TerminalSupport(environment: [:]).colors(on: 0, noColorFlag: true))
        #expect(ResultColors.paint("FAIL x.scn (seed 1): t", enabled: true) == "\u{1B}[1;31mFAIL\u{1B}[0m x.scn (seed 1): t")
        #expect(ResultColors.paint("FAIL x.scn", enabled: false) == "FAIL x.scn")
        let diagnostic = DiagnosticColors.paint("a.scn:1:2: error: bad\n  x\n  ^~\nhint: h", enabled: true)
        #expect(diagnostic == "a.scn:1:2: \u{1B}[1;31merror:\u{1B}[0m bad\n  x\n  \u{1B}[32m^~\u{1B}[0m\n\u{1B}[1;36mhint:\u{1B}[0m h")
    }

    @Test func theProgressLineCountsAndEstimatesTheTimeLeft() {
        #expect(ProgressLine.text(done: 3, total: 10, passed: 2, failed: 1, seconds: 6) == "[3/10] 2 passed, 1 failed, about 14s left")
        #expect(ProgressLine.text(done: 1, total: 100, passed: 1, failed: 0, seconds: 2) == "[1/100] 1 passed, 0 failed, about 3m18s left")
        #expect(ProgressLine.text(done: 10, total: 10, passed: 10, failed: 0, seconds: 6) == "[10/10] 10 passed, 0 failed")
        #expect(ProgressLine.text(done: 0, total: 4, passed: nil, failed: nil, seconds: 0) == "[0/4] run")
    }
}
