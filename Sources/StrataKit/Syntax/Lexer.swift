/// Splits one logical command line into tokens. `#` outside a string starts a comment.
public struct Lexer {
    private let chars: [Character]
    private var pos = 0

    public init(_ line: String) { chars = Array(line) }

    public static func tokenize(_ line: String) throws -> [Token] {
        var lexer = Lexer(line)
        return try lexer.all()
    }

    private static let twoCharSymbols: Set<String> = ["==", "!=", "<>", "<=", ">=", ".."]
    private static let oneCharSymbols: Set<Character> = ["=", "<", ">", "+", "-", "*", "/", "%", "(", ")", ",", ":", ".", "[", "]", "!", ";"]

    public mutating func all() throws -> [Token] {
        var tokens: [Token] = []
        while true {
            let t = try next()
            tokens.append(t)
            if t.isEnd { return tokens }
        }
    }

    private func peek(_ offset: Int = 0) -> Character? {
        let i = pos + offset
        return i < chars.count ? chars[i] : nil
    }

    private static func isWordStart(_ c: Character) -> Bool { c == "_" || c.isLetter }
    private static func isWordPart(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }
    private static func isDigit(_ c: Character?) -> Bool { c.map { $0.isASCII && $0.isNumber } ?? false }

    package mutating func next() throws -> Token {
        while let c = peek(), c.isWhitespace { pos += 1 }
        guard let c = peek() else { return Token(.end, .point(chars.count)) }
        let start = pos
        if c == "#" {
            pos = chars.count
            return Token(.end, .point(start))
        }
        if c == "\"" || c == "'" { return try string(quote: c) }
        if c == "`" { return try backquotedName() }
        if c == "$" {
            pos += 1
            guard let n = peek(), Lexer.isWordStart(n) else {
                throw SyntaxError("'$' must be followed by a parameter name", at: .point(start), suggestion: "e.g. $k")
            }
            let name = takeWhile(Lexer.isWordPart)
            return Token(.variable(name), SourceSpan(start: start, end: pos))
        }
        if Lexer.isDigit(c) { return number() }
        if Lexer.isWordStart(c) {
            let w = takeWhile(Lexer.isWordPart)
            return Token(.word(w), SourceSpan(start: start, end: pos))
        }
        if let n = peek(1), Lexer.twoCharSymbols.contains(String([c, n])) {
            pos += 2
            return Token(.symbol(String([c, n])), SourceSpan(start: start, end: pos))
        }
        if Lexer.oneCharSymbols.contains(c) {
            pos += 1
            return Token(.symbol(String(c)), SourceSpan(start: start, end: pos))
        }
        throw SyntaxError("unexpected character '\(c)'", at: .point(start))
    }

    private mutating func takeWhile(_ pred: (Character) -> Bool) -> String {
        let s = pos
        while let c = peek(), pred(c) { pos += 1 }
        return String(chars[s..<pos])
    }

    private mutating func string(quote: Character) throws -> Token {
        let start = pos
        pos += 1
        var text = ""
        while let c = peek() {
            pos += 1
            if c == quote { return Token(.string(text), SourceSpan(start: start, end: pos)) }
            if c == "\\", let e = peek() {
                pos += 1
                switch e {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "\\", "\"", "'": text.append(e)
                default: text.append("\\"); text.append(e)
                }
            } else {
                text.append(c)
            }
        }
        throw SyntaxError("unclosed string: this quote is never closed", at: .point(start),
                          suggestion: "add a closing \(quote)")
    }

    /// `` `Age Group` ``: a name as it is, up to the closing backquote; a doubled backquote stands
    /// for one inside the name (see `Identifier`).
    private mutating func backquotedName() throws -> Token {
        let start = pos
        pos += 1
        var name = ""
        while let c = peek() {
            pos += 1
            guard c == "`" else {
                name.append(c)
                continue
            }
            if peek() == "`" {
                pos += 1
                name.append("`")
                continue
            }
            guard !name.isEmpty else {
                throw SyntaxError("empty name: backquotes must hold a name", at: SourceSpan(start: start, end: pos),
                                  suggestion: "e.g. `Age Group`")
            }
            return Token(.word(name), SourceSpan(start: start, end: pos), backquoted: true)
        }
        throw SyntaxError("unclosed name: this backquote is never closed", at: .point(start),
                          suggestion: "add a closing `")
    }

    /// Numbers, ISO dates (`2011-12-09`, optionally `T10:30[:00]` or ` 10:30`-free), and the left side of ranges (`2..10`).
    private mutating func number() -> Token {
        let start = pos
        if let date = isoDate() { return Token(.date(date), SourceSpan(start: start, end: pos)) }
        _ = takeWhile { $0.isASCII && $0.isNumber }
        if peek() == ".", peek(1) != ".", Lexer.isDigit(peek(1)) {
            pos += 1
            _ = takeWhile { $0.isASCII && $0.isNumber }
        }
        if let e = peek(), e == "e" || e == "E" {
            let save = pos
            pos += 1
            if let s = peek(), s == "+" || s == "-" { pos += 1 }
            if Lexer.isDigit(peek()) {
                _ = takeWhile { $0.isASCII && $0.isNumber }
            } else {
                pos = save
            }
        }
        return Token(.number(String(chars[start..<pos])), SourceSpan(start: start, end: pos))
    }

    private mutating func isoDate() -> String? {
        func digits(_ at: Int, _ n: Int) -> Bool {
            (0..<n).allSatisfy { at + $0 < chars.count && chars[at + $0].isASCII && chars[at + $0].isNumber }
        }
        let p = pos
        guard digits(p, 4), p + 4 < chars.count, chars[p + 4] == "-", digits(p + 5, 2),
              p + 7 < chars.count, chars[p + 7] == "-", digits(p + 8, 2) else { return nil }
        var end = p + 10
        if end < chars.count, chars[end] == "T", digits(end + 1, 2), end + 3 < chars.count, chars[end + 3] == ":",
           digits(end + 4, 2) {
            end += 6
            if end < chars.count, chars[end] == ":", digits(end + 1, 2) { end += 3 }
        }
        if end < chars.count, Lexer.isWordPart(chars[end]) { return nil }
        pos = end
        return String(chars[p..<end])
    }
}
