import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Row ranges of a fixed size for the clustering loops. The size never depends on the number of
/// cores: each chunk keeps its own partial result and callers combine them in chunk order, so a
/// result is the same bit for bit whether one thread or several did the work.
struct FixedChunks: Sendable {
    /// Large enough that a chunk is worth a thread hand-off, small enough that two cores share
    /// the work evenly on a few hundred thousand rows.
    static let defaultSize = 8_192

    let total: Int
    let size: Int

    init(total: Int, size: Int = FixedChunks.defaultSize) {
        self.total = total
        self.size = max(1, size)
    }

    var count: Int { (total + size - 1) / size }

    func range(_ chunk: Int) -> Range<Int> { (chunk * size)..<min(total, (chunk + 1) * size) }

    func chunk(containing row: Int) -> Int { row / size }

    /// Runs `body` once for every chunk on up to `workers` threads, which take chunks in order.
    /// Stops handing out chunks once `cancellation` fires; the caller checks it afterwards.
    func forEach(workers: Int, cancellation: Cancellation = .never, _ body: (Int) -> Void) {
        let chunkCount = count
        if workers <= 1 || chunkCount <= 1 {
            for c in 0..<chunkCount {
                if c & 15 == 15 && cancellation.isCancelled { return }
                body(c)
            }
            return
        }
        let ticket = ChunkTicket()
        // The chunk bodies write disjoint per-chunk slots and rows through raw pointers, which is
        // what makes handing them to other threads safe; the box only says so to the compiler.
        withoutActuallyEscaping(body) { escapable in
            let shared = UnsafeSendable(escapable)
            DispatchQueue.concurrentPerform(iterations: min(workers, chunkCount)) { _ in
                while true {
                    let c = ticket.take()
                    if c >= chunkCount || cancellation.isCancelled { return }
                    shared.value(c)
                }
            }
        }
    }
}

/// Hands out chunk numbers to worker threads.
private final class ChunkTicket: Sendable {
    private let next = Atomic<Int>(0)
    func take() -> Int { next.add(1, ordering: .relaxed).oldValue }
}

/// How many threads the clustering loops use by default: every online core. Results do not depend
/// on it (see `FixedChunks`).
enum ClusterThreads {
    static var available: Int { Parallel.threadCount }
}

/// A per-chunk scratch area that worker threads write without locks: chunk `c` owns the slice
/// `c * stride ..< (c + 1) * stride`, and nothing reads it until every worker has finished.
final class ChunkSlots<Element>: @unchecked Sendable {
    let stride: Int
    let pointer: UnsafeMutableBufferPointer<Element>

    init(chunks: Int, stride: Int, initial: Element) {
        self.stride = stride
        pointer = .allocate(capacity: max(1, chunks * stride))
        pointer.initialize(repeating: initial)
    }

    deinit { pointer.deallocate() }

    @inline(__always) func base(_ chunk: Int) -> UnsafeMutablePointer<Element> {
        pointer.baseAddress.unsafelyUnwrapped + chunk * stride
    }
}
