import Foundation
@testable import CasebookKit

/// Real picture files made at test time, so no binary is committed: a small PNG written byte by byte
/// (a colour gradient, uncompressed deflate blocks), turned by libvips into a JPEG of any size.
enum TestPictures {
    /// An RGB PNG `width` × `height` with a diagonal colour gradient.
    static func png(width: Int, height: Int) -> Data {
        var raw: [UInt8] = []
        raw.reserveCapacity((width * 3 + 1) * height)
        for y in 0..<height {
            raw.append(0)  // filter: none
            for x in 0..<width {
                raw += [UInt8(x * 255 / max(1, width - 1)), UInt8(y * 255 / max(1, height - 1)), UInt8((x + y) % 256)]
            }
        }
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data()
        header.append(bigEndian: UInt32(width))
        header.append(bigEndian: UInt32(height))
        header.append(contentsOf: [8, 2, 0, 0, 0])  // 8 bits, RGB, deflate, no filter, not interlaced
        png.append(chunk: "IHDR", header)
        png.append(chunk: "IDAT", zlibStored(raw))
        png.append(chunk: "IEND", Data())
        return png
    }

    /// A JPEG `width` × `height` made from the gradient by libvips (enlarged: it is a fixture).
    static func jpeg(width: Int, height: Int) throws -> Data {
        let source = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-gradient-\(UUID().uuidString).png")
        try png(width: 160, height: 120).write(to: source)
        defer { try? FileManager.default.removeItem(at: source) }
        return try ImageCodec().resize(fileAt: source.path, to: PixelSize(width: width, height: height), as: .jpeg, quality: 90)
    }

    /// A JPEG whose header says `width` × `height` though its data is that of a small picture: what
    /// an "image bomb" looks like to a reader of headers.
    static func jpegClaiming(width: Int, height: Int) throws -> Data {
        var bytes = [UInt8](try jpeg(width: 64, height: 48))
        // The frame header (SOF0 ff c0 or SOF2 ff c2): length (2), precision (1), height (2), width (2).
        guard let sof = bytes.indices.dropLast(9).first(where: { bytes[$0] == 0xFF && (bytes[$0 + 1] == 0xC0 || bytes[$0 + 1] == 0xC2) }) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        bytes[sof + 5] = UInt8(height >> 8); bytes[sof + 6] = UInt8(height & 0xFF)
        bytes[sof + 7] = UInt8(width >> 8); bytes[sof + 8] = UInt8(width & 0xFF)
        return Data(bytes)
    }

    /// A JPEG with an EXIF orientation tag, as phones write them: `6` means "turn a quarter to the
    /// right to show", so a picture stored 1000 × 750 is shown 750 × 1000.
    static func jpeg(_ jpeg: Data, orientation: UInt16) -> Data {
        var tiff = Data("MM".utf8) + Data([0x00, 0x2A, 0x00, 0x00, 0x00, 0x08])  // big-endian, first IFD at 8
        tiff += Data([0x00, 0x01])                                                  // one entry
        tiff += Data([0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01])              // Orientation, SHORT, 1 value
        tiff += Data([UInt8(orientation >> 8), UInt8(orientation & 0xFF), 0x00, 0x00])
        tiff += Data([0x00, 0x00, 0x00, 0x00])                                      // no next IFD
        let body = Data("Exif".utf8) + Data([0, 0]) + tiff
        let length = body.count + 2
        let segment = Data([0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)]) + body
        return jpeg.prefix(2) + segment + jpeg.dropFirst(2)
    }

    /// `data` as a zlib stream of stored (uncompressed) deflate blocks.
    private static func zlibStored(_ data: [UInt8]) -> Data {
        var out = Data([0x78, 0x01])
        var offset = 0
        repeat {
            let count = min(65_535, data.count - offset)
            let last = offset + count == data.count
            out.append(last ? 1 : 0)
            out.append(contentsOf: [UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)])
            out.append(contentsOf: data[offset..<offset + count])
            offset += count
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        out.append(bigEndian: (b << 16) | a)
        return out
    }

    fileprivate static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
        }
        return ~crc
    }
}

private extension Data {
    mutating func append(bigEndian value: UInt32) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }

    mutating func append(chunk type: String, _ body: Data) {
        append(bigEndian: UInt32(body.count))
        let typed = Data(type.utf8) + body
        append(typed)
        append(bigEndian: TestPictures.crc32(typed))
    }
}
