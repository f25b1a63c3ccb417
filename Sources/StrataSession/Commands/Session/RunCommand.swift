/// `run "FILE"`: replays a script or saved session inside the current session, all or nothing.
package enum RunCommand {
    package static let spec = CommandSpec(
        "run", group: .session, summary: "Run the commands of a script or saved session in this session.",
        arguments: [.path("file", help: "the script, in double quotes (one command per line)")],
        details: "Each command is shown with its output. Nothing runs if a line is not a command. If one fails, the run "
            + "stops there, says which file and line, and the workspace is left as it was before the run. "
            + "A saved session's recorded seed is used, and a warning comes before any command that reads a data "
            + "file that changed since the session was saved.",
        examples: ["run \"sessions/tour.strata\""],
        fileAccess: .reads
    ) { parsed, ctx in
        let session = try ctx.session()
        let path = parsed.text("file") ?? ""
        let document = try SessionSource.read(path, span: parsed.span("file"))
        let start = Replay.workspace(for: document, overrides: ctx.workspace.parameterOverrides, base: ctx.workspace)
        var out = CommandOutput()
        let replay: NestedReplay
        do throws(RunChainError) {
            replay = try session.replay(document, path: path, onto: start, context: ctx.run, checksFirst: true) { step in
                for w in step.warnings { out.append(.warning(String(w.dropFirst("warning: ".count)))) }
                guard case .success(let output) = step.execution else { return }
                out.append(.text("> " + step.entry.source))
                out.append(contentsOf: output)
            }
        } catch {
            throw SyntaxError(error.message, at: parsed.span("file"), suggestion: error.suggestion)
        }
        switch replay.outcome {
        case .notRun(let errors):
            throw EngineError("\(path) was not run: it has \(errors.count == 1 ? "an error" : "\(errors.count) errors")\n"
                              + (errors.first ?? ""))
        case .stopped(let failure):
            throw EngineError("the run of \(path) stopped; nothing it did was kept\n" + failure)
        case .finished:
            ctx.workspace = replay.interpreter.workspace
            return out
        }
    }
}
