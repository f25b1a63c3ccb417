/// Words of a tag list or description: split on `|`, whitespace and punctuation, lower-cased,
/// without one-letter words and the commonest English function words.
enum TextTokens {
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "in", "is", "it", "its", "of",
        "on", "or", "that", "the", "this", "to", "was", "with", "your", "you",
    ]

    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        func flush() {
            if current.count > 1, !stopWords.contains(current) { out.append(current) }
            current = ""
        }
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "'" { current.append(ch) } else { flush() }
        }
        flush()
        return out
    }
}
