/// What an uploaded picture is, by its first bytes (not its name), and a safe name to save it under.
enum ImageUpload {
    static func kind(of bytes: [UInt8]) -> String? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<(offset + prefix.count)]) == prefix
        }
        if starts([0xFF, 0xD8, 0xFF]) { return "JPEG" }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "PNG" }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return "GIF" }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return "WebP" }
        if starts(Array("ftypavif".utf8), at: 4) || starts(Array("ftypavis".utf8), at: 4) { return "AVIF" }
        return nil
    }

    static func extensions(of kind: String) -> [String] {
        switch kind {
        case "JPEG": ["jpg", "jpeg"]
        case "PNG": ["png"]
        case "GIF": ["gif"]
        case "WebP": ["webp"]
        default: ["avif"]
        }
    }

    /// Lower case; letters and digits kept, every other run of characters one hyphen; the extension kept.
    static func safeName(_ fileName: String) -> String {
        let last = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let dot = last.lastIndex(of: ".")
        let stem = dot.map { String(last[..<$0]) } ?? last
        let ext = dot.map { String(last[last.index(after: $0)...]) } ?? ""
        let cleanStem = Slug.make(from: stem)
        let cleanExt = String(ext.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
        return (cleanStem.isEmpty ? "picture" : cleanStem) + (cleanExt.isEmpty ? "" : "." + cleanExt)
    }
}
