/// The order `docker info` lists a classic cluster's engines in (`cluster.EngineSorter`, which
/// uses github.com/skarademir/naturalsort): names split into runs of digits and of other
/// characters (spaces removed first); the first differing runs decide, numbers by value (fewer
/// leading zeros first on a tie), a number before text, text bytewise; when every run compared
/// is equal, the first position where either string holds a digit decides for the digit, and
/// otherwise the bytewise order.
public enum SwarmNaturalOrder {
    /// True if `a` sorts before `b`.
    /// - Complexity: O(n) in the lengths of the names.
    public static func less(_ a: String, _ b: String) -> Bool {
        let runsA = runs(Array(a.utf8).filter { $0 != 0x20 }), runsB = runs(Array(b.utf8).filter { $0 != 0x20 })
        for (x, y) in zip(runsA, runsB) where x != y {
            let xNumber = isDigit(x[0]), yNumber = isDigit(y[0])
            if xNumber && yNumber {
                let trimmedX = x.drop { $0 == 0x30 }, trimmedY = y.drop { $0 == 0x30 }
                if trimmedX.count == trimmedY.count {
                    if let (cx, cy) = zip(trimmedX, trimmedY).first(where: { $0 != $1 }) { return cx < cy }
                    return x.count < y.count
                }
                return trimmedX.count < trimmedY.count
            }
            if xNumber || yNumber { return xNumber }
            return x.lexicographicallyPrecedes(y)
        }
        let bytesA = Array(a.utf8), bytesB = Array(b.utf8)
        for (x, y) in zip(bytesA, bytesB) where isDigit(x) || isDigit(y) {
            return isDigit(x)
        }
        return bytesA.lexicographicallyPrecedes(bytesB)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The runs `[^0-9]+|[0-9]+` finds.
    private static func runs(_ bytes: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        for byte in bytes {
            if let last = result.last, isDigit(last[0]) == isDigit(byte) {
                result[result.count - 1].append(byte)
            } else {
                result.append([byte])
            }
        }
        return result
    }
}
