#if canImport(Glibc)
import Glibc
#endif

/// Faults in, in one call, the pages of a fresh buffer that the calling thread is about to fill.
/// Filling a new 8 MB slice of a column otherwise traps into the kernel once per 4 KB page; asking
/// for them all at once (`MADV_POPULATE_WRITE`, Linux 5.14 and later) took about a seventh off the
/// CPU time of reading the 10-million-row ratings file. Only advice: where the kernel does not
/// know it, or on other systems, the pages are faulted in as they are written, as before.
enum Prefault {
    /// Below this the trap count is too small to matter.
    static let worthIt = 1 << 20

    /// `MADV_POPULATE_WRITE`, spelled out because older C headers lack the name.
    private static let populateWrite: Int32 = 23

    /// Prefaults the whole pages inside `byteCount` bytes from `start`.
    static func forWriting(_ start: UnsafeMutableRawPointer, byteCount: Int) {
        #if os(Linux)
        guard byteCount >= worthIt else { return }
        let page = UInt(4096)
        let first = (UInt(bitPattern: start) + page - 1) & ~(page - 1)
        let end = (UInt(bitPattern: start) + UInt(byteCount)) & ~(page - 1)
        guard end > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
        // Ignored on purpose: a kernel without it (EINVAL) or short of memory leaves the pages to
        // be faulted in on first write, where a real shortage shows up as it always did.
        _ = madvise(aligned, Int(end - first), populateWrite)
        #endif
    }
}
