import Synchronization
import Testing
@testable import StrataEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C `write`, named apart from the many Swift `write`s.
private func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, pointer, count)
}

/// A fresh directory under /tmp, removed with its files when released.
final class CSVTemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/strata-csv-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw EngineError("cannot create a temporary directory") }
        path = String(cString: made)
    }

    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let file = path + "/" + name
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd >= 0 {
            _ = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        return file
    }

    deinit {
        if let dir = opendir(path) {
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                // A test may leave an empty folder where a file was expected (a blocked partial file).
                if name != "." && name != "..", unlink(path + "/" + name) != 0 { rmdir(path + "/" + name) }
            }
            closedir(dir)
        }
        rmdir(path)
    }
}

private final class RecordingProgress: ProgressSink {
    let events = Mutex<[String]>([])
    func begin(_ label: String, total: Int?, unit: String) {
        events.withLock { $0.append("begin \(label) \(total ?? -1) \(unit)") }
    }
    func update(_ completed: Int) { events.withLock { $0.append("update \(completed)") } }
    func end() { events.withLock { $0.append("end") } }
}

@Suite("CSV files")
struct CSVFileTests {
    @Test func readsAFileFromDisk() throws {
        let directory = try CSVTemporaryDirectory()
        let path = directory.write("people.tsv", Array("name\tage\nAda\t36\n".utf8))
        let table = try CSVReader.read(path: path).table
        #expect(table.columnNames == ["name", "age"])
        #expect(table.column("age")?.value(at: 0) == .int(36))
    }

    @Test func missingFileNamesThePath() {
        let error = #expect(throws: CSVError.self) {
            _ = try CSVReader.read(path: "/no/such/dir/file.csv")
        }
        #expect(error?.message == "/no/such/dir/file.csv: no such file")
    }

    @Test func directoryIsNotAFile() throws {
        let directory = try CSVTemporaryDirectory()
        let error = #expect(throws: CSVError.self) {
            _ = try CSVReader.read(path: directory.path)
        }
        #expect(error?.reason == "is a directory, not a file")
    }

    @Test func emptyFileOnDisk() throws {
        let directory = try CSVTemporaryDirectory()
        let path = directory.write("empty.csv", [])
        let error = #expect(throws: CSVError.self) { _ = try CSVReader.read(path: path) }
        #expect(error?.message == "\(path): file is empty")
    }

    @Test func progressCoversTheFileInBytes() throws {
        let progress = RecordingProgress()
        let text = "a,b\n" + String(repeating: "1,2\n", count: 1000)
        _ = try CSVReader.read(text: text, context: RunContext(progress: progress))
        let events = progress.events.withLock { $0 }
        #expect(events.first == "begin loading file \(text.utf8.count) B")
        #expect(events.last == "end")
        #expect(events.contains("update \(text.utf8.count)"))
    }

    @Test func cancellationStopsTheLoad() {
        let text = "a,b\n" + String(repeating: "1,2\n", count: 1000)
        #expect(throws: CancelledError.self) {
            _ = try CSVReader.read(text: text, context: RunContext(cancellation: Cancellation { true }))
        }
    }

    /// Needs STRATA_BENCH_FILE; prints timings and asserts nothing about speed.
    @Test(.enabled(if: getenv("STRATA_BENCH") != nil && getenv("STRATA_BENCH_FILE") != nil))
    func benchmarkLoad() throws {
        guard let file = getenv("STRATA_BENCH_FILE") else { return }
        let path = String(cString: file)
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        let start = Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
        let result = try CSVReader.read(path: path)
        clock_gettime(CLOCK_MONOTONIC, &spec)
        let seconds = Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9 - start
        print("STRATA_BENCH \(path): \(result.table.rowCount) rows in \(seconds) s")
        #expect(result.table.rowCount > 0)
    }
}

@Suite("CSV real data")
struct CSVRealDataTests {
    static let onlineRetail = "../shared/data/online-retail/online_retail.csv"
    static let bank = "../shared/data/bank-marketing/bank-full.csv"

    @Test(.enabled(if: access(onlineRetail, R_OK) == 0))
    func onlineRetailLoadsWithTheDocumentedShape() throws {
        let result = try CSVReader.read(path: Self.onlineRetail)
        let table = result.table
        #expect(table.rowCount == 541_909)
        #expect(table.columns.map(\.type) == [.string, .string, .string, .int, .timestamp, .float, .int, .string])
        #expect(table.column("CustomerID")?.missing.missingCount() == 135_080)
        #expect(table.column("Description")?.missing.missingCount() == 1_454)
        guard case .string(_, let countries)? = table.column("Country")?.data,
            case .string(_, let invoices)? = table.column("InvoiceNo")?.data
        else {
            Issue.record("text columns are not strings")
            return
        }
        #expect(countries.count == 38)
        #expect(invoices.count == 25_900)
        #expect(table.column("InvoiceDate")?.value(at: 0) == .timestamp(CivilCalendar.days(year: 2010, month: 12, day: 1) * 86_400 + 8 * 3600 + 26 * 60))
    }

    @Test(.enabled(if: access(bank, R_OK) == 0))
    func semicolonSeparatedBankDataIsDetected() throws {
        let result = try CSVReader.read(path: Self.bank)
        #expect(result.table.rowCount == 45_211)
        #expect(result.table.columnCount == 17)
        #expect(result.table.column("age")?.type == .int)
        #expect(result.table.column("y")?.type == .bool)
    }
}
