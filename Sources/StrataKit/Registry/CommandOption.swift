import StrataEngine

/// A value an option can hold: converted from the parser's `OptionValue`, and able to say how it
/// reads as a default in help and `docs/commands.md`.
public protocol OptionValueConvertible: Sendable {
    init?(optionValue: OptionValue)
    /// The default as help prints it.
    var optionText: String { get }
}

extension Int: OptionValueConvertible {
    public init?(optionValue: OptionValue) {
        guard case .int(let v) = optionValue else { return nil }
        self = v
    }
    public var optionText: String { String(self) }
}

extension Double: OptionValueConvertible {
    public init?(optionValue: OptionValue) {
        switch optionValue {
        case .double(let v): self = v
        case .int(let v): self = Double(v)
        default: return nil
        }
    }
    public var optionText: String { DescribeFormat.number(self) }
}

extension Bool: OptionValueConvertible {
    public init?(optionValue: OptionValue) {
        guard case .bool(let v) = optionValue else { return nil }
        self = v
    }
    public var optionText: String { self ? "yes" : "no" }
}

extension String: OptionValueConvertible {
    public init?(optionValue: OptionValue) {
        guard case .string(let v) = optionValue else { return nil }
        self = v
    }
    public var optionText: String { self }
}

extension Array: OptionValueConvertible where Element == String {
    public init?(optionValue: OptionValue) {
        switch optionValue {
        case .list(let v): self = v
        case .string(let v): self = [v]
        default: return nil
        }
    }
    public var optionText: String { joined(separator: ",") }
}

extension ClosedRange: OptionValueConvertible where Bound == Int {
    public init?(optionValue: OptionValue) {
        guard case .range(let v) = optionValue else { return nil }
        self = v
    }
    public var optionText: String { "\(lowerBound)..\(upperBound)" }
}

/// A calendar day (days since 1970-01-01), as `date` options hold it.
public struct OptionDate: OptionValueConvertible, Equatable {
    public let days: Int64
    public init(days: Int64) { self.days = days }
    public init?(optionValue: OptionValue) {
        guard case .date(let d) = optionValue else { return nil }
        days = d
    }
    public var optionText: String { CivilCalendar.formatDate(days: days) }
}

/// `key:value` pairs in the order typed (`types=id:string,day:date`).
public struct OptionPairs: OptionValueConvertible {
    public let pairs: [(key: String, value: String)]
    public init(_ pairs: [(key: String, value: String)]) { self.pairs = pairs }
    public init?(optionValue: OptionValue) {
        guard case .pairs(let p) = optionValue else { return nil }
        pairs = p.map { (key: $0.0, value: $0.1) }
    }
    public var optionText: String { pairs.map { "\($0.key):\($0.value)" }.joined(separator: ",") }
}

extension Optional: OptionValueConvertible where Wrapped: OptionValueConvertible {
    public init?(optionValue: OptionValue) {
        guard let v = Wrapped(optionValue: optionValue) else { return nil }
        self = .some(v)
    }
    public var optionText: String { map(\.optionText) ?? "none" }
}

/// A closed set of words (`linkage=ward|complete|…`): declare an enum with `String` raw values and
/// the option's choices, completion and exhaustive `switch`es all follow from it.
public protocol OptionChoice: OptionValueConvertible, CaseIterable, RawRepresentable where RawValue == String {}

extension OptionChoice {
    public init?(optionValue: OptionValue) {
        guard case .string(let w) = optionValue else { return nil }
        self.init(rawValue: w)
    }
    public var optionText: String { rawValue }
    package static var choiceWords: [String] { allCases.map(\.rawValue) }
}

/// Something a command lists among its options: a typed `Option`, seen without its value type.
public protocol OptionDeclaration: Sendable {
    var spec: OptionSpec { get }
}

/// One option, declared once: key, kind (which drives conversion, range checks and completion),
/// typed default and one line of help. A command lists it in its `CommandSpec` and reads it with
/// `parsed[option]`, so the key and the default are written in exactly one place.
public struct CommandOption<Value: OptionValueConvertible>: OptionDeclaration {
    public let spec: OptionSpec
    public let defaultValue: Value
    public var key: String { spec.key }

    /// `describedAs` replaces the derived default text where the default is not a constant
    /// (e.g. "the session seed (set seed)"); a nil default prints as no default.
    package init(_ key: String, _ kind: OptionKind, default value: Value, describedAs: String?, _ help: String) {
        defaultValue = value
        spec = OptionSpec(key, kind, default: describedAs ?? value.optionText, help)
    }

