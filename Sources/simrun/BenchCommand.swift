import Foundation
import Scenarios
import SimEngine

/// `simrun bench engine|network`: performance and determinism workloads on the real engine.
enum BenchCommand {
    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        guard let which = arguments.first, !which.hasPrefix("-") else {
            if arguments.contains("--help") || arguments.contains("-h") {
                Console.out(Help.text(for: "bench"))
                return 0
            }
            throw UsageError("'bench' needs a workload: engine or network", command: "bench")
        }
        let rest = Array(arguments.dropFirst())
        switch which {
        case "engine": return try engine(rest)
        case "network": return try network(rest)
        default:
            var message = "unknown benchmark '\(which)'"
            if let guess = Suggestions.nearest(to: which, among: ["engine", "network"]) { message += ". Did you mean '\(guess)'?" }
            throw UsageError(message, command: "bench")
        }
    }

    /// The hold model: `pending` timers, each event schedules one more.
    private static func engine(_ arguments: [String]) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, command: "bench", valueOptions: ["--events", "--pending", "--seed"], flagOptions: [])
        if reader.flag("--help") { Console.out(Help.text(for: "bench")); return 0 }
        let events = try reader.integer("--events", in: 1...1_000_000_000, default: 20_000_000)
        let pending = try reader.integer("--pending", in: 1...100_000_000, default: 10_000)
        let seed = try reader.integer("--seed", in: 0...Int.max, default: 1)
        let model = HoldModel(seed: UInt64(seed), pending: pending, events: events)
        let clock = WallClock()
        let ran = model.run()
        let wall = clock.elapsedSeconds
        Console.out("hold model: pending=\(pending) events=\(ran) wall_s=\(String(format: "%.3f", wall))")
        Console.out("events_per_sec=\(Int(Double(ran) / max(wall, 1e-9)))")
        return 0
    }

    /// The randomized network workload; prints its trace digest (used by the determinism tests).
    private static func network(_ arguments: [String]) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, command: "bench", valueOptions: ["--faults", "--hosts", "--seed"], flagOptions: [])
        if reader.flag("--help") { Console.out(Help.text(for: "bench")); return 0 }
        let seed = try reader.integer("--seed", in: 0...Int.max, default: 1)
        let hosts = try reader.integer("--hosts", in: 2...1000, default: 8)
        let faults = try reader.integer("--faults", in: 0...100_000, default: 200)
        let workload = NetworkWorkload(seed: UInt64(seed), hosts: hosts)
        let digest = workload.run(faults: faults)
        let net = workload.simulation.network
        Console.out("sent=\(net.sent) delivered=\(net.delivered) dropped=\(net.dropped) events=\(workload.simulation.eventsProcessed) trace_events=\(workload.digest.count)")
        Console.out("digest=\(digest)")
        return 0
    }
}
