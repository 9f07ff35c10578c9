import OnboardSystemd
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

@Suite
struct JournalStreamTests {
    @Test
    func parsesDevColonInode() {
        #expect(JournalStream(environmentValue: "8:123456") == JournalStream(device: 8, inode: 123_456))
        #expect(JournalStream(environmentValue: "") == nil)
        #expect(JournalStream(environmentValue: "8") == nil)
        #expect(JournalStream(environmentValue: "8:") == nil)
        #expect(JournalStream(environmentValue: "8:1:2") == nil)
        #expect(JournalStream(environmentValue: "x:1") == nil)
    }

    @Test
    func matchesOnlyTheSameDeviceAndInode() {
        let stream = JournalStream(device: 8, inode: 99)
        #expect(JournalStream.matches(environmentValue: "8:99", standardError: stream))
        #expect(!JournalStream.matches(environmentValue: "8:98", standardError: stream))
        #expect(!JournalStream.matches(environmentValue: "9:99", standardError: stream))
        #expect(!JournalStream.matches(environmentValue: nil, standardError: stream))
        #expect(!JournalStream.matches(environmentValue: "garbage", standardError: stream))
        #expect(!JournalStream.matches(environmentValue: "8:99", standardError: nil))
    }

    @Test
    func fstatOfARealDescriptor() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        let own = try #require(JournalStream(fileDescriptor: fds[1]))
        var info = stat()
        try #require(fstat(fds[1], &info) == 0)
        #expect(own == JournalStream(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
        #expect(JournalStream.matches(environmentValue: "\(own.device):\(own.inode)", standardError: own))
        #expect(JournalStream(fileDescriptor: -1) == nil)
    }
}
