/// What became of one command line.
public enum CommandRun: Sendable {
    /// Blank line or comment.
    case empty
    /// The command ran; `workspace` is the workspace it left.
    case succeeded(CommandOutput, workspace: Workspace, command: ParsedCommand)
    /// The command failed; `message` is ready to print (with a caret line for syntax errors).
    /// `command` is nil when the line did not parse.
    case failed(message: String, command: ParsedCommand?)
}

/// Runs one command line against a workspace: parses it, runs it on a copy of the workspace, and
/// hands back the copy only if the command succeeded, so a failure leaves the workspace as it was.
public struct CommandRunner: Sendable {
    public let registry: CommandRegistry

    public init(registry: CommandRegistry) {
        self.registry = registry
    }

    /// `location` (`FILE:LINE`) starts each error message when the line comes from a file.
    public func run(_ line: String, on workspace: Workspace, host: (any CommandHost)?, context: RunContext,
                    location: String?) -> CommandRun {
        var parsedCommand: ParsedCommand?
        do {
            let parser = CommandParser(registry: registry, workspace: workspace)
            guard let parsed = try parser.parse(line) else { return .empty }
            parsedCommand = parsed
            var ctx = CommandContext(workspace: workspace, run: context, registry: registry, host: host)
            let output = try parsed.spec.run(parsed, &ctx)
            try context.cancellation.check()
            return .succeeded(output, workspace: ctx.workspace, command: parsed)
        } catch let e as SyntaxError {
            return .failed(message: e.rendered(line: line, location: location), command: parsedCommand)
        } catch is CancelledError {
            return .failed(message: "cancelled: the workspace is unchanged", command: parsedCommand)
        } catch let e as any UserFacingError {
            var m = "error: " + (location.map { $0 + ": " } ?? "") + e.message
            if let s = e.suggestion { m += "\n" + s }
            return .failed(message: m, command: parsedCommand)
        } catch {
            return .failed(message: "error: " + (location.map { $0 + ": " } ?? "") + String(describing: error), command: parsedCommand)
        }
    }
}
