/// The scalar (row-wise) functions: one declaration per function feeds the parser's name check,
/// the type checker, `help` and docs, so they cannot drift apart.
public enum ScalarFunction: String, Sendable, CaseIterable {
    case log, log10, log1p, exp, sqrt, abs, round, floor, ceil
    case min, max, coalesce
    case `if`
    case year, quarter, month, day, weekday, hour, minute, second, date
    case daysBetween = "days_between"
    case lower, upper, trim, length, contains
    case startsWith = "starts_with"
    case endsWith = "ends_with"
    case int, float, string

    public var name: String { rawValue }

    public var signature: FunctionSignature {
        typealias P = ParameterKind
        switch self {
        case .log: return .init(self, "log(x)", [P.number], .fixed(.float), "natural logarithm; missing for x ≤ 0")
        case .log10: return .init(self, "log10(x)", [P.number], .fixed(.float), "base-10 logarithm; missing for x ≤ 0")
        case .log1p:
            return .init(self, "log1p(x)", [P.number], .fixed(.float), "log(1 + x), accurate near 0; missing for x ≤ -1")
        case .exp: return .init(self, "exp(x)", [P.number], .fixed(.float), "e to the power x")
        case .sqrt: return .init(self, "sqrt(x)", [P.number], .fixed(.float), "square root; missing for x < 0")
        case .abs: return .init(self, "abs(x)", [P.number], .sameAs(0), "absolute value")
        case .round:
            return .init(self, "round(x[, digits])", [P.number, P.integer], .sameAs(0),
                         "rounds half away from zero to `digits` decimals (default 0; negative rounds to tens, hundreds…)",
                         minArity: 1)
        case .floor: return .init(self, "floor(x)", [P.number], .sameAs(0), "largest whole number ≤ x")
        case .ceil: return .init(self, "ceil(x)", [P.number], .sameAs(0), "smallest whole number ≥ x")
        case .min:
            return .init(self, "min(a, b, …)", [P.ordered], .common(from: 0),
                         "smallest of the values in each row; missing if any is missing", minArity: 2, variadic: true)
        case .max:
            return .init(self, "max(a, b, …)", [P.ordered], .common(from: 0),
                         "largest of the values in each row; missing if any is missing", minArity: 2, variadic: true)
        case .coalesce:
            return .init(self, "coalesce(a, b, …)", [P.any], .common(from: 0),
                         "the first value that is not missing", minArity: 1, variadic: true)
        case .if:
            return .init(self, "if(condition, then, else)", [P.boolean, P.any, P.any], .common(from: 1),
                         "`then` where the condition is true, `else` where false, missing where it is missing")
        case .year: return .init(self, "year(d)", [P.temporal], .fixed(.int), "calendar year")
        case .quarter: return .init(self, "quarter(d)", [P.temporal], .fixed(.int), "quarter of the year, 1–4")
        case .month: return .init(self, "month(d)", [P.temporal], .fixed(.int), "month, 1–12")
        case .day: return .init(self, "day(d)", [P.temporal], .fixed(.int), "day of the month, 1–31")
        case .weekday: return .init(self, "weekday(d)", [P.temporal], .fixed(.int), "ISO weekday, 1 = Monday … 7 = Sunday")
        case .hour: return .init(self, "hour(t)", [P.timestamp], .fixed(.int), "hour of the day, 0–23")
        case .minute: return .init(self, "minute(t)", [P.timestamp], .fixed(.int), "minute of the hour, 0–59")
        case .second: return .init(self, "second(t)", [P.timestamp], .fixed(.int), "second of the minute, 0–59")
        case .date:
            return .init(self, "date(x)", [P.dateSource], .fixed(.date),
                         "the calendar date of a timestamp, or an ISO date read from text")
        case .daysBetween:
            return .init(self, "days_between(a, b)", [P.temporal, P.temporal], .fixed(.int),
                         "whole calendar days from a to b (b − a); time of day is ignored")
        case .lower: return .init(self, "lower(s)", [P.text], .fixed(.string), "lower-case text")
        case .upper: return .init(self, "upper(s)", [P.text], .fixed(.string), "upper-case text")
        case .trim: return .init(self, "trim(s)", [P.text], .fixed(.string), "text without leading and trailing spaces")
        case .length: return .init(self, "length(s)", [P.text], .fixed(.int), "number of characters")
        case .contains:
            return .init(self, "contains(s, part)", [P.text, P.text], .fixed(.bool), "whether s contains part")
        case .startsWith:
            return .init(self, "starts_with(s, prefix)", [P.text, P.text], .fixed(.bool), "whether s begins with prefix")
        case .endsWith:
            return .init(self, "ends_with(s, suffix)", [P.text, P.text], .fixed(.bool), "whether s ends with suffix")
        case .int:
            return .init(self, "int(x)", [P.convertibleToNumber], .fixed(.int),
                         "whole number: floats are truncated toward zero, text is read; unreadable → missing")
        case .float:
            return .init(self, "float(x)", [P.convertibleToNumber], .fixed(.float), "floating-point number; text is read")
        case .string: return .init(self, "string(x)", [P.any], .fixed(.string), "the value as text")
        }
    }
}

