//! Class names written so that a spreadsheet opening the CSV shows them as text instead
//! of running them as formulas (OWASP's advice on CSV injection): a name that starts
//! with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'` in front. A name
//! that already starts with quotes before such a character gets one more, so reading
//! takes exactly one quote off and every name reads back as it was.

/// The characters a spreadsheet may read as the start of a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `text` is quotes (any number) and then a formula's first character.
fn quotes_then_formula(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// `name` as a CSV cell: with a `'` in front when a spreadsheet could run it.
pub(super) fn inert(name: &str) -> String {
    match quotes_then_formula(name) {
        true => format!("'{name}"),
        false => name.to_string(),
    }
}

/// The name an [`inert`] cell was written from: one leading `'` taken off a cell that
/// is one or more quotes and then a formula's first character.
pub(super) fn name_of(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if quotes_then_formula(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_quote_is_added_and_taken_off() {
        for name in ["=1", "''-x", "'=x", "red", "'red", "'", "", "a=b"] {
            assert_eq!(name_of(&inert(name)), name);
        }
        assert_eq!(inert("=1"), "'=1");
        assert_eq!(inert("'=1"), "''=1");
        assert_eq!(inert("'red"), "'red");
    }
}
