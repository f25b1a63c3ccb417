/// What a running command may read and change. Changes to `workspace` are kept only if the
/// command returns normally; a thrown error leaves the session's workspace as it was.
public struct CommandContext: Sendable {
    public var workspace: Workspace
    public let run: RunContext
    public let registry: CommandRegistry
    /// Set by `quit`/`exit`.
    public var quitRequested = false
    /// The session's cells before this command (read by history, save session, export notebook).
    public var cells: [Cell] = []
    /// At the prompt rather than replaying a file.
    public var isInteractive = false
    /// The journal `recover` may replay; `recover` sets it to nil once dealt with.
    public var recoverableJournal: String?
    /// Cells replayed by `recover`, which the session takes as its own instead of the `recover` cell.
    public var adoptedCells: [Cell] = []
    /// Set by `save session` to the file it wrote, so the REPL's journal can note it.
    public var savedSession: String?
    /// The seed the session started with (recorded in a saved session's header).
    public var initialSeed: UInt64 = Settings().seed

    public init(workspace: Workspace, run: RunContext, registry: CommandRegistry) {
        self.workspace = workspace
        self.run = run
        self.registry = registry
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
        switch parsed.spec.binding {
        case .none, .replacesSubject:
            guard let s = parsed.subject else { throw parsed.error("\(parsed.spec.name): name the result with 'as NAME'") }
            return s
        case .named(let f):
            return f(parsed)
        }
    }

    static func isValidName(_ s: String) -> Bool {
        guard let f = s.first, f == "_" || f.isLetter else { return false }
        return s.allSatisfy { $0 == "_" || $0 == "." || $0.isLetter || $0.isNumber }
    }
}
