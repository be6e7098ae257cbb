import Foundation
import Glibc

/// One worker: `simrun __worker` as a child process, with its standard input, output and
/// error on pipes. Driven by one thread of the parent: send a request line, then wait for
/// the answer line, the worker's end, or the deadline. Its standard error is read all along
/// (so that it can never fill its pipe and stall) and the tail of it kept for a report.
final class WorkerProcess {
    private let pid: pid_t
    private let input: RawFileDescriptor
    private let output: RawFileDescriptor
    private let errors: RawFileDescriptor
    /// Output read but not yet handed out as a line.
    private var pending: [UInt8] = []
    private var outputEnded = false
    private var errorsEnded = false
    private var reaped: ProcessEnd?
    /// What the worker wrote to standard error since the last request.
    private(set) var errorTail = OutputTail(lastLineCount: 10)

    /// What waiting for a line came to.
    enum Wait {
        case line([UInt8])
        /// The worker closed its standard output: it has ended, or is ending.
        case ended
        case deadlinePassed
    }

    /// Starts `executable __worker`. The worker gets the parent's environment and working
    /// directory, no signal blocked, and the default action for SIGPIPE (it ends if the
    /// parent goes away mid-answer; at the end of its input it ends on its own).
    init(executable: String) throws(RawFileDescriptor.Failure) {
        Self.starting.lock()
        defer { Self.starting.unlock() }
        let pipes = try Self.pipes(3)
        let childEnds = [pipes[0].read, pipes[1].write, pipes[2].write]
        let parentEnds = [pipes[0].write, pipes[1].read, pipes[2].read]
        defer { childEnds.forEach { $0.close() } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (descriptor, target) in zip(childEnds, [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO]) {
            posix_spawn_file_actions_adddup2(&actions, descriptor.value, target)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaultActions = sigset_t()
        sigemptyset(&defaultActions)
        sigaddset(&defaultActions, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaultActions)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let arguments: [UnsafeMutablePointer<CChar>?] = [strdup(executable), strdup(WorkerCommand.name), nil]
        defer { arguments.forEach { free($0) } }
        let environment = Self.environment()
        defer { environment.forEach { free($0) } }
        var child = pid_t()
        let code = posix_spawnp(&child, executable, &actions, &attributes, arguments, environment + [nil])
        guard code == 0 else {
            parentEnds.forEach { $0.close() }
            throw RawFileDescriptor.Failure(call: "posix_spawn \(executable)", code: code)
        }
        pid = child
        (input, output, errors) = (parentEnds[0], parentEnds[1], parentEnds[2])
    }

    /// This process's environment, plus `SWIFT_BACKTRACE=enable=no` unless it says otherwise:
    /// a crashed worker then writes the runtime's message and stack, not the backtracer's
    /// register and memory dumps, so that the tail of its standard error tells something.
    private static func environment() -> [UnsafeMutablePointer<CChar>?] {
        var entries: [UnsafeMutablePointer<CChar>?] = []
        var entry: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        while let current = entry, let text = current.pointee {
            entries.append(strdup(text))
            entry = current + 1
        }
        if getenv("SWIFT_BACKTRACE") == nil { entries.append(strdup("SWIFT_BACKTRACE=enable=no")) }
        return entries
    }

    deinit {
        if reaped == nil { finish() }
    }

    /// Held while a worker's pipes are made and it is started: a worker started meanwhile by
    /// another thread would otherwise inherit them before they are marked close-on-exec, and
    /// keep them open (a worker's end would then go unnoticed).
    private static let starting = NSLock()

    /// `count` pipes whose ends are closed in any process this one starts (close-on-exec):
    /// each `dup2` in the child clears the flag on the copy it makes. All or none.
    private static func pipes(_ count: Int) throws(RawFileDescriptor.Failure) -> [(read: RawFileDescriptor, write: RawFileDescriptor)] {
        var pipes: [(read: RawFileDescriptor, write: RawFileDescriptor)] = []
        while pipes.count < count {
            var ends: [Int32] = [-1, -1]
            guard Glibc.pipe(&ends) == 0 else {
                let failure = RawFileDescriptor.Failure(call: "pipe", code: errno)
                pipes.forEach { $0.read.close(); $0.write.close() }
                throw failure
            }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            pipes.append((RawFileDescriptor(value: ends[0]), RawFileDescriptor(value: ends[1])))
        }
        return pipes
    }

    /// Sends one request line; false if the worker can no longer read it (it has ended).
    /// Forgets the standard error written so far: the tail is the new request's.
    func send(_ line: [UInt8]) -> Bool {
        errorTail.reset()
        do {
            try input.writeAll(line)
            return true
        } catch {
            return false
        }
    }

    /// Waits for the next line of the worker's standard output until `deadline` (nil: for
    /// ever), reading its standard error meanwhile.
    func nextLine(deadline: ContinuousClock.Instant?) -> Wait {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                return .line(line)
            }
            if outputEnded { return .ended }
            switch poll(until: deadline) {
            case .deadlinePassed: return .deadlinePassed
            case .ready(let outputReady, let errorsReady):
                if errorsReady { readErrors() }
                if outputReady { outputEnded = ((try? output.read(appendingTo: &pending)) ?? 0) == 0 }
            }
        }
    }

    private enum PollResult {
        case ready(output: Bool, errors: Bool)
        case deadlinePassed
    }

    /// Waits until the output or the standard error can be read (or has ended).
    private func poll(until deadline: ContinuousClock.Instant?) -> PollResult {
        var descriptors = [pollfd(fd: output.value, events: Int16(POLLIN), revents: 0)]
        if !errorsEnded { descriptors.append(pollfd(fd: errors.value, events: Int16(POLLIN), revents: 0)) }
        while true {
            var milliseconds: Int32 = -1
            if let deadline {
                guard let left = Self.milliseconds(until: deadline) else { return .deadlinePassed }
                milliseconds = left
            }
            let count = Glibc.poll(&descriptors, nfds_t(descriptors.count), milliseconds)
            if count == 0 || (count < 0 && errno == EINTR) { continue }  // the deadline is checked again
            // On an error of poll itself, the read that follows fails and ends the worker.
            return .ready(output: count < 0 || descriptors[0].revents != 0, errors: descriptors.count > 1 && descriptors[1].revents != 0)
        }
    }

    /// Whole milliseconds (rounded up) until `deadline`, or nil if it has passed.
    private static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32? {
        let left = deadline - .now
        guard left > .zero else { return nil }
        return Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
    }

    private func readErrors() {
        var bytes: [UInt8] = []
        let count = (try? errors.read(appendingTo: &bytes)) ?? 0
        if count == 0 { errorsEnded = true }
        errorTail.append(bytes)
    }

    /// Kills the worker (a run that went past its time); `finish` then reaps it.
    func kill() {
        _ = Glibc.kill(pid, SIGKILL)
    }

    /// Closes the worker's input (a worker ends at the end of its input), reads what is
    /// left of its standard error, waits for it to end and says how. A worker still running
    /// `grace` after that is killed.
    @discardableResult
    func finish(grace: Duration = .seconds(10)) -> ProcessEnd {
        if let reaped { return reaped }
        input.close()
        let deadline = ContinuousClock.now + grace
        while !errorsEnded {
            guard let left = Self.milliseconds(until: deadline) else {
                kill()
                break
            }
            var descriptor = pollfd(fd: errors.value, events: Int16(POLLIN), revents: 0)
            if Glibc.poll(&descriptor, 1, left) > 0 { readErrors() }
        }
        output.close()
        errors.close()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let end = ProcessEnd(waitStatus: status)
        reaped = end
        return end
    }
}
