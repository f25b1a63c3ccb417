/// The distinct values of one or more key columns, numbered 0, 1, 2, … in order of first appearance.
///
/// This is the common currency of grouping, distinct counts, value counts and joins: once every row
/// carries a small dense id, the aggregates are plain array updates indexed by that id.
struct DenseKeys: Sendable {
    /// One id per row; -1 for rows left out (missing values when they are excluded).
    var ids: [Int32]
    /// How many distinct ids there are.
    var count: Int
    /// The first row carrying each id, so key values can be gathered back from the source columns.
    var firstRow: [Int]
}

/// Whether missing values form a key of their own (grouping) or are left out (distinct counts).
enum MissingKeys: Sendable {
    case ownKey
    case excluded
}

enum DenseKeyEncoder {
    /// Above this many possible values a direct lookup table would waste memory; a hash index is used instead.
    private static let directTableLimit = 1 << 24

    static func encode(_ column: Column, missing policy: MissingKeys, context: RunContext) throws -> DenseKeys {
        let n = column.count
        try requireInt32Rows(n, "this operation")
        let flags = column.missingFlagsIncludingPlaceholders()
        switch column.data {
        case .int(let v), .date(let v), .timestamp(let v):
            return try encodeInt64(v, flags: flags, policy: policy, context: context)
        case .float(let v):
            // Bit patterns compare floats exactly; -0.0 is folded into 0.0 because they are equal values.
            // NaN rows are already flagged missing, so their bits never matter.
            let keys = v.map { Int64(bitPattern: ($0 == 0 ? 0.0 : $0).bitPattern) }
            return try encodeInt64(keys, flags: flags, policy: policy, context: context)
        case .bool(let v):
            return try encodeSmall(rows: n, domain: 2, flags: flags, policy: policy, context: context) { v[$0] ? 1 : 0 }
        case .string(let codes, let dictionary):
            // Codes are already dense; only duplicate dictionary entries need folding together.
            let canonical = StringDictionaryOrder.canonicalCodes(dictionary)
            return try encodeSmall(rows: n, domain: dictionary.count, flags: flags, policy: policy, context: context) {
                Int(canonical[Int(codes[$0])])
            }
        }
    }

    /// Ids for rows whose values map onto `0..<domain`, through a direct table.
    @inline(__always)
    private static func encodeSmall(
        rows n: Int, domain: Int, flags: [Bool]?, policy: MissingKeys, context: RunContext,
        slot: (Int) -> Int
    ) throws -> DenseKeys {
        var idOfSlot = [Int32](repeating: -1, count: domain)
        var ids = [Int32](repeating: -1, count: n)
        var firstRow: [Int] = []
        var next: Int32 = 0
        var missingId: Int32 = -1
        let hasFlags = flags != nil
        let isMissing = flags ?? []
        for range in FixedChunks(total: n, size: FixedChunks.rowBlock) {
            try context.cancellation.check()
            for i in range {
                if hasFlags && isMissing[i] {
                    if policy == .ownKey {
                        if missingId < 0 { missingId = next; next += 1; firstRow.append(i) }
                        ids[i] = missingId
                    }
                    continue
                }
                let s = slot(i)
                var id = idOfSlot[s]
                if id < 0 {
                    id = next
                    idOfSlot[s] = id
                    next += 1
                    firstRow.append(i)
                }
                ids[i] = id
            }
        }
        return DenseKeys(ids: ids, count: Int(next), firstRow: firstRow)
    }

    private static func encodeInt64(
        _ values: [Int64], flags: [Bool]?, policy: MissingKeys, context: RunContext
    ) throws -> DenseKeys {
        let n = values.count
        var lo = Int64.max
        var hi = Int64.min
        for i in 0..<n where !(flags?[i] ?? false) {
            lo = min(lo, values[i])
            hi = max(hi, values[i])
        }
        if lo <= hi {
            let (span, overflow) = hi.subtractingReportingOverflow(lo)
            // A direct table is worth it when it is not much larger than the data itself.
            if !overflow && span < Int64(min(directTableLimit, max(1 << 16, 2 * n))) {
                return try encodeSmall(rows: n, domain: Int(span) + 1, flags: flags, policy: policy, context: context) {
                    Int(values[$0] &- lo)
                }
            }
        }
        var index = Int64HashIndex(expectedCount: min(n, 4096))
        var ids = [Int32](repeating: -1, count: n)
        var firstRow: [Int] = []
        var next: Int32 = 0
        var missingId: Int32 = -1
        let hasFlags = flags != nil
        let isMissing = flags ?? []
        for range in FixedChunks(total: n, size: FixedChunks.rowBlock) {
            try context.cancellation.check()
            for i in range {
                if hasFlags && isMissing[i] {
                    if policy == .ownKey {
                        if missingId < 0 { missingId = next; next += 1; firstRow.append(i) }
                        ids[i] = missingId
                    }
                    continue
                }
                let id = index.findOrInsert(values[i], newId: next)
                if id == next {
                    next += 1
                    firstRow.append(i)
                }
                ids[i] = id
            }
        }
        return DenseKeys(ids: ids, count: Int(next), firstRow: firstRow)
    }

