// The top level: an optional `---`, one root node, nothing after it.
extension YAMLReader {
    /// Parses the document: its root node, or nil for a file without content.
    mutating func parseDocument() -> YAMLNode? {
        var root: YAMLNode?
        var sawStartMarker = false
        var startMarkerEnd = 0
        var sawContent = false
        var rootFailed = false
        do throws(Failure) {
            while !stopped {
                skipToContent()
                guard !atEnd else { break }
                if let marker = documentMarker(at: pos) {
                    if marker == "..." {
                        report(
                            "the document end marker '...' is not supported", at: pos, length: 3,
                            hint: "remove it: a scenario file holds one document")
                        pos += 3
                        continue
                    }
                    if sawStartMarker || sawContent {
                        report(
                            "a second document ('---') is not supported", at: pos, length: 3,
                            hint: "a scenario file holds one document; remove the marker or split the file")
                        break
                    }
                    sawStartMarker = true
                    pos += 3
                    startMarkerEnd = pos
                    skipBlanks()
                    if peek() == "#" || YAMLReader.isBreak(peek()) { continue }
                    // Content on the marker's line: a scalar or a flow collection.
                    do throws(Failure) {
                        root = try parseBlockNode(parentIndent: -1, depth: 0, placement: .afterDocumentStart)
                    } catch {
                        try recover(from: error)
                        rootFailed = true
                        skipEntry(deeperThan: 0)
                    }
                    sawContent = true
                    continue
                }
                if sawContent && !rootFailed {
                    report(
                        "unexpected content after the end of the document", at: pos,
                        length: endOfLine(from: pos) - pos,
                        hint: "check the indentation of this line")
                }
                do throws(Failure) {
                    let node = try parseBlockNode(parentIndent: -1, depth: 0, placement: .lineStart)
                    if !sawContent { root = node }
                } catch {
                    try recover(from: error)
                    rootFailed = true
                    skipEntry(deeperThan: 0)
                }
                sawContent = true
            }
        } catch {
            // `.stop`: the diagnostics say why.
        }
        if root == nil && sawStartMarker && !sawContent {
            return nullNode(at: startMarkerEnd)
        }
        return root
    }
}
