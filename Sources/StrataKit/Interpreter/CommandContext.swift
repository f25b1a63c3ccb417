/// What a running command may read and change. Changes to `workspace` are kept only if the
/// command returns normally; a thrown error leaves the session's workspace as it was.
public struct CommandContext: Sendable {
    public var workspace: Workspace
    public let run: RunContext
    public let registry: CommandRegistry
    /// What runs the command (the session), for the few commands that are about it; nil when a
    /// command runs on its own.
    public let host: (any CommandHost)?

    public init(workspace: Workspace, run: RunContext, registry: CommandRegistry, host: (any CommandHost)? = nil) {
        self.workspace = workspace
        self.run = run
        self.registry = registry
        self.host = host
    }

    /// The subject table of the command (its first table argument; for a `.rows` slot, the rows of a clustering).
    public func subjectTable(_ parsed: ParsedCommand) throws -> Table {
        guard let name = parsed.subject, let t = workspace.rows(name) else {
            throw parsed.error("\(parsed.spec.name) needs a table")
        }
        return t
    }

    /// Stores a command's table result under the name its declaration and `as NAME` call for,
    /// and returns that name.
    @discardableResult
    public mutating func bindResult(_ table: Table, for parsed: ParsedCommand) throws -> String {
        let name = try resultName(for: parsed)
        workspace.bind(name, table: table)
        return name
    }

    public mutating func bindResult(_ object: any WorkspaceObject, for parsed: ParsedCommand) throws -> String {
        let name = try resultName(for: parsed)
        workspace.bind(name, .object(object))
        return name
    }

    public func resultName(for parsed: ParsedCommand) throws -> String {
        if let (name, span) = parsed.binding {
            guard Self.isValidName(name) else {
                throw SyntaxError("'\(name)' cannot be used as a name", at: span, suggestion: "use letters, digits and _")
            }
            return name
        }
        // A command declared to bind nothing that stores a result anyway replaces its subject.
        guard let name = parsed.resultName ?? parsed.subject else {
            throw parsed.error("\(parsed.spec.name): name the result with 'as NAME'")
        }
        return name
    }

    package static func isValidName(_ s: String) -> Bool {
        guard let f = s.first, f == "_" || f.isLetter else { return false }
        return s.allSatisfy { $0 == "_" || $0 == "." || $0.isLetter || $0.isNumber }
    }
}
