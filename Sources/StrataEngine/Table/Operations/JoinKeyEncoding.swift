/// Encodes the key columns of both sides of a join into one shared id space, so matching rows carry
/// equal ids. The right (build) side assigns ids; the left side only looks them up, and gets -1 for a
/// value the right side does not have. Missing keys get -1 on both sides and so never match.
struct JoinKeyEncoding {
    var left: [Int32]
    var right: [Int32]
    /// Ids are in `0..<count`.
    var count: Int

    static func encode(leftColumns: [Column], rightColumns: [Column], context: RunContext) throws -> JoinKeyEncoding {
        var result: JoinKeyEncoding?
        for (l, r) in zip(leftColumns, rightColumns) {
            let pair = try encodePair(l, r, context: context)
            result = try result.map { try combine($0, pair, context: context) } ?? pair
        }
        guard let result else { throw EngineError("a join needs at least one key column") }
        return result
    }

    private static func encodePair(_ l: Column, _ r: Column, context: RunContext) throws -> JoinKeyEncoding {
        let lMissing = l.missingFlagsIncludingPlaceholders()
        let rMissing = r.missingFlagsIncludingPlaceholders()
        switch (l.data, r.data) {
        case (.int(let a), .int(let b)), (.date(let a), .date(let b)), (.timestamp(let a), .timestamp(let b)):
            return try encodeInt64(left: a, usable: usable(lMissing, a.count), right: b,
                                   usable: usable(rMissing, b.count), context: context)
        case (.bool(let a), .bool(let b)):
            return try encodeInt64(left: a.map { $0 ? 1 : 0 }, usable: usable(lMissing, a.count),
                                   right: b.map { $0 ? 1 : 0 }, usable: usable(rMissing, b.count), context: context)
        case (.float(let a), .float(let b)):
            let bits = { (x: Double) in Int64(bitPattern: (x == 0 ? 0.0 : x).bitPattern) }
            return try encodeInt64(left: a.map(bits), usable: usable(lMissing, a.count),
                                   right: b.map(bits), usable: usable(rMissing, b.count), context: context)
        case (.int(let a), .float(let b)):
            let (keys, ok) = wholeNumbers(b, rMissing)
            return try encodeInt64(left: a, usable: usable(lMissing, a.count), right: keys, usable: ok, context: context)
        case (.float(let a), .int(let b)):
            let (keys, ok) = wholeNumbers(a, lMissing)
            return try encodeInt64(left: keys, usable: ok, right: b, usable: usable(rMissing, b.count), context: context)
        case (.string(let lc, let ld), .string(let rc, let rd)):
            return encodeStrings(leftCodes: lc, leftDictionary: ld, leftMissing: lMissing,
                                 rightCodes: rc, rightDictionary: rd, rightMissing: rMissing)
        default:
            throw EngineError("cannot join '\(l.name)' (\(l.type.rawValue)) with '\(r.name)' (\(r.type.rawValue)): key types must match",
                              suggestion: "convert one of the columns first")
        }
    }

    private static func usable(_ missing: [Bool]?, _ count: Int) -> [Bool] {
        missing.map { $0.map { !$0 } } ?? [Bool](repeating: true, count: count)
    }

    /// Floats as integer keys, so an int key can be compared with a float key as numbers: 3.0 matches 3,
    /// while 3.5 (or a float beyond the integer range) matches no integer at all. Comparing through
    /// integers rather than doubles keeps large ids exact.
    private static func wholeNumbers(_ values: [Double], _ missing: [Bool]?) -> ([Int64], [Bool]) {
        var keys = [Int64](repeating: 0, count: values.count)
        var ok = [Bool](repeating: false, count: values.count)
        for i in 0..<values.count {
            let x = values[i]
            if missing?[i] ?? false { continue }
            // 2^63 is exactly representable; anything at or beyond it is out of Int64 range.
            if x == x.rounded(.towardZero) && x >= -9.223_372_036_854_775_808e18 && x < 9.223_372_036_854_775_808e18 {
                keys[i] = Int64(x)
                ok[i] = true
            }
        }
        return (keys, ok)
    }

