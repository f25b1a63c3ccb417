/// Sorting a node's `rank << 32 | row` keys by rank: insertion sort for a handful, quicksort for
/// a few dozen, and a least-significant-digit radix sort on the rank's bytes beyond that (one
/// pass per byte the highest rank needs), which is linear where a comparison sort is not.
/// Keys are distinct (rows are), so the order is fully determined.
enum RankKeys {
    static func sort(_ keys: UnsafeMutablePointer<UInt64>, count: Int, spare: UnsafeMutablePointer<UInt64>,
                     highestRank: UInt32) {
        if count < 2 { return }
        if count <= 24 {
            insertionSort(keys, count: count)
        } else if count < 160 {
            quicksort(keys, low: 0, high: count - 1)
        } else {
            radixSort(keys, count: count, spare: spare, highestRank: highestRank)
        }
    }

    private static func insertionSort(_ keys: UnsafeMutablePointer<UInt64>, count: Int) {
        for i in 1..<count {
            let key = keys[i]
            var j = i - 1
            while j >= 0 && keys[j] > key {
                keys[j + 1] = keys[j]
                j -= 1
            }
            keys[j + 1] = key
        }
    }

    private static func quicksort(_ keys: UnsafeMutablePointer<UInt64>, low: Int, high: Int) {
        var low = low, high = high
        while high - low > 16 {
            // Median of three as the pivot.
            let mid = low + (high - low) / 2
            if keys[mid] < keys[low] { keys.swapAt(mid, low) }
            if keys[high] < keys[low] { keys.swapAt(high, low) }
            if keys[high] < keys[mid] { keys.swapAt(high, mid) }
            let pivot = keys[mid]
            var i = low, j = high
            while i <= j {
                while keys[i] < pivot { i += 1 }
                while keys[j] > pivot { j -= 1 }
                if i <= j {
                    keys.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // Recurse into the smaller side, loop on the larger: the stack stays logarithmic.
            if j - low < high - i {
                quicksort(keys, low: low, high: j)
                low = i
            } else {
                quicksort(keys, low: i, high: high)
                high = j
            }
        }
        insertionSort(keys + low, count: high - low + 1)
    }

    private static func radixSort(_ keys: UnsafeMutablePointer<UInt64>, count: Int, spare: UnsafeMutablePointer<UInt64>,
                                  highestRank: UInt32) {
        var source = keys, target = spare
        var shift: UInt64 = 32
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { buckets in
            guard let counts = buckets.baseAddress else { return }
            while shift < 64 && (UInt64(highestRank) >> (shift - 32)) > 0 {
                counts.initialize(repeating: 0, count: 256)
                for k in 0..<count { counts[Int((source[k] >> shift) & 0xFF)] += 1 }
                // A byte that is the same in every key leaves the order as it is.
                if counts[Int((source[0] >> shift) & 0xFF)] != count {
                    var offset = 0
                    for b in 0..<256 {
                        let c = counts[b]
                        counts[b] = offset
                        offset += c
                    }
                    for k in 0..<count {
                        let key = source[k]
                        let b = Int((key >> shift) & 0xFF)
                        target[counts[b]] = key
                        counts[b] += 1
                    }
                    swap(&source, &target)
                }
                shift += 8
            }
        }
        if source != keys { keys.update(from: source, count: count) }
    }
}

private extension UnsafeMutablePointer where Pointee == UInt64 {
    @inline(__always) func swapAt(_ i: Int, _ j: Int) {
        let t = self[i]
        self[i] = self[j]
        self[j] = t
    }
}
