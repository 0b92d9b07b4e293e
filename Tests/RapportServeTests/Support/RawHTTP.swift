import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A deliberately dumb HTTP/1.1 client on plain sockets.
///
/// Real clients clean up what the tests need to send as is (`/../x`, `%2e%2e`, odd Host
/// headers, unusual methods), so requests here go out byte for byte as written. Blocking I/O
/// runs on threads of its own, never on Swift's cooperative pool; every socket has a receive
/// timeout so a test fails instead of hanging.
struct RawResponse: Sendable {
    var status: Int
    /// Lowercased names.
    var headers: [String: String]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
}

enum RawHTTP {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func request(port: Int, method: String = "GET", target: String, host: String? = "localhost",
                        extraHeaders: [String] = []) async throws -> RawResponse {
        var lines = ["\(method) \(target) HTTP/1.1"]
        if let host { lines.append("Host: \(host)") }
        lines += extraHeaders + ["Connection: close", "", ""]
        let head = lines.joined(separator: "\r\n")
        return try await onThread {
            let socket = try connect(port: port)
            defer { _ = close(socket) }
            try send(socket, head)
            return try parse(readAll(socket), method: method)
        }
    }

    /// Runs blocking socket work on a thread of its own. Not on Dispatch's global queues: a few
    /// hundred blocked work items there exhaust the threads that Swift concurrency (and so the
    /// server under test) and the builder's `concurrentPerform` need, and everything stalls.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.start()
        }
    }

    static func connect(port: Int, timeoutSeconds: Int = 10) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket() failed") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        _ = setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            _ = close(socket)
            throw Failure(description: "connect to port \(port) failed (errno \(errno))")
        }
        return socket
    }

    static func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "send failed (errno \(errno))") }
            sent += count
        }
    }

    /// One `recv`; empty at end of stream. Throws on timeout.
    static func receive(_ socket: Int32) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { throw Failure(description: "recv failed or timed out (errno \(errno))") }
        return Array(buffer[0..<count])
    }

    static func readAll(_ socket: Int32) throws -> [UInt8] {
        var data: [UInt8] = []
        while true {
            let chunk = try receive(socket)
            if chunk.isEmpty { return data }
            data += chunk
        }
    }

    /// Splits head and body; undoes chunked transfer encoding.
    static func parse(_ data: [UInt8], method: String) throws -> RawResponse {
        guard let end = headEnd(data) else { throw Failure(description: "no complete response head in \(data.count) bytes") }
        let (status, headers) = try parseHead(Array(data[..<end]))
        var body = Array(data[(end + 4)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            var decoder = ChunkDecoder()
            body = decoder.feed(body)
        }
        return RawResponse(status: status, headers: headers, body: method == "HEAD" ? [] : body)
    }

    static func headEnd(_ data: [UInt8]) -> Int? {
        guard data.count >= 4 else { return nil }
        for index in 0...(data.count - 4) where data[index] == 13 && data[index + 1] == 10 && data[index + 2] == 13 && data[index + 3] == 10 {
            return index
        }
        return nil
    }

    static func parseHead(_ bytes: [UInt8]) throws -> (Int, [String: String]) {
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers)
    }
}

/// Incremental decoder for `Transfer-Encoding: chunked`: bytes in, payload out.
struct ChunkDecoder {
    private var buffer: [UInt8] = []
    private var remaining: Int?
    private(set) var finished = false

    mutating func feed(_ bytes: [UInt8]) -> [UInt8] {
        buffer += bytes
        var output: [UInt8] = []
        while !finished {
            if let left = remaining {
                // Payload plus its trailing CRLF.
                guard buffer.count >= left + 2 else { break }
                output += buffer[0..<left]
                buffer.removeFirst(left + 2)
                remaining = nil
            } else {
                guard let lineEnd = (0..<max(0, buffer.count - 1)).first(where: { buffer[$0] == 13 && buffer[$0 + 1] == 10 }) else { break }
                let sizeText = String(decoding: buffer[0..<lineEnd], as: UTF8.self).split(separator: ";")[0]
                buffer.removeFirst(lineEnd + 2)
                let size = Int(sizeText, radix: 16) ?? 0
                if size == 0 { finished = true } else { remaining = size }
            }
        }
        return output
    }
}