    /// An option without a default: absent means "not given", and help shows no default unless described.
    package init<Wrapped>(_ key: String, _ kind: OptionKind, describedAs: String?, _ help: String) where Value == Wrapped? {
        defaultValue = nil
        spec = OptionSpec(key, kind, default: describedAs, help)
    }
}

// MARK: declaring options

extension CommandOption where Value == Int {
    public static func int(_ key: String, in range: ClosedRange<Int>? = nil, default value: Int, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .int(range), default: value, describedAs: describedAs, help)
    }
}

extension CommandOption where Value == Int? {
    public static func int(_ key: String, in range: ClosedRange<Int>? = nil, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .int(range), describedAs: describedAs, help)
    }
}

extension CommandOption where Value == Double {
    public static func number(_ key: String, in range: ClosedRange<Double>? = nil, default value: Double, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .double(range), default: value, describedAs: describedAs, help)
    }
}

extension CommandOption where Value == Double? {
    public static func number(_ key: String, in range: ClosedRange<Double>? = nil, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .double(range), describedAs: describedAs, help)
    }
}

extension CommandOption where Value == Bool {
    public static func flag(_ key: String, default value: Bool, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .bool, default: value, describedAs: describedAs, help)
    }
}

extension CommandOption where Value == Bool? {
    public static func flag(_ key: String, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .bool, describedAs: describedAs, help)
    }
}

extension CommandOption where Value == String {
    public static func text(_ key: String, default value: String, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .string, default: value, describedAs: describedAs, help)
    }
}

extension CommandOption where Value == String? {
    public static func text(_ key: String, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .string, describedAs: describedAs, help)
    }
    /// One column of the subject table, checked when parsed.
    public static func column(_ key: String, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .column, describedAs: describedAs, help)
    }
    public static func path(_ key: String, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .path, describedAs: describedAs, help)
    }
    /// A table, split or model in the workspace: recorded among the names the command reads.
    public static func value(_ key: String, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .value, describedAs: describedAs, help)
    }
}

extension CommandOption where Value == [String]? {
    /// Comma-separated columns of the subject table, each checked when parsed.
    public static func columns(_ key: String, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .columns, describedAs: describedAs, help)
    }
    /// Comma-separated words or strings.
    public static func list(_ key: String, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .list, describedAs: describedAs, help)
    }
    /// Comma-separated tables, splits or models in the workspace: each recorded among the names the command reads.
    public static func values(_ key: String, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .values, describedAs: describedAs, help)
    }
    /// `TABLE:COLUMN,COLUMN…` or one workspace name; the table (or name) is recorded among the names the command reads.
    public static func tableColumns(_ key: String, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .tableColumns, describedAs: describedAs, help)
    }
}

extension CommandOption where Value == OptionPairs? {
    public static func pairs(_ key: String, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .pairs, describedAs: describedAs, help)
    }
}

extension CommandOption where Value == ClosedRange<Int> {
    public static func range(_ key: String, default value: ClosedRange<Int>, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .intRange, default: value, describedAs: describedAs, help)
    }
}

extension CommandOption where Value == ClosedRange<Int>? {
    public static func range(_ key: String, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .intRange, describedAs: describedAs, help)
    }
}

extension CommandOption where Value == OptionDate? {
    public static func date(_ key: String, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .date, describedAs: describedAs, help)
    }
}

extension CommandOption where Value: OptionChoice {
    public static func choice(_ key: String, default value: Value, describedAs: String? = nil, _ help: String) -> Self {
        Self(key, .choice(Value.choiceWords), default: value, describedAs: describedAs, help)
    }
}

extension CommandOption {
    /// A choice with no default: the command decides what its absence means.
    public static func choice<C: OptionChoice>(_ key: String, describedAs: String? = nil, _ help: String) -> Self where Value == C? {
        Self(key, .choice(C.choiceWords), describedAs: describedAs, help)
    }
}

// MARK: reading options

extension ParsedCommand {
    /// The option's value as typed, or its declared default.
    public subscript<Value>(option: CommandOption<Value>) -> Value {
        assert(spec.option(option.key) != nil, "'\(spec.name)' reads option '\(option.key)' it does not declare")
        guard let raw = options[option.key]?.value, let value = Value(optionValue: raw) else { return option.defaultValue }
        return value
    }

    /// Whether the option was typed (rather than defaulted).
    public func isGiven<Value>(_ option: CommandOption<Value>) -> Bool { options[option.key] != nil }

    /// Where the option was typed, for an error's caret; the verb when it was not.
    public func span<Value>(_ option: CommandOption<Value>) -> SourceSpan { options[option.key]?.span ?? verbSpan }
}
