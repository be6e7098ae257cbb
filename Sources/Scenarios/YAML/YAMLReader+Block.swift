// Block structure: nodes, mappings and sequences laid out by indentation.
extension YAMLReader {
    /// Where a block node starts, which decides what it may be.
    enum Placement {
        /// At the start of its own line: anything.
        case lineStart
        /// After `- ` on the same line: anything (`- key: value`, `- - x`).
        case afterDash
        /// After `key: ` on the same line: a scalar or a flow collection.
        case afterKey
        /// After `--- ` on the same line: a scalar or a flow collection.
        case afterDocumentStart

        /// Whether a block mapping or sequence may start here.
        var allowsBlockCollection: Bool { self == .lineStart || self == .afterDash }
    }

    /// Parses the node at the cursor (which is at content); `parentIndent` is the
    /// column of the enclosing block collection (-1 at the top), `depth` its depth.
    mutating func parseBlockNode(parentIndent: Int, depth: Int, placement: Placement) throws(Failure) -> YAMLNode {
        let start = pos
        let c = peek()
        if isSequenceEntry(at: pos) {
            guard placement.allowsBlockCollection else {
                throw failure(
                    placement == .afterKey
                        ? "a block sequence cannot start on the same line as its key"
                        : "a block sequence cannot start on the '---' line", at: pos,
                    hint: "start the '- ' items on the next line, indented, or write a flow sequence [a, b]")
            }
            return try parseBlockSequence(indent: column(of: pos), depth: depth + 1)
        }
        try checkNodeStart(flow: false)
        switch c {
        case "[", "{":
            let node = try parseFlowCollection(depth: depth + 1)
            skipBlanks()
            if isValueIndicator(at: pos, flow: false) {
                throw failure(
                    "a mapping key must be a plain or quoted scalar", at: start,
                    hint: "quote the key if the brackets are part of it")
            }
            try expectLineEnd(after: "a flow collection")
            return node
        case "|":
            return try parseLiteral(parentIndent: parentIndent)
        case "\"", "'":
            let node = try parseQuoted()
            skipBlanks()
            if isValueIndicator(at: pos, flow: false) {
                guard placement.allowsBlockCollection else { throw nestedMappingError(at: pos) }
                return try parseBlockMapping(indent: column(of: start), firstKey: node, keyStart: start, depth: depth + 1)
            }
            try expectLineEnd(after: "a quoted string")
            return node
        default:
            let line = scanPlainLine(from: pos, flow: false)
            if case .colon(let colon) = line.stop {
                guard placement.allowsBlockCollection else { throw nestedMappingError(at: colon) }
                reportTabs(line.tab)
                let key = plainNode(from: start, to: line.end, text: YAMLReader.string(text[start..<line.end]))
                pos = colon
                return try parseBlockMapping(indent: column(of: start), firstKey: key, keyStart: start, depth: depth + 1)
            }
            return try parsePlainScalar(
                from: start, firstLine: line, parentIndent: parentIndent, flow: false,
                ownsLine: placement == .lineStart)
        }
    }

    /// The error for `key: a: b`, where a mapping starts on its key's line.
    func nestedMappingError(at colon: Int) -> Failure {
        failure(
            "unexpected ':' in a value", at: colon,
            hint: "quote the value if ': ' is part of the text, or start the nested mapping on the next line")
    }

