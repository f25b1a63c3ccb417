#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to stdout and stderr. Going straight to the file descriptors keeps the two
/// streams in the order things happened, which stdio buffering would not on a pipe.
enum Console {
    static func out(_ text: String) { emit(1, text) }
    static func err(_ text: String) { emit(2, text) }

    private static func emit(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let n = write(fd, base + offset, raw.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0, errno == EINTR {
                    continue
                } else {
                    return  // closed pipe or full disk: nothing sensible left to do with the text
                }
            }
        }
    }

    /// An interpreter failure message for stderr, with "error:" in red on a colour terminal.
    static func failure(_ message: String, color: Bool) -> String {
        guard color, message.hasPrefix("error:") else { return message }
        return Style.red("error:", color) + message.dropFirst("error:".count)
    }
}

enum Style {
    static func red(_ s: String, _ on: Bool) -> String { on ? "\u{1B}[1;31m" + s + "\u{1B}[0m" : s }
    static func dim(_ s: String, _ on: Bool) -> String { on ? "\u{1B}[2m" + s + "\u{1B}[0m" : s }
}
