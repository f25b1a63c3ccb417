#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The values of a column that has looked numeric so far, kept by pass 1 so that a column which
/// stays int or float needs no second pass. Values live in 8-byte slots (Int64, or Double bits
/// once the column turns float) in fixed-size blocks mapped straight from the system: building
/// the final array copies block by block and unmaps each one right after, so memory never holds
/// the column twice.
final class CSVNumericSpeculation {
    enum Kind {
        case int
        case float
    }

    private(set) var kind: Kind = .int
    private(set) var count = 0
    private var blocks: [(base: UnsafeMutablePointer<UInt64>, count: Int)] = []
    /// nil while no value has been missing; then one flag per value.
    private var missingFlags: [Bool]?

    static let blockCapacity = 1 << 19
    private static let blockBytes = blockCapacity * MemoryLayout<UInt64>.stride

    deinit {
        for block in blocks { Self.unmap(block.base) }
    }

    var hasMissing: Bool { missingFlags != nil }

    /// Adds one chunk's values (slots already in this column's kind); `missingAt` lists the
    /// positions in `values` that are missing. False when memory ran out (the caller drops this
    /// speculation and lets pass 2 convert the column).
    func append(_ values: UnsafeBufferPointer<UInt64>, missingAt: [Int]) -> Bool {
        if !missingAt.isEmpty && missingFlags == nil {
            missingFlags = [Bool](repeating: false, count: count)
        }
        if missingFlags != nil {
            let start = count
            missingFlags?.append(contentsOf: repeatElement(false, count: values.count))
            for position in missingAt { missingFlags?[start + position] = true }
        }
        var taken = 0
        while taken < values.count {
            if blocks.isEmpty || blocks[blocks.count - 1].count == Self.blockCapacity {
                guard let block = Self.map() else { return false }
                blocks.append((block, 0))
            }
            let last = blocks.count - 1
            let room = Self.blockCapacity - blocks[last].count
            let n = min(room, values.count - taken)
            if let from = values.baseAddress {
                (blocks[last].base + blocks[last].count).update(from: from + taken, count: n)
            }
            blocks[last].count += n
            taken += n
        }
        count += values.count
        return true
    }

    /// Rewrites the int slots as doubles (missing ones as NaN). Exact: `Double(Int64)` rounds the
    /// same integer the same way as parsing its digits as a float would.
    func convertToFloat() {
        guard kind == .int else { return }
        var index = 0
        for block in blocks {
            for k in 0..<block.count {
                let isMissing = missingFlags?[index] ?? false
                block.base[k] = isMissing ? Double.nan.bitPattern : Double(Int64(bitPattern: block.base[k])).bitPattern
                index += 1
            }
        }
        kind = .float
    }

    /// Takes over the values of `later`, the same column in the stretch of file right after.
    func append(contentsOf later: CSVNumericSpeculation) {
        if kind != later.kind {
            convertToFloat()
            later.convertToFloat()
        }
        if missingFlags != nil || later.missingFlags != nil {
            var flags = missingFlags ?? [Bool](repeating: false, count: count)
            flags.append(contentsOf: later.missingFlags ?? [Bool](repeating: false, count: later.count))
            missingFlags = flags
        }
        blocks.append(contentsOf: later.blocks)
        later.blocks = []
        count += later.count
        later.count = 0
    }

    /// The int values as the finished column array; the speculation is empty afterwards.
    func takeInt64s() -> [Int64] { takeValues(as: Int64.self) }

    /// The float values as the finished column array; the speculation is empty afterwards.
    func takeDoubles() -> [Double] { takeValues(as: Double.self) }

    /// Only for the 8-byte types whose bits the slots hold.
    private func takeValues<Value>(as type: Value.Type) -> [Value] {
        let total = count
        let values = [Value](unsafeUninitializedCapacity: total) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            let raw = UnsafeMutableRawPointer(base)
            Self.preferHugePages(raw, byteCount: total * 8)
            var offset = 0
            for block in blocks {
                raw.advanced(by: offset * 8).copyMemory(from: block.base, byteCount: block.count * 8)
                offset += block.count
                Self.unmap(block.base)
            }
            initialized = total
        }
        blocks = []
        count = 0
        return values
    }

    func takeMissingFlags() -> [Bool]? {
        defer { missingFlags = nil }
        return missingFlags
    }

    private static func map() -> UnsafeMutablePointer<UInt64>? {
        let address = mmap(nil, blockBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let address, address != MAP_FAILED else { return nil }
        preferHugePages(address, byteCount: blockBytes)
        return address.bindMemory(to: UInt64.self, capacity: blockCapacity)
    }

    /// Asks for 2 MB pages over the aligned middle of a large fresh region: filling hundreds of
    /// megabytes 4 KB at a time spends a large share of the load in page faults. Only a hint;
    /// nothing changes where the system declines.
    static func preferHugePages(_ start: UnsafeMutableRawPointer, byteCount: Int) {
        #if os(Linux)
        let hugePage = 2 << 20
        let first = (Int(bitPattern: start) + hugePage - 1) & ~(hugePage - 1)
        let last = (Int(bitPattern: start) + byteCount) & ~(hugePage - 1)
        guard last > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(aligned, last - first, MADV_HUGEPAGE)
        #endif
    }

    private static func unmap(_ block: UnsafeMutablePointer<UInt64>) {
        munmap(UnsafeMutableRawPointer(block), blockBytes)
    }
}
