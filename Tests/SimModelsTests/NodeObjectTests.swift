import Testing
@testable import SimModels
import SimEngine

@Suite struct NodeObjectTests {
    /// A node describes itself field by field, as it did before its fields were boxed.
    @Test func descriptionShowsTheFieldsThemselves() {
        let node = Fixture.node("w1")
        let text = "\(node)"
        #expect(text.hasPrefix("NodeObject(id: "))
        #expect(text.contains("description: SimModels.NodeDescription(hostname: \"w1\""))
        #expect(!text.contains("storage") && !text.contains("CopyOnWrite"))
    }

    /// Writing a copy changes the copy only; equal fields are equal nodes, whatever the boxes.
    @Test func copiesAreIndependentValues() {
        let node = Fixture.node("w1")
        var copy = node
        copy.status.state = .down
        var other = node
        other.description.hostname = "w9"
        #expect(node.status.state != .down && copy.status.state == .down)
        #expect(node.description.hostname == "w1" && other.description.hostname == "w9")
        #expect(node != copy && node != other)
        var back = copy
        back.status = node.status
        #expect(back == node, "equal fields in another box")
    }
}
