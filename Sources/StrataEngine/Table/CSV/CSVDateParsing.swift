/// The written forms of dates and timestamps the reader recognises.
struct CSVDateForms: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    /// `YYYY-MM-DD`, with ` ` or `T` and `H:MM[:SS]` for timestamps.
    static let iso = CSVDateForms(rawValue: 1)
    /// `M/D/YYYY`, with ` H:MM[:SS]` for timestamps.
    static let us = CSVDateForms(rawValue: 2)
    /// The user's `dateformat=` pattern.
    static let custom = CSVDateForms(rawValue: 4)
}

/// Dates and timestamps parsed straight from field bytes into day and second counts.
enum CSVDateParsing {
    /// Reads `minDigits...maxDigits` decimal digits at `i`; fails if fewer are there.
    @inline(__always)
    static func digits(
        _ f: UnsafeBufferPointer<UInt8>, _ i: inout Int, end: Int, min minDigits: Int, max maxDigits: Int
    ) -> Int? {
        var value = 0
        var count = 0
        while i < end, count < maxDigits {
            let digit = f[i] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            value = value * 10 + Int(digit)
            count += 1
            i += 1
        }
        return count >= minDigits ? value : nil
    }

    @inline(__always)
    static func expect(_ f: UnsafeBufferPointer<UInt8>, _ i: inout Int, end: Int, _ byte: UInt8) -> Bool {
        guard i < end, f[i] == byte else { return false }
        i += 1
        return true
    }

    static func days(year: Int, month: Int, day: Int) -> Int64? {
        guard CivilCalendar.isValid(year: year, month: month, day: day) else { return nil }
        return CivilCalendar.days(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD` at `i`.
    static func isoDate(_ f: UnsafeBufferPointer<UInt8>, _ i: inout Int, end: Int) -> Int64? {
        guard let year = digits(f, &i, end: end, min: 4, max: 4), expect(f, &i, end: end, UInt8(ascii: "-")),
            let month = digits(f, &i, end: end, min: 2, max: 2), expect(f, &i, end: end, UInt8(ascii: "-")),
            let day = digits(f, &i, end: end, min: 2, max: 2)
        else { return nil }
        return days(year: year, month: month, day: day)
    }

    /// `M/D/YYYY` at `i`.
    static func usDate(_ f: UnsafeBufferPointer<UInt8>, _ i: inout Int, end: Int) -> Int64? {
        guard let month = digits(f, &i, end: end, min: 1, max: 2), expect(f, &i, end: end, UInt8(ascii: "/")),
            let day = digits(f, &i, end: end, min: 1, max: 2), expect(f, &i, end: end, UInt8(ascii: "/")),
            let year = digits(f, &i, end: end, min: 4, max: 4)
        else { return nil }
        return days(year: year, month: month, day: day)
    }

    /// `H:MM` or `H:MM:SS` at `i`, as seconds into the day. Fractions of a second are refused
    /// rather than silently dropped, since timestamps are stored in whole seconds.
    static func timeOfDay(_ f: UnsafeBufferPointer<UInt8>, _ i: inout Int, end: Int) -> Int64? {
        guard let hour = digits(f, &i, end: end, min: 1, max: 2), hour < 24,
            expect(f, &i, end: end, UInt8(ascii: ":")),
            let minute = digits(f, &i, end: end, min: 2, max: 2), minute < 60
        else { return nil }
        var second = 0
        if i < end, f[i] == UInt8(ascii: ":") {
            i += 1
            guard let s = digits(f, &i, end: end, min: 2, max: 2), s < 60 else { return nil }
            second = s
        }
        return Int64(hour * 3600 + minute * 60 + second)
    }

    /// What a field is under one automatic form: a date, a timestamp, or neither.
    enum Reading {
        case date(Int64)
        case timestamp(Int64)
    }

    static func read(_ field: UnsafeBufferPointer<UInt8>, form: CSVDateForms, pattern: CSVDatePattern?) -> Reading? {
        let (start, end) = CSVNumberParsing.trimmed(field)
        if form == .custom {
            guard let pattern, let value = pattern.parse(UnsafeBufferPointer(rebasing: field[start..<end])) else {
                return nil
            }
            return pattern.hasTime ? .timestamp(value) : .date(value)
        }
        var i = start
        let dayNumber: Int64?
        let separatorIsT: Bool
        if form == .iso {
            dayNumber = isoDate(field, &i, end: end)
            separatorIsT = true
        } else {
            dayNumber = usDate(field, &i, end: end)
            separatorIsT = false
        }
        guard let dayNumber else { return nil }
        if i == end { return .date(dayNumber) }
        guard field[i] == CSVByte.space || (separatorIsT && field[i] == UInt8(ascii: "T")) else { return nil }
        i += 1
        guard let seconds = timeOfDay(field, &i, end: end), i == end else { return nil }
        return .timestamp(dayNumber * 86_400 + seconds)
    }

    /// A date under any of `forms`.
    static func parseDate(_ field: UnsafeBufferPointer<UInt8>, forms: CSVDateForms, pattern: CSVDatePattern?) -> Int64? {
        if forms.contains(.iso), case .date(let d) = read(field, form: .iso, pattern: pattern) { return d }
        if forms.contains(.us), case .date(let d) = read(field, form: .us, pattern: pattern) { return d }
        if forms.contains(.custom), case .date(let d) = read(field, form: .custom, pattern: pattern) { return d }
        return nil
    }

    /// A timestamp under any of `forms`; a bare date means midnight.
    static func parseTimestamp(_ field: UnsafeBufferPointer<UInt8>, forms: CSVDateForms, pattern: CSVDatePattern?) -> Int64? {
        if forms.contains(.iso), let s = seconds(read(field, form: .iso, pattern: pattern)) { return s }
        if forms.contains(.us), let s = seconds(read(field, form: .us, pattern: pattern)) { return s }
        if forms.contains(.custom), let s = seconds(read(field, form: .custom, pattern: pattern)) { return s }
        return nil
    }

    @inline(__always)
    private static func seconds(_ reading: Reading?) -> Int64? {
        switch reading {
        case .timestamp(let s): return s
        case .date(let d): return d * 86_400
        case nil: return nil
        }
    }
}
