extension Column {
    /// One flag per row, true where the row is missing, or nil when no row is.
    ///
    /// Folds together every way a cell can be missing, so the operations agree with `value(at:)`:
    /// the mask, a NaN float, and a string code outside the dictionary.
    func missingFlagsIncludingPlaceholders() -> [Bool]? {
        var flags = missing.flags
        switch data {
        case .float(let v):
            for i in 0..<v.count where v[i].isNaN {
                if flags == nil { flags = [Bool](repeating: false, count: v.count) }
                flags?[i] = true
            }
        case .string(let codes, let dictionary):
            let limit = Int32(clamping: dictionary.count)
            for i in 0..<codes.count where codes[i] < 0 || codes[i] >= limit {
                if flags == nil { flags = [Bool](repeating: false, count: codes.count) }
                flags?[i] = true
            }
        case .int, .bool, .date, .timestamp:
            break
        }
        return flags
    }
}
