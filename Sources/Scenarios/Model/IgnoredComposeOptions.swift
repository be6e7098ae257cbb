/// The Compose keys of a file's `services:` that `docker stack deploy` ignores (docker/cli
/// `UnsupportedProperties`): sorted and unique, with where the first one was written.
public struct IgnoredComposeOptions: Equatable, Sendable {
    public var options: [String]
    public var location: SourceLocation

    public init(options: [String], location: SourceLocation) {
        self.options = options
        self.location = location
    }
}
