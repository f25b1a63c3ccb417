/// A compiled `dateformat=` pattern: strftime directives `%Y %y %m %d %H %M %S %b %%`, other
/// characters literal. Numeric fields other than `%Y` take one or two digits, so `%m/%d/%Y` reads
/// both `3/7/2024` and `03/07/2024`.
struct CSVDatePattern: Sendable, Hashable {
    enum Piece: Sendable, Hashable {
        case year4, year2, month, day, hour, minute, second, monthName
        case literal(UInt8)
    }

    let pieces: [Piece]
    /// Whether values are timestamps (the pattern has an hour, minute or second) or dates.
    let hasTime: Bool

    /// Compiles `text`; returns the reason it is not a usable pattern.
    static func compile(_ text: String) -> Result<CSVDatePattern, CSVPatternError> {
        var pieces: [Piece] = []
        var bytes = Array(text.utf8).makeIterator()
        var hasYear = false, hasMonth = false, hasDay = false
        while let byte = bytes.next() {
            guard byte == UInt8(ascii: "%") else {
                pieces.append(.literal(byte))
                continue
            }
            guard let directive = bytes.next() else {
                return .failure(CSVPatternError(reason: "ends with a lone %"))
            }
            switch directive {
            case UInt8(ascii: "Y"): pieces.append(.year4); hasYear = true
            case UInt8(ascii: "y"): pieces.append(.year2); hasYear = true
            case UInt8(ascii: "m"): pieces.append(.month); hasMonth = true
            case UInt8(ascii: "b"): pieces.append(.monthName); hasMonth = true
            case UInt8(ascii: "d"): pieces.append(.day); hasDay = true
            case UInt8(ascii: "H"): pieces.append(.hour)
            case UInt8(ascii: "M"): pieces.append(.minute)
            case UInt8(ascii: "S"): pieces.append(.second)
            case UInt8(ascii: "%"): pieces.append(.literal(UInt8(ascii: "%")))
            default:
                let shown = String(decoding: [directive], as: UTF8.self)
                return .failure(CSVPatternError(reason: "unknown directive %\(shown)"))
            }
        }
        guard hasYear, hasMonth, hasDay else {
            return .failure(CSVPatternError(reason: "needs a year (%Y or %y), a month (%m or %b) and a day (%d)"))
        }
        let hasTime = pieces.contains { $0 == .hour || $0 == .minute || $0 == .second }
        return .success(CSVDatePattern(pieces: pieces, hasTime: hasTime))
    }

    private static let monthNames: [[UInt8]] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ].map { Array($0.utf8) }

    /// Days since 1970 for a date pattern, seconds since 1970 for one with time fields.
    func parse(_ f: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        let end = f.count
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        for piece in pieces {
            switch piece {
            case .year4:
                guard let v = CSVDateParsing.digits(f, &i, end: end, min: 4, max: 4) else { return nil }
                year = v
            case .year2:
                // The POSIX rule: 69-99 are 1969-1999, 00-68 are 2000-2068.
                guard let v = CSVDateParsing.digits(f, &i, end: end, min: 2, max: 2) else { return nil }
                year = v >= 69 ? 1900 + v : 2000 + v
            case .month:
                guard let v = CSVDateParsing.digits(f, &i, end: end, min: 1, max: 2) else { return nil }
                month = v
            case .day:
                guard let v = CSVDateParsing.digits(f, &i, end: end, min: 1, max: 2) else { return nil }
                day = v
            case .hour:
                guard let v = CSVDateParsing.digits(f, &i, end: end, min: 1, max: 2), v < 24 else { return nil }
                hour = v
            case .minute:
                guard let v = CSVDateParsing.digits(f, &i, end: end, min: 1, max: 2), v < 60 else { return nil }
                minute = v
            case .second:
                guard let v = CSVDateParsing.digits(f, &i, end: end, min: 1, max: 2), v < 60 else { return nil }
                second = v
            case .monthName:
                guard i + 3 <= end else { return nil }
                guard let index = Self.monthNames.firstIndex(where: { name in
                    (0..<3).allSatisfy { f[i + $0] | 0x20 == name[$0] }
                }) else { return nil }
                month = index + 1
                i += 3
            case .literal(let byte):
                guard CSVDateParsing.expect(f, &i, end: end, byte) else { return nil }
            }
        }
        guard i == end, let dayNumber = CSVDateParsing.days(year: year, month: month, day: day) else { return nil }
        return hasTime ? dayNumber * 86_400 + Int64(hour * 3600 + minute * 60 + second) : dayNumber
    }
}

struct CSVPatternError: Error, Sendable {
    let reason: String
}
