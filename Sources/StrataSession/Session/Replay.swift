/// One command of a replayed document, as it finished.
public struct ReplayStep {
    public let entry: SessionDocument.Entry
    /// Said before the command ran: data files it reads that changed since the session was saved.
    public let warnings: [String]
    public let execution: Execution
    /// The cell the command became; nil for a blank line.
    public let cell: Cell?
}

/// How a replay ended.
public enum ReplayOutcome: Sendable {
    /// Nothing ran: the document has errors (each ready to print, with `FILE:LINE`).
    case notRun(errors: [String])
    /// Every command ran, or the replay stopped at `quit`; `failures` counts the commands that failed.
    case finished(failures: Int)
    /// A command failed and the replay stopped there.
    case stopped(failure: String)
}

/// Replaying the commands of a document: the one loop behind `strata run`, `strata check`,
/// `run "FILE"` and `recover`.
public enum Replay {
    /// Runs each command of `document` (read from `path`) in `interpreter`, in order, and calls
    /// `step` after each. With `checksFirst` a document with an error (an unknown command, an
    /// undeclared parameter, a `run` cycle) runs nothing. A warning comes before a command that
    /// reads a data file which changed since the session was saved. The replay stops at `quit`,
    /// and at the first failure when `stopsAtFailure`.
    ///
    /// Throws when `path` is already being replayed by the interpreter (a file that runs itself,
    /// directly or through others) or files are nested too deeply.
    public static func run(_ document: SessionDocument, path: String, in interpreter: Interpreter,
                           context: RunContext = .quiet, checksFirst: Bool = true, stopsAtFailure: Bool,
                           step: (ReplayStep) -> Void = { _ in }) throws(RunChainError) -> ReplayOutcome {
        let outer = interpreter.runChain
        interpreter.runChain = try outer.entering(path)
        defer { interpreter.runChain = outer }
        if checksFirst {
            let plan = SessionPlan(document, path: path, overrides: interpreter.workspace.parameterOverrides,
                                   registry: interpreter.registry, within: outer)
            guard plan.errors.isEmpty else { return .notRun(errors: plan.errors) }
        }
        var files = DataFileCheck(header: document.header)
        var failures = 0
        for entry in document.entries {
            let warnings = files.warnings(before: entry.source)
            let cellsBefore = interpreter.cells.count
            let execution = interpreter.execute(entry.source, context: context, location: "\(path):\(entry.line)",
                                                comments: entry.comments)
            let cell = interpreter.cells.count > cellsBefore ? interpreter.cells.last : nil
            step(ReplayStep(entry: entry, warnings: warnings, execution: execution, cell: cell))
            switch execution {
            case .empty, .success: continue
            case .quit: return .finished(failures: failures)
            case .failure(let message):
                failures += 1
                if stopsAtFailure { return .stopped(failure: message) }
            }
        }
        return .finished(failures: failures)
    }

    /// The workspace a replay starts from: `base` with the session's recorded seed and the `--set` overrides.
    public static func workspace(for document: SessionDocument, overrides: [String: String],
                                 base: Workspace = Workspace()) -> Workspace {
        var workspace = base
        if let seed = document.header.seed { workspace.settings.seed = seed }
        workspace.parameterOverrides = overrides
        return workspace
    }
}
