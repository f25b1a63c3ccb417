/// The RLE / bit-packed hybrid encoding of definition levels, dictionary indices and booleans:
/// a sequence of runs, each either one value repeated (`header` even) or groups of eight values
/// packed `bitWidth` bits each, least significant bit first (`header` odd).
enum ParquetHybridRLE {
    /// Decodes exactly `count` values from `data` into `out[0..<count]`. Runs longer than needed
    /// are cut (bit-packed runs are padded to a multiple of eight); too few values is an error.
    static func decode(
        _ data: UnsafeBufferPointer<UInt8>, bitWidth: Int, count: Int, into out: UnsafeMutableBufferPointer<UInt32>
    ) throws {
        guard (0...32).contains(bitWidth) else { throw ParquetError.Corrupt("bit width \(bitWidth) is out of range (0–32)") }
        guard count <= out.count else { throw ParquetError.Corrupt("internal: level buffer too small") }
        var position = 0
        var produced = 0
        let byteWidth = (bitWidth + 7) / 8
        let mask: UInt64 = bitWidth == 0 ? 0 : (UInt64(1) << UInt64(bitWidth)) - 1
        while produced < count {
            let header = try runHeader(data, &position, produced: produced, count: count)
            if header & 1 == 0 {
                let runLength = header >> 1
                guard byteWidth <= data.count - position else { throw ParquetError.Corrupt("a repeated run is cut off") }
                var value: UInt32 = 0
                for k in 0..<byteWidth { value |= UInt32(data[position + k]) << UInt32(8 * k) }
                position += byteWidth
                guard UInt64(value) <= mask || bitWidth == 32 else {
                    throw ParquetError.Corrupt("a repeated value does not fit in \(bitWidth) bits")
                }
                let take = Int(min(runLength, UInt64(count - produced)))
                if take > 0, let base = out.baseAddress { (base + produced).update(repeating: value, count: take) }
                produced += take
            } else {
                let groups = header >> 1
                let available = UInt64(data.count - position)
                guard bitWidth == 0 || groups <= available / UInt64(bitWidth) else {
                    throw ParquetError.Corrupt("a bit-packed run claims \(groups) groups in \(available) bytes")
                }
                let values = Int(min(min(groups, UInt64(count)) * 8, UInt64(count - produced)))
                let runBytes = Int(groups * UInt64(bitWidth))
                // values ≤ groups × 8 and the run holds groups × bitWidth bytes, so every value lies inside it.
                if values > 0, let base = data.baseAddress {
                    let run = UnsafeRawPointer(base + position)
                    // Whole groups whose every 8-byte load ends inside `data` (group g's last load
                    // ends before byte (g + 1) × bitWidth + 8) go through the unpacker for this width;
                    // the rest, at most the tail of the page, through the careful loop below.
                    let available = data.count - position
                    let fast = bitWidth == 0 || available < 8 ? 0 : min(values / 8, (available - 8) / bitWidth)
                    if fast > 0, let target = out.baseAddress {
                        ParquetBitUnpacking.unpack(run, groups: fast, width: bitWidth, into: target + produced)
                    }
                    var bitPosition = fast * 8 * bitWidth
                    for k in (fast * 8)..<values {
                        let byteIndex = bitPosition >> 3
                        let bitOffset = UInt64(bitPosition & 7)
                        var window: UInt64
                        if byteIndex + 8 <= runBytes {
                            window = UInt64(littleEndian: run.loadUnaligned(fromByteOffset: byteIndex, as: UInt64.self))
                        } else {
                            window = 0
                            var b = 0
                            while byteIndex + b < runBytes && b < 8 {
                                window |= UInt64(run.load(fromByteOffset: byteIndex + b, as: UInt8.self)) << UInt64(8 * b)
                                b += 1
                            }
                        }
                        out[produced + k] = UInt32(truncatingIfNeeded: (window >> bitOffset) & mask)
                        bitPosition += bitWidth
                    }
                }
                produced += values
                position += runBytes
            }
        }
    }

