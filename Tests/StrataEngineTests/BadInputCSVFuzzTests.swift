import Testing
@testable import StrataEngine

/// Mutated CSV files (bytes inserted, deleted or replaced: quotes, separators, CR, LF, NUL,
/// invalid UTF-8) loaded with assorted options. No file may crash the reader; a failure is a
/// `CSVError` naming the file and, where it has one, a line that exists; a success is a
/// well-formed table; and neither depends on buffer size or on the second thread.
@Suite struct BadInputCSVFuzzTests {
    static let seeds = [
        "id,name,amount,day,when\n1,ann,\"1,234.50\",2011-12-09,2011-12-09 10:30\n2,\"bob \"\"b\"\"\",17.5,12/9/2011,\n3,,NA,,2011-12-10T11:00:05\n",
        "a;b;c\n1;2,5;x\n3;4,0;y\n;;\n",
        "x\ty\n1\t2\ntrue\tno\n",
        "\"multi\nline\",v\r\n\"a\r\nb\",1\r\n\"c\",-0\r\n",
        "n\n1\n2\n3\n99999999999999999999\n-9223372036854775808\n1e308\n",
    ]

    static let insertions: [[UInt8]] = [
        [0x22], [0x22, 0x22], [0x2C], [0x3B], [0x09], [0x0A], [0x0D], [0x0D, 0x0A], [0x00], [0xFF], [0xC3], [0xE9],
        [0xEF, 0xBB, 0xBF], Array("NA".utf8), Array("-".utf8), Array("1".utf8), Array("e".utf8), Array(" ".utf8),
        Array("2011-02-30".utf8), Array("é".utf8),
    ]

    static let optionSets: [CSVOptions] = [
        CSVOptions(),
        CSVOptions(onError: .skip),
        CSVOptions(hasHeader: false),
        CSVOptions(delimiter: UInt8(ascii: ";"), onError: .skip),
        CSVOptions(typeOverrides: ["id": .int, "a": .float, "x": .bool, "n": .int, "v": .date], onError: .skip),
        CSVOptions(typeOverrides: ["amount": .string, "day": .date, "when": .timestamp]),
        CSVOptions(missingTokens: ["", "x", "\""], dateFormat: "%d/%m/%Y"),
    ]

    static func mutate(_ bytes: [UInt8], _ g: inout SeededGenerator) -> [UInt8] {
        var b = bytes
        for _ in 0..<(1 + g.nextInt(below: 3)) {
            switch g.nextInt(below: 5) {
            case 0 where !b.isEmpty: b.remove(at: g.nextInt(below: b.count))
            case 1 where !b.isEmpty: b[g.nextInt(below: b.count)] = insertions[g.nextInt(below: insertions.count)][0]
            case 2: b = Array(b.prefix(g.nextInt(below: b.count + 1)))
            default: b.insert(contentsOf: insertions[g.nextInt(below: insertions.count)], at: g.nextInt(below: b.count + 1))
            }
        }
        return b
    }

    /// What a load produced, comparable across buffer sizes and thread counts.
    enum Outcome: Equatable {
        case table(names: [String], types: [DataType], values: [[Value]], skipped: Int, notes: [String])
        case failure(String)
    }

    static func outcome(_ bytes: [UInt8], _ options: CSVOptions, bufferSize: Int, parallel: Bool) -> Outcome {
        do {
            let r = try CSVReader.load(CSVMemorySource(displayName: "fuzz.csv", bytes: bytes), extensionHint: "fuzz.csv",
                                       options: options, context: .quiet, bufferSize: bufferSize, parallel: parallel)
            let t = r.table
            for c in t.columns where c.count != t.rowCount || (c.missing.flags.map { $0.count != t.rowCount } ?? false) {
                Issue.record("column \(c.name) has \(c.count) values for \(t.rowCount) rows")
                return .failure("malformed")
            }
            let values = t.columns.map { c in (0..<t.rowCount).map { c.value(at: $0) } }
            return .table(names: t.columnNames, types: t.columns.map(\.type), values: values, skipped: r.skippedRows, notes: r.notes)
        } catch let e as CSVError {
            // LF, CRLF and a lone CR each end a line.
            let lines = 1 + bytes.indices.filter { bytes[$0] == 0x0A || (bytes[$0] == 0x0D && $0 + 1 < bytes.count && bytes[$0 + 1] != 0x0A) }.count
            if e.file != "fuzz.csv" { Issue.record("error names \(e.file): \(e.message)") }
            if let line = e.line, !(1...lines).contains(line) { Issue.record("line \(line) of a \(lines)-line file: \(e.message)") }
            return .failure(e.message)
        } catch let e as any UserFacingError {
            return .failure(e.message)
        } catch {
            Issue.record("not a user-facing error: \(error)")
            return .failure("\(error)")
        }
    }

    /// The unclosed quote used to be thrown as soon as the last buffer was split into records, so a
    /// file read in one buffer reported it ahead of an earlier bad row (and of a types= mistake),
    /// while smaller buffers reported the earlier problem.
    @Test func anEarlierProblemIsReportedBeforeALaterUnclosedQuote() {
        let text = Array("a,b,c\n1,2,3\n4,5\n6,\"never closed\n7,8,9\n".utf8)
        for (size, parallel) in [(CSVChunkStream.defaultBufferSize, false), (7, false), (16, true)] {
            #expect(Self.outcome(text, CSVOptions(), bufferSize: size, parallel: parallel)
                    == .failure("fuzz.csv:3: expected 3 fields, found 2"))
            #expect(Self.outcome(text, CSVOptions(typeOverrides: ["z": .int]), bufferSize: size, parallel: parallel)
                    == .failure("fuzz.csv: types= names a column 'z' that the file does not have"))
            #expect(Self.outcome(text, CSVOptions(onError: .skip), bufferSize: size, parallel: parallel)
                    == .failure("fuzz.csv:4: a quoted field opened on this line is never closed"))
        }
    }

    @Test func mutatedFilesNeverCrashAndDoNotDependOnBuffersOrThreads() {
        var g = SeededGenerator(seed: 4_242)
        var failures = 0, successes = 0
        for seed in Self.seeds {
            let bytes = Array(seed.utf8)
            for k in 0..<250 {
                let mutated = Self.mutate(bytes, &g)
                let options = Self.optionSets[k % Self.optionSets.count]
                let reference = Self.outcome(mutated, options, bufferSize: CSVChunkStream.defaultBufferSize, parallel: false)
                if case .failure = reference { failures += 1 } else { successes += 1 }
                for (size, parallel) in [(7, false), (16, true)] {
                    let other = Self.outcome(mutated, options, bufferSize: size, parallel: parallel)
                    #expect(other == reference, "options \(k % Self.optionSets.count), buffer \(size), parallel \(parallel): \(String(decoding: mutated, as: UTF8.self).debugDescription)")
                }
            }
        }
        #expect(failures > 100 && successes > 100, "\(failures) failures, \(successes) successes")
    }
}
