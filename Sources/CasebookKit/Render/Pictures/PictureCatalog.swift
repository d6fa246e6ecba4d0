import Foundation

/// Every file of content/images/ as the site publishes it, with its resized copies made (or found in
/// the cache folder from an earlier build, in which case libvips does no work at all).
struct PictureCatalog: Sendable {
    /// By path under content/images/.
    let pictures: [String: Picture]
    /// How many copies libvips made in this build, and how many were found in the cache.
    let made: Int
    let reused: Int

    static let empty = PictureCatalog(pictures: [:], made: 0, reused: 0)

    /// The picture an address in a story or a front-matter `src` names, if content/images/ has it:
    /// `/images/a%20b.jpg`, `images/a b.jpg` and `a b.jpg` all name `content/images/a b.jpg`.
    func picture(at address: String) -> Picture? {
        var path = address.hasPrefix("/") ? String(address.dropFirst()) : address
        if path.hasPrefix("images/") { path.removeFirst("images/".count) }
        path = String(path.prefix { $0 != "?" && $0 != "#" })
        return pictures[path] ?? path.removingPercentEncoding.flatMap { pictures[$0] }
    }

    /// Reads each picture, checks it, and makes the copies the cache does not hold. One picture at a
    /// time: libvips spreads each one over every core itself, and keeps one error message at a time.
    /// No picture is ever held whole in memory: libvips and the fingerprint read files in pieces.
    static func make(_ images: [String], root: String, settings: ImageSettings, cache: PictureCache,
                     fileSystem: any FileSystem) throws(BuildError) -> PictureCatalog {
        let isVector = { (path: String) in path.lowercased().hasSuffix(".svg") }
        let raster = images.filter { !isVector($0) }
        var pictures: [String: Picture] = [:]
        for path in images where isVector(path) {
            pictures[path] = Picture(path: path, bytes: Int(fileSystem.fileSize(at: root + "/content/images/" + path) ?? 0),
                                     kind: nil, size: nil, copies: [], problem: nil)
        }
        guard !raster.isEmpty else { return PictureCatalog(pictures: pictures, made: 0, reused: 0) }
        let codec: ImageCodec
        do { codec = try ImageCodec() } catch {
            throw BuildError("the picture library (libvips) could not start: \(error.message)",
                             hint: "install it (Debian and Ubuntu: apt-get install libvips42), or remove the pictures from content/images/")
        }
        var made = 0, reused = 0
        for path in raster {
            let file = root + "/content/images/" + path
            let bytes = Int(fileSystem.fileSize(at: file) ?? 0)
            func refused(_ problem: PictureProblem, kind: ImageCodec.Kind? = nil, size: PixelSize? = nil) -> Picture {
                Picture(path: path, bytes: bytes, kind: kind, size: size, copies: [], problem: problem)
            }
            guard let kind = codec.kind(ofFileAt: file) else { pictures[path] = refused(.notAPicture); continue }
            let size: PixelSize
            do { size = try codec.size(ofFileAt: file) } catch {
                pictures[path] = refused(.unreadable(error.message), kind: kind)
                continue
            }
            guard size.pixels <= settings.largestPixels else { pictures[path] = refused(.tooManyPixels(size), kind: kind, size: size); continue }
            let copies: [PictureCopy]
            do {
                copies = kind.isResized ? plan(path, fingerprint: try fileSystem.fingerprint(ofFileAt: file), size: size, kind: kind,
                                               settings: settings) : []
            } catch {
                pictures[path] = refused(.unreadable(OutputWriter.describe(error)), kind: kind, size: size)
                continue
            }
            do {
                let missing = copies.filter { !cache.contains($0.cacheName) }
                reused += copies.count - missing.count
                // The file is decoded once, at the widest copy's size; each narrower size is made from
                // that, and each size is encoded in both formats. Always so, whichever copies the cache
                // already holds, so a copy's bytes never depend on what was made before.
                if let widest = copies.map(\.size).max(by: { $0.width < $1.width }), !missing.isEmpty {
                    let decoded = try codec.decode(fileAt: file, to: widest)
                    for (size, sameSize) in Dictionary(grouping: missing, by: \.size).sorted(by: { $0.key.width > $1.key.width }) {
                        let picture = size == widest ? decoded : try decoded.resized(to: size)
                        for copy in sameSize {
                            try cache.store(picture.encoded(as: copy.format, quality: settings.quality), as: copy.cacheName)
                            made += 1
                        }
                    }
                }
            } catch let failure as ImageCodec.Failure {
                pictures[path] = refused(.damaged(failure.message), kind: kind, size: size)
                continue
            } catch let failure as BuildError {
                throw failure
            } catch {
                throw BuildError("\(error)")
            }
            pictures[path] = Picture(path: path, bytes: bytes, kind: kind, size: size, copies: copies, problem: nil)
        }
        return PictureCatalog(pictures: pictures, made: made, reused: reused)
    }

    /// The copies of a picture: each configured width narrower than the original, and the original's
    /// width capped at the widest configured one (a picture is never enlarged), in WebP and in its own
    /// format. Each is named after the original's bytes, its size, format and quality.
    static func plan(_ path: String, fingerprint source: UInt64, size: PixelSize, kind: ImageCodec.Kind, settings: ImageSettings) -> [PictureCopy] {
        let widths = Set(settings.widths.filter { $0 < size.width } + [min(size.width, settings.largestCopy)]).sorted()
        let formats = [ImageCodec.Format.webp] + (kind.copyFormat.map { $0 == .webp ? [] : [$0] } ?? [])
        let stem = publishedStem(of: path)
        return formats.flatMap { format in
            widths.map { width -> PictureCopy in
                let copySize = size.scaled(toWidth: width)
                var name = FNV1a()
                name.add(source)
                name.add("\(copySize.width)x\(copySize.height) \(format.rawValue) q\(settings.quality)")
                return PictureCopy(size: copySize, format: format, route: "images/\(stem)-\(width)-\(name.hex).\(format.fileExtension)",
                                   cacheName: name.hex + "." + format.fileExtension)
            }
        }
    }

    /// The original's path without its extension, made safe for an address and a `srcset` (which
    /// splits at spaces and commas): lower-case letters, digits and hyphens. `2024/Tutoring Photo.JPG`
    /// → `2024/tutoring-photo`.
    static func publishedStem(of path: String) -> String {
        var parts = path.split(separator: "/").map(String.init)
        let name = parts.removeLast()
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        func safe(_ text: String) -> String {
            let words = text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
            return words.isEmpty ? "picture" : words.joined(separator: "-")
        }
        return (parts.map(safe) + [safe(stem)]).joined(separator: "/")
    }
}

extension FileSystem {
    /// A stable fingerprint (64-bit FNV-1a) of a file's bytes, read a megabyte at a time.
    func fingerprint(ofFileAt path: String) throws -> UInt64 {
        var digest = FNV1a()
        try readFile(at: path, inPiecesOf: 1 << 20) { digest.add($0) }
        return digest.value
    }
}
