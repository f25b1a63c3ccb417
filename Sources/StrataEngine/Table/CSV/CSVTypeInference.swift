/// The column types a field's text could still be read as. A column keeps the intersection over
/// all its non-missing fields; what survives at the end decides its type.
struct CSVTypeCandidates: OptionSet, Sendable, Hashable {
    let rawValue: UInt16

    static let int = CSVTypeCandidates(rawValue: 1 << 0)
    static let float = CSVTypeCandidates(rawValue: 1 << 1)
    static let groupedInt = CSVTypeCandidates(rawValue: 1 << 2)
    static let groupedFloat = CSVTypeCandidates(rawValue: 1 << 3)
    static let isoDate = CSVTypeCandidates(rawValue: 1 << 4)
    static let usDate = CSVTypeCandidates(rawValue: 1 << 5)
    static let customDate = CSVTypeCandidates(rawValue: 1 << 6)
    static let isoTimestamp = CSVTypeCandidates(rawValue: 1 << 7)
    static let usTimestamp = CSVTypeCandidates(rawValue: 1 << 8)
    static let customTimestamp = CSVTypeCandidates(rawValue: 1 << 9)
    static let bool = CSVTypeCandidates(rawValue: 1 << 10)
    /// Not a type: marks a field written with thousands separators, to count them for a note.
    static let hasThousandsSeparator = CSVTypeCandidates(rawValue: 1 << 15)

    // Written as raw values so they are compile-time constants in the classification loops.
    static let numeric = CSVTypeCandidates(rawValue: 0b0000_0000_1111)
    static let temporal = CSVTypeCandidates(rawValue: 0b0011_1111_0000)
    static let types = CSVTypeCandidates(rawValue: 0b0111_1111_1111)

    /// Candidates a fresh column starts with. A `dateformat=` replaces the `M/D/YYYY` forms, which
    /// it would otherwise contradict (`%d/%m/%Y`).
    static func initial(pattern: CSVDatePattern?) -> CSVTypeCandidates {
        var all = types
        if let pattern {
            all.subtract([.usDate, .usTimestamp])
            all.subtract(pattern.hasTime ? .customDate : [.customDate, .customTimestamp])
            if pattern.hasTime { all.insert(.customTimestamp) } else { all.insert(.customDate) }
        } else {
            all.subtract([.customDate, .customTimestamp])
        }
        return all
    }
}

/// Classifies fields for type inference.
enum CSVFieldClassifier {
    /// The subset of `candidates` that `field` fits (plus `.hasThousandsSeparator` when seen).
    /// Only forms still in play are tested, so a settled int column pays for one numeric scan.
    @inline(__always)
    static func fits(
        _ field: UnsafeBufferPointer<UInt8>, among candidates: CSVTypeCandidates, pattern: CSVDatePattern?
    ) -> CSVTypeCandidates {
        var fits: CSVTypeCandidates = []
        if !candidates.isDisjoint(with: .numeric) {
            fits.formUnion(CSVNumberParsing.numericShape(field))
        }
        if !candidates.isDisjoint(with: .temporal) {
            fits.formUnion(temporalShape(field, among: candidates, pattern: pattern))
        }
        if candidates.contains(.bool), CSVBoolParsing.parse(field, acceptDigits: false) != nil {
            fits.insert(.bool)
        }
        return fits.intersection(candidates.union(.hasThousandsSeparator))
    }

    static func temporalShape(
        _ field: UnsafeBufferPointer<UInt8>, among candidates: CSVTypeCandidates, pattern: CSVDatePattern?
    ) -> CSVTypeCandidates {
        var fits: CSVTypeCandidates = []
        if candidates.contains(.isoDate) || candidates.contains(.isoTimestamp) {
            switch CSVDateParsing.read(field, form: .iso, pattern: nil) {
            case .date: fits.formUnion([.isoDate, .isoTimestamp])
            case .timestamp: fits.insert(.isoTimestamp)
            case nil: break
            }
        }
        if candidates.contains(.usDate) || candidates.contains(.usTimestamp) {
            switch CSVDateParsing.read(field, form: .us, pattern: nil) {
            case .date: fits.formUnion([.usDate, .usTimestamp])
            case .timestamp: fits.insert(.usTimestamp)
            case nil: break
            }
        }
        if let pattern, candidates.contains(.customDate) || candidates.contains(.customTimestamp),
            CSVDateParsing.read(field, form: .custom, pattern: pattern) != nil
        {
            fits.insert(pattern.hasTime ? .customTimestamp : .customDate)
        }
        return fits
    }

    /// A short name for what a field (or a column so far) looks like, for notes.
    static func kindName(_ candidates: CSVTypeCandidates) -> String {
        if candidates.contains(.int) { return "int" }
        if candidates.contains(.float) { return "float" }
        if candidates.contains(.groupedInt) || candidates.contains(.groupedFloat) {
            return "number with thousands separators"
        }
        if candidates.contains(.isoDate) || candidates.contains(.usDate) || candidates.contains(.customDate) {
            return "date"
        }
        if !candidates.isDisjoint(with: [.isoTimestamp, .usTimestamp, .customTimestamp]) { return "timestamp" }
        if candidates.contains(.bool) { return "bool" }
        return "text"
    }
}

/// Case-insensitive `true/false/yes/no`; `1/0` only when a column is forced to bool, since
/// otherwise 0/1 columns are ints.
enum CSVBoolParsing {
    static func parse(_ field: UnsafeBufferPointer<UInt8>, acceptDigits: Bool) -> Bool? {
        let (start, end) = CSVNumberParsing.trimmed(field)
        let length = end - start
        guard length >= 1, length <= 5 else { return nil }
        @inline(__always) func lower(_ k: Int) -> UInt8 { field[start + k] | 0x20 }
        switch length {
        case 1 where acceptDigits:
            if field[start] == UInt8(ascii: "1") { return true }
            if field[start] == UInt8(ascii: "0") { return false }
            return nil
        case 2:
            return lower(0) == UInt8(ascii: "n") && lower(1) == UInt8(ascii: "o") ? false : nil
        case 3:
            return lower(0) == UInt8(ascii: "y") && lower(1) == UInt8(ascii: "e") && lower(2) == UInt8(ascii: "s")
                ? true : nil
        case 4:
            return lower(0) == UInt8(ascii: "t") && lower(1) == UInt8(ascii: "r") && lower(2) == UInt8(ascii: "u")
                && lower(3) == UInt8(ascii: "e") ? true : nil
        case 5:
            return lower(0) == UInt8(ascii: "f") && lower(1) == UInt8(ascii: "a") && lower(2) == UInt8(ascii: "l")
                && lower(3) == UInt8(ascii: "s") && lower(4) == UInt8(ascii: "e") ? false : nil
        default:
            return nil
        }
    }
}
