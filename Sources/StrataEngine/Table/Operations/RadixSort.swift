/// Stable least-significant-digit radix sort, the engine of multi-key sorting.
///
/// Chosen over a comparison sort because it is stable by construction (so ties keep row order without
/// a tie-breaking comparator), linear in the row count, and skips the byte positions where all keys
/// agree, which is most of them for small integers, dictionary ranks and dates.
enum RadixSort {
    /// Reorders `rows` (and `keys`, which must be parallel to it) by ascending key, keeping the current
    /// order among equal keys.
    static func sort(keys: inout [UInt64], rows: inout [Int32], context: RunContext) throws {
        let n = keys.count
        guard n > 1 else { return }
        var histograms = [Int](repeating: 0, count: 8 * 256)
        for range in RowChunks(n) {
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
        var rowBuffer = [Int32](repeating: 0, count: n)
        var offsets = [Int](repeating: 0, count: 256)
        for digit in 0..<8 {
            let base = digit << 8
            // A byte that is the same in every key cannot change the order.
            if histograms[base | Int((keys[0] >> UInt64(digit * 8)) & 0xFF)] == n { continue }
            var running = 0
            for b in 0..<256 {
                offsets[b] = running
                running += histograms[base | b]
            }
            let shift = UInt64(digit * 8)
            for range in RowChunks(n) {
                try context.cancellation.check()
                for i in range {
                    let b = Int((keys[i] >> shift) & 0xFF)
                    let p = offsets[b]
                    offsets[b] = p + 1
                    keyBuffer[p] = keys[i]
                    rowBuffer[p] = rows[i]
                }
            }
            swap(&keys, &keyBuffer)
            swap(&rows, &rowBuffer)
        }
    }

    /// Sorts bare keys ascending (no payload), for order statistics.
    static func sort(keys: inout [UInt64], context: RunContext) throws {
        let n = keys.count
        guard n > 1 else { return }
        var histograms = [Int](repeating: 0, count: 8 * 256)
        for range in RowChunks(n) {
            try context.cancellation.check()
            for i in range {
                var k = keys[i]
                for digit in 0..<8 {
                    histograms[digit << 8 | Int(k & 0xFF)] += 1
                    k >>= 8
                }
            }
        }
        var buffer = [UInt64](repeating: 0, count: n)
        var offsets = [Int](repeating: 0, count: 256)
        for digit in 0..<8 {
            let base = digit << 8
            if histograms[base | Int((keys[0] >> UInt64(digit * 8)) & 0xFF)] == n { continue }
            var running = 0
            for b in 0..<256 {
                offsets[b] = running
                running += histograms[base | b]
            }
            let shift = UInt64(digit * 8)
            for range in RowChunks(n) {
                try context.cancellation.check()
                for i in range {
                    let k = keys[i]
                    let b = Int((k >> shift) & 0xFF)
                    buffer[offsets[b]] = k
                    offsets[b] += 1
                }
            }
            swap(&keys, &buffer)
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
