/// The version of casus. `casus --version` prints it, and `make deb` reads the package
/// version off the built binary, so this is the one place it is written.
enum CasusVersion {
    static let current = "0.1.0"
}
