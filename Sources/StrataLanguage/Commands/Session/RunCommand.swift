import Foundation

/// `run "FILE"`: replays a script or saved session inside the current session, all or nothing.
enum RunCommand {
    static let spec = CommandSpec(
        "run", group: .session, summary: "Run the commands of a script or saved session in this session.",
        arguments: [.path("file", help: "the script, in double quotes (one command per line)")],
        details: "Each command is shown with its output. Nothing runs if a line is not a command. If one fails, the run "
            + "stops there, says which file and line, and the workspace is left as it was before the run. "
            + "A saved session's recorded seed is used, and a warning comes before any command that reads a data "
            + "file that changed since the session was saved.",
        examples: ["run \"sessions/tour.strata\""],
        fileAccess: .reads
    ) { parsed, ctx in
        let path = parsed.text("file") ?? ""
        let document = try SessionSource.read(path, span: parsed.span("file"))
        let plan = SessionPlan(document, path: path, overrides: ctx.workspace.parameterOverrides, registry: ctx.registry)
        if let first = plan.errors.first {
            throw EngineError("\(path) was not run: it has \(plan.errors.count == 1 ? "an error" : "\(plan.errors.count) errors")\n" + first)
        }
        let nested = Interpreter(registry: ctx.registry,
                                 workspace: SessionReplay.workspace(for: document, overrides: ctx.workspace.parameterOverrides,
                                                                    base: ctx.workspace))
        var files = DataFileCheck(header: document.header)
        var out = CommandOutput()
        for entry in document.entries {
            for w in files.warnings(before: entry.source) { out.append(.warning(String(w.dropFirst("warning: ".count)))) }
            switch nested.execute(entry.source, context: ctx.run, location: "\(path):\(entry.line)", comments: entry.comments) {
            case .empty: continue
            case .quit: break
            case .success(let o):
                out.append(.text("> " + entry.source))
                out.append(contentsOf: o)
                continue
            case .failure(let message):
                throw EngineError("the run of \(path) stopped; nothing it did was kept\n" + message)
            }
            break
        }
        ctx.workspace = nested.workspace
        return out
    }
}

/// Reading a script or session file, with errors that say what is wrong with the path.
public enum SessionSource {
    public static func read(_ path: String, span: SourceSpan? = nil) throws -> SessionDocument {
        func fail(_ message: String, _ suggestion: String? = nil) -> any Error {
            if let span { return SyntaxError(message, at: span, suggestion: suggestion) }
            return EngineError(message, suggestion: suggestion)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw fail("no file '\(path)'", "check the path and the current directory")
        }
        guard !isDirectory.boolValue else { throw fail("'\(path)' is a directory, not a script") }
        guard let data = FileManager.default.contents(atPath: path) else { throw fail("cannot read '\(path)'") }
        return SessionDocument(text: String(decoding: data, as: UTF8.self))
    }
}
