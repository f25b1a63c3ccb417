/// Recognises the `na=` tokens. Most fields are ruled out by their length alone, which keeps the
/// check to one bit test on numeric columns.
struct CSVMissingTokens: Sendable {
    private let emptyIsMissing: Bool
    /// Bit n set when some token is n bytes long (n < 64).
    private let shortLengths: UInt64
    private let hasLongTokens: Bool
    /// Bit b set when some token starts with byte b (four words for 256 bytes): rules out numbers
    /// of the same length as `NA` or `null` without comparing anything.
    private let firstBytes: (UInt64, UInt64, UInt64, UInt64)
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
        var first: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for token in byteTokens {
            guard let byte = token.first else { continue }
            let bit: UInt64 = 1 << UInt64(byte & 63)
            switch byte >> 6 {
            case 0: first.0 |= bit
            case 1: first.1 |= bit
            case 2: first.2 |= bit
            default: first.3 |= bit
            }
        }
        firstBytes = first
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
        let byte = field[0]
        let bit: UInt64 = 1 << UInt64(byte & 63)
        let word: UInt64
        switch byte >> 6 {
        case 0: word = firstBytes.0
        case 1: word = firstBytes.1
        case 2: word = firstBytes.2
        default: word = firstBytes.3
        }
        if word & bit == 0 { return false }
        return matchesSlowly(field)
    }

    private func matchesSlowly(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        tokens.contains { token in token.count == field.count && token.elementsEqual(field) }
    }
}
