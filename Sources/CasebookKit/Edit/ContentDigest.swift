import Foundation

/// A stable fingerprint of a file's bytes (64-bit FNV-1a, as hex), to tell that a file changed on disk
/// since the editor opened it. Stable across runs, unlike Swift's seeded `Hasher`.
public enum ContentDigest {
    public static func of(_ data: Data) -> String {
        var digest = FNV1a()
        digest.add(data)
        return digest.hex
    }

    public static func of(_ text: String) -> String {
        var digest = FNV1a()
        digest.add(text)
        return digest.hex
    }
}
