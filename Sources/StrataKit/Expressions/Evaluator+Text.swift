/// Text functions and conversions. Text columns are dictionary-encoded, so most of the work is
/// done once per distinct value and then looked up for every row.
extension EvalRun {
    package func mapText(_ op: Operand, _ transform: (String) -> String) -> Operand {
        switch op {
        case .strings(let codes, let dict): return StringColumns.mapDictionary(codes, dict, transform)
        case .constant(.string(let s)): return .constant(.string(transform(s)))
        default: return op
        }
    }

    package func textLength(_ op: Operand) -> Operand {
        switch op {
        case .strings(let codes, let dict):
            let (values, missing) = StringColumns.perEntry(codes, dict.map { Int64($0.count) }, placeholder: 0)
            return .ints(values, missing)
        case .constant(.string(let s)): return .constant(.int(Int64(s.count)))
        default: return .constant(.missing)
        }
    }

    package func textTest(_ f: ScalarFunction, _ a: Operand, _ b: Operand) -> Operand {
        func test(_ s: String, _ part: String) -> Bool {
            switch f {
            case .startsWith: return s.hasPrefix(part)
            case .endsWith: return s.hasSuffix(part)
            default: return TextFunctions.contains(s, part)
            }
        }
        switch (a, b) {
        case (.constant(.string(let s)), .constant(.string(let p))):
            return .constant(.bool(test(s, p)))
        case (.strings(let codes, let dict), .constant(.string(let p))):
            let (values, missing) = StringColumns.perEntry(codes, dict.map { test($0, p) }, placeholder: false)
            return .bools(values, missing)
        case (.constant(.string(let s)), .strings(let codes, let dict)):
            let (values, missing) = StringColumns.perEntry(codes, dict.map { test(s, $0) }, placeholder: false)
            return .bools(values, missing)
        case (.strings(let ca, let da), .strings(let cb, let db)):
            var missing = false
            let values: [Bool] = zip(ca, cb).map { l, r in
                guard l >= 0, r >= 0, Int(l) < da.count, Int(r) < db.count else {
                    missing = true
                    return false
                }
                return test(da[Int(l)], db[Int(r)])
            }
            let flags = missing ? zip(ca, cb).map { l, r in l < 0 || r < 0 || Int(l) >= da.count || Int(r) >= db.count } : nil
            return .bools(values, flags)
        default:
            return .constant(.missing)
        }
    }

    /// Reads each distinct text once; rows whose text can't be read become missing and are counted.
    package mutating func readText(_ op: Operand, text: String, problem: String, _ read: (String) -> Value?) -> Operand {
        switch op {
        case .constant(.string(let s)):
            guard let v = read(s) else {
                log.note(n, problem, in: text)
                return .constant(.missing)
            }
            return .constant(v)
        case .strings(let codes, let dict):
            let parsed = dict.map(read)
            var unreadable = 0
            var values: [Value] = []
            values.reserveCapacity(codes.count)
            for c in codes {
                guard c >= 0, Int(c) < parsed.count else {
                    values.append(.missing)
                    continue
                }
                if let v = parsed[Int(c)] {
                    values.append(v)
                } else {
                    unreadable += 1
                    values.append(.missing)
                }
            }
            log.note(unreadable, problem, in: text)
            return EvalRun.operand(fromValues: values)
        default:
            return .constant(.missing)
        }
    }

    /// Packs per-row values of one kind (plus missing) into an operand.
    package static func operand(fromValues values: [Value]) -> Operand {
        guard let kind = values.lazy.compactMap(\.dataType).first else { return .constant(.missing) }
        let missing = MissingFlags.compact(values.map(\.isMissing))
        switch kind {
        case .float:
            return .floats(values.map { if case .float(let d) = $0 { return d } else { return .nan } })
        case .bool:
            return .bools(values.map { if case .bool(let b) = $0 { return b } else { return false } }, missing)
        case .string:
            var interner = StringInterner()
            let codes: [Int32] = values.map { if case .string(let s) = $0 { return interner.code(s) } else { return -1 } }
            return .strings(codes, interner.dictionary)
        case .int, .date, .timestamp:
            return .ints(values.map {
                switch $0 {
                case .int(let v), .date(let v), .timestamp(let v): return v
                default: return 0
                }
            }, missing)
        }
    }

