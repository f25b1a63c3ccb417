/// Dictionary-encodes text fields keyed by their raw bytes, so a repeated value costs a hash and a
/// byte comparison, and a String is built only once per distinct value.
///
/// Invalid UTF-8 is replaced with U+FFFD rather than refused: one bad byte in a free-text column
/// should not make a whole file unreadable, and the load notes say how many values were affected.
struct CSVStringInterner {
    /// High 32 bits: the top of the value's hash; low 32 bits: code + 1 (0 marks an empty slot).
    /// Keeping part of the hash in the slot settles most probes without touching other memory.
    /// Power-of-two sized, at most half full.
    private var slots: [UInt64]
    /// Full hashes by code, for growing the table.
    private var hashes: [UInt64] = []
    /// Where each code's bytes sit in `arena`.
    private var spans: [Span] = []
    /// The raw bytes of every distinct value, back to back.
    private var arena: [UInt8] = []
    private(set) var strings: [String] = []
    /// Codes whose bytes were not valid UTF-8 (their strings hold U+FFFD).
    private(set) var invalidCodes: [Int32] = []
    /// Line of the first field seen with invalid UTF-8.
    private(set) var firstInvalidLine: Int?
    /// The previous field's code: runs of one value (dates, countries) skip the hash entirely.
    private var lastCode: Int32 = -1

    private struct Span {
        let offset: Int
        let length: Int
    }

    init() {
        slots = [UInt64](repeating: 0, count: 1024)
    }

    private init(unusable: Void) {
        slots = []
    }

    /// Holds a column's place while its interner is borrowed out; never interns anything.
    static let placeholder = CSVStringInterner(unusable: ())

    var count: Int { strings.count }

    enum InternError: Error {
        case tooManyValues
    }

    /// The code for `field`, adding it if new. `line` is remembered for invalid UTF-8 notes.
    mutating func intern(_ field: UnsafeBufferPointer<UInt8>, line: Int) throws(InternError) -> Int32 {
        if lastCode >= 0, sameBytes(field, code: Int(lastCode)) { return lastCode }
        let hash = Self.hash(field)
        let fingerprint = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            if stored & 0xFFFF_FFFF_0000_0000 == fingerprint {
                let code = Int(stored & 0xFFFF_FFFF) - 1
                if sameBytes(field, code: code) {
                    lastCode = Int32(code)
                    return lastCode
                }
            }
            slot = (slot + 1) & mask
        }
        guard strings.count < Int(Int32.max) - 1 else { throw .tooManyValues }
        let code = Int32(strings.count)
        slots[slot] = fingerprint | UInt64(code + 1)
        hashes.append(hash)
        spans.append(Span(offset: arena.count, length: field.count))
        arena.append(contentsOf: field)
        if let valid = String(validating: field, as: UTF8.self) {
            strings.append(valid)
        } else {
            strings.append(String(decoding: field, as: UTF8.self))
            invalidCodes.append(code)
            if firstInvalidLine == nil { firstInvalidLine = line }
        }
        if strings.count * 2 > slots.count { grow() }
        lastCode = code
        return code
    }

    /// The raw bytes of `code`, for merging one interner into another.
    func withBytes<R>(of code: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try arena.withUnsafeBufferPointer { all in
            let span = spans[code]
            return try body(UnsafeBufferPointer(rebasing: all[span.offset..<(span.offset + span.length)]))
        }
    }

    @inline(__always)
    private func sameBytes(_ field: UnsafeBufferPointer<UInt8>, code: Int) -> Bool {
        let span = spans[code]
        guard span.length == field.count else { return false }
        if span.length == 0 { return true }
        return arena.withUnsafeBufferPointer { all in
            guard let a = all.baseAddress, let b = field.baseAddress else { return false }
            return memcmpBytes(a + span.offset, b, span.length)
        }
    }

    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for code in 0..<hashes.count {
            let hash = hashes[code]
            var slot = Int(truncatingIfNeeded: hash) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(code + 1)
        }
        slots = larger
    }

    /// Word-at-a-time multiplicative hash; only needs to spread typical short keys well.
    @inline(__always)
    static func hash(_ field: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(field.count)
        guard let base = field.baseAddress else { return h &* multiplier }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = field.count
        while i + 8 <= n {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* multiplier
            h ^= h >> 29
            i += 8
        }
        if i < n {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                word |= UInt64(field[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ word) &* multiplier
            h ^= h >> 29
        }
        h = (h ^ (h >> 32)) &* multiplier
        return h ^ (h >> 31)
    }
}

@inline(__always)
private func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var i = 0
    let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
    while i + 8 <= count {
        if rawA.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rawB.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
            return false
        }
        i += 8
    }
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
