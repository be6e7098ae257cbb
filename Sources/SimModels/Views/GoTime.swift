import SimEngine

/// A simulated instant as Go's `time.Time.String()` prints a UTC time
/// (`2006-01-02 15:04:05.999999999 -0700 MST`: the fraction without trailing zeros, none when
/// whole), for the timestamps Docker prints in full (`docker node inspect --pretty`'s "Joined
/// at").
///
/// Simulated time has no calendar: it starts at zero, so an instant is shown as Go's zero time
/// (`0001-01-01 00:00:00 +0000 UTC`, year 1 is not a leap year) plus the simulated time. A
/// reader sees at once that the date is the simulation's and the time of day is the run's clock.
public enum GoTime {
    public static func string(_ instant: SimInstant) -> String {
        let nanos = max(0, instant.nanoseconds)
        let second: Int64 = 1_000_000_000
        var seconds = nanos / second
        let fraction = nanos % second
        let secondsPerDay: Int64 = 86_400
        var day = seconds / secondsPerDay
        seconds %= secondsPerDay
        let monthDays: [Int64] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var year: Int64 = 1
        var month = 0
        while true {
            let length = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) && month == 1 ? 29 : monthDays[month]
            if day < length { break }
            day -= length
            month += 1
            if month == 12 { month = 0; year += 1 }
        }
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = String(repeating: "0", count: max(0, 4 - String(year).count)) + "\(year)"
        text += "-\(two(Int64(month + 1)))-\(two(day + 1)) \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
        if fraction > 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 9 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + " +0000 UTC"
    }
}
