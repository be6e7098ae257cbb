import Scenarios
import Testing
@testable import simrun

/// The small parts of the worker machinery: the tail of a worker's standard error, how a
/// process ended, the summary line, the protocol's lines.
@Suite struct WorkerPartsTests {
    @Test func theTailKeepsTheFirstLineAndTheLastOnes() {
        var tail = OutputTail(lastLineCount: 3)
        tail.append(Array("Fatal error: boom\n\nframe 1\nframe 2\r\n".utf8))
        tail.append(Array("frame 3\nframe 4\nframe 5\nunfinished".utf8))
        #expect(tail.lines == ["Fatal error: boom", "... (3 lines left out)", "frame 4", "frame 5", "unfinished"])
        tail.reset()
        #expect(tail.lines.isEmpty)
        tail.append(Array(repeating: UInt8(ascii: "x"), count: 5_000))
        #expect(tail.lines == [String(repeating: "x", count: tail.longestLine)])
    }

    @Test func processEndsAreDescribed() {
        #expect(ProcessEnd(waitStatus: 6).description == "signal 6 (SIGABRT)")
        #expect(ProcessEnd(waitStatus: 9).description == "signal 9 (SIGKILL)")
        #expect(ProcessEnd(waitStatus: 2 << 8).description == "exit status 2")
        #expect(ProcessEnd(waitStatus: 0) == .exited(status: 0))
        #expect(ProcessEnd(waitStatus: 64).description == "signal 64")
    }

    @Test func theSummaryLineKeepsItsFormWhenEveryRunGaveAResult() {
        var tally = RunTally()
        let run = RunTally.Run(file: "x.scn", title: "x", seed: 1)
        let failure = WorkerFailure(reason: "signal 6 (SIGABRT)", errorLines: [], wallSeconds: 0)
        #expect(tally.summary() == "0 passed, 0 failed")
        #expect(tally.summary(invalid: 2) == "0 passed, 0 failed, 2 invalid")
        _ = tally.add(.timedOut(failure), of: run, quiet: false, details: true)
        #expect(tally.summary() == "0 passed, 0 failed, 1 timed out")
        let lines = tally.add(.crashed(failure), of: run, quiet: true, details: true)
        #expect(lines == ["CRASH x.scn (seed 1): x - signal 6 (SIGABRT)", "  replay: simrun x.scn --seed 1"])
        #expect(tally.summary(invalid: 1) == "0 passed, 0 failed, 1 crashed, 1 timed out, 1 invalid")
        #expect(!tally.allPassed)
    }

    @Test func requestsReadBackAndAnotherVersionIsRefused() throws {
        for request in [WorkerProtocol.Request(file: "a b\tc.scn", seed: 3, until: .seconds(2), statistics: true),
                        WorkerProtocol.Request(file: "x.scn", seed: .max, until: nil, statistics: false)] {
            let line = request.line
            #expect(line.last == UInt8(ascii: "\n") && line.filter { $0 == UInt8(ascii: "\n") }.count == 1)
            #expect(try WorkerProtocol.Request(line: line.dropLast()) == request)
        }
        let other = Array("2\tx.scn\t1\t0\t0".utf8)
        #expect(throws: FieldLineReader.Failure.self) { try WorkerProtocol.Request(line: other) }
    }
}
