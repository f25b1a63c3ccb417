/// Long loops run in chunks of this many rows and check for cancellation between chunks:
/// often enough that Ctrl-C feels immediate, rarely enough that the probe costs nothing.
let opsChunkSize = 65_536

/// Calls `body` on consecutive row ranges covering `0..<count`, checking cancellation before each.
@inline(__always)
func forEachChunk(_ count: Int, _ context: RunContext, _ body: (Range<Int>) throws -> Void) throws {
    var start = 0
    while start < count {
        try context.cancellation.check()
        let end = count - start > opsChunkSize ? start + opsChunkSize : count
        try body(start..<end)
        start = end
    }
}

/// Dense ids and row positions are kept as `Int32` to halve memory traffic in hot loops;
/// this rejects the (unrealistic) tables where that would not fit.
func requireInt32Rows(_ count: Int, _ what: String) throws {
    guard count < Int(Int32.max) else {
        throw EngineError("\(what) supports at most \(Int32.max - 1) rows; this input has \(count)")
    }
}
