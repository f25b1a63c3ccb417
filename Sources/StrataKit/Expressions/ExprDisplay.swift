/// The display hint of a computed column, worked out from the expression: the decimals its values
/// carry when the inputs' decimals say so exactly (`quantity * unit_price` over prices with two
/// places has two; `amount + tax` the more of the two), and nothing otherwise. `x / y`, `log(x)`
/// and the like have no fixed number of places and are shown to significant digits.
package enum ExprDisplay {
    package static func hint(_ t: TypedExpr, columns: [Column]) -> ColumnDisplay {
        guard t.type == .float else { return .plain }
        return ColumnDisplay(decimals: decimals(t, columns))
    }

    package static func decimals(_ t: TypedExpr, _ columns: [Column]) -> Int? {
        switch t.node {
        case .literal(.int): return 0
        case .literal(.float(let x)): return DecimalDigits(x)?.fractionDigits
        case .literal: return nil
        case .column(let i):
            guard i >= 0, i < columns.count else { return nil }
            return columns[i].type == .int ? 0 : columns[i].display.decimals
        case .convert(let inner), .negate(let inner):
            return decimals(inner, columns)
        case .arithmetic(.add, let a, let b), .arithmetic(.subtract, let a, let b):
            return ColumnDisplay.sumDecimals(decimals(a, columns), decimals(b, columns))
        case .arithmetic(.multiply, let a, let b):
            return ColumnDisplay.productDecimals(decimals(a, columns), decimals(b, columns))
        case .call(let function, let arguments):
            switch function {
            case .abs, .min, .max, .coalesce:
                return arguments.map { decimals($0, columns) }.reduce(0) { ColumnDisplay.sumDecimals($0, $1) }
            case .if:
                return arguments.dropFirst().map { decimals($0, columns) }.reduce(0) { ColumnDisplay.sumDecimals($0, $1) }
            case .floor, .ceil: return 0
            default: return nil
            }
        default:
            return nil
        }
    }
}
