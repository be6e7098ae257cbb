import SimEngine

/// The small text helpers the Docker CLI's formatters use, with Docker's exact behaviour.
public enum CLIText {
    // MARK: - Natural order (github.com/fvbommel/sortorder `NaturalLess`)

    /// True if `a` sorts before `b` in natural order: runs of ASCII digits compare as numbers
    /// (`w2` < `w10`), with fewer leading zeros first on a tie (`2` < `02`); other bytes compare
    /// bytewise; a digit sorts before a non-digit; a proper prefix sorts first.
    /// - Complexity: O(n) in the length of the shorter string.
    public static func naturalLess(_ a: String, _ b: String) -> Bool {
        let s1 = Array(a.utf8), s2 = Array(b.utf8)
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        var i1 = 0, i2 = 0
        while i1 < s1.count && i2 < s2.count {
            let c1 = s1[i1], c2 = s2[i2]
            let d1 = isDigit(c1), d2 = isDigit(c2)
            if d1 != d2 { return d1 }
            if !d1 {
                if c1 != c2 { return c1 < c2 }
                i1 += 1
                i2 += 1
                continue
            }
            // Skip leading zeros, then compare the digit runs by length, then by digits.
            while i1 < s1.count && s1[i1] == 0x30 { i1 += 1 }
            while i2 < s2.count && s2[i2] == 0x30 { i2 += 1 }
            let start1 = i1, start2 = i2
            while i1 < s1.count && isDigit(s1[i1]) { i1 += 1 }
            while i2 < s2.count && isDigit(s2[i2]) { i2 += 1 }
            let length1 = i1 - start1, length2 = i2 - start2
            if length1 != length2 { return length1 < length2 }
            let run1 = s1[start1..<i1], run2 = s2[start2..<i2]
            if run1 != run2 { return run1.lexicographicallyPrecedes(run2) }
            // Same number: fewer leading zeros first (everything before was equal).
            if start1 != start2 { return start1 < start2 }
        }
        // Identical so far and one has ended: the shorter sorts first.
        return s1.count < s2.count
    }

    // MARK: - Durations (github.com/docker/go-units `HumanDuration`)

    /// A human approximation of `duration`, as go-units prints it: "Less than a second",
    /// "1 second", "44 seconds", "About a minute", "5 minutes", "About an hour", "3 hours",
    /// "2 days", "3 weeks", "4 months", "2 years". Negative durations read "Less than a second".
    /// `docker service ps` prints it lower-cased.
    public static func humanDuration(_ duration: SimDuration) -> String {
        let ns = duration.nanoseconds
        let second: Int64 = 1_000_000_000
        let minute = 60 * second, hour = 60 * minute
        let day = 24 * hour, week = 7 * day, month = 30 * day, year = 365 * day
        // Go converts to float and truncates toward zero; integer division does the same.
        let seconds = ns / second
        if seconds < 1 { return "Less than a second" }
        if seconds == 1 { return "1 second" }
        if seconds < 60 { return "\(seconds) seconds" }
        let minutes = ns / minute
        if minutes == 1 { return "About a minute" }
        if minutes < 60 { return "\(minutes) minutes" }
        // roundDuration: int(d/unit + 0.5).
        func rounded(_ unit: Int64) -> Int64 { (ns + unit / 2) / unit }
        let hours = rounded(hour)
        if hours == 1 { return "About an hour" }
        if hours < 48 { return "\(hours) hours" }
        if ns < 2 * week { return "\(rounded(day)) days" }
        if ns < 2 * month { return "\(rounded(week)) weeks" }
        if ns < 2 * year { return "\(rounded(month)) months" }
        return "\(rounded(year)) years"
    }

    /// go-units `BytesSize`: binary units with four significant digits (`%.4g`), trailing
    /// zeros dropped: `256MiB`, `1.5GiB`, `1.797GiB`, `512B`.
    public static func bytesSize(_ bytes: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let decimals = value < 10 ? 3 : value < 100 ? 2 : value < 1000 ? 1 : 0
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((value * scale).rounded())
        var text = String(scaled / Int64(scale))
        if decimals > 0 {
            var fraction = String(scaled % Int64(scale))
            fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            if !fraction.isEmpty { text += "." + fraction }
        }
        return text + units[unit]
    }

    // MARK: - Formatter helpers (docker/cli `cli/command/formatter`)

    /// `formatter.PrettyPrint` of a string: the first character upper-cased and the rest
    /// lower-cased ("running" → "Running"); a one-character string is lower-cased.
    public static func prettyPrint(_ text: String) -> String {
        switch text.count {
        case 0: return text
        case 1: return text.lowercased()
        default: return text.prefix(1).uppercased() + text.dropFirst().lowercased()
        }
    }

    /// `formatter.Ellipsis`: `text` cut to `maxWidth` display columns, the last one an ellipsis
    /// ("…") when it was cut.
    public static func ellipsis(_ text: String, maxWidth: Int) -> String {
        if maxWidth <= 0 { return "" }
        let scalars = Array(text.unicodeScalars)
        if maxWidth == 1 { return scalars.first.map { String($0) } ?? "" }
        var widths: [Int] = []
        var total = 0
        for scalar in scalars {
            total += TableWriter.isWide(scalar) ? 2 : 1
            widths.append(total)
        }
        if total <= maxWidth { return text }
        var kept = ""
        for (index, scalar) in scalars.enumerated() where widths[index] <= maxWidth - 1 {
            kept.unicodeScalars.append(scalar)
        }
        return kept + "…"
    }

    /// `formatter.TruncateID` (`stringid.TruncateID`): the first 12 characters.
    public static func truncateID(_ id: String) -> String {
        String(id.prefix(12))
    }
}
