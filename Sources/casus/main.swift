import CasusCLI

// `casus`: every command. `casus room` and `casus play --room` hand themselves to
// `casus-room` (see `RoomNetwork`), so no command here loads the network libraries.
CasusMain.main()
