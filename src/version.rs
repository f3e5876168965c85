//! greymatter's own version, and the version of a versioned document (a lesson file, a
//! model file). A document's version is read before any other field, so that a file from
//! a newer greymatter, which may add fields, is refused for its version rather than for
//! a field this build does not know.

use crate::given::Given;

/// greymatter's version, from Cargo.toml: the one place it is written (the npm package,
/// the page and the files it writes all take it from here).
pub const GREYMATTER_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The `writer` field of the files this build writes: "greymatter 0.1.0".
pub fn writer() -> String {
    format!("greymatter {GREYMATTER_VERSION}")
}

/// Refuses `version` of a `document` ("lesson file", "model") unless it is `supported`.
pub fn check_version(document: &str, version: i128, supported: u32) -> Result<(), String> {
    if version == i128::from(supported) {
        return Ok(());
    }
    Err(format!(
        "{document} version {version} is not supported (this build reads version {supported})"
    ))
}

/// [`check_version`] of the `version` field of `given`, when it is a whole number; any
/// other value, or none, is left for reading the whole document to refuse.
pub fn check_given_version(given: &Given, document: &str, supported: u32) -> Result<(), String> {
    match given.get("version") {
        Some(&Given::Integer(version)) => check_version(document, version.into(), supported),
        Some(&Given::Unsigned(version)) => check_version(document, version.into(), supported),
        _ => Ok(()),
    }
}