    /// A run's varint header.
    @inline(__always)
    private static func runHeader(_ data: UnsafeBufferPointer<UInt8>, _ position: inout Int, produced: Int, count: Int) throws -> UInt64 {
        guard position < data.count else {
            throw ParquetError.Corrupt("encoded values end after \(produced) of \(count) values")
        }
        var cursor = ParquetByteCursor(data, at: position)
        let header = try cursor.uleb("a run header after \(produced) of \(count) values")
        position = cursor.position
        return header
    }

    /// Definition levels of a flat optional column (bit width 1, 1 = present) straight into
    /// missing flags: `missing[i]` is true where row i has no value. Returns how many rows have
    /// one. Repeated runs, the common case (no nulls, or long stretches of them), are one fill.
    static func decodeLevels(_ data: UnsafeBufferPointer<UInt8>, count: Int, missing: UnsafeMutablePointer<Bool>) throws -> Int {
        var position = 0
        var produced = 0
        var present = 0
        while produced < count {
            let header = try runHeader(data, &position, produced: produced, count: count)
            if header & 1 == 0 {
                guard position < data.count else { throw ParquetError.Corrupt("a repeated run is cut off") }
                let value = data[position]
                position += 1
                guard value <= 1 else { throw ParquetError.Corrupt("a definition level of \(value) in a flat column (at most 1)") }
                let take = Int(min(header >> 1, UInt64(count - produced)))
                (missing + produced).update(repeating: value == 0, count: take)
                if value == 1 { present += take }
                produced += take
            } else {
                let groups = header >> 1
                guard groups <= UInt64(data.count - position) else {
                    throw ParquetError.Corrupt("a bit-packed run claims \(groups) groups in \(data.count - position) bytes")
                }
                let take = Int(min(groups * 8, UInt64(count - produced)))
                for k in 0..<take {
                    let bit = (data[position + k >> 3] >> UInt8(k & 7)) & 1
                    missing[produced + k] = bit == 0
                    present += Int(bit)
                }
                produced += take
                position += Int(groups)
            }
        }
        return present
    }

    /// The smallest bit width that holds `maxValue`.
    static func bitWidth(for maxValue: Int) -> Int {
        var width = 0
        while width < 32 && (UInt64(1) << UInt64(width)) <= UInt64(max(0, maxValue)) { width += 1 }
        return width
    }

    /// Encodes `values` (each below 2^bitWidth): runs of eight or more equal values as repeats,
    /// the rest bit-packed in groups of eight.
    static func encode(_ values: [UInt32], bitWidth: Int, into out: inout [UInt8]) {
        var literals: [UInt32] = []
        var i = 0
        let n = values.count
        while i < n {
            var j = i + 1
            while j < n && values[j] == values[i] { j += 1 }
            var run = j - i
            // A bit-packed run holds whole groups of eight, so literals are topped up from the run first.
            if !literals.isEmpty && literals.count % 8 != 0 {
                let fill = min(run, 8 - literals.count % 8)
                literals.append(contentsOf: repeatElement(values[i], count: fill))
                run -= fill
            }
            if run >= 8 {
                flushLiterals(&literals, bitWidth: bitWidth, into: &out)
                appendVarint(UInt64(run) << 1, to: &out)
                let byteWidth = (bitWidth + 7) / 8
                for k in 0..<byteWidth { out.append(UInt8(truncatingIfNeeded: values[i] >> UInt32(8 * k))) }
            } else {
                literals.append(contentsOf: repeatElement(values[i], count: run))
            }
            i = j
        }
        flushLiterals(&literals, bitWidth: bitWidth, into: &out)
    }

    private static func flushLiterals(_ literals: inout [UInt32], bitWidth: Int, into out: inout [UInt8]) {
        guard !literals.isEmpty else { return }
        let groups = (literals.count + 7) / 8
        appendVarint(UInt64(groups) << 1 | 1, to: &out)
        var accumulator: UInt64 = 0
        var bits = 0
        for g in 0..<(groups * 8) {
            let v = g < literals.count ? UInt64(literals[g]) : 0
            accumulator |= v << UInt64(bits)
            bits += bitWidth
            while bits >= 8 {
                out.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                bits -= 8
            }
        }
        if bits > 0 { out.append(UInt8(truncatingIfNeeded: accumulator)) }
        literals.removeAll(keepingCapacity: true)
    }

    static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }
}
