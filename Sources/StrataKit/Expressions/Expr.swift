/// A parsed expression: a node plus the span of source text it came from, so later stages
/// (type checking, evaluation warnings) can point back at what the user typed.
public struct Expr: Sendable, Equatable {
    public let node: ExprNode
    public var span: SourceSpan
    /// Levels in the tree, 1 for a leaf. Type checking, evaluation and printing all recurse over the
    /// tree, so the parser refuses trees taller than `ExpressionParser.maxDepth`; kept here so that
    /// check costs O(1) per node while a long chain like `a + a + … + a` is being built.
    package let height: Int

    public init(_ node: ExprNode, span: SourceSpan) {
        self.node = node
        self.span = span
        self.height = node.childHeight + 1
    }
}

public indirect enum ExprNode: Sendable, Equatable {
    /// Numbers, strings, dates, timestamps, booleans and the `missing` literal (`Value.missing`).
    case literal(Value)
    case column(ColumnReference)
    case unary(UnaryOperator, Expr, operatorSpan: SourceSpan)
    case binary(BinaryOperator, Expr, Expr, operatorSpan: SourceSpan)
    /// `x is missing` / `x is not missing`.
    case isMissing(Expr, negated: Bool, operatorSpan: SourceSpan)
    /// `x in (a, b)` / `x not in (a, b)`. The items are literals.
    case inList(Expr, [Expr], negated: Bool, operatorSpan: SourceSpan)
    /// `x between low and high`, both ends included.
    case between(Expr, low: Expr, high: Expr, negated: Bool, operatorSpan: SourceSpan)
    /// A scalar function call; `name` is lower-cased because function names are case-insensitive.
    case call(name: String, arguments: [Expr], nameSpan: SourceSpan)
}

extension ExprNode {
    /// The height of the tallest child; 0 for a leaf.
    package var childHeight: Int {
        switch self {
        case .literal, .column: return 0
        case .unary(_, let e, _), .isMissing(let e, _, _): return e.height
        case .binary(_, let a, let b, _): return max(a.height, b.height)
        case .inList(let e, let items, _, _): return items.reduce(e.height) { max($0, $1.height) }
        case .between(let e, let low, let high, _, _): return max(e.height, low.height, high.height)
        case .call(_, let arguments, _): return arguments.reduce(0) { max($0, $1.height) }
        }
    }
}

/// `amount`, `tx.amount` or `col("Call  Failure")`.
public struct ColumnReference: Sendable, Equatable {
    /// The table qualifier, when the user wrote `table.column`.
    public var table: String?
    public var name: String
    public var span: SourceSpan

    public init(table: String?, name: String, span: SourceSpan) {
        self.table = table
        self.name = name
        self.span = span
    }
}

public enum UnaryOperator: String, Sendable, Equatable {
    case negate = "-"
    case not
}

public enum BinaryOperator: String, Sendable, Equatable, CaseIterable {
    case or
    case and
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"

    /// Binding strength; larger binds tighter. Shared by the parser and the printer so the
    /// canonical text always parses back to the same tree.
    public var precedence: Int {
        switch self {
        case .or: return ExprPrecedence.or
        case .and: return ExprPrecedence.and
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return ExprPrecedence.comparison
        case .add, .subtract: return ExprPrecedence.additive
        case .multiply, .divide, .remainder: return ExprPrecedence.multiplicative
        }
    }

    public var isComparison: Bool { precedence == ExprPrecedence.comparison }
    public var isArithmetic: Bool { precedence >= ExprPrecedence.additive }
    public var isLogical: Bool { self == .and || self == .or }

    /// The symbol or keyword as it reads in messages and canonical text.
    public var symbol: String { rawValue }
}

public enum ExprPrecedence {
    public static let or = 1
    public static let and = 2
    public static let not = 3
    public static let comparison = 4
    public static let additive = 5
    public static let multiplicative = 6
    public static let unaryMinus = 7
    public static let primary = 8
}

/// `name = expression` in `derive`.
public struct Assignment: Sendable, Equatable {
    public var name: String
    public var nameSpan: SourceSpan
    public var expression: Expr

    public init(name: String, nameSpan: SourceSpan, expression: Expr) {
        self.name = name
        self.nameSpan = nameSpan
        self.expression = expression
    }
}
