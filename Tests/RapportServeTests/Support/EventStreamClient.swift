import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One Server-Sent Event as received.
struct ReceivedEvent: Sendable {
    var name: String
    var data: String

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] ?? [:]
    }
}

/// Reads `/__rapport/events` over a real socket, the way a browser's EventSource would, and
/// hands out events one by one. `connect` returns once the server has sent its opening comment,
/// i.e. once the subscription exists, so a test can change files right after without racing it.
final class EventStreamClient: Sendable {
    private let socket: SocketHandle
    private let inbox: Inbox

    private init(socket: SocketHandle, inbox: Inbox) {
        self.socket = socket
        self.inbox = inbox
    }

    static func connect(port: Int) async throws -> EventStreamClient {
        let descriptor = try RawHTTP.connect(port: port, timeoutSeconds: 60)
        let socket = SocketHandle(descriptor)
        try RawHTTP.send(descriptor, "GET /__rapport/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
        let inbox = Inbox()
        let opened = Inbox()
        let thread = Thread {
            var parser = EventParser()
            var head: [UInt8] = []
            var decoder = ChunkDecoder()
            var sawHead = false
            while let chunk = try? RawHTTP.receive(descriptor), !chunk.isEmpty {
                var payload = chunk
                if !sawHead {
                    head += chunk
                    guard let end = RawHTTP.headEnd(head) else { continue }
                    sawHead = true
                    payload = Array(head[(end + 4)...])
                }
                let text = decoder.feed(payload)
                if parser.feed(text, emit: { inbox.push($0) }) { opened.push(ReceivedEvent(name: "open", data: "")) }
            }
            // Closed here, by the only thread reading it: closing from `close()` could free the
            // descriptor number while this loop is about to `recv` again, and a new socket that
            // got the same number would have its response read here.
            socket.close()
            opened.finish()
            inbox.finish()
        }
        thread.start()
        guard await opened.next(within: 30) != nil else {
            socket.shutdown()
            throw RawHTTP.Failure(description: "event stream did not open")
        }
        return EventStreamClient(socket: socket, inbox: inbox)
    }

    /// The next event, or nil when none arrives within `seconds` (a deadline, not a pause:
    /// it returns as soon as an event is there).
    func next(within seconds: Double = 20) async -> ReceivedEvent? {
        await inbox.next(within: seconds)
    }

    /// Ends the stream; the reading thread then closes the socket.
    func close() {
        socket.shutdown()
    }
}

/// A socket shut down from one thread and closed by another: the lock keeps a shutdown from
/// reaching a descriptor number that was closed and handed out again.
final class SocketHandle: @unchecked Sendable {
    private let lock = NSLock()
    private let descriptor: Int32
    private var closed = false

    init(_ descriptor: Int32) {
        self.descriptor = descriptor
    }

    func shutdown() {
        lock.withLock {
            if !closed { _ = Glibc.shutdown(descriptor, Int32(SHUT_RDWR)) }
        }
    }

    func close() {
        lock.withLock {
            if !closed { _ = Glibc.close(descriptor) }
            closed = true
        }
    }
}

/// A queue filled by the reading thread, drained by the test; in order, one waiter at a time.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [ReceivedEvent] = []
    private var finished = false
    private var waiter: (id: Int, continuation: CheckedContinuation<ReceivedEvent?, Never>)?
    private var nextID = 0

    func push(_ event: ReceivedEvent) {
        let resume = lock.withLock { () -> CheckedContinuation<ReceivedEvent?, Never>? in
            if let waiter {
                self.waiter = nil
                return waiter.continuation
            }
            queue.append(event)
            return nil
        }
        resume?.resume(returning: event)
    }

    func finish() {
        let resume = lock.withLock { () -> CheckedContinuation<ReceivedEvent?, Never>? in
            finished = true
            defer { waiter = nil }
            return waiter?.continuation
        }
        resume?.resume(returning: nil)
    }

    func next(within seconds: Double) async -> ReceivedEvent? {
        await withCheckedContinuation { continuation in
            let id: Int? = lock.withLock {
                if !queue.isEmpty {
                    continuation.resume(returning: queue.removeFirst())
                    return nil
                }
                if finished {
                    continuation.resume(returning: nil)
                    return nil
                }
                nextID += 1
                waiter = (nextID, continuation)
                return nextID
            }
            guard let id else { return }
            Task {
                try? await Task.sleep(for: .seconds(seconds))
                self.expire(id)
            }
        }
    }

    private func expire(_ id: Int) {
        let resume = lock.withLock { () -> CheckedContinuation<ReceivedEvent?, Never>? in
            guard let waiter, waiter.id == id else { return nil }
            self.waiter = nil
            return waiter.continuation
        }
        resume?.resume(returning: nil)
    }
}

/// `text/event-stream` framing: lines of `field: value`, events end at a blank line; lines
/// starting with `:` are comments (the server's opening line is one).
struct EventParser {
    private var pending = ""
    private var name = "message"
    private var data: [String] = []

    /// Returns true when a comment was seen (the stream is open).
    mutating func feed(_ bytes: [UInt8], emit: (ReceivedEvent) -> Void) -> Bool {
        pending += String(decoding: bytes, as: UTF8.self)
        var sawComment = false
        while let newline = pending.firstIndex(of: "\n") {
            let line = String(pending[..<newline])
            pending.removeSubrange(...newline)
            if line.isEmpty {
                if !data.isEmpty { emit(ReceivedEvent(name: name, data: data.joined(separator: "\n"))) }
                name = "message"
                data = []
            } else if line.hasPrefix(":") {
                sawComment = true
            } else if line.hasPrefix("event:") {
                name = line.dropFirst(6).trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("data:") {
                data.append(String(line.dropFirst(5).drop { $0 == " " }))
            }
        }
        return sawComment
    }
}
