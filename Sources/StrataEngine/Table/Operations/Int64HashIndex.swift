/// Open-addressing map from 64-bit keys to caller-chosen dense ids.
///
/// Used instead of `Dictionary` for row keys because it is several times faster on tens of millions
/// of rows and, unlike `Dictionary` (whose hashing is seeded per process), its behaviour never varies
/// between runs. Nothing iterates it for output order: ids are assigned by the caller in row order.
struct Int64HashIndex {
    /// Key and id side by side, so a probe touches one cache line rather than two.
    private struct Slot {
        var key: Int64
        /// -1 marks an empty slot.
        var id: Int32
    }

    private var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0

    init(expectedCount: Int) {
        var capacity = 16
        let wanted = min(max(expectedCount, 8), 1 << 40) * 2
        while capacity < wanted { capacity <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, id: -1), count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// Fibonacci hashing: the top bits of a multiply spread consecutive keys (the common case of ids)
    /// across the table.
    @inline(__always)
    private func home(_ key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The id stored for `key`, storing `newId` first if the key is new.
    @inline(__always)
    mutating func findOrInsert(_ key: Int64, newId: Int32) -> Int32 {
        // Linear probing stays short below half full.
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var p = home(key)
        while true {
            let slot = slots[p]
            if slot.id < 0 {
                slots[p] = Slot(key: key, id: newId)
                count += 1
                return newId
            }
            if slot.key == key { return slot.id }
            p = (p + 1) & mask
        }
    }

    /// The id stored for `key`, or -1.
    @inline(__always)
    func find(_ key: Int64) -> Int32 {
        let mask = slots.count - 1
        var p = home(key)
        while true {
            let slot = slots[p]
            if slot.id < 0 { return -1 }
            if slot.key == key { return slot.id }
            p = (p + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        let capacity = old.count * 2
        slots = [Slot](repeating: Slot(key: 0, id: -1), count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        let mask = capacity - 1
        for slot in old where slot.id >= 0 {
            var p = home(slot.key)
            while slots[p].id >= 0 { p = (p + 1) & mask }
            slots[p] = slot
        }
    }
}
