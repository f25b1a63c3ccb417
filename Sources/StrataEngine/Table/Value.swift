/// One cell, used where per-row values are needed (display, literals, group keys).
/// Hot loops work on the typed column buffers instead.
public enum Value: Sendable, Hashable {
    case missing
    case int(Int64)
    case float(Double)
    case string(String)
    case bool(Bool)
    case date(Int64)
    case timestamp(Int64)

    public var isMissing: Bool { if case .missing = self { return true } else { return false } }

    public var dataType: DataType? {
        switch self {
        case .missing: return nil
        case .int: return .int
        case .float: return .float
        case .string: return .string
        case .bool: return .bool
        case .date: return .date
        case .timestamp: return .timestamp
        }
    }

    /// Numeric view (ints, floats, bools as 0/1, dates as days, timestamps as seconds).
    public var doubleValue: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .float(let v): return v
        case .bool(let b): return b ? 1 : 0
        case .date(let d): return Double(d)
        case .timestamp(let s): return Double(s)
        case .missing, .string: return nil
        }
    }
}