    /// Throws for characters that cannot start a node here (anchors, tags, `?`,
    /// `>`, reserved characters...); returns for those that can.
    func checkNodeStart(flow: Bool) throws(Failure) {
        let c = peek()
        let spaced = YAMLReader.isBlankOrBreak(peek(1))
        switch c {
        case "&":
            throw failure("anchors ('&') are not supported", at: pos, hint: "repeat the value instead")
        case "*":
            throw failure("aliases ('*') are not supported", at: pos, hint: "repeat the value instead")
        case "!":
            throw failure(
                "tags ('!') are not supported", at: pos,
                hint: "every value is read as text; remove the tag, or quote the value")
        case ">":
            throw failure("folded block scalars ('>') are not supported", at: pos, hint: "use a '|' literal block scalar")
        case "|" where flow:
            throw failure("a '|' block scalar cannot be inside a flow collection", at: pos, hint: "use a quoted string")
        case "?" where spaced || flow:
            throw failure("complex keys ('?') are not supported", at: pos, hint: "write 'key: value', or quote the text")
        case ":" where spaced || flow:
            throw failure("missing key before ':'", at: pos, hint: "write 'key: value', or quote the text")
        case "-" where spaced && flow:
            throw failure(
                "a block sequence entry '- ' cannot be inside a flow collection", at: pos,
                hint: "separate flow items with ',' or quote the text")
        case "%":
            throw failure(
                column(of: pos) == 0 ? "directives ('%') are not supported" : "a plain value cannot start with '%'",
                at: pos, hint: "quote the text")
        case "@", "`":
            throw failure("'\(c)' is reserved and cannot start a plain value", at: pos, hint: "quote the text")
        case ",", "]", "}":
            throw failure(
                "unexpected '\(c)'", at: pos,
                hint: flow ? "a value is missing here" : "quote the text if the '\(c)' is part of it")
        default:
            return
        }
    }

    // MARK: - Mappings

    /// Parses a block mapping whose keys are at column `indent`; the first key is
    /// parsed already and the cursor is at its `:`.
    mutating func parseBlockMapping(indent: Int, firstKey: YAMLNode, keyStart: Int, depth: Int) throws(Failure) -> YAMLNode {
        try checkDepth(depth, at: keyStart)
        let location = firstKey.location
        var pairs: [YAMLPair] = []
        var firstLines: [String: Int] = [:]
        var pending: (key: YAMLNode, start: Int)? = (firstKey, keyStart)
        while true {
            if stopped { throw .stop }
            if pending == nil {
                skipToContent()
                guard !atEnd, documentMarker(at: pos) == nil else { break }
                let column = column(of: pos)
                if column < indent { break }
                if column > indent {
                    report(
                        "unexpected indentation", at: pos, length: endOfLine(from: pos) - pos,
                        hint: "entries of one mapping start in the same column (\(indent + 1)); the value before this line is complete")
                    skipEntry(deeperThan: indent)
                    continue
                }
            }
            do throws(Failure) {
                let start: Int
                let key: YAMLNode
                if let pending {
                    (key, start) = pending
                } else {
                    start = pos
                    key = try parseKey()
                }
                pending = nil
                try checkKey(key, start: start)
                let colon = pos
                pos += 1
                let value = try parseMappingValue(indent: indent, depth: depth, colon: colon)
                let keyText = key.scalarText ?? ""
                if let firstLine = firstLines[keyText] {
                    report(
                        "duplicate key '\(keyText)'", at: start, length: key.caretLength,
                        hint: "the key is first defined at line \(firstLine); each key may appear once")
                } else {
                    firstLines[keyText] = key.location.line
                }
                pairs.append(YAMLPair(key: key, value: value))
            } catch {
                pending = nil
                try recover(from: error)
                skipEntry(deeperThan: indent)
            }
        }
        return YAMLNode(location: location, kind: .mapping(pairs))
    }

    /// Parses a key at the cursor, which must be followed by `:`; leaves the cursor at the `:`.
    mutating func parseKey() throws(Failure) -> YAMLNode {
        let start = pos
        if isSequenceEntry(at: pos) {
            throw failure(
                "expected 'key: value', found a sequence entry '- '", at: pos,
                hint: "entries of one mapping are all 'key: value'; to hold a list, put it under a key")
        }
        if peek() == "[" || peek() == "{" {
            throw failure(
                "a mapping key must be a plain or quoted scalar", at: pos,
                hint: "quote the key if the brackets are part of it")
        }
        try checkNodeStart(flow: false)
        if peek() == "|" {
            throw failure("a '|' block scalar cannot be a key", at: pos, hint: "quote the key if the '|' is part of it")
        }
        if peek() == "\"" || peek() == "'" {
            let key = try parseQuoted()
            skipBlanks()
            guard isValueIndicator(at: pos, flow: false) else {
                throw failure("expected ':' after the key", at: pos, hint: "write 'key: value'")
            }
            return key
        }
        let line = scanPlainLine(from: pos, flow: false)
        guard case .colon(let colon) = line.stop else { throw missingColon(from: start, to: line.end) }
        reportTabs(line.tab)
        pos = colon
        return plainNode(from: start, to: line.end, text: YAMLReader.string(text[start..<line.end]))
    }

