/// Recognises the `na=` tokens. Most fields are ruled out by their length alone, which keeps the
/// check to one bit test on numeric columns.
struct CSVMissingTokens: Sendable {
    private let emptyIsMissing: Bool
    /// Bit n set when some token is n bytes long (n < 64).
    private let shortLengths: UInt64
    private let hasLongTokens: Bool
    private let tokens: [[UInt8]]
    let isEmpty: Bool

    init(_ set: Set<String>) {
        let byteTokens = set.map { Array($0.utf8) }.filter { !$0.isEmpty }.sorted { $0.lexicographicallyPrecedes($1) }
        emptyIsMissing = set.contains("")
        tokens = byteTokens
        var lengths: UInt64 = 0
        var long = false
        for token in byteTokens {
            if token.count < 64 { lengths |= 1 << UInt64(token.count) } else { long = true }
        }
        shortLengths = lengths
        hasLongTokens = long
        isEmpty = set.isEmpty
    }

    @inline(__always)
    func matches(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = field.count
        if n == 0 { return emptyIsMissing }
        if n < 64 {
            if shortLengths & (1 << UInt64(n)) == 0 { return false }
        } else if !hasLongTokens {
            return false
        }
        return matchesSlowly(field)
    }

    private func matchesSlowly(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        tokens.contains { token in token.count == field.count && token.elementsEqual(field) }
    }
}
