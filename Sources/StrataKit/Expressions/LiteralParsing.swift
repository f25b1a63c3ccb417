/// Turns literal tokens into values, rejecting what would silently become something else
/// (an integer too large for 64 bits, a float that overflows to infinity, February 30th).
package enum LiteralParsing {
    package static func number(_ text: String, negative: Bool, span: SourceSpan) throws -> Value {
        let signed = negative ? "-" + text : text
        let looksFloat = text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
        if !looksFloat {
            if let i = Int64(signed) { return .int(i) }
            throw SyntaxError("the number \(signed) is too large for an integer", at: span,
                              suggestion: "write it as a float, e.g. \(signed).0")
        }
        guard let d = Double(signed), d.isFinite else {
            throw SyntaxError("the number \(signed) is out of range", at: span)
        }
        return .float(d)
    }

    /// `2011-12-09` → date, `2011-12-09T10:00[:05]` → timestamp (the lexer already checked the shape).
    package static func dateOrTimestamp(_ text: String, span: SourceSpan) throws -> Value {
        guard let v = parseISO(text) else {
            throw SyntaxError("'\(text)' is not a valid date", at: span,
                              suggestion: "dates are written year-month-day, e.g. 2011-12-09 or 2011-12-09T10:30")
        }
        return v
    }

    /// Strict ISO reading shared with `date("…")` on string columns; nil for impossible calendar values.
    package static func parseISO(_ text: String) -> Value? {
        let chars = Array(text.utf8)
        func num(_ from: Int, _ len: Int) -> Int? {
            guard from + len <= chars.count else { return nil }
            var v = 0
            for i in from..<(from + len) {
                let c = chars[i]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard chars.count >= 10, chars[4] == 45, chars[7] == 45,
              let y = num(0, 4), let m = num(5, 2), let d = num(8, 2),
              CivilCalendar.isValid(year: y, month: m, day: d) else { return nil }
        let days = CivilCalendar.days(year: y, month: m, day: d)
        if chars.count == 10 { return .date(days) }
        // Accept the `T` separator the lexer reads and the space the engine prints.
        guard chars.count == 16 || chars.count == 19, chars[10] == 84 || chars[10] == 32, chars[13] == 58,
              let hh = num(11, 2), let mm = num(14, 2), hh < 24, mm < 60 else { return nil }
        var ss = 0
        if chars.count == 19 {
            guard chars[16] == 58, let s = num(17, 2), s < 60 else { return nil }
            ss = s
        }
        return .timestamp(days * 86_400 + Int64(hh * 3600 + mm * 60 + ss))
    }
}
