//! The version of a versioned document (a lesson file, a model file). It is read before
//! any other field, so that a file from a newer greymatter, which may add fields, is
//! refused for its version rather than for a field this build does not know.

use crate::given::Given;

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
