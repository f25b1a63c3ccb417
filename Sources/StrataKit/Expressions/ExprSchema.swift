/// The column names and types an expression is checked against, before any data is touched.
public struct ExprSchema: Sendable {
    public struct Field: Sendable, Equatable {
        public var name: String
        public var type: DataType

        public init(name: String, type: DataType) {
            self.name = name
            self.type = type
        }
    }

    /// The name the user knows the table by, for messages and `table.column` references.
    public var tableName: String
    public private(set) var fields: [Field]

    public init(tableName: String, fields: [Field]) {
        self.tableName = tableName
        self.fields = fields
    }

    public init(table: Table, name: String) {
        self.init(tableName: name, fields: table.columns.map { Field(name: $0.name, type: $0.type) })
    }

    public var columnNames: [String] { fields.map(\.name) }

    public func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }

    /// Adds a column or replaces the one with that name in place, like `Table.setColumn`, so
    /// column indices stay valid for the table a sequence of `derive` assignments builds up.
    public mutating func set(_ name: String, type: DataType) {
        if let i = index(of: name) {
            fields[i].type = type
        } else {
            fields.append(Field(name: name, type: type))
        }
    }
}

/// An expression after checking: every node knows its type, columns are resolved to indices,
/// and implicit conversions (int → float, date → timestamp) are explicit nodes, so evaluation
/// never has to decide anything per row.
package struct TypedExpr: Sendable {
    /// nil only for the untyped `missing` literal before anything gave it a type.
    package var type: DataType?
    package var node: TypedNode
    /// The source text, for warnings that name the part of the expression that produced them.
    package var span: SourceSpan
    package var text: String
}

package indirect enum TypedNode: Sendable {
    case literal(Value)
    case column(Int)
    /// Implicit promotion: int → float, or date → timestamp (midnight).
    case convert(TypedExpr)
    case negate(TypedExpr)
    case not(TypedExpr)
    /// `and` / `or`, three-valued.
    case logic(BinaryOperator, TypedExpr, TypedExpr)
    /// `+ - * / %`; a date shifted by days always has the date on the left.
    case arithmetic(BinaryOperator, TypedExpr, TypedExpr)
    /// Both sides already share one storage type (after conversions).
    case compare(BinaryOperator, TypedExpr, TypedExpr)
    case isMissing(TypedExpr, negated: Bool)
    /// Items already converted to the operand's type.
    case inList(TypedExpr, [Value], negated: Bool)
    case call(ScalarFunction, [TypedExpr])
}

extension TypedExpr {
    /// A typed `missing` literal keeps its node but takes the type its context wants.
    package func retyped(_ t: DataType) -> TypedExpr {
        var copy = self
        if copy.type == nil { copy.type = t }
        return copy
    }

    /// Wraps in a conversion node when the target differs (int → float, date → timestamp).
    package func converted(to t: DataType) -> TypedExpr {
        guard let from = type else { return retyped(t) }
        if from == t { return self }
        if case .literal(let v) = node, let folded = ExprConversions.convertLiteral(v, to: t) {
            return TypedExpr(type: t, node: .literal(folded), span: span, text: text)
        }
        return TypedExpr(type: t, node: .convert(self), span: span, text: text)
    }
}

package enum ExprConversions {
    /// Implicit promotions of a constant, done once at check time.
    package static func convertLiteral(_ v: Value, to t: DataType) -> Value? {
        switch (v, t) {
        case (.missing, _): return .missing
        case (.int(let i), .float): return .float(Double(i))
        case (.date(let d), .timestamp): return .timestamp(timestamp(fromDays: d))
        default: return v.dataType == t ? v : nil
        }
    }

    /// Midnight of a day; saturates instead of trapping for day numbers no calendar reaches,
    /// which keeps comparisons ordered correctly.
    package static func timestamp(fromDays d: Int64) -> Int64 {
        let (r, o) = d.multipliedReportingOverflow(by: 86_400)
        return o ? (d < 0 ? Int64.min : Int64.max) : r
    }
}
