#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StrataSession

/// Runs commands without line editing: piped stdin and `strata run FILE`. Output goes to stdout,
/// errors to stderr with `SOURCE:LINE`; no prompts, colours, timings or progress, so a run's output
/// is the same every time.
struct ScriptRunner {
    let interpreter: Interpreter
    /// Names the input in error locations: `<stdin>` or the script's path.
    let source: String
    /// Run every command even after one fails (the exit status still reports the failure).
    let keepGoing: Bool

    /// Runs piped lines until the input ends, `quit`, or (unless `keepGoing`) the first failure.
    /// Returns the exit status: 0 when every command succeeded, 1 otherwise.
    func run(_ nextLine: () -> String?) -> Int32 {
        var failed = false
        LogicalLines.forEach(nextLine) { line, number in
            execute(line, location: "\(source):\(number)", comments: [], failed: &failed)
        }
        return failed ? 1 : 0
    }

    /// Runs a script or saved session: nothing runs if a line is not a command; a warning comes
    /// before a command that reads a data file which changed since the session was saved.
    func run(_ document: SessionDocument, overrides: [String: String]) -> Int32 {
        let outcome: ReplayOutcome
        do throws(RunChainError) {
            outcome = try Replay.run(document, path: source, in: interpreter, stopsAtFailure: !keepGoing) { step in
                for w in step.warnings { Console.err(w + "\n") }
                show(step.execution)
            }
        } catch {
            Console.err("error: \(source): \(error.message)\n")
            return 1
        }
        let unused = overrides.keys.filter { interpreter.workspace.parameters[$0] == nil }.sorted()
        switch outcome {
        case .notRun(let errors):
            for e in errors { Console.err(e + "\n") }
            Console.err("\(source): nothing was run (\(errors.count == 1 ? "1 error" : "\(errors.count) errors"))\n")
            return 1
        case .finished(let failures):
            warnUnused(unused)
            return failures > 0 ? 1 : 0
        case .stopped:
            warnUnused(unused)
            return 1
        }
    }

    private func warnUnused(_ names: [String]) {
        for name in names { Console.err("warning: --set \(name)=… was not used: \(source) declares no 'param \(name)'\n") }
    }

    /// false when the run should stop.
    private func execute(_ line: String, location: String, comments: [String], failed: inout Bool) -> Bool {
        let execution = interpreter.execute(line, context: .quiet, location: location, comments: comments)
        show(execution)
        switch execution {
        case .empty, .success: return true
        case .failure:
            failed = true
            return keepGoing
        case .quit: return false
        }
    }

    /// Output on stdout, errors on stderr.
    private func show(_ execution: Execution) {
        switch execution {
        case .empty, .quit:
            break
        case .success(let output):
            // Fixed width, no colour: the same bytes on every machine, so replays compare equal.
            let text = OutputRenderer.render(output, style: OutputRenderer.style(for: interpreter.workspace.settings))
            if !text.isEmpty { Console.out(text + "\n") }
        case .failure(let message):
            Console.err(message + "\n")
        }
    }
}
