import Testing
import SimEngine
@testable import SimModels

/// The CLI's text helpers: go-units `HumanDuration`, sortorder `NaturalLess`, `PrettyPrint`,
/// `Ellipsis`, image display.
@Suite struct ViewTextTests {
    @Test(arguments: [
        (SimDuration.zero, "Less than a second"),
        (.milliseconds(999), "Less than a second"),
        (.seconds(-5), "Less than a second"),
        (.seconds(1), "1 second"),
        (.milliseconds(1999), "1 second"),
        (.seconds(2), "2 seconds"),
        (.seconds(44), "44 seconds"),
        (.milliseconds(59_999), "59 seconds"),
        (.seconds(60), "About a minute"),
        (.seconds(119), "About a minute"),
        (.seconds(120), "2 minutes"),
        (.minutes(59), "59 minutes"),
        (.minutes(60), "About an hour"),
        (.minutes(89), "About an hour"),
        (.minutes(90), "2 hours"),
        (.hours(47), "47 hours"),
        (.minutes(47 * 60 + 29), "47 hours"),
        (.minutes(47 * 60 + 30), "2 days"),
        (.hours(24 * 13), "13 days"),
        (.hours(24 * 14), "2 weeks"),
        (.hours(24 * 59), "8 weeks"),
        (.hours(24 * 60), "2 months"),
        (.hours(24 * 90), "3 months"),
        (.hours(24 * 729), "24 months"),
        (.hours(24 * 730), "2 years"),
        (.hours(24 * 365 * 5), "5 years"),
    ] as [(SimDuration, String)])
    func humanDuration(_ duration: SimDuration, _ text: String) {
        #expect(CLIText.humanDuration(duration) == text)
    }

    @Test func naturalOrder() {
        #expect(CLIText.naturalLess("w2", "w10"))
        #expect(!CLIText.naturalLess("w10", "w2"))
        #expect(CLIText.naturalLess("m3", "w1"))
        #expect(CLIText.naturalLess("web.9", "web.10"))
        #expect(CLIText.naturalLess("a1", "a01"))          // fewer leading zeros first
        #expect(!CLIText.naturalLess("a01", "a1"))
        #expect(CLIText.naturalLess("1x", "x"))            // digits before other characters
        #expect(CLIText.naturalLess("web", "web.1"))       // a prefix sorts first
        #expect(!CLIText.naturalLess("same", "same"))
        #expect(CLIText.naturalLess("B", "a"))             // bytewise otherwise
        let sorted = ["w10", "w2", "m1", "w1", "worker", "w02"].sorted(by: CLIText.naturalLess)
        #expect(sorted == ["m1", "w1", "w2", "w02", "w10", "worker"])
    }

    @Test func prettyPrintAndEllipsis() {
        #expect(CLIText.prettyPrint("running") == "Running")
        #expect(CLIText.prettyPrint("ROLLBACK") == "Rollback")
        #expect(CLIText.prettyPrint("x") == "x")
        #expect(CLIText.prettyPrint("") == "")
        #expect(CLIText.ellipsis("short", maxWidth: 30) == "short")
        #expect(CLIText.ellipsis("abcdef", maxWidth: 4) == "abc…")
        #expect(CLIText.ellipsis("abcdef", maxWidth: 1) == "a")
        #expect(CLIText.truncateID("0123456789abcdefghijklmno") == "0123456789ab")
    }

    @Test func imagesLoseTheirDigestOnlyWhenTagged() {
        #expect(ServiceListView.displayImage("nginx:1.25") == "nginx:1.25")
        #expect(ServiceListView.displayImage("nginx:1.25@sha256:abc") == "nginx:1.25")
        #expect(ServiceListView.displayImage("nginx@sha256:abc") == "nginx@sha256:abc")
        #expect(ServiceListView.displayImage("localhost:5000/app:2@sha256:abc") == "localhost:5000/app:2")
        #expect(ServiceListView.displayImage("localhost:5000/app@sha256:abc") == "localhost:5000/app@sha256:abc")
    }

    @Test func controlErrorTexts() {
        #expect(ControlError(.swarmkit(.failedPrecondition), "x").text == "Error response from daemon: rpc error: code = FailedPrecondition desc = x")
        #expect(ControlError(.daemon, "node w9 not found").text == "Error response from daemon: node w9 not found")
        #expect(ControlError(.client, "key k doesn't exist in node's labels").text == "key k doesn't exist in node's labels")
        #expect(ControlError(.client, "x").daemonMessage == nil)
    }
}
