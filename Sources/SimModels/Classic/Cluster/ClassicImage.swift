/// An image on an engine as the manager lists it (`cluster/image.go`).
public struct ClassicImage: Equatable, Sendable {
    public var id: String
    /// `repo:tag` names; `<none>:<none>` for a dangling image.
    public var repoTags: [String]

    public init(id: String, repoTags: [String]) {
        self.id = id
        self.repoTags = repoTags
    }

    /// `ParseRepositoryTag`: `repo:tag` (or `repo@digest`) split; the tag is empty when there is
    /// none (a colon followed by a slash belongs to a registry's port).
    public static func splitRepositoryTag(_ name: String) -> (repository: String, tag: String) {
        if let at = name.firstIndex(of: "@") {
            return (String(name[..<at]), String(name[name.index(after: at)...]))
        }
        guard let colon = name.lastIndex(of: ":") else { return (name, "") }
        let tag = name[name.index(after: colon)...]
        if tag.contains("/") { return (name, "") }
        return (String(name[..<colon]), String(tag))
    }

    /// The names the affinity filter's `image` key compares: the ID, every `repo:tag` and every
    /// repository.
    public var affinityNames: [String] {
        [id] + repoTags + repoTags.map { Self.splitRepositoryTag($0).repository }
    }

    /// Counted by `docker info`'s `Images:` (`Images.Filter` without `All`): tagged images only.
    public var isListed: Bool {
        guard let first = repoTags.first else { return false }
        return first != "<none>:<none>"
    }
}
