/// A stable fingerprint of a file's bytes (64-bit FNV-1a, as hex), to tell that a file changed on disk
/// since the editor opened it. Stable across runs, unlike Swift's seeded `Hasher`.
public enum ContentDigest {
    public static func of<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }

    public static func of(_ text: String) -> String { of(text.utf8) }
}