/// What one function accepts and returns.
public struct FunctionSignature: Sendable {
    public let function: ScalarFunction
    /// How it is written in help, e.g. `round(x[, digits])`.
    public let usage: String
    /// Parameter kinds by position; for variadic functions the last kind repeats.
    public let parameters: [ParameterKind]
    public let result: ResultRule
    public let summary: String
    public let minArity: Int
    public let variadic: Bool

    package init(_ function: ScalarFunction, _ usage: String, _ parameters: [ParameterKind], _ result: ResultRule,
         _ summary: String, minArity: Int? = nil, variadic: Bool = false) {
        self.function = function
        self.usage = usage
        self.parameters = parameters
        self.result = result
        self.summary = summary
        self.minArity = minArity ?? parameters.count
        self.variadic = variadic
    }

    public var maxArity: Int? { variadic ? nil : parameters.count }

    public func accepts(argumentCount n: Int) -> Bool {
        n >= minArity && (variadic || n <= parameters.count)
    }

    /// The kind expected at argument position `i`.
    public func parameter(_ i: Int) -> ParameterKind {
        i < parameters.count ? parameters[i] : (parameters.last ?? .any)
    }

    /// "takes 1 argument", "takes 1 or 2 arguments", "takes 2 or more arguments".
    package var arityText: String {
        func plural(_ n: Int) -> String { n == 1 ? "1 argument" : "\(n) arguments" }
        if variadic { return "takes \(minArity) or more arguments" }
        if minArity == parameters.count { return "takes " + plural(minArity) }
        if parameters.count == minArity + 1 { return "takes \(minArity) or " + plural(parameters.count) }
        return "takes \(minArity) to \(parameters.count) arguments"
    }
}

/// A set of accepted argument types with the words used for it in messages.
public struct ParameterKind: Sendable {
    public let allowed: Set<DataType>
    public let wording: String

    public static let number = ParameterKind(allowed: [.int, .float], wording: "a number")
    public static let integer = ParameterKind(allowed: [.int], wording: "a whole number")
    public static let text = ParameterKind(allowed: [.string], wording: "text")
    public static let boolean = ParameterKind(allowed: [.bool], wording: "a true/false condition")
    public static let temporal = ParameterKind(allowed: [.date, .timestamp], wording: "a date or timestamp")
    public static let timestamp = ParameterKind(allowed: [.timestamp], wording: "a timestamp")
    public static let dateSource = ParameterKind(allowed: [.date, .timestamp, .string], wording: "a timestamp, date or text")
    public static let convertibleToNumber = ParameterKind(allowed: [.int, .float, .bool, .string],
                                                          wording: "a number, true/false or text")
    public static let ordered = ParameterKind(allowed: [.int, .float, .string, .date, .timestamp],
                                              wording: "numbers, text, dates or timestamps")
    public static let any = ParameterKind(allowed: Set(DataType.allCases), wording: "any value")
}

public enum ResultRule: Sendable {
    case fixed(DataType)
    /// The type of argument `i` (`abs(int)` stays int).
    case sameAs(Int)
    /// One type that all arguments from position `i` on can share (int with float → float,
    /// date with timestamp → timestamp).
    case common(from: Int)
}

public enum FunctionRegistry {
    public static let scalarNames: [String] = ScalarFunction.allCases.map(\.name)

    /// `col("name")` is syntax for a column reference, not a function, but it is spelled like one.
    package static let columnFunction = "col"

    /// Every name that may appear before `(`, for "did you mean" on an unknown function.
    package static var callableNames: [String] {
        scalarNames + AggregateFunction.spellings.map(\.0) + [columnFunction]
    }

    public static func scalar(named name: String) -> ScalarFunction? {
        ScalarFunction(rawValue: name.lowercased())
    }

    /// The error for a call that cannot be a scalar function here, or nil if the name is fine.
    /// Shared by the parser (early, without a schema) and the checker (for trees built in code).
    package static func scalarCallProblem(name: String, argumentCount: Int, span: SourceSpan) -> SyntaxError? {
        let lower = name.lowercased()
        if let f = ScalarFunction(rawValue: lower) {
            if (f == .min || f == .max) && argumentCount == 1 {
                return SyntaxError("\(lower)(x) with one argument is an aggregate; it is only valid in `group … agg`",
                                   at: span,
                                   suggestion: "for the row-wise \(lower == "min" ? "smaller" : "larger") of several values write \(lower)(a, b)")
            }
            return nil
        }
        if let agg = AggregateFunction(spelling: lower) {
            return SyntaxError("'\(lower)' is an aggregate function; it is only valid in `group … agg`", at: span,
                               suggestion: "e.g. group tx by customer_id agg \(agg.defaultExample)")
        }
        return SyntaxError("unknown function '\(name)'", at: span,
                           suggestion: Suggestions.didYouMean(name, among: callableNames))
    }
}
