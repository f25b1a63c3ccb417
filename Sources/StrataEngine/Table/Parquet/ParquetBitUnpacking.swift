/// Unpacking of bit-packed runs (dictionary indices, levels, booleans), eight values at a time.
///
/// A group of eight `width`-bit values is exactly `width` bytes, least significant bit first, so
/// value i of a group starts at bit i × width: one unaligned 8-byte load, a shift and a mask
/// (a 32-bit value shifted by up to 7 bits still fits in the 64 loaded). `unpack` switches once
/// per run to a copy of the loop for that width, where the offsets, shifts and masks are
/// constants and the eight values are unrolled; the generic bit-by-bit loop it replaces spent
/// more time than the dictionary lookups themselves in the ratings profile.
enum ParquetBitUnpacking {
    /// Unpacks `groups` whole groups of `width` bits (1–32) from `run` into `out[0..<groups × 8]`.
    ///
    /// Unchecked on purpose: the caller has checked once, up front, that every load stays
    /// inside its page (the last group's last load ends at most `width + 8` bytes past that
    /// group's start) and that `out` has room for `groups × 8` values.
    static func unpack(_ run: UnsafeRawPointer, groups: Int, width: Int, into out: UnsafeMutablePointer<UInt32>) {
        switch width {
        case 1: groupsOf(run, groups, 1, out)
        case 2: groupsOf(run, groups, 2, out)
        case 3: groupsOf(run, groups, 3, out)
        case 4: groupsOf(run, groups, 4, out)
        case 5: groupsOf(run, groups, 5, out)
        case 6: groupsOf(run, groups, 6, out)
        case 7: groupsOf(run, groups, 7, out)
        case 8: groupsOf(run, groups, 8, out)
        case 9: groupsOf(run, groups, 9, out)
        case 10: groupsOf(run, groups, 10, out)
        case 11: groupsOf(run, groups, 11, out)
        case 12: groupsOf(run, groups, 12, out)
        case 13: groupsOf(run, groups, 13, out)
        case 14: groupsOf(run, groups, 14, out)
        case 15: groupsOf(run, groups, 15, out)
        case 16: groupsOf(run, groups, 16, out)
        case 17: groupsOf(run, groups, 17, out)
        case 18: groupsOf(run, groups, 18, out)
        case 19: groupsOf(run, groups, 19, out)
        case 20: groupsOf(run, groups, 20, out)
        case 21: groupsOf(run, groups, 21, out)
        case 22: groupsOf(run, groups, 22, out)
        case 23: groupsOf(run, groups, 23, out)
        case 24: groupsOf(run, groups, 24, out)
        default: groupsOf(run, groups, width, out)
        }
    }

    @inline(__always)
    private static func groupsOf(_ run: UnsafeRawPointer, _ groups: Int, _ width: Int, _ out: UnsafeMutablePointer<UInt32>) {
        let mask = (UInt64(1) << UInt64(width)) &- 1
        var source = run
        var target = out
        for _ in 0..<groups {
            for i in 0..<8 {
                let bit = i &* width
                let word = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
                target[i] = UInt32(truncatingIfNeeded: (word &>> UInt64(bit & 7)) & mask)
            }
            source += width
            target += 8
        }
    }
}
