import Foundation
import Hummingbird

/// Injects the configured faults into `/api/2` requests (§11.2 `rateLimit` and `faults`).
///
/// Order: latency → deterministic `failNext` rules → rate limit (429 + `Retry-After`) → random server errors →
/// the handler → drop-after-commit. Injected errors answer before the handler runs, so they never commit anything;
/// drop-after-commit runs after the handler, so the change is committed and only the response is lost.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = SimRequestContext

    let simulator: DCSimulator

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let config = simulator.configuration
        let path = request.uri.path
        let method = request.method.rawValue
        let isTokenEndpoint = path == "/api/2/idp/token"
        let randomFaultsApply = !isTokenEndpoint || config.faultsIncludeTokenEndpoint

        // Latency (fixed + seeded jitter).
        let latency = config.latencyMs + simulator.faults.integer(upTo: config.latencyJitterMs)
        if latency > 0 { try await Task.sleep(for: .milliseconds(latency)) }

        // Deterministic rules (explicit, so they apply to /idp/token too when they match it).
        if let rule = simulator.takeFailRule(method: method, path: path) {
            switch rule.action ?? .status {
            case .status:
                context.notes.update { $0.fault = "fail_next" }
                let status = rule.status ?? 503
                throw APIError(status: status, code: rule.errorCode ?? status, "Injected fault: fail-next rule for \(method) \(rule.absolutePrefix)")
            case .drop:
                context.notes.update {
                    $0.fault = "fail_next_drop"
                    $0.dropped = true
                }
                try await context.channel.close()
                return Response(status: .serviceUnavailable)
            case .delay:
                context.notes.update { $0.fault = "fail_next_delay" }
                try await Task.sleep(for: .milliseconds(rule.delayMs ?? 0))
            }
        }

        // Rate limit: token bucket per caller.
        if config.rateLimitRps > 0 && randomFaultsApply {
            let key = simulator.rateLimitKey(for: request)
            if let wait = simulator.faults.rateLimit(
                key: key,
                rate: config.rateLimitRps,
                burst: config.rateLimitBurst,
                at: simulator.clock.now()
            ) {
                context.notes.update { $0.fault = "rate_limit" }
                let seconds = config.retryAfterSeconds ?? max(1, Int(wait.rounded(.up)))
                var headers: HTTPFields = [:]
                switch config.retryAfterMode {
                case .seconds: headers[.retryAfter] = String(seconds)
                case .httpDate:
                    headers[.retryAfter] = Timestamp.httpDate(simulator.clock.now().addingTimeInterval(TimeInterval(seconds)))
                case .absent: break
                }
                throw APIError(
                    status: 429,
                    "Too many requests: the limit is \(config.rateLimitRps) requests per second with a burst of \(config.rateLimitBurst); retry in \(seconds) s",
                    headers: headers
                )
            }
        }

        // Random server errors (seeded).
        if config.errorRate > 0 && randomFaultsApply && simulator.faults.unit() < config.errorRate {
            context.notes.update { $0.fault = "error_rate" }
            throw APIError(status: config.errorStatus, "Injected fault: random server error (errorRate \(config.errorRate))")
        }

        let response = try await next(request, context)

        // Commit then drop the connection without any response bytes.
        if (200..<300).contains(response.status.code), simulator.takeDropAfterCommit(route: "\(method) \(path)") {
            context.notes.update {
                $0.fault = "drop_after_commit"
                $0.dropped = true
            }
            try await context.channel.close()
        }
        return response
    }
}
