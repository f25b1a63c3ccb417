import Dispatch
import Foundation

/// How parallel loops use the cores. Work is always split into a fixed number of chunks chosen by
/// the algorithm (never by the core count) and partial results are combined in chunk order, so a
/// result is the same on one thread or many; `threadCount` only decides how many run at once.
public enum Parallel {
    /// `$STRATA_THREADS` when set (1 runs every loop sequentially: the tests compare 1 and 2),
    /// else the number of active processors.
    public static let threadCount: Int = {
        if let raw = ProcessInfo.processInfo.environment["STRATA_THREADS"], let n = Int(raw), n >= 1 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// Runs `body(chunk)` for every chunk in `0..<chunks`, at most `threadCount` at a time.
    public static func forEach(chunks: Int, _ body: @Sendable (Int) -> Void) {
        guard chunks > 0 else { return }
        if threadCount == 1 || chunks == 1 {
            for chunk in 0..<chunks { body(chunk) }
        } else {
            DispatchQueue.concurrentPerform(iterations: chunks, execute: body)
        }
    }

    /// `body(chunk)` for every chunk, returned in chunk order whatever order they ran in.
    public static func map<T: Sendable>(chunks: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = ChunkResults<T>(count: chunks)
        forEach(chunks: chunks) { chunk in slots.store(.success(body(chunk)), at: chunk) }
        return (try? slots.collected()) ?? []
    }

    /// As `map`, for work that can fail: every chunk runs, then the first error in chunk order is rethrown.
    public static func map<T>(chunks: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let slots = ChunkResults<T>(count: chunks)
        forEach(chunks: chunks) { chunk in slots.store(Result { try body(chunk) }, at: chunk) }
        return try slots.collected()
    }
}

/// One slot per chunk; each chunk writes only its own slot, through a buffer obtained once, so
/// concurrent writers never touch the same memory or the array's header; read after all finish.
private final class ChunkResults<T>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Result<T, any Error>?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ value: Result<T, any Error>, at index: Int) { slots[index] = value }

    func collected() throws -> [T] {
        try slots.map { slot in
            guard let slot else { throw EngineError("internal error: a parallel chunk produced no result") }
            return try slot.get()
        }
    }
}
