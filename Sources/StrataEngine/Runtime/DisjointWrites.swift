/// Memory that parallel chunks write at disjoint places: each chunk owns its own rows, or its own
/// slot of `stride` elements (chunk `c` owns `c·stride ..< (c+1)·stride`), so no two threads ever
/// touch the same element, and nothing reads it until every chunk has finished. That discipline is
/// what makes the `@unchecked Sendable` true; this is the engine's only type that claims it for
/// parallel writes.
///
/// Either borrows a buffer its owner keeps alive until the writers are done, or owns its memory.
struct DisjointWrites<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int
    /// Elements per chunk slot (1 unless made with `init(chunks:stride:initial:)`).
    let stride: Int
    /// Keeps owned memory alive as long as any copy of this value; nil when borrowed.
    private let allocation: Allocation?

    /// Borrows `buffer`.
    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        self.init(buffer.baseAddress, count: buffer.count)
    }

    /// Borrows `count` elements at `pointer` (nil only when `count` is 0).
    init(_ pointer: UnsafeMutablePointer<Element>?, count: Int) {
        if let pointer {
            base = pointer
            allocation = nil
        } else {
            // Nothing will be written; an owned empty allocation keeps `base` valid all the same.
            let owned = Allocation(count: 0)
            base = owned.base
            allocation = owned
        }
        self.count = pointer == nil ? 0 : count
        stride = 1
    }

    /// Owns `count` elements, each `initial`.
    init(repeating initial: Element, count: Int) {
        self.init(chunks: count, stride: 1, initial: initial)
    }

    /// Owns one slot of `stride` elements per chunk, each `initial`.
    init(chunks: Int, stride: Int, initial: Element) {
        let owned = Allocation(count: chunks * stride)
        owned.base.initialize(repeating: initial, count: owned.count)
        base = owned.base
        count = owned.count
        self.stride = stride
        allocation = owned
    }

    @inline(__always)
    subscript(i: Int) -> Element {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }

    /// The first element of chunk `chunk`'s slot.
    @inline(__always)
    func slot(_ chunk: Int) -> UnsafeMutablePointer<Element> { base + chunk * stride }

    private final class Allocation {
        let base: UnsafeMutablePointer<Element>
        let count: Int

        /// The owner initialises all `count` elements before anything reads them.
        init(count: Int) {
            self.count = max(0, count)
            base = .allocate(capacity: max(1, self.count))
        }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }
    }
}
