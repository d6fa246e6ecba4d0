import CVips
import Foundation

/// The one place that touches libvips: what kind of picture a file holds, its size from the header
/// alone, and a resized copy. libvips reads each file as a stream (a photo of any size is never held
/// whole in memory) and never parses its name for options, so spaces and brackets are just names.
///
/// Making a codec starts libvips; libvips itself starts only once per process, so codecs can be
/// made freely (one per build) and no Swift global is needed.
struct ImageCodec: Sendable {
    /// What libvips said went wrong, in its own words.
    struct Failure: Error, Sendable, Equatable {
        var message: String
    }

    /// The kinds of picture Casebook reads, by the loader libvips picks from the bytes (not the name).
    enum Kind: String, Sendable, Equatable {
        case jpeg, png, webp, gif, avif

        /// Whether Casebook makes resized copies of it (GIF animations and AVIF are published as they are).
        var isResized: Bool { self == .jpeg || self == .png || self == .webp }

        /// The format its fallback copies are written in: its own.
        var copyFormat: Format? {
            switch self {
            case .jpeg: .jpeg
            case .png: .png
            case .webp: .webp
            case .gif, .avif: nil
            }
        }

        static let loaders: [String: Kind] = [
            "VipsForeignLoadJpegSource": .jpeg, "VipsForeignLoadPngSource": .png, "VipsForeignLoadWebpSource": .webp,
            "VipsForeignLoadGifSource": .gif, "VipsForeignLoadHeifSource": .avif,
        ]
    }

    /// The formats copies are written in.
    enum Format: String, Sendable, CaseIterable {
        case jpeg, png, webp

        var fileExtension: String { self == .jpeg ? "jpg" : rawValue }
        var mimeType: String { "image/" + rawValue }
        fileprivate var vips: CasebookVipsFormat {
            switch self {
            case .jpeg: CASEBOOK_VIPS_JPEG
            case .png: CASEBOOK_VIPS_PNG
            case .webp: CASEBOOK_VIPS_WEBP
            }
        }
    }

    init() throws(Failure) {
        guard casebook_vips_start() == 0 else { throw Self.lastFailure("libvips could not start") }
    }

    /// The kind of picture the file holds, whatever it is called; nil for anything else (text, a PDF,
    /// an SVG: libvips could read some of those, but Casebook does not let it).
    func kind(ofFileAt path: String) -> Kind? {
        let loader = casebook_vips_loader(path)
        casebook_vips_take_error().map { casebook_vips_free($0) }  // "not a known format" is the answer, not an error
        return loader.flatMap { Kind.loaders[String(cString: $0)] }
    }

    /// The picture's size as shown (turned upright), read from its header without decoding it.
    func size(ofFileAt path: String) throws(Failure) -> PixelSize {
        var width: Int32 = 0, height: Int32 = 0
        guard casebook_vips_header(path, &width, &height) == 0, width > 0, height > 0 else {
            throw Self.lastFailure("the picture's header cannot be read")
        }
        return PixelSize(width: Int(width), height: Int(height))
    }

    /// The picture decoded (any damage, such as a cut-off file, is a failure), turned upright and
    /// resized to exactly `size`, held in memory to be encoded or made smaller.
    func decode(fileAt path: String, to size: PixelSize) throws(Failure) -> Decoded {
        var image: UnsafeMutablePointer<VipsImage>?
        guard casebook_vips_decode(path, Int32(size.width), Int32(size.height), &image) == 0, let image else {
            throw Self.lastFailure("the picture cannot be decoded")
        }
        return Decoded(image: image)
    }

    /// A decoded picture in memory, released when the last reference goes.
    final class Decoded {
        fileprivate let image: UnsafeMutablePointer<VipsImage>

        fileprivate init(image: UnsafeMutablePointer<VipsImage>) {
            self.image = image
        }

        deinit { casebook_vips_release(image) }

        /// A smaller copy, `size` exactly.
        func resized(to size: PixelSize) throws(Failure) -> Decoded {
            var output: UnsafeMutablePointer<VipsImage>?
            guard casebook_vips_shrink(image, Int32(size.width), Int32(size.height), &output) == 0, let output else {
                throw ImageCodec.lastFailure("the picture cannot be resized")
            }
            return Decoded(image: output)
        }

        /// The picture written in `format` without metadata, so equal input gives equal bytes.
        func encoded(as format: Format, quality: Int) throws(Failure) -> Data {
            var output: UnsafeMutableRawPointer?
            var length = 0
            guard casebook_vips_encode(image, format.vips, Int32(quality), &output, &length) == 0, let output else {
                throw ImageCodec.lastFailure("the picture cannot be written as \(format.rawValue)")
            }
            defer { casebook_vips_free(output) }
            return Data(bytes: output, count: length)
        }
    }

    /// A resized copy of a picture file in one step (decoded, resized, encoded).
    func resize(fileAt path: String, to size: PixelSize, as format: Format, quality: Int) throws(Failure) -> Data {
        try decode(fileAt: path, to: size).encoded(as: format, quality: quality)
    }

    /// libvips' message for the last failure, first line only and without its internal prefixes.
    fileprivate static func lastFailure(_ fallback: String) -> Failure {
        guard let raw = casebook_vips_take_error() else { return Failure(message: fallback) }
        defer { casebook_vips_free(raw) }
        let lines = String(cString: raw).split(separator: "\n").map { line in
            // "VipsJpeg: Premature end of JPEG file" → "Premature end of JPEG file"
            line.firstRange(of: ": ").map { String(line[$0.upperBound...]) } ?? String(line)
        }
        return Failure(message: lines.first { !$0.isEmpty } ?? fallback)
    }
}

/// A picture's width and height in pixels.
struct PixelSize: Sendable, Hashable {
    var width: Int
    var height: Int

    /// The size of a copy `width` pixels wide with the same proportions (at least 1 × 1).
    func scaled(toWidth newWidth: Int) -> PixelSize {
        PixelSize(width: newWidth, height: max(1, Int((Double(height) * Double(newWidth) / Double(width)).rounded())))
    }

    var pixels: Int { width * height }
}
