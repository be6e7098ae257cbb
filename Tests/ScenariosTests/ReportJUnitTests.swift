import SimEngine
import Testing
@testable import Scenarios

/// The JUnit XML of `simrun check --junit`, to the byte.
@Suite struct ReportJUnitTests {
    typealias F = ReportFixtures

    /// The failing fixture under a file name and title that need escaping.
    static var awkward: RunResult {
        var result = F.failing
        result.summary.file = "scenarios/a&b <x>.scn"
        result.summary.title = "\"quoted\" & 'apos'"
        result.summary.seed = 3
        return result
    }

    @Test func golden() {
        var report = JUnitReport()
        report.add(F.passing)
        report.add(Self.awkward, wallSeconds: 1.4996)
        report.addError(file: "scenarios/bad.scn", name: "scenarios/bad.scn",
                        message: "scenarios/bad.scn:3:1: error: unknown key 'servces'\nhint: did you mean 'services'?\n")
        #expect(report.tests == 3 && report.failures == 1 && report.errors == 1)
        #expect(report.xml == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="simrun" tests="3" failures="1" errors="1" time="121.500">
              <testsuite name="simrun" tests="3" failures="1" errors="1" skipped="0" time="121.500">
                <testcase classname="scenarios/failover" file="scenarios/failover.scn" name="leader failover (seed 7)" time="120.000"/>
                <testcase classname="scenarios/a&amp;b &lt;x&gt;" file="scenarios/a&amp;b &lt;x&gt;.scn" name="&quot;quoted&quot; &amp; &apos;apos&apos; (seed 3)" time="1.500">
                  <failure message="FAIL scenarios/a&amp;b &lt;x&gt;.scn:32 at end: service web is 8/8 (at 120.000s: REPLICAS was 6/8) (and 2 more)" type="simrun">FAIL scenarios/a&amp;b &lt;x&gt;.scn:32 at end: service web is 8/8 (at 120.000s: REPLICAS was 6/8)
            FAIL 60.000s command: docker service scale web=8 (line 24): expected ok, got error &quot;The swarm does not have a leader.&quot;
            FAIL 101.500s invariant: election safety: two leaders in term 3
            m2 and m3
            replay: simrun scenarios/a&amp;b &lt;x&gt;.scn --seed 3</failure>
                </testcase>
                <testcase classname="scenarios/bad" file="scenarios/bad.scn" name="scenarios/bad.scn" time="0.000">
                  <error message="scenarios/bad.scn:3:1: error: unknown key &apos;servces&apos;" type="simrun">scenarios/bad.scn:3:1: error: unknown key &apos;servces&apos;
            hint: did you mean &apos;services&apos;?</error>
                </testcase>
              </testsuite>
            </testsuites>

            """)
    }

    @Test func classNamesHaveNoDotsFromPaths() {
        #expect(JUnitReport.className(file: "./scenarios/v1.2/fail.over.scn") == "scenarios/v1_2/fail_over")
        #expect(JUnitReport.className(file: "x.scn") == "x")
    }

    @Test func emptyReport() {
        #expect(JUnitReport(results: []).xml == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="simrun" tests="0" failures="0" errors="0" time="0.000">
              <testsuite name="simrun" tests="0" failures="0" errors="0" skipped="0" time="0.000">
              </testsuite>
            </testsuites>

            """)
    }

    @Test func orderIsTheOrderGiven() {
        var second = F.passing
        second.summary.seed = 2
        let xml = JUnitReport(results: [F.failing, second, F.passing]).xml
        let names = xml.split(separator: "\n").filter { $0.contains("<testcase ") }.map { $0.contains("(seed 2)") ? 2 : 7 }
        #expect(names == [7, 2, 7])
    }

    @Test func aRunWithoutResultIsAnErrorTimedInWallSeconds() {
        var report = JUnitReport()
        report.addError(file: "scenarios/x.scn", name: JUnitReport.caseName(title: "x", seed: 700),
                        message: "crashed: signal 6 (SIGABRT)\nFatal error: <boom>\nreplay: simrun scenarios/x.scn --seed 700",
                        wallSeconds: 0.25)
        #expect(report.errors == 1 && report.failures == 0)
        #expect(report.xml.contains("""
                <testcase classname="scenarios/x" file="scenarios/x.scn" name="x (seed 700)" time="0.250">
                  <error message="crashed: signal 6 (SIGABRT)" type="simrun">crashed: signal 6 (SIGABRT)
            Fatal error: &lt;boom&gt;
            replay: simrun scenarios/x.scn --seed 700</error>
                </testcase>
            """))
    }

    @Test func escaping() {
        #expect(JUnitReport.attribute("a\nb\tc\r<&>\"'\u{1B}\u{FFFE}é") == "a&#10;b&#9;c&#13;&lt;&amp;&gt;&quot;&apos;\u{FFFD}\u{FFFD}é")
        #expect(JUnitReport.content("a\nb\tc\r<&>\u{0}") == "a\nb\tc&#13;&lt;&amp;&gt;\u{FFFD}")
    }

    @Test func seconds() {
        #expect(JUnitReport.seconds(0) == "0.000")
        #expect(JUnitReport.seconds(-1) == "0.000")
        #expect(JUnitReport.seconds(.nan) == "0.000")
        #expect(JUnitReport.seconds(0.0004) == "0.000")
        #expect(JUnitReport.seconds(0.0005) == "0.001")
        #expect(JUnitReport.seconds(62.25) == "62.250")
        #expect(JUnitReport.sumSeconds(["1.500", "0.600", "10.000"]) == "12.100")
    }
}
