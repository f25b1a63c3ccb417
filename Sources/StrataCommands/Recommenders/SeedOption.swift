import StrataEngine

/// `seed=N`: the command's random seed, the session seed (`set seed`) when not given.
package enum SeedOption {
    package static func value(_ parsed: ParsedCommand, _ option: CommandOption<Int?>, _ settings: Settings) -> UInt64 {
        parsed[option].map { UInt64(bitPattern: Int64($0)) } ?? settings.seed
    }
}
