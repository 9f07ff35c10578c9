import Logging
import NIOCore

/// One accepted control connection: reads NDJSON requests, answers them one at a time and in order, and streams
/// notifications.
///
/// Three child tasks share two bounded queues:
/// - the reader splits lines (at most `maximumLineLength` bytes), parses them and pushes them into `requests`
///   (suspending when `pipelineLimit` requests wait, which stops reading from the socket);
/// - the processor answers each request in order and pushes the response into `outbox` (suspending while it is
///   full); handlers push notifications into `outbox` without suspending, through ``RPCStream``;
/// - the writer drains `outbox` into the channel.
///
/// The connection ends when the writer has drained everything after the reader saw end of input (the client's
/// half-close is honoured: queued requests are still answered), when a write fails (the client left), when a
/// streaming client overflows the outbox, or when the task is cancelled (server shutdown).
struct ControlConnection: Sendable {
    enum Inbound: Sendable {
        case request(RPCRequest)
        case invalid(RPCFailure)
        /// Answer, then close the connection.
        case fatal(RPCFailure)
    }

    private enum Role: Sendable {
        case reader, processor, writer, dropped
    }

    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
    let peer: PeerCredentials
    let handler: any ControlRequestHandler
    let policy: ControlAccessPolicy
    let configuration: ControlSocketServer.Configuration
    let logger: Logger

    func run() async {
        do {
            try await channel.executeThenClose { inbound, outbound in
                let requests = AsyncBoundedQueue<Inbound>(capacity: configuration.pipelineLimit)
                let outbox = AsyncBoundedQueue<ByteBuffer>(capacity: configuration.outboundBufferLimit)
                let inputClosed = AsyncLatch()
                let dropped = AsyncLatch()
                await withThrowingTaskGroup(of: Role.self) { group in
                    group.addTask {
                        await read(inbound, into: requests)
                        inputClosed.open()
                        return .reader
                    }
                    group.addTask {
                        await process(requests, outbox: outbox, inputClosed: inputClosed, dropped: dropped)
                        outbox.finish()
                        return .processor
                    }
                    group.addTask {
                        while let line = await outbox.next() {
                            try await outbound.write(line)
                        }
                        return .writer
                    }
                    group.addTask {
                        await dropped.wait()
                        return .dropped
                    }
                    do {
                        while let role = try await group.next() {
                            if role == .writer || role == .dropped { break }
                        }
                    } catch {
                        logger.debug("control connection write failed", metadata: ["error": "\(error)"])
                    }
                    requests.finish(discardingQueued: true)
                    outbox.finish(discardingQueued: true)
                    group.cancelAll()
                }
            }
        } catch {
            logger.debug("control connection ended with an error", metadata: ["error": "\(error)"])
        }
    }

    // MARK: Reader

    private func read(_ inbound: NIOAsyncChannelInboundStream<ByteBuffer>, into requests: AsyncBoundedQueue<Inbound>)
        async
    {
        let limit = configuration.maximumLineLength
        let oversize = RPCFailure(
            id: .null,
            error: .invalidRequest.with(
                message: "request line longer than \(limit) bytes; send one JSON object per line, "
                    + "at most \(limit) bytes; closing the connection",
                details: ["maximumLineLength": .integer(limit)]
            )
        )
        do {
            for try await line in inbound.splitLines(omittingEmptySubsequences: true, maximumBufferSize: limit) {
                if line.readableBytes > limit {
                    _ = await requests.push(.fatal(oversize))
                    break
                }
                let item: Inbound =
                    switch RPCWireFormat.request(from: line) {
                    case .success(let request): .request(request)
                    case .failure(let failure): .invalid(failure)
                    }
                guard await requests.push(item) else { break }
            }
        } catch is ByteToMessageDecoderError.PayloadTooLargeError {
            _ = await requests.push(.fatal(oversize))
        } catch {
            logger.debug("control connection read failed", metadata: ["error": "\(error)"])
        }
        requests.finish()
    }

    // MARK: Processor

