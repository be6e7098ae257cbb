import SimEngine

extension ScenarioReader {
    /// The words after `client NAME has N`.
    static let clientCountWords = ["failures", "failure"] + FailureKind.allCases.map(\.rawValue)

    /// `client NAME success is P%`, `has N failures`, `has no failures`, `has N refused`...,
    /// `p99 latency is at most D` (SCENARIO_FORMAT §9).
    mutating func readClientCondition(_ cursor: inout WordCursor, in words: ActionText) -> Condition? {
        guard let nameToken = cursor.next() else {
            reportMissing("missing client after 'client'", in: words, hint: names.clientHint)
            return nil
        }
        let client = resolveClient(nameToken, in: words)
        let measures = ["success", "has"] + LatencyStatistic.allCases.map(\.rawValue)
        guard let measure = expectWord(oneOf: measures, after: "client \(nameToken.text)", &cursor, in: words) else { return nil }
        let context = "client \(nameToken.text) \(measure.text)"
        let result: ClientMeasure?
        switch measure.text {
        case "success":
            guard expectWord("is", after: context, &cursor, in: words) else { return nil }
            result = readPercentRequirement(&cursor, in: words, after: context + " is").map(ClientMeasure.success)
        case "has":
            if cursor.peek()?.text == "no" {
                cursor.skip()
                guard let kind = expectWord(oneOf: ["failures"] + FailureKind.allCases.map(\.rawValue), after: context + " no",
                                            &cursor, in: words) else { return nil }
                result = FailureKind(rawValue: kind.text).map { .outcome($0, .exactly(0)) } ?? .failures(.exactly(0))
            } else {
                guard let count = readCount(&cursor, in: words, after: context),
                      let kind = expectWord(oneOf: Self.clientCountWords, after: "\(context) \(count)", &cursor, in: words) else { return nil }
                result = FailureKind(rawValue: kind.text).map { .outcome($0, count) } ?? .failures(count)
            }
        default:
            guard expectWord("latency", after: context, &cursor, in: words),
                  expectWord("is", after: context + " latency", &cursor, in: words),
                  let bound = expectWord(oneOf: ["at"], after: context + " latency is", &cursor, in: words),
                  let side = expectWord(oneOf: ["most", "least"], after: context + " latency is \(bound.text)", &cursor, in: words) else {
                return nil
            }
            guard let durationToken = cursor.next() else {
                reportMissing("missing duration after 'at \(side.text)'", in: words, hint: "write a duration such as 250ms")
                return nil
            }
            do {
                let duration = try DurationSyntax.parse(durationToken.text, what: "latency")
                let statistic = LatencyStatistic(rawValue: measure.text)!
                result = .latency(statistic, side.text == "most" ? .atMost(duration) : .atLeast(duration))
            } catch {
                report(error.message, at: durationToken, in: words, hint: error.hint)
                return nil
            }
        }
        guard let client, let result else { return nil }
        return .client(ClientCondition(client: client, measure: result))
    }

