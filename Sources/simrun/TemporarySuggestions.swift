// Temporary until Scenarios' Suggestions lands (being written alongside); then delete this file.
enum Suggestions {
    static func nearest(to word: String, among candidates: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            if a.isEmpty { return b.count }
            var row = Array(0...b.count)
            for i in 1...a.count {
                var previous = row[0]
                row[0] = i
                for j in stride(from: 1, through: b.count, by: 1) {
                    let old = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = old
                }
            }
            return row[b.count]
        }
        let w = Array(word)
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, Array(c))
            if d <= max(2, w.count / 3), best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }
}
