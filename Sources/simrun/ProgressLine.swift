import Foundation

/// `[12/40] 10 passed, 2 failed, about 35s left` on standard error, rewritten in place, only
/// on a terminal (not `TERM=dumb`). Safe to use from the threads that finish runs. The
/// estimate is the wall time per finished run so far times the runs left: wall time belongs to
/// the command line, never to a run's output.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let enabled: Bool
    private let clock = WallClock()
    private var done = 0
    private var passed = 0
    private var failed = 0
    private var counted = false

    init(total: Int, enabled: Bool = TerminalSupport().isCapableTerminal(STDERR_FILENO)) {
        self.total = total
        self.enabled = enabled
    }

    /// Counts a finished run (`passed` nil when the caller does not tell) and redraws.
    func tick(passed: Bool? = nil) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        if let passed {
            counted = true
            if passed { self.passed += 1 } else { failed += 1 }
        }
        draw()
    }

    /// Runs `body` (which prints finished lines) with the line erased, then draws it again.
    func printing(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        erase()
        body()
        draw()
    }

    /// Erases the line for good.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        erase()
    }

    /// The line's text for `done` of `total` runs after `seconds` of wall time.
    static func text(done: Int, total: Int, passed: Int?, failed: Int?, seconds: Double) -> String {
        var text = "[\(done)/\(total)]"
        if let passed, let failed { text += " \(passed) passed, \(failed) failed" } else { text += " run" }
        if done > 0, done < total {
            let left = Int((seconds / Double(done) * Double(total - done)).rounded(.up))
            text += ", about " + (left >= 60 ? "\(left / 60)m\(String(format: "%02d", left % 60))s" : "\(left)s") + " left"
        }
        return text
    }

    private func draw() {
        guard enabled else { return }
        let line = Self.text(done: done, total: total, passed: counted ? passed : nil, failed: counted ? failed : nil,
                             seconds: clock.elapsedSeconds)
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
    }

    private func erase() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
