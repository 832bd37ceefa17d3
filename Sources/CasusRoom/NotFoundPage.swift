import CasusCore
import Hummingbird

/// A path the room does not have: a page that says so in the room's language (a person
/// who mistyped the facilitator's link or opened a half-copied one), or the room's JSON
/// error for the groups' API, instead of an empty 404.
struct NotFoundPage: RouterMiddleware {
    typealias Context = RoomContext
    let language: Language

    func handle(_ request: Request, context: RoomContext, next: (Request, RoomContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            if request.uri.path.hasPrefix("/api/") { return RoomResponses.error(.notFound("no such path")) }
            return RoomResponses.html(
                PageLayout.plain(title: "404", message: PageText.notFound.text(language), language: language), status: .notFound)
        }
    }
}
