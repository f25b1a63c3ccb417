/// The outcome of one line.
public enum Execution: Sendable {
    /// Blank line or comment.
    case empty
    case success(CommandOutput)
    /// The command failed; the workspace is unchanged. `message` is ready to print (with a caret line
    /// for syntax errors).
    case failure(message: String)
    case quit
}

/// Runs command lines against a workspace. Each command works on a copy of the workspace,
/// which replaces the session's only when the command succeeds.
public final class Interpreter {
    public private(set) var workspace: Workspace
    public let registry: CommandRegistry

    public init(registry: CommandRegistry = StandardCommands.registry, workspace: Workspace = Workspace()) {
        self.registry = registry
        self.workspace = workspace
    }

    public func execute(_ line: String, context: RunContext = .quiet, location: String? = nil) -> Execution {
        do {
            let parser = CommandParser(registry: registry, workspace: workspace)
            guard let parsed = try parser.parse(line) else { return .empty }
            var ctx = CommandContext(workspace: workspace, run: context, registry: registry)
            let output = try parsed.spec.run(parsed, &ctx)
            try context.cancellation.check()
            workspace = ctx.workspace
            return ctx.quitRequested ? .quit : .success(output)
        } catch let e as SyntaxError {
            return .failure(message: e.rendered(line: line, location: location))
        } catch is CancelledError {
            return .failure(message: "cancelled: the workspace is unchanged")
        } catch let e as any UserFacingError {
            var m = "error: " + (location.map { $0 + ": " } ?? "") + e.message
            if let s = e.suggestion { m += "\n" + s }
            return .failure(message: m)
        } catch {
            return .failure(message: "error: " + (location.map { $0 + ": " } ?? "") + String(describing: error))
        }
    }
}
