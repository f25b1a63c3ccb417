/// One evaluated node. Constants stay scalar so `amount > 0` never materializes a column of zeros.
/// Missing rows: ints and bools carry a flag array (nil when nothing is missing), floats use NaN,
/// strings use code -1. Missing rows hold placeholders (0, false) that kernels never read as data.
package enum Operand {
    /// The same value on every row; `.missing` for an all-missing result.
    case constant(Value)
    /// int, date (days) or timestamp (seconds); the node's type says which.
    case ints([Int64], [Bool]?)
    case floats([Double])
    case bools([Bool], [Bool]?)
    /// Dictionary-encoded text; the dictionary may hold entries no row uses.
    case strings([Int32], [String])

    package var isAllMissing: Bool {
        if case .constant(.missing) = self { return true }
        return false
    }
}

/// Uniform read access to a column or a broadcast constant: a constant is a one-element array
/// read through an index mask of 0, so kernels need one loop instead of four.
package struct Lane<T> {
    package let values: [T]
    package let indexMask: Int

    package init(array: [T]) {
        values = array
        indexMask = -1
    }

    package init(constant: T) {
        values = [constant]
        indexMask = 0
    }

    @inline(__always)
    package subscript(i: Int) -> T { values[i & indexMask] }

    package var constant: T? { indexMask == 0 ? values.first : nil }
}

/// `f` applied row by row to two lanes. Hot loops go through here: iterating the arrays
/// themselves (rather than indexing) lets the optimizer drop bounds checks and vectorize.
@inline(__always)
package func combine<A, B, R>(_ x: Lane<A>, _ y: Lane<B>, count n: Int, _ f: (A, B) -> R) -> [R] {
    switch (x.constant, y.constant) {
    case (nil, nil): return zip(x.values, y.values).map(f)
    case (nil, let c?): return x.values.map { f($0, c) }
    case (let c?, nil): return y.values.map { f(c, $0) }
    case (let c?, let d?): return [R](repeating: f(c, d), count: n)
    }
}

@inline(__always)
package func transform<A, R>(_ x: Lane<A>, count n: Int, _ f: (A) -> R) -> [R] {
    if let c = x.constant { return [R](repeating: f(c), count: n) }
    return x.values.map(f)
}

/// Missing flags read like a lane: no flags reads as all false.
package struct MissingLane {
    package let lane: Lane<Bool>
    package let any: Bool

    package init(_ flags: [Bool]?) {
        if let flags {
            lane = Lane(array: flags)
            any = true
        } else {
            lane = Lane(constant: false)
            any = false
        }
    }

    package init(allMissing: Bool) {
        lane = Lane(constant: allMissing)
        any = allMissing
    }

    @inline(__always)
    package subscript(i: Int) -> Bool { lane[i] }
}

/// Counts rows that became missing for a reason the user should hear about.
package struct WarningLog {
    private var entries: [(what: String, context: String, rows: Int)] = []

    package mutating func note(_ rows: Int, _ what: String, in context: String) {
        guard rows > 0 else { return }
        if let i = entries.firstIndex(where: { $0.what == what && $0.context == context }) {
            entries[i].rows += rows
        } else {
            entries.append((what, context, rows))
        }
    }

    /// Folds in the log of a constant sub-expression evaluated once, which stands for `rows` rows.
    package mutating func merge(_ other: WarningLog, scaledTo rows: Int) {
        for e in other.entries { note(rows, e.what, in: e.context) }
    }

    package var messages: [String] {
        entries.map { "\($0.what) in \(NumberFormatting.grouped(Int64($0.rows))) \($0.rows == 1 ? "row" : "rows") gave missing values (in `\($0.context)`)" }
    }
}

package enum MissingFlags {
    /// Union of two optional flag arrays of equal length.
    package static func union(_ a: [Bool]?, _ b: [Bool]?) -> [Bool]? {
        guard let a else { return b }
        guard let b else { return a }
        return zip(a, b).map { $0 || $1 }
    }

    /// nil when no flag is set, so downstream loops take their fast path.
    package static func compact(_ flags: [Bool]) -> [Bool]? {
        flags.contains(true) ? flags : nil
    }

    /// Sets flags at `rows`, creating the array when needed.
    package static func adding(_ rows: [Int], to flags: [Bool]?, count: Int) -> [Bool]? {
        guard !rows.isEmpty else { return flags }
        var out = flags ?? [Bool](repeating: false, count: count)
        for r in rows where r < out.count { out[r] = true }
        return out
    }
}
