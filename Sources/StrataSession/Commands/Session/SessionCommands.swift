import Foundation

/// Commands about the session itself: its cells, saving it, notebooks, parameters, recovery.
package enum SessionCommands {
    package static let all: [CommandSpec] = [history, showCell, saveSession, exportNotebook, ExportSparkCommand.spec, param, recover]

    /// `quit` and `exit`, which end the session.
    package static let leaving: [CommandSpec] = [quit, exit]

    package static let quit = CommandSpec("quit", group: .workspace, summary: "Leave Strata (Ctrl-D does the same).",
                                  examples: ["quit"], isRecorded: false, run: leave)

    package static let exit = CommandSpec("exit", group: .workspace, summary: "Leave Strata (same as quit).",
                                  examples: ["exit"], isRecorded: false, run: leave)

    private static let leave: @Sendable (ParsedCommand, inout CommandContext) throws -> CommandOutput = { _, ctx in
        try ctx.session().request(.quit)
        return .empty
    }

    package static let history = CommandSpec(
        "history", group: .session, summary: "List this session's cells: number, status and command.",
        options: [includeFailed],
        details: "Failed commands are listed (marked ✗) but a saved session leaves them out, as it leaves out "
            + "commands about the session itself (history, show cell, save session, export notebook). "
            + "At the prompt each cell also shows how long it took.",
        examples: ["history", "history failed=no"], isRecorded: false
    ) { parsed, ctx in
        let session = try ctx.session()
        let withFailed = parsed[includeFailed]
        let cells = session.cells.filter { withFailed || $0.succeeded }
        guard !cells.isEmpty else { return .note("no cells yet") }
        let ascii = ctx.workspace.settings.ascii
        let width = String(cells[cells.count - 1].number).count + 2
        // Durations change from run to run; a replayed session must print the same text, so they
        // are shown only at the prompt. Commands are shown whole: they are what a reader wants.
        let lines = cells.map { cell -> String in
            let label = "[\(cell.number)]"
            let mark = cell.succeeded ? (cell.isRecorded ? (ascii ? "ok" : "✓") : (ascii ? "- " : "·")) : (ascii ? "x " : "✗")
            let time = session.isInteractive ? " " + Self.formatSeconds(cell.duration) : ""
            return String(repeating: " ", count: width - label.count) + label + " " + mark + time + "  " + cell.source
        }
        let saved = cells.filter(\.isSaved).count
        return CommandOutput([.text(lines.joined(separator: "\n")),
                              .note("\(saved) of \(cells.count) cells would be saved (\(ascii ? "- or x" : "· or ✗") are not)")])
    }

    package static let includeFailed = CommandOption.flag("failed", default: true, "include commands that failed")

    package static let showCell = CommandSpec(
        "show cell", group: .session, summary: "Show one cell again: its command and its output.",
        arguments: [.number("number", help: "the cell number, as in the prompt [n]>")],
        examples: ["show cell 1"], isRecorded: false
    ) { parsed, ctx in
        let cells = try ctx.session().cells
        let raw = parsed.number("number") ?? 0
        guard raw.isFinite, raw >= 1, raw <= 1e9, raw == raw.rounded() else {
            throw SyntaxError("a cell number is a whole number ≥ 1", at: parsed.span("number"), suggestion: "e.g. show cell 3")
        }
        let wanted = Int(raw)
        guard let cell = cells.first(where: { $0.number == wanted }) else {
            let range = cells.isEmpty ? "there are no cells yet"
                : "cells are numbered \(cells[0].number)…\(cells[cells.count - 1].number)"
            throw SyntaxError("no cell \(wanted)", at: parsed.span("number"), suggestion: range)
        }
        var out = CommandOutput([.text("[\(cell.number)]> " + cell.source)])
        switch cell.status {
        case .succeeded: out.append(contentsOf: cell.output)
        case .failed(let message): out.append(.text(message))
        }
        return out
    }

    package static let saveSession = CommandSpec(
        "save session", group: .session, summary: "Save the session as a script that replays to the same output.",
        arguments: [.path("name", help: "a name (saved as sessions/NAME.strata) or a path ending in .strata")],
        details: "Every command that succeeded is written with its output under it as '#> ' lines, after a header "
            + "with the Strata version, the date, the session seed and each data file read (SHA-256 and rows). "
            + "`strata run FILE` replays it; `strata check FILE` replays and compares. Format: docs/sessions.md. "
            + "The file is written to a temporary name and renamed.",
        examples: ["save session \"/tmp/example-session.strata\""], fileAccess: .writes, isRecorded: false
    ) { parsed, ctx in
        let session = try ctx.session()
        let path = SessionFiles.resolve(sessionName: parsed.text("name") ?? "")
        try ensureFolder(of: path, span: parsed.span("name"))
        let header = SessionHeader.forSaving(seed: session.initialSeed, inputs: ctx.workspace.inputs)
        try AtomicFile.write(SessionDocument.render(cells: session.cells, header: header), to: path)
        session.request(.savedSession(path: path))
        let saved = session.cells.filter(\.isSaved).count
        let left = session.cells.count - saved
        return .note("saved \(saved) cells to \(path)" + (left > 0 ? " (\(left) failed or session commands left out)" : "")
                     + "\nreplay: strata run \(path)    compare: strata check \(path)")
    }

    package static let exportNotebook = CommandSpec(
        "export notebook", group: .session, summary: "Write the session as a Markdown or Jupyter notebook.",
        arguments: [.path("file", help: "ending in .md (Markdown) or .ipynb (Jupyter, nbformat 4)")],
        details: "Each saved cell becomes a command block followed by its output; '#' comments above a command "
            + "become text. The .ipynb file opens in Jupyter and renders on GitHub.",
        examples: ["export notebook \"/tmp/example.md\"", "export notebook \"/tmp/example.ipynb\""],
        fileAccess: .writes, isRecorded: false
    ) { parsed, ctx in
        let cells = try ctx.session().cells
        let path = parsed.text("file") ?? ""
        guard let format = Notebook.Format(path: path) else {
            throw SyntaxError("a notebook file ends in .md or .ipynb", at: parsed.span("file"),
                              suggestion: "e.g. export notebook \"analysis.ipynb\"")
        }
        try ensureFolder(of: path, span: parsed.span("file"))
        let title = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        try AtomicFile.write(Notebook.render(cells, format: format, title: title), to: path)
        let saved = cells.filter(\.isSaved).count
        return .note("wrote \(saved) cells to \(path) (\(format == .markdown ? "Markdown" : "Jupyter notebook"))")
    }

    package static let param = CommandSpec(
        "param", group: .session, summary: "Declare a parameter $NAME with a default value.",
        arguments: [.rest("declaration", help: "NAME = VALUE: a number, a \"string\", a word, a list a,b or a range 2..10")],
        details: "Later commands use it as $NAME, anywhere a value can be typed. `strata run FILE --set NAME=VALUE` "
            + "overrides the default, so one session serves several runs. Typing param again changes the value.",
        examples: ["param k = 4", "param file = \"datasets/customers.csv\""]
    ) { parsed, ctx in
        let range = parsed.tokenRange("declaration") ?? 0..<0
        let tokens = Array(parsed.tokens[range])
        guard let first = tokens.first, let name = first.word else {
            throw parsed.error("param needs a name: param NAME = VALUE", at: tokens.first?.span, suggestion: "e.g. param k = 4")
        }
        guard CommandContext.isValidName(name), !name.contains(".") else {
            throw SyntaxError("'\(name)' cannot be a parameter name", at: first.span, suggestion: "use letters, digits and _")
        }
        guard tokens.count >= 2, tokens[1].isSymbol("=") else {
            throw SyntaxError("expected '=' after the name", at: tokens.count >= 2 ? tokens[1].span : first.span,
                              suggestion: "param \(name) = VALUE")
        }
        let valueTokens = Array(tokens.dropFirst(2))
        guard let firstValue = valueTokens.first else {
            throw SyntaxError("param \(name) needs a value after '='", at: tokens[1].span, suggestion: "e.g. param \(name) = 4")
        }
        if let v = valueTokens.first(where: \.isVariable) {
            throw SyntaxError("a parameter's value cannot use another parameter", at: v.span)
        }
        let span = firstValue.span.union(valueTokens[valueTokens.count - 1].span)
        let chars = Array(parsed.line)
        let defaultText = span.end <= chars.count ? String(chars[span.start..<span.end]) : valueTokens.map(\.display).joined()
        if let override = ctx.workspace.parameterOverrides[name] {
            let overrideTokens: [Token]
            do {
                overrideTokens = try Lexer.tokenize(override).filter { !$0.isEnd }
            } catch let e as SyntaxError {
                throw EngineError("--set \(name)=\(override): \(e.message)")
            }
            guard !overrideTokens.isEmpty else { throw EngineError("--set \(name)= needs a value") }
            // Substitution is one pass, so a `$` left in a value would reach the command unreplaced.
            guard !overrideTokens.contains(where: \.isVariable) else {
                throw EngineError("--set \(name)=\(override): a parameter's value cannot use another parameter")
            }
            ctx.workspace.parameters[name] = ParameterValue(text: override, tokens: overrideTokens)
            return .note("$\(name) = \(override)  (from --set; the default is \(defaultText))")
        }
        ctx.workspace.parameters[name] = ParameterValue(text: defaultText, tokens: valueTokens)
        return .note("$\(name) = \(defaultText)")
    }

    package static let recover = CommandSpec(
        "recover", group: .session, summary: "Restore the work of a session that ended unexpectedly.",
        arguments: [.optional([.choice("action", choices: ["discard"], help: "delete the journal instead of replaying it")])],
        details: "The prompt appends every command to a journal as soon as it finishes. When Strata starts and finds "
            + "the journal of a session that crashed or was killed, it says so; 'recover' replays those commands "
            + "(they become this session's cells), 'recover discard' deletes the journal.",
        examples: ["recover", "recover discard"], isRecorded: false
    ) { parsed, ctx in
        let session = try ctx.session()
        guard let path = session.recoverableJournal else { return .note("nothing to recover") }
        if parsed.text("action") == "discard" {
            try? FileManager.default.removeItem(atPath: path)
            session.request(.journalResolved)
            return .note("deleted the journal \(path)")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw EngineError("cannot read the journal \(path)")
        }
        var document = SessionDocument(text: text)
        document.entries = document.entries.map { entry in
            SessionDocument.Entry(source: entry.source, line: entry.line,
                                  comments: entry.comments.filter { !$0.hasPrefix(Journal.savedMarker) }, recorded: entry.recorded)
        }
        let start = Replay.workspace(for: document, overrides: [:], base: ctx.workspace)
        let replay = try session.replay(document, path: path, onto: start, context: ctx.run, checksFirst: false) { _ in }
        switch replay.outcome {
        case .notRun(let errors):
            throw EngineError("recovery stopped; nothing was restored\n" + (errors.first ?? ""))
        case .stopped(let failure):
            throw EngineError("recovery stopped; nothing was restored\n" + failure)
        case .finished:
            break
        }
        ctx.workspace = replay.interpreter.workspace
        session.request(.adoptCells(replay.interpreter.cells))
        session.request(.journalResolved)
        try? FileManager.default.removeItem(atPath: path)
        return .note("recovered \(replay.interpreter.cells.count) cells from \(path)")
    }

    private static func ensureFolder(of path: String, span: SourceSpan) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw SyntaxError("'\(folder)' is a file, not a folder", at: span) }
            return
        }
        // `sessions/` is where sessions live: made on first save. Other folders must exist.
        guard folder == "sessions" else {
            throw SyntaxError("the folder '\(folder)' does not exist", at: span, suggestion: "create it first, or save elsewhere")
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// `  0.12 s`, fixed width so commands line up.
    package static func formatSeconds(_ d: Duration) -> String {
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        let hundredths = Int((seconds * 100).rounded())
        let text = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100) s"
        return String(repeating: " ", count: max(0, 8 - text.count)) + text
    }
}
