extension ControlSocketServer {
    /// Limits and the endpoint of a ``ControlSocketServer``.
    public struct Configuration: Sendable {
        /// Where to listen.
        public var endpoint: ControlSocketEndpoint
        /// The longest accepted request line in bytes, without its newline. Defaults to 1 MiB. A longer line is
        /// answered with `-32600` and the connection is closed.
        public var maximumLineLength: Int
        /// How many connections are served at once. Defaults to 64. Further clients get an `io.onboard.Busy` error
        /// (id `null`) and are disconnected.
        public var maximumConnections: Int
        /// How long a non-streaming call may take before it is cancelled and answered with `io.onboard.Timeout`.
        /// Defaults to 60 seconds; `nil` means no limit.
        public var requestTimeLimit: Duration?
        /// How many outbound messages (notifications and responses) may wait for a slow client. Defaults to 1024.
        /// A streaming call that overflows it gets its client disconnected.
        public var outboundBufferLimit: Int
        /// How many requests are read ahead of the one being answered (pipelining). Defaults to 16; beyond it the
        /// server stops reading from that client until it catches up.
        public var pipelineLimit: Int

        /// Creates a configuration; see the properties for the defaults.
        public init(
            endpoint: ControlSocketEndpoint,
            maximumLineLength: Int = 1 << 20,
            maximumConnections: Int = 64,
            requestTimeLimit: Duration? = .seconds(60),
            outboundBufferLimit: Int = 1024,
            pipelineLimit: Int = 16
        ) {
            self.endpoint = endpoint
            self.maximumLineLength = maximumLineLength
            self.maximumConnections = maximumConnections
            self.requestTimeLimit = requestTimeLimit
            self.outboundBufferLimit = outboundBufferLimit
            self.pipelineLimit = pipelineLimit
        }
    }
}
