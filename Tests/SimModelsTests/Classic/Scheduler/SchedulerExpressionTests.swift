import Testing
@testable import SimModels

@Suite struct SchedulerExpressionTests {
    static func parse(_ text: String) -> Result<[SchedulerExpression], SchedulingError> { SchedulerExpression.parse([text]) }

    static func error(_ text: String) -> String? {
        if case let .failure(error) = parse(text) { return error.message }
        return nil
    }

    static func one(_ text: String) -> SchedulerExpression? {
        if case let .success(list) = parse(text) { return list.first }
        return nil
    }

    @Test func invalidExpressionsGiveSwarmTexts() {
        #expect(Self.error("nodeabc") == "One of operator ==, != is expected")
        #expect(Self.error("node=abc") == "One of operator ==, != is expected")
        #expect(Self.error("n==abc") == "Key 'n' is invalid")          // the key needs two characters
        #expect(Self.error("1node==abc") == "Key '1node' is invalid")
        #expect(Self.error("==abc") == "Key '' is invalid")
        #expect(Self.error("node==") == "Value '' is invalid")
        #expect(Self.error("node==~") == "Value '~' is invalid")
        #expect(Self.error("node==a>b") == "Value 'a>b' is invalid")
        #expect(Self.error("a!=b==c") == "Key 'a!=b' is invalid")       // `==` is looked for first
    }

    @Test func operatorsSoftnessAndValuesParse() {
        #expect(Self.one("node==h104") == SchedulerExpression(key: "node", op: .equal, value: "h104"))
        #expect(Self.one("storage!=ssd") == SchedulerExpression(key: "storage", op: .notEqual, value: "ssd"))
        #expect(Self.one("node==~h104") == SchedulerExpression(key: "node", op: .equal, value: "h104", isSoft: true))
        #expect(Self.one("node!=~h104")?.isSoft == true)
        #expect(Self.one("node==/h1.*/")?.value == "/h1.*/")
        #expect(Self.one("node===x")?.value == "=x")                   // a leading `=` is allowed
        #expect(Self.one("kernelversion==3.10.0-327.4.4.el7.x86_64") != nil)
        #expect(Self.one("node==/") != nil)
    }

    @Test func globsAreAnchoredAndRegexesSearched() throws {
        let glob = try #require(Self.one("node==h1*"))
        #expect(glob.matches(["h104"]))
        #expect(!glob.matches(["xh104"]))
        #expect(!glob.matches(["H104"]))                                // case matters
        let regex = try #require(Self.one("node==/0[34]$/"))
        #expect(regex.matches(["docker", "h104"]))                     // any candidate
        #expect(!regex.matches(["h105"]))
        let notEqual = try #require(Self.one("node!=h104"))
        #expect(notEqual.matches(["docker"]))
        #expect(!notEqual.matches(["h104"]))
        let dots = try #require(Self.one("kernelversion==3.10"))      // the glob is still a regex: `.` is any character
        #expect(dots.matches(["3x10"]))
    }

    @Test func aPatternThatDoesNotCompileMatchesNothing() throws {
        let broken = try #require(Self.one("node==/(/"))
        #expect(!broken.matches(["("]))
        let negated = try #require(Self.one("node!=/(/"))
        #expect(negated.matches(["("]))
    }
}
