import OnboardSystemd
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Classification of passed descriptors. Taking descriptors from the environment is tested in
/// ``EnvironmentTests``; a real activation needs the descriptors at 3, 4, …, which a test process cannot give up.
@Suite
struct ListenFDsDescriptorTests {
    @Test
    func listeningUnixStreamSocket() throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        // An abstract-namespace address: nothing to clean up on disk.
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let name = Array("\0onboard-listenfds-test-\(getpid())".utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: name) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + name.count)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        try #require(bound == 0)

        let unlistened = ListenFDs.Descriptor(inspecting: fd, name: "onboardd")
        #expect(unlistened.isUnixStream)
        #expect(!unlistened.isUnixStreamListener)

        try #require(listen(fd, 8) == 0)
        let listening = ListenFDs.Descriptor(inspecting: fd, name: "onboardd")
        #expect(listening == ListenFDs.Descriptor(fileDescriptor: fd, name: "onboardd", isUnixStream: true, isUnixStreamListener: true))
    }

    @Test
    func datagramSocketAndPipeAreNotStreamListeners() throws {
        let datagram = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        try #require(datagram >= 0)
        defer { close(datagram) }
        #expect(!ListenFDs.Descriptor(inspecting: datagram, name: "x").isUnixStream)

        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        let pipeEnd = ListenFDs.Descriptor(inspecting: fds[0], name: "x")
        #expect(!pipeEnd.isUnixStream && !pipeEnd.isUnixStreamListener)
    }
}
