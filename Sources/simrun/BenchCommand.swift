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
            throw UsageError("'bench' needs a workload: engine, network or cluster", command: "bench")
        }
        let rest = Array(arguments.dropFirst())
        switch which {
        case "engine": return try engine(rest)
        case "network": return try network(rest)
        case "cluster": return try cluster(rest)
        default:
            var message = "unknown benchmark '\(which)'"
            if let guess = Suggestions.nearest(to: which, among: ["engine", "network", "cluster"]) { message += ". Did you mean '\(guess)'?" }
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

    /// A whole swarm with one replicated service, through the scenario runner.
    private static func cluster(_ arguments: [String]) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, command: "bench", valueOptions: ["--managers", "--workers", "--replicas", "--duration", "--seed", "--traffic"], flagOptions: [])
        if reader.flag("--help") { Console.out(Help.text(for: "bench")); return 0 }
        let traffic = reader.value("--traffic") == nil ? nil : try reader.integer("--traffic", in: 1...100_000, default: 100)
        let managers = try reader.integer("--managers", in: 1...99, default: 7)
        let workers = try reader.integer("--workers", in: 0...100_000, default: 1000)
        let replicas = try reader.integer("--replicas", in: 0...1_000_000, default: 3000)
        let seed = try reader.integer("--seed", in: 0...Int.max, default: 1)
        let durationText = reader.value("--duration") ?? "1h"
        let duration: SimDuration
        do {
            duration = try DurationFormat.parse(durationText)
        } catch {
            throw UsageError("'--duration' needs a duration such as 10m or 1h: \(error.message)", command: "bench")
        }
        let benchmark = ClusterBenchmark(managers: managers, workers: workers, replicas: replicas, duration: duration, seed: UInt64(seed), traffic: traffic)
        let clock = WallClock()
        let result = benchmark.run()
        let wall = clock.elapsedSeconds
        let s = result.summary
        Console.out("cluster: managers=\(managers) workers=\(workers) replicas=\(replicas) simulated=\(duration)"
                    + (traffic.map { " traffic=\($0)/s" } ?? "") + " result=\(result.passed ? "PASS" : "FAIL")")
        Console.out(String(format: "wall_s=%.3f events=%d events_per_sec=%.0f sim_s_per_wall_s=%.1f messages=%d dropped=%d peak_rss_mb=%.0f",
                           wall, s.events, Double(s.events) / max(wall, 1e-9), duration.seconds / max(wall, 1e-9),
                           s.messagesSent, s.messagesDropped, WallClock.peakResidentMiB))
        return result.passed ? 0 : 1
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