    package mutating func toInt(_ op: Operand, from: DataType?, text: String) -> Operand {
        switch from {
        case .float:
            var failed: [Int] = []
            let x = floatLane(op)
            let values: [Int64] = (0..<n).map { i in
                let v = x[i]
                if v.isNaN { return 0 }
                if let r = Int64(exactly: v.rounded(.towardZero)) { return r }
                failed.append(i)
                return 0
            }
            log.note(failed.count, "a value too large for an integer", in: text)
            let missing = MissingFlags.adding(failed, to: flags(op), count: n)
            return op.isAllMissing ? .constant(.missing) : .ints(values, missing)
        case .bool:
            let (x, _) = boolLanes(op)
            if case .constant(let v) = op { return .constant(v.isMissing ? .missing : .int(x[0] ? 1 : 0)) }
            return .ints((0..<n).map { x[$0] ? 1 : 0 }, flags(op))
        case .string:
            return readText(op, text: text, problem: "text that is not a whole number") { s in
                TextFunctions.readInt(s).map(Value.int)
            }
        default:
            return op
        }
    }

    package mutating func toFloat(_ op: Operand, from: DataType?, text: String) -> Operand {
        switch from {
        case .string:
            return readText(op, text: text, problem: "text that is not a number") { s in
                TextFunctions.readDouble(s).map(Value.float)
            }
        case .float:
            return op
        default:
            if case .constant(let v) = op {
                switch v {
                case .int(let i): return .constant(.float(Double(i)))
                case .bool(let b): return .constant(.float(b ? 1 : 0))
                default: return .constant(.missing)
                }
            }
            return .floats(floatLane(op).materialized(n))
        }
    }

    /// Each distinct value is formatted once.
    package func toText(_ op: Operand, from: DataType?) -> Operand {
        if case .constant(let v) = op {
            return v.isMissing ? .constant(.missing) : .constant(.string(TextFunctions.format(v)))
        }
        switch op {
        case .strings:
            return op
        case .floats(let v):
            var interner = StringInterner()
            var memo: [UInt64: Int32] = [:]
            let codes: [Int32] = v.map { d in
                if d.isNaN { return -1 }
                if let c = memo[d.bitPattern] { return c }
                let c = interner.code(TextFunctions.format(.float(d)))
                memo[d.bitPattern] = c
                return c
            }
            return .strings(codes, interner.dictionary)
        case .ints(let v, let m):
            let wrap: (Int64) -> Value
            switch from {
            case .date: wrap = Value.date
            case .timestamp: wrap = Value.timestamp
            default: wrap = Value.int
            }
            var interner = StringInterner()
            var memo: [Int64: Int32] = [:]
            let missing = MissingLane(m)
            let codes: [Int32] = v.indices.map { i in
                if missing[i] { return -1 }
                if let c = memo[v[i]] { return c }
                let c = interner.code(TextFunctions.format(wrap(v[i])))
                memo[v[i]] = c
                return c
            }
            return .strings(codes, interner.dictionary)
        case .bools(let v, let m):
            let missing = MissingLane(m)
            return .strings(v.indices.map { missing[$0] ? -1 : (v[$0] ? 1 : 0) }, ["false", "true"])
        default:
            return .constant(.missing)
        }
    }
}

package enum TextFunctions {
    package static func trimmed(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// Substring test by characters; an empty part is contained in everything.
    package static func contains(_ s: String, _ part: String) -> Bool {
        if part.isEmpty { return true }
        var rest = Substring(s)
        while !rest.isEmpty {
            if rest.hasPrefix(part) { return true }
            rest = rest.dropFirst()
        }
        return false
    }

    package static func readInt(_ s: String) -> Int64? {
        let t = trimmed(s)
        if let i = Int64(t) { return i }
        guard let d = Double(t), d.isFinite else { return nil }
        return Int64(exactly: d.rounded(.towardZero))
    }

    package static func readDouble(_ s: String) -> Double? {
        guard let d = Double(trimmed(s)), d.isFinite else { return nil }
        return d
    }

    /// How `string(x)` writes a value: ISO dates, `2011-12-09 10:00:00` timestamps, shortest floats.
    package static func format(_ v: Value) -> String {
        switch v {
        case .missing: return ""
        case .int(let i): return String(i)
        case .float(let d): return d.description
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .date(let d):
            return EvalRun.supportedDays.contains(d) ? CivilCalendar.formatDate(days: d) : String(d)
        case .timestamp(let s):
            return EvalRun.supportedDays.contains(EvalRun.days(ofSeconds: s)) ? CivilCalendar.formatTimestamp(seconds: s) : String(s)
        }
    }
}
