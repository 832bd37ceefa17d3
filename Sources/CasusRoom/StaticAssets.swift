import CasusCore
import Hummingbird

/// The page's one script and one stylesheet, compiled into the binary: the pages need
/// nothing from the internet and nothing from the disk.
struct StaticAssets {
    func add(to router: Router<RoomContext>, language: Language) {
        router.get("/static/room.js") { _, _ in
            RoomResponses.file(PackageResources.room_js, type: "text/javascript; charset=utf-8")
        }
        router.get("/static/room.css") { _, _ in
            RoomResponses.file(PackageResources.room_css, type: "text/css; charset=utf-8")
        }
        router.get("/") { _, _ in
            RoomResponses.html(PageLayout.plain(title: "casus", message: PageText.home.text(language), language: language))
        }
    }
}
