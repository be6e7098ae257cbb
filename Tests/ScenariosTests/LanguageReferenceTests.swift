import Testing
@testable import Scenarios

/// The reference `simrun help` prints names every word the loader accepts.
@Suite struct LanguageReferenceTests {
    private func forms(_ entries: [ReferenceEntry]) -> String {
        entries.map(\.form).joined(separator: "\n")
    }

    @Test func everyFaultWordHasAFormInTheFaultsTopic() {
        let text = ReferenceText.text(.faults)
        for word in ScenarioReader.faultWords {
            #expect(text.contains("  \(word)"), "'\(word)' is missing from simrun help faults")
        }
    }

    @Test func everyConditionWordIsInTheConditionsTopic() {
        let conditions = forms(ConditionReference.conditions)
        for word in ScenarioReader.conditionSubjects + ScenarioReader.nodeStateWords + ScenarioReader.serviceStateWords {
            #expect(conditions.contains(word), "'\(word)' is missing from simrun help conditions")
        }
        let windows = forms(ConditionReference.windows)
        for word in ["at", "end", "by", "from", "to", "always", "never"] {
            #expect(windows.contains(word), "'\(word)' is missing from the WHEN forms")
        }
    }

    @Test func everyDockerCommandTheLoaderReadsIsInTheReference() {
        let documented = DockerCommandReference.entries.map(\.keyword)
        for group in ScenarioReader.dockerCommands {
            let names = group.subcommands.isEmpty ? [group.group] : group.subcommands.map { "\(group.group) \($0[0])" }
            for name in names {
                #expect(documented.contains(name), "'docker \(name)' is missing from the reference")
            }
        }
    }

    @Test func everyServiceFlagAndKeyIsInTheFormatTopic() {
        let text = ReferenceText.text(.format)
        let words = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "/" }).map(String.init))
        for flag in ServiceFlags.createFlags + ServiceFlags.updateFlags {
            #expect(words.contains(flag.long), "'\(flag.long)' is missing from simrun help format")
        }
        let classic = ReferenceText.text(.classic)
        for section in KeyReference.Section.allCases {
            // The classic sections are in their own topic, `simrun help classic`.
            let text = KeyReference.classicSections.contains(section) ? classic : text
            #expect(text.contains(section == .topLevel ? "KEYS AT THE TOP" : "KEYS OF \(section.rawValue)"))
            for key in KeyReference.keys(section) {
                #expect(text.contains("  \(key):") || text.contains("- \(key):"), "'\(key)' of \(section.rawValue) is missing")
            }
        }
        #expect(!text.contains("KEYS OF cluster (mode: classic)"))
    }

    @Test func theLoaderAcceptsTheKeysTheReferenceLists() {
        #expect(ScenarioReader.topLevelKeys == KeyReference.keys(.topLevel))
        #expect(ScenarioReader.serviceKeys == KeyReference.keys(.service))
        #expect(ScenarioReader.deployKeys == KeyReference.keys(.deploy))
        #expect(ScenarioReader.faultWords == FaultReference.words)
        let scenario = ScenarioTestSupport.scenario("""
            scenario: every documented key
            seed: 3
            duration: 1m
            cluster: {managers: 1, workers: 1, raft: {tick: 1s, election_tick: 10, heartbeat_tick: 1},
                      dispatcher: {heartbeat_period: 5s}, network: {latency: 1ms, jitter: 500us, loss: 0%}}
            nodes:
              w1: {cpus: 4, memory: 8GiB, labels: {zone: east}}
            services:
              web:
                image: nginx:1.25
                stop_grace_period: 10s
                deploy:
                  replicas: 2
                  restart_policy: {condition: any, delay: 5s, max_attempts: 3, window: 2m}
                  update_config: {parallelism: 1, delay: 10s, failure_action: pause, monitor: 5s, max_failure_ratio: 0.2, order: stop-first}
                x-sim: {pull: 3s, start: 500ms, stop: 1s, fail_after: 40s, exit_code: 1}
            timeline:
              - at 10s: docker node ls
                via: m1
                expect: ok
            expect:
              - at end: leader is m1
            """)
        #expect(scenario != nil)
    }

    @Test func longMeaningsAreWrappedAtTheWidth() {
        for topic in ReferenceText.Topic.allCases {
            for line in ReferenceText.text(topic).split(separator: "\n") where line.hasPrefix("      ") {
                #expect(line.count <= 92, "\(topic): \(line)")
            }
        }
    }
}
