/// A buffer that parallel chunks write to at disjoint indices (each chunk owns its own rows), so
/// no two threads ever touch the same element. The owner keeps the memory alive for the duration.
struct DisjointWrites<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        // An empty buffer may have no base address; nothing will be written through it then.
        base = buffer.baseAddress ?? UnsafeMutablePointer<Element>.allocate(capacity: 0)
        count = buffer.count
    }

    @inline(__always)
    subscript(i: Int) -> Element {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }
}
