import Hummingbird

/// `GET /search` (TEN-4).
struct SearchRoutes: Sendable {
    let simulator: DCSimulator

    func register(on api: RouterGroup<SimRequestContext>) {
        api.get("search") { request, context in
            let op = simulator.operation(context)
            let query = request.queryDictionary
            return JSONResponse.ok(try simulator.withState { try $0.search(query, op) })
        }
    }
}
