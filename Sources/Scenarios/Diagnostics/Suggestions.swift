/// "Did you mean" suggestions by edit distance.
public enum Suggestions {
    /// The candidate nearest to `word` by Levenshtein distance, or nil when none is near.
    ///
    /// A candidate is near when its distance is at most `max(2, word.count / 3)`
    /// and smaller than the longer of the two lengths (a word that shares nothing
    /// with `word` is no suggestion). Ties go to the earliest candidate, so the
    /// answer depends only on the order given. Words longer than 256 characters
    /// get no suggestion.
    /// - Complexity: O(k · n · m) for k candidates of length m and a word of length n.
    public static func nearest(to word: String, among candidates: [String]) -> String? {
        let letters = Array(word)
        guard letters.count <= 256 else { return nil }
        let limit = max(2, letters.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate)
            guard abs(other.count - letters.count) <= limit else { continue }
            let distance = editDistance(letters, other)
            guard distance <= limit, distance < max(letters.count, other.count) else { continue }
            if best == nil || distance < best!.distance {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// The Levenshtein distance between two strings, counted in `Character`s.
    /// - Complexity: O(n · m)
    public static func editDistance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a), Array(b))
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