    private func process(
        _ requests: AsyncBoundedQueue<Inbound>,
        outbox: AsyncBoundedQueue<ByteBuffer>,
        inputClosed: AsyncLatch,
        dropped: AsyncLatch
    ) async {
        while let item = await requests.next() {
            switch item {
            case .invalid(let failure):
                guard await outbox.push(RPCWireFormat.responseLine(.error(failure.error, id: failure.id))) else {
                    return
                }
            case .fatal(let failure):
                _ = await outbox.push(RPCWireFormat.responseLine(.error(failure.error, id: failure.id)))
                return
            case .request(let request):
                guard await call(request, outbox: outbox, inputClosed: inputClosed, dropped: dropped) else { return }
            }
        }
    }

    /// Runs one call and queues its response. Returns `false` if the connection is gone.
    private func call(
        _ request: RPCRequest,
        outbox: AsyncBoundedQueue<ByteBuffer>,
        inputClosed: AsyncLatch,
        dropped: AsyncLatch
    ) async -> Bool {
        func respond(_ result: Result<JSONValue, RPCError>) async -> Bool {
            guard let id = request.id else { return true }
            let response: RPCResponse =
                switch result {
                case .success(let value): .result(value, id: id)
                case .failure(let error): .error(error, id: id)
                }
            return await outbox.push(RPCWireFormat.responseLine(response))
        }

        guard let tier = handler.tier(of: request.method) else {
            return await respond(
                .failure(
                    .methodNotFound.with(
                        message: "onboardd has no method \"\(request.method)\"; check the spelling, and that "
                            + "onboardctl and onboardd are the same version (`onboardctl daemon status`)",
                        details: ["method": .string(request.method)]
                    )
                )
            )
        }
        // Group lookups (getpwuid_r, getgrouplist) may block on a network user database: off the cooperative pool.
        let policy = self.policy
        let peerCredentials = self.peer
        let method = request.method
        let decision = await BlockingIOQueue.userDatabase.run { () -> Result<Void, RPCError> in
            Result { () throws(RPCError) in try policy.authorize(peerCredentials, method: method, tier: tier) }
        }
        if case .failure(let error) = decision {
            logger.notice(
                "control call refused",
                metadata: ["method": "\(request.method)", "uid": "\(peer.uid)", "pid": "\(peer.pid)"]
            )
            return await respond(.failure(error))
        }
        if tier >= .write {
            logger.info(
                "control call",
                metadata: ["method": "\(request.method)", "uid": "\(peer.uid)", "pid": "\(peer.pid)"]
            )
        }
        let streaming = handler.isStreaming(request)
        if streaming && inputClosed.isOpen {
            return await respond(
                .failure(.unavailable.with(message: "the client closed its side before the streaming call started"))
            )
        }

        let gate = RPCStream.Gate()
        let stream = RPCStream(outbox: outbox, gate: gate, onOverflow: { dropped.open() })
        let handler = self.handler
        let peer = self.peer
        let limit = streaming ? nil : configuration.requestTimeLimit
        return await withTaskGroup(of: Result<JSONValue, RPCError>?.self) { group in
            group.addTask {
                do throws(RPCError) {
                    return .success(try await handler.handle(request, peer: peer, stream: stream))
                } catch {
                    return .failure(error)
                }
            }
            if let limit {
                group.addTask {
                    do {
                        try await Task.sleep(for: limit)
                    } catch {
                        return nil
                    }
                    return .failure(
                        .timedOut.with(
                            message: "\(request.method) did not finish within \(limit); it was cancelled. Retry, "
                                + "and check `journalctl -u onboardd` if it keeps happening",
                            details: ["method": .string(request.method)]
                        )
                    )
                }
            }
            if streaming {
                group.addTask {
                    await inputClosed.wait()
                    if Task.isCancelled { return nil }
                    return .failure(.unavailable.with(message: "the client closed the connection"))
                }
            }
            var outcome: Result<JSONValue, RPCError> = .failure(
                .unavailable.with(message: "onboardd is shutting down; retry once it is back")
            )
            while let next = await group.next() {
                if let next {
                    outcome = next
                    break
                }
            }
            // No notification may follow the response.
            gate.close()
            let delivered = await respond(outcome)
            group.cancelAll()
            return delivered
        }
    }
}
