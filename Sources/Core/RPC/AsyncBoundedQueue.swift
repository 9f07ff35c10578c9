import NIOCore
import Synchronization

/// A bounded FIFO between one producer task and one consumer task, with a non-suspending `tryPush` for
/// any number of other senders.
///
/// ``push(_:)`` suspends while the queue is full (back-pressure); ``tryPush(_:)`` never suspends and reports a full
/// queue instead, which is how a lagging client is detected without ever blocking the daemon. Task cancellation
/// ends a suspended ``push(_:)`` (returns `false`) or ``next()`` (returns `nil`).
final class AsyncBoundedQueue<Element: Sendable>: Sendable {
    enum TryPushResult: Sendable, Equatable {
        case enqueued
        case full
        case finished
    }

    private struct State {
        var buffer = CircularBuffer<Element>()
        var finished = false
        var consumer: CheckedContinuation<Element?, Never>?
        var producer: CheckedContinuation<Bool, Never>?
    }

    private enum NextAction {
        case resume(Element?, producer: CheckedContinuation<Bool, Never>?)
        case wait
    }

    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int) {
        precondition(capacity > 0, "capacity must be positive")
        self.capacity = capacity
    }

    /// Appends `element`, suspending while the queue is full.
    ///
    /// - Returns: `false` if the queue was finished or the task was cancelled; the element was then dropped.
    func push(_ element: Element) async -> Bool {
        while true {
            switch tryPush(element) {
            case .enqueued: return true
            case .finished: return false
            case .full: break
            }
            let hasSpace = await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                    let resumeNow: Bool? = state.withLock { state in
                        if state.finished || Task.isCancelled { return false }
                        if state.buffer.count < capacity { return true }
                        precondition(state.producer == nil, "AsyncBoundedQueue allows one suspended producer")
                        state.producer = continuation
                        return nil
                    }
                    if let resumeNow { continuation.resume(returning: resumeNow) }
                }
            } onCancel: {
                state.withLock { state in
                    defer { state.producer = nil }
                    return state.producer
                }?.resume(returning: false)
            }
            guard hasSpace else { return false }
        }
    }

    /// Appends `element` if there is room, without suspending.
    @discardableResult
    func tryPush(_ element: Element) -> TryPushResult {
        let (result, consumer): (TryPushResult, CheckedContinuation<Element?, Never>?) = state.withLock { state in
            if state.finished { return (.finished, nil) }
            if let consumer = state.consumer {
                state.consumer = nil
                return (.enqueued, consumer)
            }
            if state.buffer.count >= capacity { return (.full, nil) }
            state.buffer.append(element)
            return (.enqueued, nil)
        }
        consumer?.resume(returning: element)
        return result
    }

    /// The next element, suspending while the queue is empty; `nil` once the queue is finished and drained, or when
    /// the task is cancelled.
    func next() async -> Element? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Element?, Never>) in
                let action: NextAction = state.withLock { state in
                    if let element = state.buffer.popFirst() {
                        defer { state.producer = nil }
                        return .resume(element, producer: state.producer)
                    }
                    if state.finished || Task.isCancelled { return .resume(nil, producer: nil) }
                    precondition(state.consumer == nil, "AsyncBoundedQueue allows one consumer")
                    state.consumer = continuation
                    return .wait
                }
                if case .resume(let element, let producer) = action {
                    producer?.resume(returning: true)
                    continuation.resume(returning: element)
                }
            }
        } onCancel: {
            state.withLock { state in
                defer { state.consumer = nil }
                return state.consumer
            }?.resume(returning: nil)
        }
    }

    /// Ends the queue: later pushes fail; the consumer gets the elements already queued, then `nil`.
    ///
    /// - Parameter discardingQueued: Drop the queued elements too, so the consumer gets `nil` at once.
    func finish(discardingQueued: Bool = false) {
        let (consumer, producer) = state.withLock { state in
            state.finished = true
            if discardingQueued { state.buffer.removeAll() }
            defer {
                state.consumer = nil
                state.producer = nil
            }
            return (state.consumer, state.producer)
        }
        consumer?.resume(returning: nil)
        producer?.resume(returning: false)
    }
}
