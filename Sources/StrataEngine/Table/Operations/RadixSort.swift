/// Stable least-significant-digit radix sort, the engine of multi-key sorting and order statistics.
///
/// Chosen over a comparison sort because it is stable by construction (so ties keep row order without
/// a tie-breaking comparator), linear in the row count, and skips the byte positions where all keys
/// agree, which is most of them for small integers, dictionary ranks and dates.
enum RadixSort {
    /// Reorders `rows` (and `keys`, which must be parallel to it) by ascending key, keeping the current
    /// order among equal keys.
    static func sort(keys: inout [UInt64], rows: inout [Int32], context: RunContext) throws {
        try sort(keys: &keys, rows: &rows, carryRows: true, context: context)
    }

    /// Sorts bare keys ascending, for order statistics.
    static func sort(keys: inout [UInt64], context: RunContext) throws {
        var none: [Int32] = []
        try sort(keys: &keys, rows: &none, carryRows: false, context: context)
    }

    private static func sort(keys: inout [UInt64], rows: inout [Int32], carryRows: Bool, context: RunContext) throws {
        let n = keys.count
        guard n > 1 else { return }
        // One pass builds the histograms of all eight byte positions.
        var histograms = [Int](repeating: 0, count: 8 * 256)
        for range in FixedChunks(total: n, size: FixedChunks.rowBlock) {
            try context.cancellation.check()
            for i in range {
                var k = keys[i]
                for digit in 0..<8 {
                    histograms[digit << 8 | Int(k & 0xFF)] += 1
                    k >>= 8
                }
            }
        }
        var keyBuffer = [UInt64](repeating: 0, count: n)
        var rowBuffer = [Int32](repeating: 0, count: carryRows ? n : 0)
        var offsets = [Int](repeating: 0, count: 256)
        for digit in 0..<8 {
            let base = digit << 8
            let shift = UInt64(digit * 8)
            // A byte that is the same in every key cannot change the order.
            if histograms[base | Int((keys[0] >> shift) & 0xFF)] == n { continue }
            var running = 0
            for b in 0..<256 {
                offsets[b] = running
                running += histograms[base | b]
            }
            for range in FixedChunks(total: n, size: FixedChunks.rowBlock) {
                try context.cancellation.check()
                for i in range {
                    let k = keys[i]
                    let b = Int((k >> shift) & 0xFF)
                    let p = offsets[b]
                    offsets[b] = p + 1
                    keyBuffer[p] = k
                    if carryRows { rowBuffer[p] = rows[i] }
                }
            }
            swap(&keys, &keyBuffer)
            if carryRows { swap(&rows, &rowBuffer) }
        }
    }

    /// Moves rows flagged in `last` (indexed by row) behind the others, keeping order within each part.
    static func partitionLast(rows: inout [Int32], flaggedBy last: [Bool]) {
        var front: [Int32] = []
        var back: [Int32] = []
        front.reserveCapacity(rows.count)
        for r in rows {
            if last[Int(r)] { back.append(r) } else { front.append(r) }
        }
        front.append(contentsOf: back)
        rows = front
    }
}
