/// Values of one page or dictionary, already in Strata's representation (ints, days and seconds
/// as Int64, floats and decimals as Double), without the missing rows.
enum ParquetDenseValues: Sendable {
    case ints([Int64])
    case doubles([Double])
    case bools([Bool])
    /// Text as codes into the column chunk's string table.
    case codes([Int32])

    var count: Int {
        switch self {
        case .ints(let v): return v.count
        case .doubles(let v): return v.count
        case .bools(let v): return v.count
        case .codes(let v): return v.count
        }
    }
}

/// The distinct strings of one column chunk, in first-seen order.
struct ParquetStringTable: Sendable {
    private(set) var strings: [String] = []
    private var lookup: [String: Int32] = [:]

    mutating func code(for text: String) -> Int32 {
        if let c = lookup[text] { return c }
        let c = Int32(strings.count)
        strings.append(text)
        lookup[text] = c
        return c
    }
}

/// What decoding noticed that the user should be told.
struct ParquetDecodeNotes: Sendable {
    /// Timestamps whose fractional seconds were dropped (Strata keeps whole seconds).
    var fractionalSeconds = 0

    mutating func merge(_ other: ParquetDecodeNotes) { fractionalSeconds += other.fractionalSeconds }
}
