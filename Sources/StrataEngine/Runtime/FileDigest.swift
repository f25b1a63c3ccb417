import Crypto
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The SHA-256 of a file's bytes, which a saved session records for every file it read, so a
/// replay can say when the data changed.
public enum FileDigest {
    /// Lowercase hex digest, or nil when the file cannot be read. For a folder of Parquet part
    /// files, the digest of the parts' names and digests in name order.
    public static func sha256(path: String) -> String? {
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            guard let parts = try? ParquetParts.files(at: path) else { return nil }
            var listing = ""
            for part in parts {
                guard let digest = sha256(path: part) else { return nil }
                listing += (part.split(separator: "/").last.map(String.init) ?? part) + " " + digest + "\n"
            }
            return hex(SHA256.hash(data: Array(listing.utf8)))
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
        return hex(hasher.finalize())
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
