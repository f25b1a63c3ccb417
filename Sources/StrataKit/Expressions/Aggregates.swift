/// How the language spells, checks and documents the engine's aggregate functions;
/// they are valid only in `group … agg …`.
extension AggregateFunction {
    /// Names users may type, including aliases.
    package static let spellings: [(String, AggregateFunction)] =
        allCases.map { ($0.rawValue, $0) } + [("avg", .mean)]

    package init?(spelling: String) {
        let lower = spelling.lowercased()
        guard let hit = AggregateFunction.spellings.first(where: { $0.0 == lower }) else { return nil }
        self = hit.1
    }

    public var summary: String {
        switch self {
        case .count: return "count() counts rows; count(x) counts rows where x is not missing"
        case .sum: return "total of the non-missing values"
        case .mean: return "average of the non-missing values (alias avg)"
        case .median: return "middle value of the non-missing values"
        case .min: return "smallest non-missing value"
        case .max: return "largest non-missing value"
        case .std: return "sample standard deviation (n − 1) of the non-missing values"
        case .distinct: return "number of distinct non-missing values"
        case .first: return "first non-missing value in row order"
        case .last: return "last non-missing value in row order"
        }
    }

    package var defaultExample: String { self == .count ? "n = count()" : "total = \(rawValue)(amount)" }

    /// What the argument may be; nil for `count` which takes anything (or nothing).
    package var parameter: ParameterKind {
        switch self {
        case .sum, .mean, .median, .std:
            return ParameterKind(allowed: [.int, .float, .bool], wording: "a number or true/false")
        case .min, .max: return .ordered
        case .count, .distinct, .first, .last: return .any
        }
    }

    /// The output column's type for an argument of type `argument` (nil for `count()`).
    public func resultType(argument: DataType?) -> DataType {
        switch self {
        case .count, .distinct: return .int
        case .sum: return argument == .float ? .float : .int
        case .mean, .median, .std: return .float
        case .min, .max, .first, .last: return argument ?? .float
        }
    }
}

/// One `name = fn(arg)` item of `group … agg`. The group command evaluates `argument` to a column
/// (with `ExpressionEvaluator`) and hands it with `function` to the engine's group-by.
public struct AggregateCall: Sendable, Equatable {
    public var outputName: String
    public var function: AggregateFunction
    /// nil only for `count()`.
    public var argument: Expr?
    /// The whole item, from the output name (or function name) to the closing parenthesis.
    public var span: SourceSpan
    /// The function name as typed, for errors about the call itself.
    public var functionSpan: SourceSpan

    public init(outputName: String, function: AggregateFunction, argument: Expr?, span: SourceSpan,
                functionSpan: SourceSpan) {
        self.outputName = outputName
        self.function = function
        self.argument = argument
        self.span = span
        self.functionSpan = functionSpan
    }

    /// `count`, `sum_amount`, `mean_quantity_unit_price`: a name that needs no quoting.
    public static func defaultName(function: AggregateFunction, argument: Expr?) -> String {
        guard let argument else { return function.rawValue }
        let text: String
        if case .column(let ref) = argument.node { text = ref.name } else { text = argument.description }
        var out = function.rawValue + "_"
        var pendingUnderscore = false
        for c in text {
            if c.isLetter || c.isNumber {
                if pendingUnderscore && !out.hasSuffix("_") { out.append("_") }
                pendingUnderscore = false
                out.append(c)
            } else if c == "_" {
                out.append(c)
            } else {
                pendingUnderscore = true
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        return out
    }
}
