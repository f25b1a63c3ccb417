/// Helpers that let row loops work on dictionary codes instead of strings.
enum StringDictionaryOrder {
    /// For each code, the first code in the dictionary holding an equal string.
    ///
    /// `ColumnBuilder` never repeats a string, but a dictionary can come from anywhere, and grouping
    /// must not split one value into two groups just because it was stored twice.
    static func canonicalCodes(_ dictionary: [String]) -> [Int32] {
        var firstCode: [String: Int32] = [:]
        firstCode.reserveCapacity(dictionary.count)
        var canonical = [Int32](repeating: 0, count: dictionary.count)
        for (i, s) in dictionary.enumerated() {
            let code = Int32(truncatingIfNeeded: i)
            if let existing = firstCode[s] {
                canonical[i] = existing
            } else {
                firstCode[s] = code
                canonical[i] = code
            }
        }
        return canonical
    }

    /// For each code, the rank of its string in UTF-8 byte order (which is also Unicode scalar order).
    /// Byte order is used rather than `String.<` because it is simple to explain and never depends on
    /// Unicode tables of a particular Swift release. Byte-identical strings share a rank.
    static func byteOrderRanks(_ dictionary: [String]) -> [Int32] {
        let order = (0..<dictionary.count).sorted { a, b in
            let c = compareBytes(dictionary[a], dictionary[b])
            return c != 0 ? c < 0 : a < b
        }
        var ranks = [Int32](repeating: 0, count: dictionary.count)
        var rank: Int32 = -1
        var previous: Int?
        for code in order {
            if previous.map({ compareBytes(dictionary[$0], dictionary[code]) != 0 }) ?? true { rank += 1 }
            ranks[code] = rank
            previous = code
        }
        return ranks
    }

    /// Three-way comparison of UTF-8 bytes: negative, zero or positive.
    static func compareBytes(_ a: String, _ b: String) -> Int {
        var i = a.utf8.makeIterator()
        var j = b.utf8.makeIterator()
        while true {
            switch (i.next(), j.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case let (x?, y?): if x != y { return x < y ? -1 : 1 }
            }
        }
    }
}
