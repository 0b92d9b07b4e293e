#if canImport(Glibc)
import Glibc
#endif

/// Finds a port the server can listen on, so "port taken" becomes "using the next one".
///
/// It binds a throwaway socket with the same `SO_REUSEADDR` the server uses, so a port that is
/// only in TIME_WAIT after the previous run counts as free, while a port another program
/// listens on does not. Another program could still take the port between this check and the
/// server's bind; the server then fails with a clear error, which is fine for a preview tool.
enum PortFinder {
    /// The first port in `start ..< start + attempts` that `host` can bind, with the ones skipped.
    static func firstFree(host: String, from start: Int, attempts: Int) -> (port: Int, taken: [Int])? {
        var taken: [Int] = []
        for port in start..<(start + max(1, attempts)) where port <= 65535 {
            if canBind(host: host, port: port) { return (port, taken) }
            taken.append(port)
        }
        return nil
    }

    static func canBind(host: String, port: Int) -> Bool {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        guard getaddrinfo(name, String(port), &hints, &list) == 0, let first = list else { return false }
        defer { freeaddrinfo(list) }
        let socket = Glibc.socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard socket >= 0 else { return false }
        defer { _ = close(socket) }
        var one: Int32 = 1
        _ = setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        return bind(socket, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0
    }
}
