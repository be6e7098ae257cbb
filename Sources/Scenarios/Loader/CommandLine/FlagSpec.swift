/// A flag a command accepts: its long name, optional one-letter name, and whether it takes a value.
struct FlagSpec: Equatable, Sendable {
    /// `--replicas`
    let long: String
    /// `-p`, or nil.
    let short: String?
    /// Whether the flag takes a value (`--replicas 3`); otherwise it is a boolean (`--force`).
    let takesValue: Bool

    /// A flag with a value.
    static func value(_ long: String, _ short: String? = nil) -> FlagSpec {
        FlagSpec(long: long, short: short, takesValue: true)
    }

    /// A boolean flag.
    static func bool(_ long: String, _ short: String? = nil) -> FlagSpec {
        FlagSpec(long: long, short: short, takesValue: false)
    }
}

/// One flag as written in a command, with its value.
struct ParsedFlag: Sendable {
    /// Which flag it is.
    let spec: FlagSpec
    /// The word holding the flag's name.
    let token: CommandToken
    /// The value (for `--name=web`, a token covering `web`); nil for a boolean flag.
    let value: CommandToken?
}

/// A command's words after the subcommand, sorted into flags and positional arguments.
struct ParsedArguments: Sendable {
    /// The flags in the order written.
    var flags: [ParsedFlag] = []
    /// The other words, in order.
    var positionals: [CommandToken] = []
    /// False when a flag was unknown or lacked its value (errors were recorded).
    var isValid = true

    /// Whether a flag with this long name was given (and not set to false).
    func has(_ long: String) -> Bool { flags.contains { $0.spec.long == long } }

    /// The last value given for the flag with this long name.
    func last(_ long: String) -> ParsedFlag? { flags.last { $0.spec.long == long } }
}
