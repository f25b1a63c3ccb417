#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibEdit
import StrataSession

/// The libedit line editor: prompt, history file, Tab completion, and Ctrl-C / Ctrl-Z as keys.
///
/// While a line is edited the tty's ISIG is off (`setty -d -isig`), so Ctrl-C, Ctrl-Z and Ctrl-\
/// arrive as keys instead of signals. That keeps libedit's own signal handling (EL_SIGNAL) out of
/// the picture: it would switch the tty back to cooked mode in the middle of a read. Between lines
/// the tty is in its normal mode and Ctrl-C is a SIGINT that cancels the running command.
final class LineEditor {
    enum Input {
        case line(String)
        /// Ctrl-C: the line was abandoned.
        case interrupted
        /// Ctrl-D on an empty line, or the terminal went away.
        case endOfInput
    }

    /// Candidates for the line and cursor (a Character offset); set by the session.
    var complete: ((String, Int) -> CompletionResult)?

    private let editor: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    /// Where libedit draws: stderr when stdout is redirected.
    private let outputFD: Int32
    private var promptText: UnsafeMutablePointer<CChar>
    private var interrupted = false
    /// The line and cursor after a Tab that left several candidates: a second Tab there lists them.
    private var ambiguousAt: (line: String, cursor: Int)?
    private var warnedAboutHistory = false
    private var closed = false

    /// nil when libedit cannot drive this terminal.
    init?(historyPath: String?, outputToStderr: Bool) {
        guard let el = strata_el_init("strata", outputToStderr ? 1 : 0) else { return nil }
        guard let h = history_init() else {
            el_end(el)
            return nil
        }
        // libedit reads the prompt through this pointer on every redraw, so it is owned here.
        guard let prompt = strdup("> ") else {
            history_end(h)
            el_end(el)
            return nil
        }
        editor = el
        history = h
        self.historyPath = historyPath
        outputFD = outputToStderr ? 2 : 1
        promptText = prompt

        _ = strata_history_set_size(h, 1000)
        _ = strata_history_set_unique(h, 1)
        if let historyPath { _ = strata_history_load(h, historyPath) }

        _ = strata_el_set_client_data(el, Unmanaged.passUnretained(self).toOpaque())
        _ = strata_el_set_editor(el, "emacs")
        _ = strata_el_set_signal(el, 0)
        _ = strata_el_set_history(el, h)
        _ = strata_el_set_prompt(el) { el in
            guard let el, let editor = LineEditor.owner(of: el) else { return nil }
            return editor.promptText
        }
        // The user's ~/.editrc first, so our keys win where they overlap.
        _ = el_source(el, nil)
        _ = strata_el_setty_edit(el, "-isig")
        _ = strata_el_add_function(el, "strata-complete", "Complete the word before the cursor") { el, _ in
            guard let el, let editor = LineEditor.owner(of: el) else { return UInt8(CC_ERROR) }
            return editor.tabPressed()
        }
        _ = strata_el_add_function(el, "strata-interrupt", "Abandon the line") { el, _ in
            guard let el, let editor = LineEditor.owner(of: el) else { return UInt8(CC_ERROR) }
            return editor.interruptPressed()
        }
        _ = strata_el_add_function(el, "strata-suspend", "Suspend Strata like a shell job") { _, _ in
            Interrupts.suspend()
            return UInt8(CC_REDISPLAY)
        }
        _ = strata_el_bind(el, "^I", "strata-complete")
        _ = strata_el_bind(el, "^C", "strata-interrupt")
        _ = strata_el_bind(el, "^Z", "strata-suspend")
    }

    deinit {
        close()
        free(promptText)
    }

    /// Restores the terminal; safe to call more than once.
    func close() {
        guard !closed else { return }
        closed = true
        el_end(editor)
        history_end(history)
    }

