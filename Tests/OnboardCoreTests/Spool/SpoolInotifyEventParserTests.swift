#if os(Linux)
import Glibc
import Testing

@testable import OnboardCore

@Suite("inotify event parsing")
struct SpoolInotifyEventParserTests {
    /// One event as the kernel lays it out: header in host byte order, then the name NUL-padded to `length`.
    private func bytes(wd: Int32, mask: UInt32, cookie: UInt32 = 0, name: String, length: Int? = nil) -> [UInt8] {
        var out: [UInt8] = []
        withUnsafeBytes(of: wd) { out += $0 }
        withUnsafeBytes(of: mask) { out += $0 }
        withUnsafeBytes(of: cookie) { out += $0 }
        let nameBytes = Array(name.utf8)
        let padded = length ?? (nameBytes.isEmpty ? 0 : (nameBytes.count / 16 + 1) * 16)
        withUnsafeBytes(of: UInt32(padded)) { out += $0 }
        out += nameBytes + [UInt8](repeating: 0, count: padded - nameBytes.count)
        return out
    }

    @Test("several events with padded names are split and their names read from after the header")
    func parsesSeveral() {
        let buffer =
            bytes(wd: 1, mask: UInt32(IN_MOVED_TO), cookie: 7, name: "a.json")
            + bytes(wd: 1, mask: UInt32(IN_Q_OVERFLOW), name: "")
            + bytes(wd: 1, mask: UInt32(IN_CLOSE_WRITE), name: "a-much-longer-name-than-sixteen.json")
        let events = buffer.withUnsafeBytes { InotifyEventParser.parse($0) }
        #expect(events.count == 3)
        #expect(events[0] == InotifyRawEvent(watchDescriptor: 1, mask: UInt32(IN_MOVED_TO), cookie: 7, name: Array("a.json".utf8)))
        #expect(events[1].name.isEmpty && events[1].mask == UInt32(IN_Q_OVERFLOW))
        #expect(events[2].name == Array("a-much-longer-name-than-sixteen.json".utf8))
    }

    @Test("a truncated trailing event is dropped")
    func dropsTruncated() {
        var buffer = bytes(wd: 1, mask: UInt32(IN_MOVED_TO), name: "a.json")
        buffer += bytes(wd: 1, mask: UInt32(IN_MOVED_TO), name: "b.json").prefix(20)
        let events = buffer.withUnsafeBytes { InotifyEventParser.parse($0) }
        #expect(events.map(\.name) == [Array("a.json".utf8)])
    }

    @Test("overflow is delivered, dot names and nameless events skipped, IN_IGNORED ends the watch")
    func dispositions() {
        func raw(_ mask: Int32, _ name: String) -> InotifyRawEvent {
            InotifyRawEvent(watchDescriptor: 1, mask: UInt32(mask), cookie: 0, name: Array(name.utf8))
        }
        #expect(InotifyWatcher.disposition(of: raw(IN_Q_OVERFLOW, "")) == .deliver(.overflow))
        #expect(InotifyWatcher.disposition(of: raw(IN_MOVED_TO, "x.json")) == .deliver(.file("x.json")))
        #expect(InotifyWatcher.disposition(of: raw(IN_CLOSE_WRITE, "x.json")) == .deliver(.file("x.json")))
        #expect(InotifyWatcher.disposition(of: raw(IN_MOVED_TO | IN_ISDIR, "folder")) == .deliver(.file("folder")))
        #expect(InotifyWatcher.disposition(of: raw(IN_CLOSE_WRITE, ".tmp-1234.json")) == .skip)
        #expect(InotifyWatcher.disposition(of: raw(IN_MOVED_TO, "")) == .skip)
        #expect(InotifyWatcher.disposition(of: raw(IN_IGNORED, "")) == .end)
        #expect(InotifyWatcher.disposition(of: raw(IN_UNMOUNT, "")) == .end)
    }

    @Test("IN_CREATE is delivered only for entries that are not regular files")
    func createdEntries() {
        func created(_ name: String, mask: Int32 = IN_CREATE, regular: Bool) -> InotifyWatcher.Disposition {
            InotifyWatcher.disposition(
                of: InotifyRawEvent(watchDescriptor: 1, mask: UInt32(mask), cookie: 0, name: Array(name.utf8)), isRegularFile: { _ in regular })
        }
        #expect(created("link.json", regular: false) == .deliver(.file("link.json")))
        #expect(created("being-written.json", regular: true) == .skip)
        #expect(created("folder", mask: IN_CREATE | IN_ISDIR, regular: true) == .deliver(.file("folder")))
        #expect(created(".tmp-link", regular: false) == .skip)
    }
}
#endif
