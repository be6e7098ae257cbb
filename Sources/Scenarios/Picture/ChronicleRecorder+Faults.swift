import SimEngine

/// How the faults of a timeline begin and end, for the pictures.
enum FaultRules {
    /// The end given to a fault in force until something ends it; replaced by the run's end.
    static let stillOpen = SimInstant(nanoseconds: Int64.max)
}

/// Faults: a crash or stop lasts until the node restarts; a network fault or an image-pull
/// failure until `heal`; a `kill`, a `heal` and the restart of a node that was up are
/// instants (FaultReference describes each).
extension ChronicleRecorder {
    func recordFault(_ event: TraceEvent) {
        let action = event.stringField("action") ?? event.text
        let words = action.split(separator: " ").map(String.init)
        let verb = words.first ?? ""
        let touched = touchedNodes(words.dropFirst())
        var fault = ChronicleFault(text: event.text, start: event.time, end: nil, nodes: touched)
        switch verb {
        case "crash", "stop":
            for node in touched {
                closeLeadership(of: node, at: event.time)
                if openOutage[node] == nil { openOutage[node] = faults.count }
            }
            fault.end = FaultRules.stillOpen
        case "restart":
            for node in touched {
                closeLeadership(of: node, at: event.time)
                if let open = openOutage[node] {
                    faults[open].end = event.time
                    openOutage[node] = nil
                }
            }
        case "heal":
            for open in openNetworkFaults { faults[open].end = event.time }
            openNetworkFaults = []
        case "partition", "isolate", "drop", "latency", "loss", "fail":
            openNetworkFaults.append(faults.count)
            fault.end = FaultRules.stillOpen
        default:
            break
        }
        faults.append(fault)
    }

    /// The nodes a fault's words name (`leader` is the leader now; `app@w1` names w1), each
    /// once, in the order of the chronicle; empty for `*` or when none is named.
    private func touchedNodes(_ words: ArraySlice<String>) -> [Int] {
        var touched: [Int] = []
        for word in words {
            if word == "*" { return [] }
            let name = word.split(separator: "@").last.map(String.init) ?? word
            let node = name == "leader" ? currentLeader : nodeIndex[name]
            if let node, !touched.contains(node) { touched.append(node) }
        }
        return touched.sorted()
    }
}
