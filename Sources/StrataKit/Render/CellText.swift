/// Makes arbitrary data safe to place inside a table cell: no character may move the cursor,
/// start an escape sequence or reorder the line, or one odd value would break the whole layout
/// (or, with an ESC in the data, restyle the user's terminal).
public enum CellText {
    /// Unicode mode shows line breaks as `↵`, tabs as `⇥` and other C0 controls as their
    /// Control Pictures (`␛` for ESC); ASCII mode writes `\n`, `\r`, `\t` and `\xHH`.
    /// C1 controls and bidirectional overrides become `�` (ASCII `?`).
    public static func sanitize(_ text: String, ascii: Bool) -> String {
        guard needsSanitizing(text) else { return text }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            defer { previousWasCR = v == 0x0D }
            // A CRLF pair is one line break, shown once.
            if v == 0x0A, previousWasCR, !ascii { continue }
            if let replacement = replacement(for: v, ascii: ascii) {
                out.append(contentsOf: replacement.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func needsSanitizing(_ text: String) -> Bool {
        text.unicodeScalars.contains { replacement(for: $0.value, ascii: true) != nil }
    }

    private static func replacement(for v: UInt32, ascii: Bool) -> String? {
        switch v {
        case 0x0A, 0x0D: return ascii ? (v == 0x0A ? "\\n" : "\\r") : "↵"
        case 0x09: return ascii ? "\\t" : "⇥"
        case 0x00..<0x20: return ascii ? hexEscape(v) : String(Character(Unicode.Scalar(0x2400 + v) ?? "?"))
        case 0x7F: return ascii ? hexEscape(v) : "␡"
        case 0x80..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
            return ascii ? "?" : "\u{FFFD}"
        default: return nil
        }
    }

    private static func hexEscape(_ v: UInt32) -> String {
        let hex = Array("0123456789ABCDEF")
        return "\\x" + String(hex[Int(v >> 4) & 0xF]) + String(hex[Int(v) & 0xF])
    }
}
