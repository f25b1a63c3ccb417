import CLz4

/// Parquet's two LZ4 codecs, through the system's liblz4. LZ4_RAW pages are one LZ4 block.
/// The older LZ4 codec is, in files from parquet-mr (Spark, Hadoop) and from Arrow since 2021,
/// Hadoop's framing: blocks each prefixed by their big-endian uncompressed and compressed sizes.
/// Arrow before 2021 wrote a bare block under the same codec number, so a page that is not valid
/// Hadoop framing is tried as a bare block, as pyarrow does.
enum ParquetLZ4 {
    /// An LZ4 sequence of n bytes emits at most 255·n + 16 or so bytes; no real page inflates by more.
    static let maxRatio = 255

    static func raw(_ input: UnsafeBufferPointer<UInt8>, size: Int, buffer: ParquetPageBuffer) throws -> UnsafeBufferPointer<UInt8> {
        guard size <= input.count * maxRatio + 64 else {
            throw ParquetError.Corrupt("an LZ4 page of \(input.count) bytes claims \(size) bytes uncompressed, more than LZ4 can produce")
        }
        let output = buffer.bytes(size)
        // Exactly `size` bytes produced means every byte of `output` was written.
        guard block(input, into: output) == size else {
            throw ParquetError.Corrupt("an LZ4 page does not decompress to the \(size) bytes its header states")
        }
        return UnsafeBufferPointer(output)
    }

    static func hadoop(_ input: UnsafeBufferPointer<UInt8>, size: Int, buffer: ParquetPageBuffer) throws -> UnsafeBufferPointer<UInt8> {
        guard size <= input.count * maxRatio + 64 else {
            throw ParquetError.Corrupt("an LZ4 page of \(input.count) bytes claims \(size) bytes uncompressed, more than LZ4 can produce")
        }
        let output = buffer.bytes(size)
        // Both paths succeed only when they filled `output` exactly.
        if hadoopFrames(input, into: output) { return UnsafeBufferPointer(output) }
        guard block(input, into: output) == size else {
            throw ParquetError.Corrupt("an LZ4 page is neither Hadoop-framed nor a bare LZ4 block of the \(size) bytes its header states")
        }
        return UnsafeBufferPointer(output)
    }

    /// Bytes written into `out`, or -1 when `input` is not one LZ4 block that fills it exactly.
    private static func block(_ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard input.count <= Int(Int32.max), out.count <= Int(Int32.max) else { return -1 }
        if out.isEmpty { return input.count == 1 && input[0] == 0 ? 0 : (input.isEmpty ? 0 : -1) }
        guard let source = input.baseAddress, let target = out.baseAddress else { return -1 }
        let n = LZ4_decompress_safe(
            UnsafeRawPointer(source).assumingMemoryBound(to: CChar.self),
            UnsafeMutableRawPointer(target).assumingMemoryBound(to: CChar.self),
            Int32(input.count), Int32(out.count))
        return Int(n)
    }

    /// Decodes Hadoop frames until `input` is used up; true only when they fill `out` exactly.
    private static func hadoopFrames(_ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        var position = 0
        var written = 0
        while position < input.count {
            guard input.count - position >= 8 else { return false }
            let expanded = bigEndian32(input, position)
            let compressed = bigEndian32(input, position + 4)
            position += 8
            guard compressed <= input.count - position, expanded <= out.count - written else { return false }
            let source = UnsafeBufferPointer(rebasing: input[position..<(position + compressed)])
            let target = UnsafeMutableBufferPointer(rebasing: out[written..<(written + expanded)])
            guard block(source, into: target) == expanded else { return false }
            position += compressed
            written += expanded
        }
        return written == out.count
    }

    private static func bigEndian32(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> Int {
        Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
    }
}
