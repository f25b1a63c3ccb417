import Synchronization

/// The session as one command sees it while it runs: the session's state when the command started,
/// and the effects the command asks for, which the interpreter applies only if it succeeds.
package final class SessionTurn: SessionServices {
    package let cells: [Cell]
    package let isInteractive: Bool
    package let initialSeed: UInt64
    package let recoverableJournal: String?
    private let registry: CommandRegistry
    private let runChain: RunChain
    private let effects = Mutex<[SessionEffect]>([])

    package init(of interpreter: Interpreter) {
        cells = interpreter.cells
        isInteractive = interpreter.isInteractive
        initialSeed = interpreter.initialSeed
        recoverableJournal = interpreter.recoverableJournal
        registry = interpreter.registry
        runChain = interpreter.runChain
    }

    /// The effects asked for so far, in order.
    package var requested: [SessionEffect] { effects.withLock { $0 } }

    package func request(_ effect: SessionEffect) {
        effects.withLock { $0.append(effect) }
    }

    package func replay(_ document: SessionDocument, path: String, onto workspace: Workspace, context: RunContext,
                checksFirst: Bool, step: (ReplayStep) -> Void) throws(RunChainError) -> NestedReplay {
        let nested = Interpreter(registry: registry, workspace: workspace, runChain: runChain)
        let outcome = try Replay.run(document, path: path, in: nested, context: context, checksFirst: checksFirst,
                                     stopsAtFailure: true, step: step)
        return NestedReplay(outcome: outcome, interpreter: nested)
    }
}
