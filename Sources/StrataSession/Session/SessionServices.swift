/// What the session offers the commands that are about it (history, save session, run, recover,
/// quit). It reaches them as the `CommandContext.host`, so the command API itself knows nothing of
/// cells, journals or files being replayed.
public protocol SessionServices: CommandHost {
    /// The session's cells before the running command.
    var cells: [Cell] { get }
    /// At the prompt rather than replaying a file: commands may show what only a person needs.
    var isInteractive: Bool { get }
    /// The seed the session started with, which a saved session records.
    var initialSeed: UInt64 { get }
    /// An unsaved journal left by a session that ended abnormally, for `recover`.
    var recoverableJournal: String? { get }

    /// Replays `document` (read from `path`) inside this session, on top of `workspace`, in an
    /// interpreter of its own that carries on this session's chain of files being replayed. See
    /// `Replay.run` for `checksFirst` and the steps; the result has the interpreter, for its
    /// workspace and cells.
    func replay(_ document: SessionDocument, path: String, onto workspace: Workspace, context: RunContext,
                checksFirst: Bool, step: (ReplayStep) -> Void) throws(RunChainError) -> NestedReplay

    /// Asks the session for `effect`; it takes place when the running command succeeds, and not at
    /// all when it fails.
    func request(_ effect: SessionEffect)
}

/// What a command can ask of the session beyond its output.
public enum SessionEffect: Sendable {
    /// End the session (`quit`).
    case quit
    /// The session was saved to this file (the journal notes it).
    case savedSession(path: String)
    /// These cells, replayed from a journal, become the session's own, in place of the command's cell.
    case adoptCells([Cell])
    /// The recoverable journal was replayed or deleted: there is nothing left to recover.
    case journalResolved
}

/// A document replayed inside a session.
public struct NestedReplay {
    public let outcome: ReplayOutcome
    public let interpreter: Interpreter
}

extension CommandContext {
    /// The session running the command; an error for a command that needs one and runs without.
    public func session() throws -> any SessionServices {
        guard let session = host as? any SessionServices else {
            throw EngineError("this command works only in a Strata session")
        }
        return session
    }
}
