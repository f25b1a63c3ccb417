/// Consecutive row ranges covering `0..<count`. Long loops walk them and check for cancellation once
/// per range: often enough that Ctrl-C feels immediate, rarely enough that the probe costs nothing.
/// (A sequence rather than a closure-taking helper, so the hot loop bodies are not closures and the
/// optimizer can hoist array uniqueness checks out of them.)
struct RowChunks: Sequence, IteratorProtocol {
    static let size = 65_536

    private let count: Int
    private var start = 0

    init(_ count: Int) { self.count = count }

    mutating func next() -> Range<Int>? {
        guard start < count else { return nil }
        let end = count - start > Self.size ? start + Self.size : count
        defer { start = end }
        return start..<end
    }
}

/// Dense ids and row positions are kept as `Int32` to halve memory traffic in hot loops;
/// this rejects the (unrealistic) tables where that would not fit.
func requireInt32Rows(_ count: Int, _ what: String) throws {
    guard count < Int(Int32.max) else {
        throw EngineError("\(what) supports at most \(Int32.max - 1) rows; this input has \(count)")
    }
}
