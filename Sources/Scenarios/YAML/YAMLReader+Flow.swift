// Flow collections: `[a, b]` and `{k: v}`, nested, possibly across lines.
extension YAMLReader {
    /// Parses the flow sequence or mapping at the cursor (at `[` or `{`); leaves
    /// the cursor after its closing bracket. `depth` is its own depth.
    mutating func parseFlowCollection(depth: Int) throws(Failure) -> YAMLNode {
        let open = pos
        try checkDepth(depth, at: open)
        let isMapping = peek() == "{"
        let closer: Unicode.Scalar = isMapping ? "}" : "]"
        pos += 1
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var firstLines: [String: Int] = [:]
        while true {
            try skipFlowSpace(open: open)
            if peek() == closer {
                pos += 1
                break
            }
            let entryIndex = pos
            let entry = try parseFlowEntry(depth: depth, open: open, closer: closer)
            if isMapping {
                guard entry.value.scalar != nil || entry.key != nil else {
                    throw failure(
                        "a mapping key must be a plain or quoted scalar", at: entryStart(entry),
                        hint: "write {key: value, ...}")
                }
                let pair = entry.key.map { YAMLPair(key: $0, value: entry.value) }
                    ?? YAMLPair(key: entry.value, value: nullNode(at: pos))
                let keyText = pair.keyText
                if let firstLine = firstLines[keyText] {
                    report(
                        "duplicate key '\(keyText)'", at: index(of: pair.key.location), length: pair.key.caretLength,
                        hint: "the key is first defined at line \(firstLine); each key may appear once")
                } else {
                    firstLines[keyText] = pair.key.location.line
                }
                pairs.append(pair)
            } else if let key = entry.key {
                items.append(YAMLNode(location: key.location, kind: .mapping([YAMLPair(key: key, value: entry.value)])))
            } else {
                items.append(entry.value)
            }
            try skipFlowSpace(open: open)
            if peek() == "," {
                pos += 1
            } else if peek() != closer {
                if lineIndex(of: pos) != lineIndex(of: entryIndex) {
                    // More likely a forgotten bracket than a forgotten comma.
                    throw unterminated(open: open)
                }
                throw failure(
                    "expected ',' or '\(closer)' in a flow \(isMapping ? "mapping" : "sequence")", at: pos,
                    hint: "separate entries with ', '; the collection opens at line \(location(of: open).line)")
            }
        }
        let location = location(of: open)
        return YAMLNode(location: location, kind: isMapping ? .mapping(pairs) : .sequence(items))
    }

    /// The source index of a location produced by this reader.
    private func index(of location: SourceLocation) -> Int {
        lineStarts[location.line - 1] + location.column - 1
    }

    /// Where an entry's text starts.
    private func entryStart(_ entry: (key: YAMLNode?, value: YAMLNode)) -> Int {
        index(of: (entry.key ?? entry.value).location)
    }

    /// Parses one entry: a node, or `key: value` (`key:` alone gives a null
    /// value). The key, when present, is a scalar.
    private mutating func parseFlowEntry(
        depth: Int, open: Int, closer: Unicode.Scalar
    ) throws(Failure) -> (key: YAMLNode?, value: YAMLNode) {
        let start = pos
        let node = try parseFlowNode(depth: depth, open: open)
        try skipFlowSpace(open: open)
        guard peek() == ":" else { return (nil, node) }
        guard node.scalar != nil else {
            throw failure(
                "a mapping key must be a plain or quoted scalar", at: start,
                hint: "quote the key if the brackets are part of it")
        }
        if lineIndex(of: start) != lineIndex(of: pos) {
            // A plain "key" across lines is most often the next line's entry,
            // read on because a closing bracket is missing.
            if node.scalar?.style == .plain { throw unterminated(open: open) }
            throw failure(
                "a key must be on one line", at: start, length: node.caretLength,
                hint: "put the key and its ':' on the same line")
        }
        if pos - start > YAMLReader.maximumKeyLength {
            throw failure("a key longer than \(YAMLReader.maximumKeyLength) characters", at: start)
        }
        let colon = pos
        pos += 1
        try skipFlowSpace(open: open)
        if peek() == "," || peek() == closer {
            return (node, nullNode(at: colon + 1))
        }
        return (node, try parseFlowNode(depth: depth, open: open))
    }

    /// Parses a node inside a flow collection: a nested collection, a quoted
    /// scalar, or a plain scalar (which ends at `,?[]{}` and `: `).
    private mutating func parseFlowNode(depth: Int, open: Int) throws(Failure) -> YAMLNode {
        let c = peek()
        if c == "[" || c == "{" {
            return try parseFlowCollection(depth: depth + 1)
        }
        if c == "\"" || c == "'" {
            return try parseQuoted()
        }
        try checkNodeStart(flow: true)
        let start = pos
        let line = scanPlainLine(from: pos, flow: true)
        guard line.end > start else {
            throw failure("expected a value", at: pos, hint: "quote the text")
        }
        return try parsePlainScalar(from: start, firstLine: line, parentIndent: -1, flow: true)
    }

    /// Skips blanks, comments and line breaks inside a flow collection; throws
    /// at the end of input or at a document marker (the collection is unterminated).
    private mutating func skipFlowSpace(open: Int) throws(Failure) {
        while true {
            skipBlanks()
            skipComment()
            if peek() == "\n" {
                pos += 1
                if documentMarker(at: pos) != nil { break }
                continue
            }
            if !atEnd { return }
            break
        }
        throw unterminated(open: open)
    }

    /// The error for a collection whose closing bracket is missing; parsing
    /// resumes after the line of its opening bracket.
    private func unterminated(open: Int) -> Failure {
        let closer = text[open] == "[" ? "]" : "}"
        return failure(
            "unterminated flow \(text[open] == "[" ? "sequence" : "mapping"): missing '\(closer)'", at: open,
            hint: "close it with '\(closer)' on this line, or put a ',' at the end of the line to continue it on the next",
            resumeAt: endOfLine(from: open))
    }
}