    /// The error for a line of a mapping (`start..<end`) that is not `key: value`.
    func missingColon(from start: Int, to end: Int) -> Failure {
        let hasColon = text[start..<end].contains(":")
        return failure(
            "expected 'key: value', found text without ': '", at: start, length: max(1, end - start),
            hint: hasColon
                ? "put a space after the ':' of 'key: value'"
                : "each line of a mapping is 'key: value'; check the indentation")
    }

    /// Checks that a key (starting at `start`, its `:` at the cursor) is on one
    /// line and not too long.
    func checkKey(_ key: YAMLNode, start: Int) throws(Failure) {
        if lineIndex(of: start) != lineIndex(of: pos) {
            throw failure(
                "a key must be on one line", at: start, length: key.caretLength,
                hint: "put the key and its ':' on the same line")
        }
        if pos - start > YAMLReader.maximumKeyLength {
            throw failure("a key longer than \(YAMLReader.maximumKeyLength) characters", at: start)
        }
    }

    /// Parses the value after a key's `:` (the cursor is just after it): on the
    /// same line, on the lines below indented more than `indent`, a sequence at
    /// `indent` itself, or nothing (null).
    mutating func parseMappingValue(indent: Int, depth: Int, colon: Int) throws(Failure) -> YAMLNode {
        skipBlanks()
        guard peek() == "#" || YAMLReader.isBreak(peek()) else {
            return try parseBlockNode(parentIndent: indent, depth: depth, placement: .afterKey)
        }
        let null = nullNode(at: colon + 1)
        skipToContent()
        guard !atEnd, documentMarker(at: pos) == nil else { return null }
        let column = column(of: pos)
        if column > indent {
            return try parseBlockNode(parentIndent: indent, depth: depth, placement: .lineStart)
        }
        if column == indent && isSequenceEntry(at: pos) {
            return try parseBlockSequence(indent: indent, depth: depth + 1)
        }
        return null
    }

    // MARK: - Sequences

    /// Parses a block sequence whose `- ` entries are at column `indent`; the
    /// cursor is at the first `-`.
    mutating func parseBlockSequence(indent: Int, depth: Int) throws(Failure) -> YAMLNode {
        try checkDepth(depth, at: pos)
        let location = location(of: pos)
        var items: [YAMLNode] = []
        var first = true
        while true {
            if stopped { throw .stop }
            if !first {
                skipToContent()
                guard !atEnd, documentMarker(at: pos) == nil else { break }
                let column = column(of: pos)
                if column < indent { break }
                if column > indent {
                    report(
                        "unexpected indentation", at: pos, length: endOfLine(from: pos) - pos,
                        hint: "items of one sequence start in the same column (\(indent + 1)); the item before this line is complete")
                    skipEntry(deeperThan: indent)
                    continue
                }
                guard isSequenceEntry(at: pos) else { break }
            }
            first = false
            let dash = pos
            pos += 1
            do throws(Failure) {
                skipBlanks()
                if peek() == "#" || YAMLReader.isBreak(peek()) {
                    skipToContent()
                    if !atEnd, documentMarker(at: pos) == nil, column(of: pos) > indent {
                        items.append(try parseBlockNode(parentIndent: indent, depth: depth, placement: .lineStart))
                    } else {
                        items.append(nullNode(at: dash + 1))
                    }
                } else {
                    items.append(try parseBlockNode(parentIndent: indent, depth: depth, placement: .afterDash))
                }
            } catch {
                try recover(from: error)
                skipEntry(deeperThan: indent)
            }
        }
        return YAMLNode(location: location, kind: .sequence(items))
    }
}
