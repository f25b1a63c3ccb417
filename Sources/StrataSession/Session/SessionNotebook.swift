/// A saved session file as a notebook, from the shell (`strata export notebook FILE OUT`): each
/// command its own cell. Without replaying, the cells carry the output recorded in the file, so
/// nothing runs and no data file is read; with replaying, the session runs first in a fresh
/// workspace and the cells carry what it printed now.
public enum SessionNotebook {
    /// The commands of `document` with the output recorded under them.
    public static func recorded(_ document: SessionDocument) -> [Notebook.Entry] {
        document.entries.map { Notebook.Entry(comments: $0.comments, source: $0.source, outputLines: $0.recorded) }
    }

    /// Replays `document` (read from `path`) and returns its saved cells with their new output.
    /// Throws, naming `FILE:LINE`, when the file has errors or a command fails: a notebook that
    /// silently lost a cell would misstate the analysis.
    public static func replayed(_ document: SessionDocument, path: String, overrides: [String: String] = [:],
                                registry: CommandRegistry) throws(SessionNotebookError) -> [Notebook.Entry] {
        let interpreter = Interpreter(registry: registry, workspace: Replay.workspace(for: document, overrides: overrides))
        let outcome: ReplayOutcome
        do {
            outcome = try Replay.run(document, path: path, in: interpreter, stopsAtFailure: true)
        } catch {
            throw SessionNotebookError(messages: ["error: \(path): \(error.message)"])
        }
        switch outcome {
        case .notRun(let errors): throw SessionNotebookError(messages: errors)
        case .stopped(let failure): throw SessionNotebookError(messages: [failure])
        case .finished:
            return interpreter.cells.filter(\.isSaved).map {
                Notebook.Entry(comments: $0.comments, source: $0.source, outputLines: $0.outputLines)
            }
        }
    }
}

/// Why a session could not be replayed into a notebook: each message ready to print.
public struct SessionNotebookError: Error, Sendable {
    public let messages: [String]
}