    /// Ids for the distinct pairs (a, b) of two encodings of the same rows, again in order of first
    /// appearance. A row excluded from either side is excluded from the result.
    static func combine(_ a: DenseKeys, _ b: DenseKeys, context: RunContext) throws -> DenseKeys {
        let n = a.ids.count
        let (product, overflow) = a.count.multipliedReportingOverflow(by: b.count)
        var ids = [Int32](repeating: -1, count: n)
        var firstRow: [Int] = []
        var next: Int32 = 0
        if !overflow && product <= min(directTableLimit, max(1 << 16, 2 * n)) {
            var idOfPair = [Int32](repeating: -1, count: product)
            for range in FixedChunks(total: n, size: FixedChunks.rowBlock) {
                try context.cancellation.check()
                for i in range {
                    let x = a.ids[i], y = b.ids[i]
                    if x < 0 || y < 0 { continue }
                    let s = Int(x) * b.count + Int(y)
                    var id = idOfPair[s]
                    if id < 0 {
                        id = next
                        idOfPair[s] = id
                        next += 1
                        firstRow.append(i)
                    }
                    ids[i] = id
                }
            }
        } else {
            return try combineByBuckets(a, b, context: context)
        }
        return DenseKeys(ids: ids, count: Int(next), firstRow: firstRow)
    }

    /// `combine` for pairs too many to index directly, without a hash table: rows are bucketed by the
    /// more varied key (a counting sort), pairs are numbered bucket by bucket through a small scratch
    /// table over the other key, then renumbered in order of first appearance. Every pass is linear, and
    /// the random accesses hit arrays of row size rather than a hash table several times larger, which
    /// matters when nearly every row is its own group.
    private static func combineByBuckets(_ a: DenseKeys, _ b: DenseKeys, context: RunContext) throws -> DenseKeys {
        let n = a.ids.count
        let (major, minor) = a.count >= b.count ? (a, b) : (b, a)
        var offsets = [Int](repeating: 0, count: major.count + 1)
        for i in 0..<n where major.ids[i] >= 0 && minor.ids[i] >= 0 { offsets[Int(major.ids[i]) + 1] += 1 }
        for g in 0..<major.count { offsets[g + 1] += offsets[g] }
        var cursor = offsets
        var bucketed = [Int32](repeating: 0, count: offsets[major.count])
        for range in FixedChunks(total: n, size: FixedChunks.rowBlock) {
            try context.cancellation.check()
            for i in range where major.ids[i] >= 0 && minor.ids[i] >= 0 {
                let g = Int(major.ids[i])
                bucketed[cursor[g]] = Int32(truncatingIfNeeded: i)
                cursor[g] += 1
            }
        }
        // Provisional pair ids, numbered bucket by bucket.
        var provisional = [Int32](repeating: -1, count: n)
        var scratch = [Int32](repeating: -1, count: minor.count)
        var provisionalCount: Int32 = 0
        for g in 0..<major.count {
            if g & 0xFFFF == 0 { try context.cancellation.check() }
            let bucket = offsets[g]..<offsets[g + 1]
            for k in bucket {
                let row = Int(bucketed[k])
                let m = Int(minor.ids[row])
                var id = scratch[m]
                if id < 0 {
                    id = provisionalCount
                    scratch[m] = id
                    provisionalCount += 1
                }
                provisional[row] = id
            }
            for k in bucket { scratch[Int(minor.ids[Int(bucketed[k])])] = -1 }
        }
        // Final ids in order of first appearance.
        var final = [Int32](repeating: -1, count: Int(provisionalCount))
        var ids = [Int32](repeating: -1, count: n)
        var firstRow: [Int] = []
        var next: Int32 = 0
        for range in FixedChunks(total: n, size: FixedChunks.rowBlock) {
            try context.cancellation.check()
            for i in range {
                let p = provisional[i]
                if p < 0 { continue }
                var id = final[Int(p)]
                if id < 0 {
                    id = next
                    final[Int(p)] = id
                    next += 1
                    firstRow.append(i)
                }
                ids[i] = id
            }
        }
        return DenseKeys(ids: ids, count: Int(next), firstRow: firstRow)
    }

    /// Encodes several columns of equal length as one key. With no columns every row shares key 0.
    static func encode(_ columns: [Column], missing policy: MissingKeys, rowCount: Int, context: RunContext) throws -> DenseKeys {
        try requireInt32Rows(rowCount, "this operation")
        guard let first = columns.first else {
            return DenseKeys(ids: [Int32](repeating: 0, count: rowCount), count: rowCount > 0 ? 1 : 0,
                             firstRow: rowCount > 0 ? [0] : [])
        }
        var keys = try encode(first, missing: policy, context: context)
        for column in columns.dropFirst() {
            keys = try combine(keys, try encode(column, missing: policy, context: context), context: context)
        }
        return keys
    }
}
