import Foundation
import SimModels

extension ClusterSnapshot {
    /// The snapshot as one JSON object (`simrun state --format json`), keys in a fixed order:
    /// `t_ns`, `file`, `seed`, `leader` (null for none), `nodes` (the rows of `docker node ls`
    /// as objects keyed by its columns in snake case), `services` (`name` and `tasks`, the rows
    /// of `docker service ps`), `raft` (per manager: `node`, `role`, `term`, `vote`, `leader`,
    /// `last_index`, `last_term`, `commit`, `applied`, `members`) and `cuts` (`from`, `to`,
    /// `both_ways`).
    public var json: String {
        var object = JSONObject()
        object.add("t_ns", time.nanoseconds)
        object.add("file", file)
        object.add("seed", seed)
        object.add("leader", leader)
        object.addJSON("nodes", Self.array(nodeRows.map { Self.row($0, header: NodeListView.header) }))
        object.addJSON("services", Self.array(services.map { service in
            var entry = JSONObject()
            entry.add("name", service.name)
            entry.addJSON("tasks", Self.array(service.rows.map { Self.row($0, header: TaskListView.header) }))
            return entry.json
        }))
        object.addJSON("raft", Self.array(raft.map { state in
            var entry = JSONObject()
            entry.add("node", state.node)
            entry.add("role", state.role)
            if !state.isSilent {
                entry.add("term", state.term)
                entry.add("vote", state.vote)
                entry.add("leader", state.leader)
                entry.add("last_index", state.lastIndex)
                entry.add("last_term", state.lastTerm)
                entry.add("commit", state.commit)
                entry.add("applied", state.applied)
                entry.addJSON("members", Self.array(state.members.map(JSONText.quoted)))
            }
            return entry.json
        }))
        object.addJSON("cuts", Self.array(cuts.map { cut in
            var entry = JSONObject()
            entry.add("from", cut.from)
            entry.add("to", cut.to)
            entry.add("both_ways", cut.bothWays)
            return entry.json
        }))
        return object.line
    }

    /// A table row as an object keyed by its column names (`MANAGER STATUS`: `manager_status`).
    private static func row(_ cells: [String], header: [String]) -> String {
        var entry = JSONObject()
        for (name, cell) in zip(header, cells) {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
            let value = cell.trimmingCharacters(in: .whitespaces)
            if key == "id", value.hasSuffix(" *") {
                entry.add(key, String(value.dropLast(2)))
                entry.add("self", true)  // the CLI's `*`: the node the command ran on
            } else {
                entry.add(key, value)
            }
        }
        return entry.json
    }

    private static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ",") + "]"
    }
}
