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

    /// Runs lines until the input ends, `quit`, or (unless `keepGoing`) the first failure.
    /// Returns the exit status: 0 when every command succeeded, 1 otherwise.
    func run(_ nextLine: () -> String?) -> Int32 {
        var failed = false

        /// false when the run should stop.
        func execute(_ line: String, at lineNumber: Int) -> Bool {
            switch interpreter.execute(line, context: .quiet, location: "\(source):\(lineNumber)") {
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

        LogicalLines.forEach(nextLine, execute)
        return failed ? 1 : 0
    }
}

/// Lines of a text file, read as they are needed.
final class FileLines {
    private let file: UnsafeMutablePointer<FILE>

    /// nil with `errno` set when the file cannot be opened.
    init?(path: String) {
        guard let f = fopen(path, "r") else { return nil }
        file = f
    }

    deinit { fclose(file) }

    func next() -> String? {
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        let n = getline(&buffer, &capacity, file)
        guard n >= 0, let buffer else { return nil }
        var bytes = UnsafeRawBufferPointer(start: buffer, count: n)[...]
        if bytes.last == UInt8(ascii: "\n") { bytes = bytes.dropLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