    /// `port PORT is open on NODE`, `name NAME resolves on NODE [to N addresses]`,
    /// `backends of SERVICE on NODE is N`.
    mutating func readDataPlaneCondition(_ subject: String, _ cursor: inout WordCursor, in words: ActionText) -> Condition? {
        switch subject {
        case "port":
            guard let portToken = cursor.next() else {
                reportMissing("missing port after 'port'", in: words, hint: "write 'port 8080 is open on w1'")
                return nil
            }
            let port: Int
            do {
                port = try PortSyntax.parsePort(portToken.text, what: "port")
            } catch {
                report(error.message, at: portToken, in: words, hint: "write 'port 8080 is open on w1'")
                return nil
            }
            guard expectWord("is", after: "port \(port)", &cursor, in: words),
                  expectWord("open", after: "port \(port) is", &cursor, in: words),
                  expectWord("on", after: "port \(port) is open", &cursor, in: words),
                  let nodeToken = expectNode(after: "port \(port) is open on", &cursor, in: words),
                  let node = resolveNodeName(nodeToken, in: words, context: "port \(port) is open on") else { return nil }
            return .portOpen(port: port, node: node)
        case "name":
            guard let nameToken = cursor.next() else {
                reportMissing("missing name after 'name'", in: words, hint: "write 'name web resolves on w1'")
                return nil
            }
            let name = nameToken.text
            guard expectWord("resolves", after: "name \(name)", &cursor, in: words),
                  expectWord("on", after: "name \(name) resolves", &cursor, in: words),
                  let nodeToken = expectNode(after: "name \(name) resolves on", &cursor, in: words) else { return nil }
            let node = resolveNodeName(nodeToken, in: words, context: "name \(name) resolves on")
            var addresses: CountRequirement?
            if cursor.peek()?.text == "to" {
                cursor.skip()
                guard let count = readCount(&cursor, in: words, after: "to"),
                      expectWord(oneOf: ["addresses", "address"], after: "to \(count)", &cursor, in: words) != nil else { return nil }
                addresses = count
            }
            return node.map { .nameResolves(name: name, node: $0, addresses: addresses) }
        default:  // backends
            guard expectWord("of", after: "backends", &cursor, in: words) else { return nil }
            guard let serviceToken = cursor.next() else {
                reportMissing("missing service after 'backends of'", in: words, hint: names.serviceHint)
                return nil
            }
            let service = resolveService(serviceToken, in: words, command: "backends of")
            guard expectWord("on", after: "backends of \(serviceToken.text)", &cursor, in: words),
                  let nodeToken = expectNode(after: "backends of \(serviceToken.text) on", &cursor, in: words) else { return nil }
            let node = resolveNodeName(nodeToken, in: words, context: "backends of \(serviceToken.text) on")
            guard expectWord("is", after: "backends of \(serviceToken.text) on \(nodeToken.text)", &cursor, in: words),
                  let count = readCount(&cursor, in: words, after: "backends of \(serviceToken.text) on \(nodeToken.text) is"),
                  let service, let node else { return nil }
            return .backends(service: service, node: node, count)
        }
    }

    /// `P%`, `at least P%` or `at most P%`.
    private mutating func readPercentRequirement(_ cursor: inout WordCursor, in words: ActionText, after context: String) -> PercentRequirement? {
        guard let first = cursor.next() else {
            reportMissing("missing percentage after '\(context)'", in: words, hint: "write P%, at least P% or at most P%, such as 99.5%")
            return nil
        }
        var token = first
        var make: (PercentValue) -> PercentRequirement = { .exactly($0) }
        if first.text == "at" {
            guard let side = expectWord(oneOf: ["least", "most"], after: "at", &cursor, in: words) else { return nil }
            make = side.text == "least" ? { .atLeast($0) } : { .atMost($0) }
            guard let next = cursor.next() else {
                reportMissing("missing percentage after 'at \(side.text)'", in: words, hint: "write a percentage such as 99.5%")
                return nil
            }
            token = next
        }
        do {
            return make(try Self.parsePercent(token.text))
        } catch {
            report(error.message, at: token, in: words, hint: error.hint)
            return nil
        }
    }

    /// `99.5%` exactly: up to four decimals, from 0% to 100%.
    static func parsePercent(_ text: String) throws(ValueParseError) -> PercentValue {
        let hint = "write a percentage from 0% to 100%, such as 99.5% (at most four decimals)"
        guard text.hasSuffix("%") else { throw ValueParseError("expected a percentage, found '\(text)'", hint: hint) }
        let body = text.dropLast()
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 3,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.count == 1 || (1...4).contains(parts[1].count),
              let whole = Int64(parts[0]) else {
            throw ValueParseError("invalid percentage '\(text)'", hint: hint)
        }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = String(parts[1]) + String(repeating: "0", count: 4 - parts[1].count)
            fraction = Int64(digits) ?? 0
        }
        let scaled = whole * PercentValue.scale + fraction
        guard scaled <= 100 * PercentValue.scale else { throw ValueParseError("percentage '\(text)' is over 100%", hint: hint) }
        return PercentValue(scaled: scaled)
    }

    /// The client `token` names (a key of `clients:`, or `curl`), or nil with an error.
    private mutating func resolveClient(_ token: CommandToken, in words: ActionText) -> String? {
        if names.hasClient(token.text) || token.text == "curl" { return token.text }
        let hint = Suggestions.nearest(to: token.text, among: names.clients + ["curl"]).map { "did you mean '\($0)'?" } ?? names.clientHint
        report("unknown client '\(token.text)'", at: token, in: words, hint: hint)
        return nil
    }
}
