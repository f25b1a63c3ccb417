#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StrataSession

/// The interactive session: read a line (continuing after a trailing `\`), run it, print the
/// output or the error, repeat until `quit` or Ctrl-D.
struct Repl {
    let interpreter: Interpreter
    let terminal: TerminalInfo
    let historyPath: String?
    let journalDirectory: String?
    let ascii: Bool

    func run() -> Int32 {
        // Before the editor starts, so the saved terminal modes are the user's, not libedit's.
        Interrupts.install()
        guard let editor = LineEditor(historyPath: historyPath,
                                      outputToStderr: !terminal.stdoutIsTerminal && terminal.stderrIsTerminal) else {
            Console.err("strata: this terminal cannot be used for line editing; reading commands without it\n")
            return ScriptRunner(interpreter: interpreter, source: "<stdin>", keepGoing: true).run { readLine() }
        }
        defer { editor.close() }
        var lines = LogicalLines()
        editor.complete = { [interpreter] line, cursor in
            let completer = Completer(registry: interpreter.registry, workspace: interpreter.workspace)
            guard lines.isContinuing else { return completer.complete(line: line, cursor: cursor) }
            // On a continuation line the command started lines ago; complete within the whole of it.
            let head = lines.pending + " "
            var result = completer.complete(line: head + line, cursor: head.count + cursor)
            guard result.range.lowerBound >= head.count else { return .none(at: cursor) }
            result.range = (result.range.lowerBound - head.count)..<(result.range.upperBound - head.count)
            return result
        }
        let dash = ascii ? "-" : "—"
        var welcome = "Strata \(StrataVersion.current) \(dash) type 'help' for commands, or run the tour: run \"sessions/tour.strata\"\n"
        let journal = startJournal(&welcome)
        // With stdout redirected the greeting belongs on the terminal, not in the captured output.
        if terminal.stdoutIsTerminal || !terminal.stderrIsTerminal { Console.out(welcome) } else { Console.err(welcome) }
        defer { journal?.finish() }

        let progress: any ProgressSink = terminal.stderrIsTerminal ? TerminalProgress(ascii: ascii) : SilentProgress()
        let context = RunContext(cancellation: Interrupts.cancellation, progress: progress)
        while true {
            let prompt = lines.isContinuing ? "...> " : "[\(interpreter.nextCellNumber)]> "
            switch editor.read(prompt: prompt) {
            case .endOfInput:
                editor.show("\n")
                return 0
            case .interrupted:
                lines.discard()
            case .line(let physical):
                guard let line = lines.add(physical, number: interpreter.nextCellNumber) else { continue }
                guard !line.allSatisfy(\.isWhitespace) else { continue }
                editor.remember(line)

                Interrupts.reset()
                let result = interpreter.execute(line, context: context)
                progress.end()
                let elapsed = interpreter.cells.last?.duration ?? .zero

                switch result {
                case .empty:
                    continue
                case .quit:
                    return 0
                case .success(let output):
                    let style = OutputRenderer.style(for: interpreter.workspace.settings,
                                                     width: TerminalInfo.currentWidth(),
                                                     color: terminal.stdoutColorAllowed)
                    let text = OutputRenderer.render(output, style: style)
                    if !text.isEmpty { Console.out(text + "\n") }
                case .failure(let message):
                    Console.err(Console.failure(message, color: terminal.colorAllowed) + "\n")
                }
                if terminal.stderrIsTerminal {
                    Console.err(Style.dim("(\(Self.format(elapsed)))", terminal.colorAllowed) + "\n")
                }
            }
        }
    }

    /// Opens this session's journal and looks for one a crashed session left; says so in the welcome.
    private func startJournal(_ welcome: inout String) -> Journal? {
        interpreter.isInteractive = true
        guard let directory = journalDirectory else { return nil }
        if let left = Journal.abandoned(in: directory).first {
            interpreter.recoverableJournal = left.path
            let cells = left.unsavedCells == 1 ? "1 unsaved command" : "\(left.unsavedCells) unsaved commands"
            welcome += "A session that ended unexpectedly left \(cells) (\(left.path)).\n"
                + "Type 'recover' to replay them here, or 'recover discard' to delete them.\n"
        }
        guard let journal = Journal(directory: directory, seed: interpreter.workspace.settings.seed) else {
            welcome += "(no journal: cannot write to \(directory); a crash would lose unsaved work)\n"
            return nil
        }
        interpreter.onCell = { journal.record($0) }
        interpreter.onSessionSaved = { journal.markSaved(to: $0) }
        return journal
    }

    /// `(0.12 s)`; sub-centisecond commands read as `(<0.01 s)` rather than a misleading zero.
    static func format(_ d: Duration) -> String {
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        if seconds < 0.01 { return "<0.01 s" }
        let hundredths = Int((seconds * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) s"
    }
}
