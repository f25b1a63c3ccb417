/// All commands the language knows, looked up by their leading words.
public struct CommandRegistry: Sendable {
    public private(set) var commands: [CommandSpec] = []

    public init(_ commands: [CommandSpec] = []) {
        for c in commands { register(c) }
    }

    public mutating func register(_ spec: CommandSpec) {
        commands.removeAll { $0.name == spec.name }
        commands.append(spec)
    }

    public func spec(named name: String) -> CommandSpec? { commands.first { $0.name == name } }

    /// The command whose words start the line, preferring the longest match (`drop table` over `drop`).
    public func match(words: [String]) -> CommandSpec? {
        let lowered = words.map { $0.lowercased() }
        var best: CommandSpec?
        for c in commands {
            let w = c.words
            guard w.count <= lowered.count, Array(lowered.prefix(w.count)) == w else { continue }
            if w.count > (best?.words.count ?? 0) { best = c }
        }
        return best
    }

    /// First words of all commands, for suggestions and completion.
    public var verbs: [String] {
        var seen = Set<String>()
        return commands.compactMap { c in c.words.first.flatMap { seen.insert($0).inserted ? $0 : nil } }
    }

    public func commands(in group: CommandGroup) -> [CommandSpec] {
        commands.filter { $0.group == group }
    }
}
