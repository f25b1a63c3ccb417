import Foundation

/// `run "FILE"`: replays a script of commands inside the current session, all or nothing.
enum RunCommand {
    static let spec = CommandSpec(
        "run", group: .session, summary: "Run the commands of a script file in this session.",
        arguments: [.path("file", help: "the script, in double quotes (one command per line)")],
        details: "Each command is shown with its output. If one fails, the run stops there, says which file "
            + "and line, and the workspace is left as it was before the run.",
        examples: ["run \"sessions/tour.strata\""]
    ) { parsed, ctx in
        let path = parsed.text("file") ?? ""
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SyntaxError("no file '\(path)'", at: parsed.span("file"), suggestion: "check the path and the current directory")
        }
        guard !isDirectory.boolValue else {
            throw SyntaxError("'\(path)' is a directory, not a script", at: parsed.span("file"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SyntaxError("cannot read '\(path)'", at: parsed.span("file"))
        }
        let text = String(decoding: data, as: UTF8.self)
        let nested = Interpreter(registry: ctx.registry, workspace: ctx.workspace)
        var out = CommandOutput()
        var physical = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if physical.last == "" { physical.removeLast() }

        /// false when the script asked to quit.
        func execute(_ line: String, at lineNumber: Int) throws -> Bool {
            switch nested.execute(line, context: ctx.run, location: "\(path):\(lineNumber)") {
            case .empty: return true
            case .quit: return false
            case .success(let o):
                out.append(.text("> " + line))
                out.append(contentsOf: o)
                return true
            case .failure(let message):
                throw EngineError("the run of \(path) stopped; nothing it did was kept\n" + message)
            }
        }
        var remaining = physical[...]
        try LogicalLines.forEach({ remaining.popFirst() }, execute)
        ctx.workspace = nested.workspace
        return out
    }
}