    private static func owner(of el: OpaquePointer) -> LineEditor? {
        guard let data = strata_el_client_data(el) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    func read(prompt: String) -> Input {
        if let copy = strdup(prompt) {
            free(promptText)
            promptText = copy
        }
        interrupted = false
        ambiguousAt = nil
        var count: Int32 = 0
        let raw = el_gets(editor, &count)
        if interrupted { return .interrupted }
        guard let raw, count > 0 else { return .endOfInput }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Adds a line to the history and saves the file at once, so a crash or a closed terminal
    /// loses nothing. The file is private (0600): commands can contain paths and data.
    func remember(_ line: String) {
        _ = strata_history_enter(history, line)
        guard let historyPath else { return }
        createPrivately(historyPath)
        let saved = strata_history_save(history, historyPath)
        chmod(historyPath, 0o600)
        if saved < 0, !warnedAboutHistory {
            warnedAboutHistory = true
            Console.err("warning: cannot save history to \(historyPath)\n")
        }
    }

    /// Writes where the editor draws (stderr when stdout is redirected).
    func show(_ text: String) {
        if outputFD == 2 { Console.err(text) } else { Console.out(text) }
    }

    // MARK: keys

    /// The line, and the cursor as a Character offset.
    private func currentLine() -> (line: String, cursor: Int, scalarsAfterCursor: Int) {
        guard let info = el_line(editor)?.pointee, let buffer = info.buffer, let cursor = info.cursor,
              let last = info.lastchar else { return ("", 0, 0) }
        let before = String(decoding: UnsafeRawBufferPointer(start: buffer, count: cursor - buffer), as: UTF8.self)
        let after = String(decoding: UnsafeRawBufferPointer(start: cursor, count: last - cursor), as: UTF8.self)
        return (before + after, before.count, after.unicodeScalars.count)
    }

    private func tabPressed() -> UInt8 {
        let (line, cursor, _) = currentLine()
        guard let result = complete?(line, cursor), !result.candidates.isEmpty else {
            return UInt8(CC_ERROR)  // libedit beeps
        }
        if let replacement = result.replacement {
            // libedit counts code points, the completer Characters.
            el_deletestr(editor, Int32(result.fragment.unicodeScalars.count))
            if !replacement.isEmpty { _ = el_insertstr(editor, replacement) }
            if result.candidates.count > 1 {
                let now = currentLine()
                ambiguousAt = (now.line, now.cursor)
            } else {
                ambiguousAt = nil
            }
            return UInt8(CC_REFRESH)
        }
        if let previous = ambiguousAt, previous.line == line, previous.cursor == cursor {
            list(result.candidates.map(\.display))
            return UInt8(CC_REDISPLAY)
        }
        ambiguousAt = (line, cursor)
        return UInt8(CC_ERROR)
    }

    /// Prints candidates in columns, ordered down then across like `ls`, below the line;
    /// libedit then redraws the prompt and line under them.
    private func list(_ items: [String]) {
        let width = TerminalInfo.stderrWidth()
        let cell = (items.map { DisplayWidth.of($0) }.max() ?? 0) + 2
        let columns = max(1, width / max(cell, 1))
        let rows = (items.count + columns - 1) / columns
        var text = "\n"
        for r in 0..<rows {
            var row = ""
            for c in 0..<columns {
                let i = c * rows + r
                guard i < items.count else { break }
                let item = items[i]
                let last = c == columns - 1 || (c + 1) * rows + r >= items.count
                row += last ? item : item + String(repeating: " ", count: cell - DisplayWidth.of(item))
            }
            text += row + "\n"
        }
        _ = strata_flush_all()
        show(text)
    }

    /// Ctrl-C: show `^C` at the end of the line, leave it on screen, and end the read; the line
    /// itself is thrown away. Ending via a pushed newline lets libedit move below a wrapped line.
    private func interruptPressed() -> UInt8 {
        interrupted = true
        let (_, _, after) = currentLine()
        if after > 0 { _ = el_cursor(editor, Int32(after)) }
        _ = el_insertstr(editor, "^C")
        el_push(editor, "\n")
        return UInt8(CC_REFRESH)
    }
}

/// Creates the file readable by its owner only, before libedit's fopen would create it 0666 & ~umask.
private func createPrivately(_ path: String) {
    let fd = open(path, O_WRONLY | O_CREAT, 0o600)
    if fd >= 0 { close(fd) }
}
