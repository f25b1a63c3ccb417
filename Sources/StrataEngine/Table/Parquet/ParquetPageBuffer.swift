/// Memory for uncompressed pages, reused for every page of a column chunk: grown to the largest
/// page, never shrunk and never zero-filled. A fresh zero-filled buffer per page cost a memset and
/// a page fault per 4 KB for every megabyte decoded. Every decompressor that writes here succeeds
/// only when it wrote all the bytes it hands out, so no stale or uninitialized byte is ever read.
final class ParquetPageBuffer {
    private var base: UnsafeMutablePointer<UInt8>?
    private var capacity = 0

    deinit { base?.deallocate() }

    /// `count` writable bytes, valid until the next call; the caller has already checked `count`
    /// against what the page's codec can produce from its input.
    func bytes(_ count: Int) -> UnsafeMutableBufferPointer<UInt8> {
        if count > capacity {
            base?.deallocate()
            base = .allocate(capacity: count)
            capacity = count
        }
        return UnsafeMutableBufferPointer(start: count > 0 ? base : nil, count: count)
    }
}
