/// Typed, contiguous storage for one column. Missing rows hold a placeholder
/// (0, NaN, code -1, false) and are flagged in the column's `MissingMask`.
public enum ColumnData: Sendable {
    case int([Int64])
    case float([Double])
    /// Dictionary-encoded: `codes[i]` indexes `dictionary`; -1 for missing rows.
    case string(codes: [Int32], dictionary: [String])
    case bool([Bool])
    /// Days since 1970-01-01.
    case date([Int64])
    /// Seconds since 1970-01-01T00:00:00.
    case timestamp([Int64])

    public var count: Int {
        switch self {
        case .int(let v): return v.count
        case .float(let v): return v.count
        case .string(let c, _): return c.count
        case .bool(let v): return v.count
        case .date(let v): return v.count
        case .timestamp(let v): return v.count
        }
    }

    public var type: DataType {
        switch self {
        case .int: return .int
        case .float: return .float
        case .string: return .string
        case .bool: return .bool
        case .date: return .date
        case .timestamp: return .timestamp
        }
    }
}

public struct Column: Sendable {
    public var name: String
    public private(set) var data: ColumnData
    public private(set) var missing: MissingMask
    /// How the values are best shown (see `ColumnDisplay`); operations that keep the values'
    /// nature carry it over.
    public var display: ColumnDisplay

    public init(name: String, data: ColumnData, missing: MissingMask = .none, display: ColumnDisplay = .plain) {
        self.name = name
        self.data = data
        self.missing = missing
        self.display = display
    }

    /// This column with `display` as its display hint.
    public func displayed(as display: ColumnDisplay) -> Column {
        var c = self
        c.display = display
        return c
    }

    public var count: Int { data.count }
    public var type: DataType { data.type }

    @inline(__always)
    public func isMissing(_ row: Int) -> Bool { missing.isMissing(row) }

    public func value(at row: Int) -> Value {
        if missing.isMissing(row) { return .missing }
        switch data {
        case .int(let v): return .int(v[row])
        case .float(let v): return v[row].isNaN ? .missing : .float(v[row])
        case .string(let codes, let dict):
            let c = Int(codes[row])
            return c >= 0 && c < dict.count ? .string(dict[c]) : .missing
        case .bool(let v): return .bool(v[row])
        case .date(let v): return .date(v[row])
        case .timestamp(let v): return .timestamp(v[row])
        }
    }

    /// Numeric values as doubles with NaN for missing (ints, floats, bools, dates, timestamps).
    /// Returns nil for string columns.
    public func doubles() -> [Double]? {
        var out: [Double]
        switch data {
        case .float(let v): out = v
        case .int(let v), .date(let v), .timestamp(let v): out = v.map { Double($0) }
        case .bool(let v): out = v.map { $0 ? 1 : 0 }
        case .string: return nil
        }
        if let flags = missing.flags {
            for i in 0..<out.count where flags[i] { out[i] = .nan }
        }
        return out
    }

    /// Gathers rows by index; an index of -1 yields a missing row (used by left joins).
    public func taking(_ indices: [Int]) -> Column {
        let newMissing = missing.taking(indices)
        @inline(__always) func gather<T>(_ src: [T], _ fill: T) -> [T] {
            var out = [T]()
            out.reserveCapacity(indices.count)
            for i in indices { out.append(i >= 0 ? src[i] : fill) }
            return out
        }
        let newData: ColumnData
        switch data {
        case .int(let v): newData = .int(gather(v, 0))
        case .float(let v): newData = .float(gather(v, .nan))
        case .string(let c, let d): newData = .string(codes: gather(c, -1), dictionary: d)
        case .bool(let v): newData = .bool(gather(v, false))
        case .date(let v): newData = .date(gather(v, 0))
        case .timestamp(let v): newData = .timestamp(gather(v, 0))
        }
        return Column(name: name, data: newData, missing: newMissing, display: display)
    }

    public func renamed(_ newName: String) -> Column {
        var c = self
        c.name = newName
        return c
    }

    /// Builds a column of the given type from cells; cells that do not fit the type become missing.
    public static func fromValues(name: String, type: DataType, values: [Value]) -> Column {
        var builder = ColumnBuilder(name: name, type: type, capacity: values.count)
        for v in values { builder.append(v) }
        return builder.finish()
    }
}

/// Appends cells one at a time, for operations whose output is not a gather of an input
/// (aggregates, derived values, parsed text). Strings are dictionary-encoded as they arrive.
public struct ColumnBuilder: Sendable {
    public let name: String
    public let type: DataType
    private var ints: [Int64] = []
    private var floats: [Double] = []
    private var bools: [Bool] = []
    private var codes: [Int32] = []
    private var dictionary: [String] = []
    private var lookup: [String: Int32] = [:]
    private var missingFlags: [Bool] = []
    private var anyMissing = false
    public private(set) var count = 0

    public init(name: String, type: DataType, capacity: Int = 0) {
        self.name = name
        self.type = type
        missingFlags.reserveCapacity(capacity)
        switch type {
        case .int, .date, .timestamp: ints.reserveCapacity(capacity)
        case .float: floats.reserveCapacity(capacity)
        case .bool: bools.reserveCapacity(capacity)
        case .string: codes.reserveCapacity(capacity)
        }
    }

    public mutating func appendMissing() {
        anyMissing = true
        missingFlags.append(true)
        count += 1
        switch type {
        case .int, .date, .timestamp: ints.append(0)
        case .float: floats.append(.nan)
        case .bool: bools.append(false)
        case .string: codes.append(-1)
        }
    }

    public mutating func appendString(_ s: String) {
        precondition(type == .string)
        let code: Int32
        if let c = lookup[s] {
            code = c
        } else {
            code = Int32(dictionary.count)
            dictionary.append(s)
            lookup[s] = code
        }
        codes.append(code)
        missingFlags.append(false)
        count += 1
    }

    /// Appends a cell, converting between numeric kinds where lossless or natural
    /// (int → float, bool → int). A cell that cannot be represented becomes missing.
    public mutating func append(_ value: Value) {
        switch (type, value) {
        case (_, .missing): appendMissing(); return
        case (.int, .int(let v)), (.date, .date(let v)), (.timestamp, .timestamp(let v)): ints.append(v)
        case (.int, .bool(let b)): ints.append(b ? 1 : 0)
        case (.int, .float(let d)):
            guard d.isFinite, d == d.rounded(), abs(d) < 9.2e18 else { appendMissing(); return }
            ints.append(Int64(d))
        case (.float, .float(let v)):
            if v.isNaN { appendMissing(); return }
            floats.append(v)
        case (.float, .int(let v)): floats.append(Double(v))
        case (.float, .bool(let b)): floats.append(b ? 1 : 0)
        case (.bool, .bool(let b)): bools.append(b)
        case (.string, .string(let s)): appendString(s); return
        case (.timestamp, .date(let d)): ints.append(d &* 86_400)
        default: appendMissing(); return
        }
        missingFlags.append(false)
        count += 1
    }

    public func finish() -> Column {
        let data: ColumnData
        switch type {
        case .int: data = .int(ints)
        case .float: data = .float(floats)
        case .bool: data = .bool(bools)
        case .string: data = .string(codes: codes, dictionary: dictionary)
        case .date: data = .date(ints)
        case .timestamp: data = .timestamp(ints)
        }
        return Column(name: name, data: data, missing: anyMissing ? MissingMask(flags: missingFlags) : .none)
    }
}
