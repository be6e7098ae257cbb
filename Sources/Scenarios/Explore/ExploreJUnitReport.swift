/// The JUnit XML report of an explore sweep (`simrun merge --junit`): one test case per
/// seed, failed with the way it failed, what happened, its schedule and the replay command.
/// The same document shape as `JUnitReport` (`check --junit`), so that CI tools read both.
public struct ExploreJUnitReport: Sendable {
    /// One seed's case.
    public struct Seed: Sendable {
        public var seed: UInt64
        /// The way it failed and what happened (nil when it passed).
        public var failure: (way: String, text: String)?
        /// Its timeline entries and the replay command, for the failure's body.
        public var details: [String]

        public init(seed: UInt64, failure: (way: String, text: String)?, details: [String]) {
            self.seed = seed
            self.failure = failure
            self.details = details
        }
    }

    private let file: String
    private var seeds: [Seed] = []

    /// A report of the sweep of `file`.
    public init(file: String) {
        self.file = file
    }

    public mutating func add(_ seed: Seed) {
        seeds.append(seed)
    }

    /// The report as an XML document, newline-terminated. Times are zero: results carry no
    /// wall time, and simulated time would say nothing of the run's cost.
    public var xml: String {
        let failures = seeds.filter { $0.failure != nil }.count
        let counts = "tests=\"\(seeds.count)\" failures=\"\(failures)\" errors=\"0\""
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<testsuites name=\"simrun\" \(counts) time=\"0.000\">\n"
        text += "  <testsuite name=\"simrun explore\" \(counts) skipped=\"0\" time=\"0.000\">\n"
        let className = JUnitReport.attribute(JUnitReport.className(file: file))
        for seed in seeds {
            text += "    <testcase classname=\"\(className)\" file=\"\(JUnitReport.attribute(file))\" name=\"seed \(seed.seed)\" time=\"0.000\""
            guard let failure = seed.failure else {
                text += "/>\n"
                continue
            }
            text += ">\n      <failure message=\"\(JUnitReport.attribute(failure.way))\" type=\"simrun\">"
            text += JUnitReport.content(([failure.text] + seed.details).joined(separator: "\n"))
            text += "</failure>\n    </testcase>\n"
        }
        text += "  </testsuite>\n</testsuites>\n"
        return text
    }
}
