#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory for a condensed distance matrix. On Linux it asks for 2 MB pages: the merge loop reads
/// one entry from each row of the triangle in turn, a new 4 KB page every time, and with small
/// pages most of its time went to address-translation misses.
final class DistanceBuffer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Double>
    let count: Int

    init(count: Int) throws {
        let bytes = max(1, count) * MemoryLayout<Double>.stride
        var raw: UnsafeMutableRawPointer?
        guard posix_memalign(&raw, 2 << 20, bytes) == 0, let raw else {
            throw EngineError("not enough memory for the \(bytes / 1_000_000) MB distance matrix",
                              suggestion: "cluster a sample of the rows")
        }
        #if os(Linux)
        _ = madvise(raw, bytes, MADV_HUGEPAGE)
        #endif
        pointer = raw.bindMemory(to: Double.self, capacity: max(1, count))
        self.count = count
    }

    deinit { free(pointer) }
}
