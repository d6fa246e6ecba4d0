import Foundation

/// Maps the path of a request to a file in the output folder, and refuses anything that could reach
/// outside it: `..` and `.` segments (plain or percent-encoded), backslashes, NUL bytes, malformed
/// percent-encoding, hidden files, and symbolic links that lead out of the folder.
public struct RequestPath: Sendable {
    public enum Resolution: Equatable, Sendable {
        /// Serve this file (absolute path).
        case file(String)
        /// Send the browser here instead (a folder without its trailing slash, the site's base path).
        case redirect(String)
        case notFound
        /// A path that tries to leave the output folder or is not a valid path at all.
        case refused
    }

    /// The output folder with symbolic links resolved.
    public let folder: String
    /// The site's path under the server root, starting and ending in `/`: `/` or `/showcase/`.
    public let basePath: String

    public init(folder: String, basePath: String) {
        self.folder = Self.realPath(folder) ?? folder
        self.basePath = basePath
    }

    public func resolve(_ rawPath: String) -> Resolution {
        // Refuse what no page of ours links to before decoding, then again after it.
        if rawPath.contains("\\") || rawPath.contains("\0") { return .refused }
        guard let path = rawPath.removingPercentEncoding, !path.contains("\\"), !path.contains("\0"), path.hasPrefix("/")
        else { return .refused }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .refused }

        if basePath != "/" {
            if path == "/" || path + "/" == basePath { return .redirect(basePath) }
            guard path.hasPrefix(basePath) else { return .notFound }
        }
        let relative = segments.dropFirst(basePath.split(separator: "/").count)
        if relative.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        var candidate = folder + (relative.isEmpty ? "" : "/" + relative.joined(separator: "/"))
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            // Rebuilt from the segments: `//tags` must not become `//tags/`, which a browser reads as
            // the host `tags` (an open redirect).
            if !rawPath.hasSuffix("/") {
                return .redirect("/" + rawPath.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/") + "/")
            }
            candidate += "/index.html"
        }
        // The file, with every link in its path followed, must still be inside the folder.
        guard let real = Self.realPath(candidate) else { return .notFound }
        guard real.hasPrefix(folder + "/") else { return .refused }
        var realIsDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &realIsDirectory), !realIsDirectory.boolValue
        else { return .notFound }
        return .file(real)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
