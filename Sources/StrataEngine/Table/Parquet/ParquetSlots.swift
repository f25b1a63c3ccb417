/// Where one page's values go: consecutive slots of the final column arrays (or of a
/// dictionary), in Strata's representation.
enum ParquetSlots {
    /// 8-byte slots: the bits of an Int64 (ints, days, seconds) or of a Double (floats,
    /// decimals), by the column's kind.
    case wide(UnsafeMutablePointer<UInt64>)
    case bools(UnsafeMutablePointer<Bool>)
    /// Text as codes into the column chunk's string table.
    case codes(UnsafeMutablePointer<Int32>)

    /// The first slot's address and the bytes `n` slots take.
    func bytes(_ n: Int) -> (UnsafeMutableRawPointer, Int) {
        switch self {
        case .wide(let p): return (UnsafeMutableRawPointer(p), n * 8)
        case .bools(let p): return (UnsafeMutableRawPointer(p), n)
        case .codes(let p): return (UnsafeMutableRawPointer(p), n * 4)
        }
    }

    func advanced(by n: Int) -> ParquetSlots {
        switch self {
        case .wide(let p): return .wide(p + n)
        case .bools(let p): return .bools(p + n)
        case .codes(let p): return .codes(p + n)
        }
    }

    /// Spreads the first `present` values over `rows` slots, putting `placeholder`s where
    /// `missing` is set; walks backwards, so values move only to later slots and none is overwritten.
    func spread(present: Int, rows: Int, missing: UnsafePointer<Bool>, kind: ParquetValueKind) {
        switch self {
        case .wide(let p):
            let placeholder = kind.strataType == .float ? Double.nan.bitPattern : 0
            Self.spread(p, present: present, rows: rows, missing: missing, placeholder: placeholder)
        case .bools(let p): Self.spread(p, present: present, rows: rows, missing: missing, placeholder: false)
        case .codes(let p): Self.spread(p, present: present, rows: rows, missing: missing, placeholder: -1)
        }
    }

    private static func spread<T>(_ p: UnsafeMutablePointer<T>, present: Int, rows: Int, missing: UnsafePointer<Bool>, placeholder: T) {
        var next = present - 1
        var row = rows - 1
        while row >= 0 {
            if missing[row] || next < 0 {
                p[row] = placeholder
            } else {
                p[row] = p[next]
                next -= 1
            }
            row -= 1
        }
    }
}

/// A column chunk's dictionary, already in Strata's representation.
enum ParquetDictionary {
    case wide([UInt64])
    case bools([Bool])
    case codes([Int32])

    var count: Int {
        switch self {
        case .wide(let v): return v.count
        case .bools(let v): return v.count
        case .codes(let v): return v.count
        }
    }

    /// `out[i] = dictionary[indices[i]]`, every index checked.
    func gather(_ indices: UnsafeBufferPointer<UInt32>, into out: ParquetSlots) throws {
        switch (self, out) {
        case (.wide(let d), .wide(let p)): try Self.gather(d, indices, p)
        case (.bools(let d), .bools(let p)): try Self.gather(d, indices, p)
        case (.codes(let d), .codes(let p)): try Self.gather(d, indices, p)
        default: throw ParquetError.Corrupt("internal: a dictionary of the wrong kind")
        }
    }

    private static func gather<T>(_ dictionary: [T], _ indices: UnsafeBufferPointer<UInt32>, _ out: UnsafeMutablePointer<T>) throws {
        try dictionary.withUnsafeBufferPointer { entries in
            let n = UInt32(truncatingIfNeeded: entries.count)
            for i in 0..<indices.count {
                let k = indices[i]
                guard k < n else {
                    throw ParquetError.Corrupt("a dictionary index (\(k)) is beyond the dictionary's \(entries.count) entries")
                }
                out[i] = entries[Int(k)]
            }
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
