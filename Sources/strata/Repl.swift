#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StrataLanguage

/// The interactive session: read a line (continuing after a trailing `\`), run it, print the
/// output or the error, repeat until `quit` or Ctrl-D.
struct Repl {
    let interpreter: Interpreter
    let terminal: TerminalInfo
    let historyPath: String?
    let ascii: Bool

    static let version = "0.1"

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
        let welcome = "Strata \(Self.version) \(dash) type 'help' for commands, or run the tour: run \"sessions/tour.strata\"\n"
        // With stdout redirected the greeting belongs on the terminal, not in the captured output.
        if terminal.stdoutIsTerminal || !terminal.stderrIsTerminal { Console.out(welcome) } else { Console.err(welcome) }

        let progress: any ProgressSink = terminal.stderrIsTerminal ? TerminalProgress(ascii: ascii) : SilentProgress()
        let context = RunContext(cancellation: Interrupts.cancellation, progress: progress)
        var cell = 1

        while true {
            let prompt = lines.isContinuing ? "...> " : "[\(cell)]> "
            switch editor.read(prompt: prompt) {
            case .endOfInput:
                editor.show("\n")
                return 0
            case .interrupted:
                lines.discard()
            case .line(let physical):
                guard let line = lines.add(physical, number: cell) else { continue }
                guard !line.allSatisfy(\.isWhitespace) else { continue }
                editor.remember(line)

                Interrupts.reset()
                let clock = ContinuousClock()
                let started = clock.now
                let result = interpreter.execute(line, context: context)
                progress.end()
                let elapsed = clock.now - started

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
                cell += 1
                if terminal.stderrIsTerminal {
                    Console.err(Style.dim("(\(Self.format(elapsed)))", terminal.colorAllowed) + "\n")
                }
            }
        }
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
