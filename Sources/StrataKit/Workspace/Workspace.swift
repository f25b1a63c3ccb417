/// Something other than a table that a command can bind to a name: a clustering, a model,
/// a recommender, a split. Later capabilities add their own kinds.
public protocol WorkspaceObject: Sendable {
    /// A short noun for listings, e.g. "k-means clustering".
    var kindName: String { get }
    /// One line for `tables` / `list`.
    var summary: String { get }
    /// Rows that commands reading a table or such an object (`ArgumentSlot.rows`) can use in its
    /// place, e.g. a clustering's rows with their cluster; nil when the object has none.
    var rows: Table? { get }
}

extension WorkspaceObject {
    public var rows: Table? { nil }
}

public enum WorkspaceValue: Sendable {
    case table(Table)
    case object(any WorkspaceObject)

    public var kindName: String {
        switch self {
        case .table: return "table"
        case .object(let o): return o.kindName
        }
    }
}

/// Settings a user changes with `set`.
public struct Settings: Sendable, Equatable {
    /// Default seed for anything random that is not given `seed=`.
    public var seed: UInt64 = 42
    /// Plain ASCII output (borders, charts).
    public var ascii = false
    /// Rows shown before a table is cut.
    public var maxRows = 20

    public init() {}
}

/// Everything the session has built: named values in creation order, and settings.
/// A value type: the interpreter runs each command on a copy and keeps it only if the command succeeds.
public struct Workspace: Sendable {
    private var values: [String: WorkspaceValue] = [:]
    /// Names in the order they were first bound, so listings are stable.
    public private(set) var names: [String] = []
    public var settings = Settings()
    /// Files read so far, in order, once each (the latest read of a path wins).
    public private(set) var inputs: [FileRecord] = []
    /// Values of `$name`, declared by `param` (or given with `strata run --set`).
    public var parameters: [String: ParameterValue] = [:]
    /// `strata run FILE --set k=6`: raw text that overrides what `param k = …` declares.
    public var parameterOverrides: [String: String] = [:]

    public init() {}

    public mutating func recordInput(_ record: FileRecord) {
        inputs.removeAll { $0.path == record.path }
        inputs.append(record)
    }

    public subscript(name: String) -> WorkspaceValue? { values[name] }

    public var tableNames: [String] {
        names.filter { if case .table = values[$0] { return true } else { return false } }
    }

    public func table(_ name: String) -> Table? {
        if case .table(let t) = values[name] { return t }
        return nil
    }

    /// A table, or the rows a workspace object carries (a clustering's rows).
    public func rows(_ name: String) -> Table? {
        switch values[name] {
        case .table(let t)?: return t
        case .object(let o)?: return o.rows
        case nil: return nil
        }
    }

    public mutating func bind(_ name: String, _ value: WorkspaceValue) {
        if values[name] == nil { names.append(name) }
        values[name] = value
    }

    public mutating func bind(_ name: String, table: Table) { bind(name, .table(table)) }

    @discardableResult
    public mutating func remove(_ name: String) -> WorkspaceValue? {
        names.removeAll { $0 == name }
        return values.removeValue(forKey: name)
    }
}
