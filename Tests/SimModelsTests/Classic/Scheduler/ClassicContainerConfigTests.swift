import Testing
@testable import SimModels

@Suite struct ClassicContainerConfigTests {
    @Test func environmentExpressionsMoveIntoLabels() {
        let config = ClassicFixture.config(env: ["constraint:node==h104", "affinity:container==web", "PATH=/bin", "reschedule:on-node-failure", "other:x"])
        #expect(config.env == ["PATH=/bin", "other:x"])
        #expect(config.constraints == ["node==h104"])
        #expect(config.affinities == ["container==web"])
        #expect(config.reschedulePolicies == ["on-node-failure"])
        #expect(config.labels["com.docker.swarm.constraints"] == "[\"node==h104\"]")
        #expect(config.hasNodeConstraint)
    }

    @Test func labelListsJoinTheEnvironment() {
        let config = ClassicFixture.config(env: ["constraint:storage==ssd"], labels: ["com.docker.swarm.constraints": "[\"region==eu\"]"])
        #expect(config.constraints == ["region==eu", "storage==ssd"])
        #expect(!config.hasNodeConstraint)
        #expect(ClassicFixture.config(env: ["constraint:node==~h104"]).hasNodeConstraint == false)
    }

    @Test func v113ReadsReschedulePoliciesOnlyWithExperimental() {
        let plain = ClassicFixture.config(env: ["reschedule:on-node-failure"], version: .v1_1_3)
        #expect(plain.env == ["reschedule:on-node-failure"])
        #expect(plain.reschedulePolicies.isEmpty)
        let experimental = ClassicContainerConfig.build(ClassicContainerConfig(image: "x", env: ["reschedule:on-node-failure"]), version: .v1_1_3, experimental: true)
        #expect(experimental.reschedulePolicies == ["on-node-failure"])
        // The label is kept either way.
        let labelled = ClassicFixture.config(labels: ["com.docker.swarm.reschedule-policies": "[\"on-node-failure\"]"], version: .v1_1_3)
        #expect(labelled.hasReschedulePolicy("on-node-failure"))
    }

    @Test func validationTextsPerVersion() {
        let two = ClassicFixture.config(env: ["reschedule:off", "reschedule:on-node-failure"])
        #expect(two.validate(version: .v1_2_9) == "too many reschedule policies")
        let bad = ClassicFixture.config(env: ["reschedule:always"])
        #expect(bad.validate(version: .v1_2_9) == "invalid reschedule policy: always")
        #expect(ClassicFixture.config(env: ["reschedule:off"]).validate(version: .v1_2_9) == nil)
        let label = ClassicFixture.config(labels: ["com.docker.swarm.reschedule-policies": "[\"always\"]"], version: .v1_1_3)
        #expect(label.validate(version: .v1_1_3) == nil)
        #expect(label.validate(version: .v1_1_3, experimental: true) == "invalid reschedule policy: always")
    }

    @Test func labelListsRoundTripAsGoJSON() {
        #expect(SwarmLabelList.encode(["a<b", "q\"x"]) == "[\"a\\u003cb\",\"q\\\"x\"]")
        #expect(SwarmLabelList.decode("[\"a\\u003cb\", \"q\\\"x\"]") == ["a<b", "q\"x"])
        #expect(SwarmLabelList.decode("[]") == [])
        #expect(SwarmLabelList.decode("on-node-failure") == nil)
        #expect(SwarmLabelList.decode("[\"a\",]") == nil)
        #expect(SwarmLabelList.decode("null") == nil)
    }

    @Test func imageAffinityIsAddedAndRemoved() {
        var config = ClassicFixture.config("redis")
        config.addAffinity("image==redis")
        #expect(config.affinities == ["image==redis"])
        config.removeAffinity("image==redis")
        #expect(config.affinities.isEmpty)
    }

    @Test func portSpecsParseAsDockerReadsThem() {
        #expect(ClassicPortBinding.parse("80:80") == ClassicPortBinding(containerPort: "80/tcp", hostPort: "80"))
        #expect(ClassicPortBinding.parse("80") == ClassicPortBinding(containerPort: "80/tcp", hostPort: ""))
        #expect(ClassicPortBinding.parse("10.0.0.1:8080:80/udp") == ClassicPortBinding(containerPort: "80/udp", hostIP: "10.0.0.1", hostPort: "8080"))
        #expect(ClassicPortBinding.parse("10.0.0.1::80")?.hostPort == "")
        #expect(ClassicPortBinding.parse("x:80") == nil)
        #expect(ClassicFixture.config(ports: ["8080:80"]).exposedPorts == ["80/tcp"])
    }

    @Test func cpuSharesConvertBothWays() {
        #expect(ClassicCPUShares.engineShares(reservedCpus: 1, engineCpus: 2) == 512)
        #expect(ClassicCPUShares.engineShares(reservedCpus: 1, engineCpus: 3) == 342)
        #expect(ClassicCPUShares.reservedCpus(engineShares: 342, engineCpus: 3) == 1)
        #expect(ClassicCPUShares.reservedCpus(engineShares: 1024, engineCpus: 2) == 2)
    }
}
