/// Which rows of a column are missing. Columns without missing values carry no storage at all.
public struct MissingMask: Sendable, Equatable {
    /// nil means "nothing missing"; otherwise one flag per row.
    public private(set) var flags: [Bool]?

    public init() { flags = nil }

    public init(flags: [Bool]) {
        self.flags = flags.contains(true) ? flags : nil
    }

    public static let none = MissingMask()

    public var hasMissing: Bool { flags != nil }

    @inline(__always)
    public func isMissing(_ row: Int) -> Bool {
        guard let flags else { return false }
        return flags[row]
    }

    public func missingCount() -> Int {
        guard let flags else { return 0 }
        var n = 0
        for f in flags where f { n += 1 }
        return n
    }

    /// Marks one row missing in a mask for `count` rows.
    public mutating func setMissing(_ row: Int, count: Int) {
        if flags == nil { flags = [Bool](repeating: false, count: count) }
        flags?[row] = true
    }

    /// The mask for the rows at `indices`; an index of -1 produces a missing row (outer joins).
    public func taking(_ indices: [Int]) -> MissingMask {
        var out = [Bool](repeating: false, count: indices.count)
        var any = false
        for (k, i) in indices.enumerated() {
            let m = i < 0 || isMissing(i)
            out[k] = m
            any = any || m
        }
        return any ? MissingMask(flags: out) : MissingMask()
    }
}
