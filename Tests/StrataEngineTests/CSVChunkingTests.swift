import Testing
@testable import StrataEngine

private typealias S = CSVTestSupport

/// Loads must not depend on where buffers end or on whether two threads share the work.
@Suite("CSV chunking and threads")
struct CSVChunkingTests {
    /// A file with every awkward shape: quoted delimiters, doubled quotes, quoted CRLF and LF,
    /// CRLF record ends, blank lines, missing values, a column that turns to text late.
    static func awkwardFile(rows: Int, seed: UInt64) -> String {
        var rng = SeededGenerator(seed: seed)
        var out = "id,name,price,when,flag,late\r\n"
        let words = ["plain", "a,b", "say \"\"hi\"\"", "two\nlines", "crlf\r\ninside", "", "NA", "ünï", "x"]
        for row in 0..<rows {
            let word = words[rng.nextInt(below: words.count)]
            let needsQuotes = word.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A }
            let name = needsQuotes ? "\"\(word)\"" : word
            let price = rng.nextInt(below: 10) == 0 ? "" : "\(rng.nextInt(below: 100_000)).\(rng.nextInt(below: 100))"
            let day = 1 + rng.nextInt(below: 28)
            let when = "2024-02-\(day < 10 ? "0" : "")\(day) \(rng.nextInt(below: 24)):\(10 + rng.nextInt(below: 50))"
            let flag = rng.nextInt(below: 2) == 0 ? "true" : "FALSE"
            let late = row == rows - 3 ? "late-text" : "\(rng.nextInt(below: 1000))"
            out += "\(row),\(name),\(price),\(when),\(flag),\(late)"
            out += rng.nextInt(below: 3) == 0 ? "\n" : "\r\n"
            if rng.nextInt(below: 50) == 0 { out += "\n" }
        }
        return out
    }

    @Test func bufferSizeDoesNotChangeTheResult() throws {
        let text = Self.awkwardFile(rows: 400, seed: 7)
        let reference = try S.load(text)
        #expect(reference.table.rowCount == 400)
        #expect(reference.table.columns.map(\.type) == [.int, .string, .float, .timestamp, .bool, .string])
        for size in [16, 17, 31, 64, 100, 257, 1000] {
            let result = try S.load(text, bufferSize: size, parallel: false)
            #expect(S.sameTable(result.table, reference.table), "buffer \(size)")
            #expect(result.notes == reference.notes, "buffer \(size)")
        }
    }

    @Test func twoThreadsGiveTheSameTableAsOne() throws {
        for seed in UInt64(1)...6 {
            let text = Self.awkwardFile(rows: 300, seed: seed)
            let single = try S.load(text, bufferSize: 64, parallel: false)
            let double = try S.load(text, bufferSize: 64, parallel: true)
            #expect(S.sameTable(single.table, double.table), "seed \(seed)")
            #expect(single.notes == double.notes, "seed \(seed)")
            guard case .string(_, let a)? = single.table.column("name")?.data,
                case .string(_, let b)? = double.table.column("name")?.data
            else {
                Issue.record("name is not a string column")
                continue
            }
            #expect(a == b, "dictionary order, seed \(seed)")
        }
    }

    @Test func aSplitInsideAQuotedFieldFallsBackToOneThread() throws {
        let longQuoted = "\"" + String(repeating: "line\n", count: 200) + "\""
        let text = "a,b\n1,x\n2,\(longQuoted)\n3,y\n"
        let result = try S.load(text, bufferSize: 32, parallel: true)
        #expect(result.table.rowCount == 3)
        #expect(S.values(result.table, "a") == [.int(1), .int(2), .int(3)])
        let error = S.loadError(text + "4\n")
        #expect(error?.line == 205)
        let parallelError = #expect(throws: CSVError.self) {
            _ = try S.load(text + "4\n", bufferSize: 32, parallel: true)
        }
        #expect(parallelError?.line == 205)
    }

    @Test func errorsInTheSecondHalfHaveFileLineNumbers() throws {
        // Multi-line records first, so lines and records differ, then single-line records around
        // the middle, so the second thread's start is a real record boundary.
        var lines = ["a,b"] + (1...100).map { "\($0),\"multi\nline\"" } + (101...500).map { "\($0),x" }
        lines.insert("oops", at: 451)
        let text = lines.joined(separator: "\n")
        let sequential = #expect(throws: CSVError.self) { _ = try S.load(text, bufferSize: 64, parallel: false) }
        let parallel = #expect(throws: CSVError.self) { _ = try S.load(text, bufferSize: 64, parallel: true) }
        #expect(sequential?.line == 552)
        #expect(sequential?.message == parallel?.message)
        #expect(sequential?.rowsReadBefore == 450)
        #expect(parallel?.rowsReadBefore == 450)

        var options = CSVOptions()
        options.onError = .skip
        let skippedOne = try S.load(text, options: options, bufferSize: 64, parallel: false)
        let skippedTwo = try S.load(text, options: options, bufferSize: 64, parallel: true)
        #expect(skippedOne.skippedExamples == [CSVIssue(line: 552, reason: "expected 2 fields, found 1")])
        #expect(skippedTwo.skippedExamples == skippedOne.skippedExamples)
        #expect(S.sameTable(skippedOne.table, skippedTwo.table))
    }

    @Test func theFirstHalfErrorWinsOverTheSecond() {
        var lines = ["a,b"] + (1...100).map { "\($0),x" }
        lines[10] = "bad"
        lines[90] = "bad,too,many"
        let error = #expect(throws: CSVError.self) {
            _ = try S.load(lines.joined(separator: "\n"), bufferSize: 64, parallel: true)
        }
        #expect(error?.line == 11)
    }

    @Test func typeChangesFoundOnlyByJoiningHalvesAreNoted() throws {
        let front = (1...100).map { "2024-01-\($0 % 28 + 1 < 10 ? "0" : "")\($0 % 28 + 1)" }
        let back = (1...100).map { String($0) }
        let text = (["d"] + front + back).joined(separator: "\n")
        let single = try S.load(text, bufferSize: 64, parallel: false)
        let double = try S.load(text, bufferSize: 64, parallel: true)
        #expect(single.notes == ["column d: mixed date and int values (first int value '1' on line 102); read as string"])
        #expect(double.notes == single.notes)
        #expect(S.sameTable(single.table, double.table))
    }

    @Test func forcedTypeSkipsJoinAcrossHalves() throws {
        var options = CSVOptions()
        options.onError = .skip
        options.typeOverrides = ["n": .int]
        var lines = ["n,s"] + (1...120).map { "\($0),v\($0 % 7)" }
        lines[20] = "x,bad"
        lines[100] = "y,bad"
        let text = lines.joined(separator: "\n")
        let single = try S.load(text, options: options, bufferSize: 48, parallel: false)
        let double = try S.load(text, options: options, bufferSize: 48, parallel: true)
        #expect(single.skippedRows == 2)
        #expect(double.skippedRows == 2)
        #expect(double.skippedExamples == single.skippedExamples)
        #expect(S.sameTable(single.table, double.table))
        #expect(single.table.rowCount == 118)
    }
}

