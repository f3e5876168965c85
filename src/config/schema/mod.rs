//! The schema: one row per setting, the one place a setting is described.
//!
//! The rows are in `table` (the file to edit to add a setting); a row's types are in
//! `row`, the choices it offers in `choices`, the range of a number in `range`.
//!
//! The rows generate the range checks of every plain numeric setting (for one the
//! trainer uses as an f32, of that f32 as well) and of the hidden layers (`check`, run
//! by `validation`), the message for a value of the wrong kind and the list of known
//! keys (`fields`), [`limits`], and what JS reads through `configSchema()` (`export`).
//! Rules that tie settings together stay hand-written in `validation`.
//!
//! Config rows are in the order the address bar writes them; view rows follow it.

mod check;
mod choices;
mod export;
mod range;
mod row;
mod table;

pub(crate) use check::check_rows;
pub use choices::{Choice, Choices};
pub use export::{limits, schema, Limits, Schema};
pub use range::{Precision, Range};
pub use row::{Effect, Kind, Setting};

use table::{SETTINGS, VIEW};

/// Every config setting, in address order.
pub fn settings() -> &'static [Setting] {
    SETTINGS
}

/// Every view option, in address order.
pub fn view() -> &'static [Setting] {
    VIEW
}

/// The config setting called `key`.
pub fn setting(key: &str) -> Option<&'static Setting> {
    SETTINGS.iter().find(|setting| setting.key == key)
}

/// The view option called `key`.
pub fn view_option(key: &str) -> Option<&'static Setting> {
    VIEW.iter().find(|setting| setting.key == key)
}

/// Every config key, in address order.
pub fn keys() -> impl Iterator<Item = &'static str> {
    SETTINGS.iter().map(|setting| setting.key)
}