    private static func encodeInt64(left: [Int64], usable leftOK: [Bool], right: [Int64], usable rightOK: [Bool],
                                    context: RunContext) throws -> JoinKeyEncoding {
        var index = Int64HashIndex(expectedCount: min(right.count, 4096))
        var rightIds = [Int32](repeating: -1, count: right.count)
        var next: Int32 = 0
        for range in FixedChunks(total: right.count, size: FixedChunks.rowBlock) {
            try context.cancellation.check()
            for i in range where rightOK[i] {
                let id = index.findOrInsert(right[i], newId: next)
                if id == next { next += 1 }
                rightIds[i] = id
            }
        }
        var leftIds = [Int32](repeating: -1, count: left.count)
        for range in FixedChunks(total: left.count, size: FixedChunks.rowBlock) {
            try context.cancellation.check()
            for i in range where leftOK[i] { leftIds[i] = index.find(left[i]) }
        }
        return JoinKeyEncoding(left: leftIds, right: rightIds, count: Int(next))
    }

    /// Strings from two different dictionaries: the dictionaries are matched once by text, then every
    /// row is a code-to-id array lookup.
    private static func encodeStrings(leftCodes: [Int32], leftDictionary: [String], leftMissing: [Bool]?,
                                      rightCodes: [Int32], rightDictionary: [String], rightMissing: [Bool]?) -> JoinKeyEncoding {
        var idOfText: [String: Int32] = [:]
        idOfText.reserveCapacity(rightDictionary.count)
        var rightIdOfCode = [Int32](repeating: -1, count: rightDictionary.count)
        for (code, text) in rightDictionary.enumerated() {
            if let id = idOfText[text] {
                rightIdOfCode[code] = id
            } else {
                let id = Int32(truncatingIfNeeded: idOfText.count)
                idOfText[text] = id
                rightIdOfCode[code] = id
            }
        }
        let leftIdOfCode = leftDictionary.map { idOfText[$0] ?? -1 }
        func rows(_ codes: [Int32], _ missing: [Bool]?, _ idOfCode: [Int32]) -> [Int32] {
            var ids = [Int32](repeating: -1, count: codes.count)
            for i in 0..<codes.count where !(missing?[i] ?? false) { ids[i] = idOfCode[Int(codes[i])] }
            return ids
        }
        return JoinKeyEncoding(left: rows(leftCodes, leftMissing, leftIdOfCode),
                               right: rows(rightCodes, rightMissing, rightIdOfCode), count: idOfText.count)
    }

    /// Pairs of ids for two keys become one id; a row with -1 in either stays unmatched.
    private static func combine(_ a: JoinKeyEncoding, _ b: JoinKeyEncoding, context: RunContext) throws -> JoinKeyEncoding {
        let width = Int64(b.count)
        var index = Int64HashIndex(expectedCount: min(a.right.count, 4096))
        var rightIds = [Int32](repeating: -1, count: a.right.count)
        var next: Int32 = 0
        for range in FixedChunks(total: a.right.count, size: FixedChunks.rowBlock) {
            try context.cancellation.check()
            for i in range where a.right[i] >= 0 && b.right[i] >= 0 {
                let id = index.findOrInsert(Int64(a.right[i]) * width + Int64(b.right[i]), newId: next)
                if id == next { next += 1 }
                rightIds[i] = id
            }
        }
        var leftIds = [Int32](repeating: -1, count: a.left.count)
        for range in FixedChunks(total: a.left.count, size: FixedChunks.rowBlock) {
            try context.cancellation.check()
            for i in range where a.left[i] >= 0 && b.left[i] >= 0 {
                leftIds[i] = index.find(Int64(a.left[i]) * width + Int64(b.left[i]))
            }
        }
        return JoinKeyEncoding(left: leftIds, right: rightIds, count: Int(next))
    }
}
