import Testing
@testable import SimModels
import SimEngine

@Suite struct TaskObjectTests {
    /// A task describes itself field by field, its template included, whatever boxes hold them.
    @Test func descriptionShowsTheTemplateItself() {
        let service = Fixture.service("web")
        let task = Fixture.task("t1", of: service, slot: 1)
        let text = "\(task)"
        #expect(text.hasPrefix("TaskObject(id: "))
        #expect(text.contains("spec: SimModels.TaskTemplate(image: \"nginx:latest\""))
        #expect(!text.contains("Shared"))
    }

    /// Writing a copy changes the copy only: the template stays shared until one is set.
    @Test func copiesAreIndependentValues() {
        let service = Fixture.service("web")
        let task = Fixture.task("t1", of: service, slot: 1)
        var copy = task
        copy.status.message = "changed"
        var other = task
        other.spec.image = "redis:7"
        #expect(task.status.message != "changed" && copy.status.message == "changed")
        #expect(task.spec.image == "nginx:latest" && other.spec.image == "redis:7" && copy.spec == task.spec)
        #expect(task != copy && task != other)
    }
}
