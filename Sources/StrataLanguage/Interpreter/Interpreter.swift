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

/// Runs command lines against a workspace and keeps every command as a numbered cell. Each command
/// works on a copy of the workspace, which replaces the session's only when the command succeeds.
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

    /// `cells` continue an earlier session's numbering and history.
    public init(registry: CommandRegistry = StandardCommands.registry, workspace: Workspace = Workspace(), cells: [Cell] = []) {
        self.registry = registry
        self.workspace = workspace
        self.cells = cells
        self.initialSeed = workspace.settings.seed
    }

    /// The number the next cell will get.
    public var nextCellNumber: Int { (cells.last?.number ?? 0) + 1 }

    public func execute(_ line: String, context: RunContext = .quiet, location: String? = nil,
                        comments: [String] = []) -> Execution {
        let clock = ContinuousClock()
        let started = clock.now
        var spec: CommandSpec?
        let result: Execution
        var adopted: [Cell] = []
        do {
            let parser = CommandParser(registry: registry, workspace: workspace)
            guard let parsed = try parser.parse(line) else { return .empty }
            spec = parsed.spec
            var ctx = CommandContext(workspace: workspace, run: context, registry: registry)
            ctx.cells = cells
            ctx.isInteractive = isInteractive
            ctx.recoverableJournal = recoverableJournal
            ctx.initialSeed = initialSeed
            let output = try parsed.spec.run(parsed, &ctx)
            try context.cancellation.check()
            workspace = ctx.workspace
            adopted = ctx.adoptedCells
            if let saved = ctx.savedSession { onSessionSaved?(saved) }
            if ctx.recoverableJournal == nil { recoverableJournal = nil }
            result = ctx.quitRequested ? .quit : .success(output)
        } catch let e as SyntaxError {
            result = .failure(message: e.rendered(line: line, location: location))
        } catch is CancelledError {
            result = .failure(message: "cancelled: the workspace is unchanged")
        } catch let e as any UserFacingError {
            var m = "error: " + (location.map { $0 + ": " } ?? "") + e.message
            if let s = e.suggestion { m += "\n" + s }
            result = .failure(message: m)
        } catch {
            result = .failure(message: "error: " + (location.map { $0 + ": " } ?? "") + String(describing: error))
        }
        let duration = clock.now - started
        if !adopted.isEmpty {
            // `recover` replays an earlier session's cells: they become this session's cells, one by one.
            for var cell in adopted {
                cell.number = nextCellNumber
                record(cell)
            }
        }
        let status: Cell.Status
        let output: CommandOutput
        switch result {
        case .success(let o): status = .succeeded; output = o
        case .failure(let message): status = .failed(message: message); output = .empty
        case .quit, .empty: status = .succeeded; output = .empty
        }
        record(Cell(number: nextCellNumber, source: line, comments: comments, status: status, output: output,
                    settings: workspace.settings, duration: duration,
                    isRecorded: adopted.isEmpty && (spec?.isRecorded ?? true)))
        return result
    }

    private func record(_ cell: Cell) {
        cells.append(cell)
        onCell?(cell)
    }
}
