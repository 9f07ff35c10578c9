/// One raw event from an inotify file descriptor.
struct InotifyRawEvent: Sendable, Hashable {
    var watchDescriptor: Int32
    var mask: UInt32
    var cookie: UInt32
    /// The name after the fixed header, without its NUL padding; empty for events about the watched folder itself.
    var name: [UInt8]
}

/// Splits a buffer filled by `read` on an inotify descriptor into events.
///
/// The C `struct inotify_event` ends in a flexible array member (`char name[]`) that Swift does not import, so the
/// buffer is parsed by hand: a 16-byte header (`int wd; uint32_t mask, cookie, len`) in host byte order, then `len`
/// bytes of name, NUL-padded (inotify(7)).
enum InotifyEventParser {
    /// The size of the fixed header.
    static let headerSize = 16

    /// The events in `buffer`. A truncated trailing event (which the kernel never produces) is dropped.
    static func parse(_ buffer: UnsafeRawBufferPointer) -> [InotifyRawEvent] {
        var events: [InotifyRawEvent] = []
        var offset = 0
        while buffer.count - offset >= headerSize {
            let watchDescriptor = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let cookie = buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + headerSize
            guard buffer.count - nameStart >= length else { break }
            var name = Array(buffer[nameStart..<(nameStart + length)])
            if let end = name.firstIndex(of: 0) { name.removeSubrange(end...) }
            events.append(InotifyRawEvent(watchDescriptor: watchDescriptor, mask: mask, cookie: cookie, name: name))
            offset = nameStart + length
        }
        return events
    }
}
