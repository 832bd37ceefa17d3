import CasusCLI

// `casus-room`: the same command line as `casus`, with the room's network half in place.
// `casus` starts it for `casus room` and `casus play --room`; nobody needs to call it.
RoomNetworks.$installed.withValue(CasusRoomNetwork()) {
    CasusMain.main()
}
