/// Leading and trailing whitespace removed (header values, option text, comment lines).
extension StringProtocol {
    package var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
