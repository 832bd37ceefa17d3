import Foundation
import Hummingbird

/// The facilitator's pages and actions, all under `/f/<token>`: without the token nothing
/// of the groups can be read (403).
struct FacilitatorRoutes {
    let room: Room
    let groupAddress: GroupAddress

    private struct MessageBody: Decodable { var text: String }
    private struct TopicBody: Decodable { var topic: Int }

    func add(to router: Router<RoomContext>) {
        let language = room.language
        router.get("/f/:token") { request, context in
            page(context) { token in
                OverviewPage.render(token: token, groupAddress: groupAddress.value, code: room.identity.code, language: language)
            }
        }
        router.get("/f/:token/plenair") { request, context in
            page(context) { ProjectorPage.render(token: $0, language: language) }
        }
        router.get("/f/:token/verslag") { request, context in
            page(context) { ReportPage.render(token: $0, language: language) }
        }
        router.get("/f/:token/overview.json") { request, context in
            await api(context) { RoomResponses.json(await room.overview()) }
        }
        router.get("/f/:token/events") { request, context in
            await api(context) { EventStream.response(room) }
        }
        router.post("/f/:token/messages") { request, context in
            await api(context) {
                try requireJSON(request)
                let body = try await decode(MessageBody.self, request)
                return RoomResponses.json(try await room.post(message: body.text))
            }
        }
        router.post("/f/:token/groups/:session/topic") { request, context in
            await api(context) {
                try requireJSON(request)
                let body = try await decode(TopicBody.self, request)
                try await room.setTopic(session: context.parameters.get("session") ?? "", topic: body.topic)
                return RoomResponses.json(await room.overview())
            }
        }
        router.get("/f/:token/groups/:session/sheet.html") { request, context in
            await api(context) {
                let model = try await room.sheetModel(context.parameters.get("session") ?? "")
                return RoomResponses.html(RoomSheets.html(model), policy: RoomResponses.documentPolicy)
            }
        }
        router.get("/f/:token/report.html") { request, context in
            await api(context) {
                let text = RoomSheets.report(await room.sheetModels(), language: language, format: .html)
                let download = request.uri.queryParameters.get("download") != nil
                return RoomResponses.file(
                    Array(text.utf8), type: "text/html; charset=utf-8", download: download ? "verslag.html" : nil,
                    policy: RoomResponses.documentPolicy)
            }
        }
        router.get("/f/:token/report.md") { request, context in
            await api(context) {
                let text = RoomSheets.report(await room.sheetModels(), language: language, format: .markdown)
                return RoomResponses.file(Array(text.utf8), type: "text/markdown; charset=utf-8", download: "verslag.md")
            }
        }
    }

    private func authorized(_ context: RoomContext) -> String? {
        let token = context.parameters.get("token") ?? ""
        return room.identity.accepts(token: token) ? room.identity.token : nil
    }

    private func page(_ context: RoomContext, _ render: (String) -> String) -> Response {
        guard let token = authorized(context) else {
            return RoomResponses.html(
                PageLayout.plain(title: "403", message: PageText.forbidden.text(room.language), language: room.language),
                status: .forbidden)
        }
        return RoomResponses.html(render(token))
    }

    private func api(_ context: RoomContext, _ body: () async throws -> Response) async -> Response {
        guard authorized(context) != nil else { return RoomResponses.error(.forbidden("wrong facilitator token")) }
        do {
            return try await body()
        } catch let error as RoomError {
            return RoomResponses.error(error)
        } catch {
            return RoomResponses.error(RoomError(500, "internal error"))
        }
    }

    /// A form on another site cannot send JSON without the browser asking first.
    private func requireJSON(_ request: Request) throws {
        guard request.headers[.contentType]?.hasPrefix("application/json") == true else {
            throw RoomError(415, "send JSON (Content-Type: application/json)")
        }
    }
}