/// Columns that stay int or float keep their values from pass 1; they must equal what pass 2
/// would have converted (forcing a type sends a column through pass 2).
@Suite("CSV numeric values kept from pass 1")
struct CSVSpeculationTests {
    static func numericFile(rows: Int, seed: UInt64) -> String {
        var rng = SeededGenerator(seed: seed)
        var out = "i,late_float,early_float,missing_heavy,to_text,big\n"
        for row in 0..<rows {
            let i = rng.nextInt(below: 3) == 0 ? "NA" : String(rng.nextInt(below: 2_000_000) - 1_000_000)
            let lateFloat = row == rows * 3 / 4 ? "2.5" : String(rng.nextInt(below: 1000))
            let earlyFloat = row == 2 ? "1e-3" : (rng.nextInt(below: 5) == 0 ? "" : String(rng.nextInt(below: 100)))
            let heavy = rng.nextInt(below: 10) == 0 ? "\(rng.nextDouble())" : "null"
            let toText = row == rows - 2 ? "n/a-ish" : String(rng.nextInt(below: 50))
            let big = String(Int64(bitPattern: rng.next()))
            out += "\(i),\(lateFloat),\(earlyFloat),\(heavy),\(toText),\(big)\n"
        }
        return out
    }

    @Test func keptValuesEqualSecondPassValues() throws {
        var forced = CSVOptions()
        forced.typeOverrides = ["i": .int, "late_float": .float, "early_float": .float, "missing_heavy": .float, "big": .int]
        for (seed, parallel) in [(UInt64(3), false), (4, true), (5, true)] {
            let text = Self.numericFile(rows: 3000, seed: seed)
            let inferred = try CSVTestSupport.load(text, bufferSize: 4096, parallel: parallel)
            let converted = try CSVTestSupport.load(text, options: forced, bufferSize: 4096, parallel: parallel)
            #expect(inferred.table.columns.map(\.type) == [.int, .float, .float, .float, .string, .int])
            #expect(CSVTestSupport.sameTable(inferred.table, converted.table), "seed \(seed)")
            for column in inferred.table.columns {
                #expect(column.missing == converted.table.column(column.name)?.missing, "\(column.name)")
            }
        }
    }

    @Test func intInOneHalfAndFloatInTheOtherJoinAsFloat() throws {
        let front = (0..<200).map { "\($0),\($0 % 3 == 0 ? "" : String($0))" }
        let back = (0..<200).map { "\($0),\(Double($0) / 4)" }
        let text = (["n,x"] + front + back).joined(separator: "\n")
        let single = try CSVTestSupport.load(text, bufferSize: 128, parallel: false)
        let double = try CSVTestSupport.load(text, bufferSize: 128, parallel: true)
        #expect(single.table.column("x")?.type == .float)
        #expect(CSVTestSupport.sameTable(single.table, double.table))
        #expect(double.table.column("x")?.value(at: 0) == .missing)
        #expect(double.table.column("x")?.value(at: 1) == .float(1))
        #expect(double.table.column("x")?.value(at: 399) == .float(199.0 / 4))
    }

    @Test func keptValuesSpanSeveralBlocks() throws {
        let rows = CSVNumericSpeculation.blockCapacity + 70_000
        var lines = ["n,x"]
        lines.reserveCapacity(rows + 1)
        for row in 0..<rows {
            let x = row == rows - 5 ? "0.5" : (row % 1000 == 7 ? "" : String(row))
            lines.append("\(row),\(x)")
        }
        let text = lines.joined(separator: "\n")
        var forced = CSVOptions()
        forced.typeOverrides = ["n": .int, "x": .float]
        let inferred = try CSVTestSupport.load(text)
        let converted = try CSVTestSupport.load(text, options: forced)
        #expect(inferred.table.columns.map(\.type) == [.int, .float])
        #expect(CSVTestSupport.sameTable(inferred.table, converted.table))
        #expect(inferred.table.column("x")?.missing == converted.table.column("x")?.missing)
        #expect(inferred.table.column("x")?.value(at: rows - 1) == .float(Double(rows - 1)))
    }
}
