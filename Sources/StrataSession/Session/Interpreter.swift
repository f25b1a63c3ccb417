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

/// A session: runs command lines against a workspace and keeps every command as a numbered cell.
/// Each command works on a copy of the workspace, which replaces the session's only when the
/// command succeeds; so do the effects it asks of the session (`SessionEffect`).
public final class Interpreter {
    public private(set) var workspace: Workspace
    public let registry: CommandRegistry
    /// Every command run so far, failed ones included, in order.
    public private(set) var cells: [Cell] = []
    /// Called with each cell as soon as it finishes (the REPL's journal).
    public var onCell: ((Cell) -> Void)?
    /// Called after `save session` wrote a file.
    public var onSessionSaved: ((String) -> Void)?
    /// The seed when the session started, which a saved session records.
    public let initialSeed: UInt64
    /// True at the prompt: commands may show what only a person needs (durations in `history`).
    public var isInteractive = false
    /// An unsaved journal left by a session that ended abnormally, offered to `recover`.
    public var recoverableJournal: String?
    /// The files this session is replaying, outermost first (`Replay.run` enters them).
    public internal(set) var runChain: RunChain

    /// `cells` continue an earlier session's numbering and history; `runChain` is the chain of the
    /// session this one replays a file for.
    public init(registry: CommandRegistry, workspace: Workspace = Workspace(), cells: [Cell] = [],
                runChain: RunChain = RunChain()) {
        self.registry = registry
        self.workspace = workspace
        self.cells = cells
        self.initialSeed = workspace.settings.seed
        self.runChain = runChain
    }

    /// The number the next cell will get.
    public var nextCellNumber: Int { (cells.last?.number ?? 0) + 1 }

    public func execute(_ line: String, context: RunContext = .quiet, location: String? = nil,
                        comments: [String] = []) -> Execution {
        let clock = ContinuousClock()
        let started = clock.now
        let turn = SessionTurn(of: self)
        let run = CommandRunner(registry: registry).run(line, on: workspace, host: turn, context: context, location: location)
        let result: Execution
        var command: ParsedCommand?
        var adopted: [Cell] = []
        switch run {
        case .empty:
            return .empty
        case .failed(let message, let parsed):
            command = parsed
            result = .failure(message: message)
        case .succeeded(let output, let after, let parsed):
            command = parsed
            workspace = after
            var quits = false
            for effect in turn.requested {
                switch effect {
                case .quit: quits = true
                case .savedSession(let path): onSessionSaved?(path)
                case .adoptCells(let cells): adopted += cells
                case .journalResolved: recoverableJournal = nil
                }
            }
            result = quits ? .quit : .success(output)
        }
        let duration = clock.now - started
        // `recover` replays an earlier session's cells: they become this session's cells, one by one.
        for var cell in adopted {
            cell.number = nextCellNumber
            record(cell)
        }
        let status: Cell.Status
        let output: CommandOutput
        switch result {
        case .success(let o): status = .succeeded; output = o
        case .failure(let message): status = .failed(message: message); output = .empty
        case .quit, .empty: status = .succeeded; output = .empty
        }
        let succeeded = status == .succeeded
        record(Cell(number: nextCellNumber, source: line, comments: comments, status: status, output: output,
                    settings: workspace.settings, duration: duration,
                    isRecorded: adopted.isEmpty && (command?.spec.isRecorded ?? true),
                    reads: command?.reads ?? [], binds: succeeded ? command?.binds ?? [] : []))
        return result
    }

    private func record(_ cell: Cell) {
        cells.append(cell)
        onCell?(cell)
    }
}
