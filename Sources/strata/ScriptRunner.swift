#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StrataLanguage

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
        let plan = SessionPlan(document, path: source, overrides: overrides, registry: interpreter.registry)
        guard plan.errors.isEmpty else {
            for e in plan.errors { Console.err(e + "\n") }
            Console.err("\(source): nothing was run (\(plan.errors.count == 1 ? "1 error" : "\(plan.errors.count) errors"))\n")
            return 1
        }
        var files = DataFileCheck(header: document.header)
        var failed = false
        for entry in document.entries {
            for w in files.warnings(before: entry.source) { Console.err(w + "\n") }
            guard execute(entry.source, location: "\(source):\(entry.line)", comments: entry.comments, failed: &failed) else { break }
        }
        let unused = overrides.keys.filter { interpreter.workspace.parameters[$0] == nil }.sorted()
        for name in unused { Console.err("warning: --set \(name)=… was not used: \(source) declares no 'param \(name)'\n") }
        return failed ? 1 : 0
    }

    /// false when the run should stop.
    private func execute(_ line: String, location: String, comments: [String], failed: inout Bool) -> Bool {
        switch interpreter.execute(line, context: .quiet, location: location, comments: comments) {
        case .empty:
            return true
        case .success(let output):
            // Fixed width, no colour: the same bytes on every machine, so replays compare equal.
            let text = OutputRenderer.render(output, style: OutputRenderer.style(for: interpreter.workspace.settings))
            if !text.isEmpty { Console.out(text + "\n") }
            return true
        case .failure(let message):
            Console.err(message + "\n")
            failed = true
            return keepGoing
        case .quit:
            return false
        }
    }
}
