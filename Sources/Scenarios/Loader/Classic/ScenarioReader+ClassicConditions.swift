import SimModels
import SimEngine

extension ScenarioReader {
    /// The first words of classic conditions.
    static var classicConditionSubjects: [String] { ConditionReference.classicConditions.keywords }
    /// The subjects only Swarm mode's conditions have.
    static let swarmOnlyConditionSubjects = ["leader", "term", "quorum", "service"]

    /// Reads the CONDITION of a classic expectation (SCENARIO_FORMAT §10); nil after an error.
    mutating func readClassicCondition(_ node: YAMLNode, text: String, hosts: [ClassicHost]) -> ClassicCondition? {
        guard let parsed = actionText(node, text: text, what: "condition") else { return nil }
        let words = parsed.splittingCommas()
        var cursor = WordCursor(tokens: words.tokens)
        guard let subject = cursor.next() else {
            report("missing condition", at: node, hint: "write a condition such as 'primary is m1' or 'engine e1 is healthy'")
            return nil
        }
        let condition: ClassicCondition?
        switch subject.text {
        case "primary":
            guard expectWord("is", after: "primary", &cursor, in: words) else { return nil }
            condition = readHolder(&cursor, in: words, context: "primary is", role: .manager, hosts: hosts).map(ClassicCondition.primary)
        case "consul":
            guard let what = expectWord(oneOf: ["leader", "quorum"], after: "consul", &cursor, in: words),
                  expectWord("is", after: "consul \(what.text)", &cursor, in: words) else { return nil }
            if what.text == "leader" {
                condition = readHolder(&cursor, in: words, context: "consul leader is", role: .consul, hosts: hosts)
                    .map(ClassicCondition.consulLeader)
            } else {
                guard let state = expectWord(oneOf: ["ok", "lost"], after: "consul quorum is", &cursor, in: words) else { return nil }
                condition = .consulQuorum(isOK: state.text == "ok")
            }
        case "engine":
            guard let token = expectNode(after: "engine", &cursor, in: words) else { return nil }
            let name = resolveNodeName(token, in: words, context: "engine")
            guard expectWord("is", after: "engine \(token.text)", &cursor, in: words),
                  let state = expectWord(oneOf: ClassicEngineCondition.allCases.map(\.rawValue), after: "engine \(token.text) is",
                                         &cursor, in: words),
                  let name, let engineState = ClassicEngineCondition(rawValue: state.text) else { return nil }
            if let host = hosts.first(where: { $0.name == name }), !host.runs(.engine) {
                report("host '\(name)' runs no engine of the cluster", at: token, in: words,
                       hint: "engines are " + hosts.filter { $0.runs(.engine) }.map(\.name).joined(separator: ", "))
                return nil
            }
            condition = .engine(node: name, engineState)
        case "container":
            guard let nameToken = cursor.next() else {
                reportMissing("missing container name after 'container'", in: words, hint: "write 'container web is running [on e1]'")
                return nil
            }
            guard expectWord("is", after: "container \(nameToken.text)", &cursor, in: words),
                  let state = expectWord(oneOf: ["running", "absent"], after: "container \(nameToken.text) is", &cursor, in: words)
            else { return nil }
            if state.text == "absent" {
                condition = .containerAbsent(name: nameToken.text)
            } else if cursor.peek()?.text == "on" {
                cursor.skip()
                guard let hostToken = expectNode(after: "on", &cursor, in: words),
                      let host = resolveNodeName(hostToken, in: words, context: "container \(nameToken.text) is running on") else { return nil }
                condition = .containerRunning(name: nameToken.text, node: host)
            } else {
                condition = .containerRunning(name: nameToken.text, node: nil)
            }
        case "node":
            guard let token = expectNode(after: "node", &cursor, in: words) else { return nil }
            let name = resolveNodeName(token, in: words, context: "node")
            if cursor.peek()?.text == "is" {
                report("'node \(token.text) is ...' is a Swarm-mode condition; this file has 'mode: classic'", at: cursor.peek()!, in: words,
                       hint: "write 'engine \(token.text) is healthy' or 'node \(token.text) has N containers'")
                return nil
            }
            guard expectWord("has", after: "node \(token.text)", &cursor, in: words),
                  let count = readCount(&cursor, in: words, after: "node \(token.text) has"),
                  expectWord(oneOf: ["containers", "container"], after: "\(count)", &cursor, in: words) != nil,
                  let name else { return nil }
            condition = .nodeContainers(node: name, count)
        default:
            let hint: String
            if Self.swarmOnlyConditionSubjects.contains(subject.text) {
                hint = subject.text == "leader" || subject.text == "quorum"
                    ? "'\(subject.text)' is a Swarm-mode condition; in classic mode write 'primary is NODE' or 'consul \(subject.text) is ...'"
                    : "'\(subject.text)' is a Swarm-mode condition; classic conditions start with " + Self.classicConditionSubjects.joined(separator: ", ")
            } else {
                hint = Suggestions.nearest(to: subject.text, among: Self.classicConditionSubjects).map { "did you mean '\($0)'?" }
                    ?? "a classic condition starts with " + Self.classicConditionSubjects.joined(separator: ", ")
            }
            report("unknown condition '\(subject.text)'", at: subject, in: words, hint: hint)
            return nil
        }
        return finishCondition(condition, &cursor, in: words)
    }

    /// `NODE`, `one of NODE, NODE...` or `none`, each host running `role`.
    private mutating func readHolder(_ cursor: inout WordCursor, in words: ActionText, context: String, role: ClassicRole,
                                     hosts: [ClassicHost]) -> ClassicHolder? {
        let usage = "write '\(context) m1', '\(context) one of m1, m2' or '\(context) none'"
        guard let next = cursor.next() else {
            reportMissing("missing host after '\(context)'", in: words, hint: usage)
            return nil
        }
        if next.text == "none" { return ClassicHolder.none }
        var tokens = [next]
        var isList = false
        if next.text == "one" {
            guard expectWord("of", after: "\(context) one", &cursor, in: words) else { return nil }
            isList = true
            tokens = []
            while let token = cursor.next() {
                if token.text == "or" || token.text == "and" { continue }
                tokens.append(token)
            }
            if tokens.isEmpty {
                reportMissing("missing hosts after '\(context) one of'", in: words, hint: usage)
                return nil
            }
        }
        var names: [String] = []
        var valid = true
        for token in tokens {
            guard let name = resolveNodeName(token, in: words, context: context) else {
                valid = false
                continue
            }
            if let host = hosts.first(where: { $0.name == name }), !host.runs(role) {
                report("host '\(name)' runs no \(role == .consul ? "Consul server" : "manager")", at: token, in: words,
                       hint: "the hosts that run \(role.rawValue) are " + hosts.filter { $0.runs(role) }.map(\.name).joined(separator: ", "))
                valid = false
                continue
            }
            names.append(name)
        }
        guard valid else { return nil }
        return isList ? .oneOf(names) : .is(names[0])
    }
}
