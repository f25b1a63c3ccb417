#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibEdit

/// What the process knows about where its output goes. The renderer needs the width; colour and
/// box-drawing characters depend on the rest.
struct TerminalInfo: Sendable {
    /// Columns available to stdout: the terminal's width, or 100 when stdout is not a terminal.
    var width: Int
    var stdinIsTerminal: Bool
    var stdoutIsTerminal: Bool
    var stderrIsTerminal: Bool
    /// Colour on stderr: only on a terminal, and never when NO_COLOR is set or TERM is dumb.
    var colorAllowed: Bool
    /// Colour in tables on stdout, by the same rules.
    var stdoutColorAllowed: Bool
    /// Whether the locale encodes text as UTF-8 (after `setlocale(LC_CTYPE, "")`).
    var utf8: Bool

    static let defaultWidth = 100

    static func detect() -> TerminalInfo {
        let stdoutTTY = isatty(1) != 0
        let stderrTTY = isatty(2) != 0
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        let dumb = getenv("TERM").map { String(cString: $0) == "dumb" } ?? false
        return TerminalInfo(
            width: currentWidth(),
            stdinIsTerminal: isatty(0) != 0,
            stdoutIsTerminal: stdoutTTY,
            stderrIsTerminal: stderrTTY,
            colorAllowed: stderrTTY && !noColor && !dumb,
            stdoutColorAllowed: stdoutTTY && !noColor && !dumb,
            utf8: localeIsUTF8()
        )
    }

    /// Re-read on every use: the window may have been resized since start-up.
    static func currentWidth() -> Int {
        guard isatty(1) != 0 else { return defaultWidth }
        let w = Int(strata_terminal_width(1))
        return w > 0 ? w : defaultWidth
    }

    /// Width for things drawn on stderr (progress bars, completion lists).
    static func stderrWidth() -> Int {
        let w = Int(strata_terminal_width(2))
        return w > 0 ? w : defaultWidth
    }

    private static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }
}
