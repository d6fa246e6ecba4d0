import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A deliberately plain HTTP/1.1 client over a socket: it sends paths exactly as written (no
/// normalising of `..` or percent-encoding, unlike URLSession), so tests can try to escape the
/// output folder, and it can read an event stream as it arrives.
struct RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    let port: Int
    /// The IPv4 address to connect to (another of this computer's addresses, to be seen as a network client).
    var address = "127.0.0.1"

    func request(_ path: String, method: String = "GET", headers: [String: String] = [:], body: String? = nil) throws -> Response {
        let socket = try connect()
        defer { close(socket) }
        // `Host` is 127.0.0.1 unless the test gives its own.
        var head = "\(method) \(path) HTTP/1.1\r\n" + (headers["Host"] == nil ? "Host: 127.0.0.1:\(port)\r\n" : "") + "Connection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.utf8.count)\r\n" }
        try send(socket, head + "\r\n" + (body ?? ""))
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(buffer, count: count)
        }
        return try Self.parse(String(decoding: received, as: UTF8.self), method: method)
    }

    /// Opens an event stream and returns a reader of its raw text.
    func openStream(_ path: String) throws -> Stream {
        let socket = try connect()
        try send(socket, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        return Stream(socket: socket)
    }

    final class Stream: @unchecked Sendable {  // used by one test at a time
        let socket: Int32
        private(set) var text = ""

        init(socket: Int32) { self.socket = socket }
        deinit { close(socket) }

        /// Reads until `predicate` holds for everything read so far, or the time runs out.
        @discardableResult
        func read(until predicate: @Sendable (String) -> Bool, timeout: Double = 20) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            var buffer = [UInt8](repeating: 0, count: 65536)
            while !predicate(text) {
                if Date() > deadline { return false }
                var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 200) > 0 else { continue }
                let count = recv(socket, &buffer, buffer.count, 0)
                if count <= 0 { return predicate(text) }
                text += String(decoding: buffer[0..<count], as: UTF8.self)
            }
            return true
        }

        /// The number of times `marker` appears in what was read.
        func count(_ marker: String) -> Int { text.components(separatedBy: marker).count - 1 }
    }

    /// A connection that sends nothing (a half-open client); the caller closes it.
    func openIdle() throws -> Int32 { try connect() }

    /// Whether the server has closed `socket` (a read returns end of file rather than timing out).
    static func closedByServer(_ socket: Int32) -> Bool {
        var byte: UInt8 = 0
        return recv(socket, &byte, 1, 0) == 0
    }

    private func connect() throws -> Int32 {
        #if os(Linux)
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(self.address)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                #if os(Linux)
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #else
                Darwin.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #endif
            }
        }
        guard result == 0 else { close(socket); throw POSIXError(.ECONNREFUSED) }
        return socket
    }

    private func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ write(socket, $0.baseAddress, $0.count) }) == bytes.count else { throw POSIXError(.EIO) }
    }

    static func parse(_ raw: String, method: String) throws -> Response {
        guard let split = raw.range(of: "\r\n\r\n") else { throw POSIXError(.EBADMSG) }
        let lines = raw[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = String(raw[split.upperBound...])
        if headers["transfer-encoding"] == "chunked" { body = dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ text: String) -> String {
        var bytes = Substring(text), result = ""
        while let end = bytes.range(of: "\r\n"), let size = Int(bytes[..<end.lowerBound], radix: 16), size > 0 {
            let start = end.upperBound
            let data = bytes.utf8[start...].prefix(size)
            result += String(decoding: data, as: UTF8.self)
            bytes = bytes[bytes.utf8.index(start, offsetBy: size)...].dropFirst(2)
        }
        return result
    }
}
