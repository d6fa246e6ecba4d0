/// One file of content/images/ as the site publishes it: the original at its own address, and for a
/// photo or drawing Casebook can resize (JPEG, PNG, WebP), copies at a few widths in WebP and in the
/// original's format, named after their content so a browser may keep them for ever.
struct Picture: Sendable, Equatable {
    /// The path under content/images/ (and under /images/ in the output).
    let path: String
    /// The original's size in bytes.
    let bytes: Int
    /// What libvips found the file to be; nil for an SVG (published as it is) or a file that is not a picture.
    let kind: ImageCodec.Kind?
    /// The size as shown, from the header; nil for an SVG or a file that cannot be read.
    let size: PixelSize?
    /// The resized copies, narrowest first; empty when the original is published alone.
    let copies: [PictureCopy]
    /// Why the picture cannot be shown, if it cannot.
    let problem: PictureProblem?

    /// The copies in one format, narrowest first.
    func copies(in format: ImageCodec.Format) -> [PictureCopy] { copies.filter { $0.format == format } }

    /// The format of the copies a browser without WebP gets (the original's own).
    var fallbackFormat: ImageCodec.Format? { kind?.copyFormat }

    /// The copy `<img src>` names, for browsers that read no `srcset`: the widest in the fallback format.
    var fallbackCopy: PictureCopy? { fallbackFormat.flatMap { copies(in: $0).last } }
}

/// A resized copy of a picture.
struct PictureCopy: Sendable, Equatable {
    let size: PixelSize
    let format: ImageCodec.Format
    /// Where it is published, relative to the site root: `images/team-photo-960-3f2a9c81d0b4e5a7.webp`.
    let route: String
    /// What it is kept under in the cache folder: its content's fingerprint and extension.
    let cacheName: String
}

/// Why a file in content/images/ cannot be shown.
enum PictureProblem: Sendable, Equatable {
    /// Not a JPEG, PNG, WebP, GIF or AVIF picture, whatever its name says (text, a PDF, an empty file).
    case notAPicture
    /// Its header cannot be read (libvips' words).
    case unreadable(String)
    /// Its header declares more pixels than `images: largest_pixels:` allows.
    case tooManyPixels(PixelSize)
    /// It could not be decoded: cut off or damaged (libvips' words).
    case damaged(String)
}
