//! The text level of a CSV: numbered lines, the separator, the fields of a line (with
//! double quotes) and decimal numbers.
//!
//! Hand-written rather than with csv-core: the files are one point a line, so a line
//! splitter of some fifty lines does the whole job and keeps the person's line numbers
//! without bookkeeping. It also trims blanks around a quoted field (`1.5, "red"`), which
//! csv-core reads as the text ` "red"`, and refuses an unclosed quote or text after a
//! closing one, which csv-core lets pass; with csv-core the wasm was 1.1 KB larger
//! (0.4 KB gzipped).

/// The lines of `text`, numbered from 1 as an editor numbers them: a line ends at
/// `\n`, `\r\n` or `\r`.
pub(super) fn numbered_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text;
    let mut number = 0;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        number += 1;
        let end = rest.find(['\r', '\n']).unwrap_or(rest.len());
        let (line, after) = rest.split_at(end);
        rest = after
            .strip_prefix("\r\n")
            .or_else(|| after.strip_prefix(['\r', '\n']))
            .unwrap_or(after);
        Some((number, line))
    })
}

/// The separator of `line`: whichever of tab, semicolon and comma it has most of
/// outside quotes (a tie goes to the first of them), a comma when it has none.
pub(super) fn separator_of(line: &str) -> char {
    const SEPARATORS: [char; 3] = ['\t', ';', ','];
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if let Some(index) = SEPARATORS.iter().position(|&s| s == c && !quoted) {
            counts[index] += 1;
        }
    }
    let best = (0..3).rev().max_by_key(|&index| counts[index]).unwrap_or(2);
    if counts[best] == 0 {
        ','
    } else {
        SEPARATORS[best]
    }
}

/// A line whose fields could not be read: the index of the field (from 0) and why.
pub(super) type FieldError = (usize, &'static str);

/// The fields of `line` split at `separator`, blanks around each trimmed. A field in
/// double quotes keeps its text exactly, `""` standing for one `"`; it ends on its line.
pub(super) fn split_fields(line: &str, separator: char) -> Result<Vec<String>, FieldError> {
    let blank = move |c: char| c != separator && c.is_whitespace();
    let mut fields = Vec::new();
    let mut rest = line;
    loop {
        let index = fields.len();
        rest = rest.trim_start_matches(blank);
        if let Some(inner) = rest.strip_prefix('"') {
            let (text, after) = unquote(inner).ok_or((
                index,
                "the quote that opens here is not closed on this line",
            ))?;
            rest = after.trim_start_matches(blank);
            if !(rest.is_empty() || rest.starts_with(separator)) {
                return Err((index, "text follows the closing quote"));
            }
            fields.push(text);
        } else {
            let end = rest.find(separator).unwrap_or(rest.len());
            fields.push(rest[..end].trim_end_matches(blank).to_string());
            rest = &rest[end..];
        }
        match rest.strip_prefix(separator) {
            Some(after) => rest = after,
            None => return Ok(fields),
        }
    }
}

/// The text of a quoted field that starts at `inner` (after its opening quote) and the
/// rest of the line after its closing quote, or `None` when the quote is not closed.
fn unquote(inner: &str) -> Option<(String, &str)> {
    let mut text = String::new();
    let mut rest = inner;
    loop {
        let end = rest.find('"')?;
        text.push_str(&rest[..end]);
        rest = &rest[end + 1..];
        match rest.strip_prefix('"') {
            Some(after) => {
                text.push('"');
                rest = after;
            }
            None => return Some((text, rest)),
        }
    }
}

/// `text` as a number when it is written in decimals (`-1.5`, `−1.5`, `2e-3`, `.5`), or
/// `None` (`NaN`, `inf`, hex, empty, too large). With `decimal_comma`, `1,5` is 1.5.
///
/// Hand-written rather than `str::parse::<f64>`, whose exactly rounded algorithm and
/// tables add some 16 KB (gzipped) to the wasm. Up to 15 significant digits (an exact
/// `f64`) and a power of ten up to 10²² — any coordinate a person writes — the value is
/// the one correctly rounded `digits ÷ 10ᵏ` (or `× 10ᵏ`), so it equals what `parse`
/// gives; beyond that it may differ in the last bit, far below the stored thousandths.
pub(super) fn number(text: &str, decimal_comma: bool) -> Option<f64> {
    let (negative, unsigned) = match text.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (decimals, power) = match unsigned.split_once(['e', 'E']) {
        Some((decimals, power)) => (decimals, power.parse::<i32>().ok()?),
        None => (unsigned, 0),
    };
    let point: &[char] = if decimal_comma { &['.', ','] } else { &['.'] };
    let (whole, fraction) = decimals.split_once(point).unwrap_or((decimals, ""));
    let digits_only = |part: &str| part.bytes().all(|c| c.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !digits_only(whole) || !digits_only(fraction) {
        return None;
    }
    // 18 significant digits fit a u64 exactly; each one past them only moves the point.
    let mut exponent = power.saturating_sub(fraction.len() as i32);
    let mut digits = 0u64;
    for c in whole.bytes().chain(fraction.bytes()) {
        if digits < 100_000_000_000_000_000 {
            digits = digits * 10 + u64::from(c - b'0');
        } else {
            exponent = exponent.saturating_add(1);
        }
    }
    let magnitude = times_ten_to(digits as f64, exponent);
    Some(if negative { -magnitude } else { magnitude }).filter(|value| value.is_finite())
}

/// `value` × 10^`exponent`, exactly rounded while |exponent| ≤ 22 (10²² is the last
/// power of ten an `f64` holds exactly).
fn times_ten_to(mut value: f64, mut exponent: i32) -> f64 {
    while exponent != 0 && value != 0.0 && value.is_finite() {
        let step = exponent.clamp(-22, 22);
        let power = (0..step.unsigned_abs()).fold(1.0, |power, _| power * 10.0);
        value = if step > 0 {
            value * power
        } else {
            value / power
        };
        exponent -= step;
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_at_any_line_end() {
        let lines: Vec<_> = numbered_lines("a\r\nb\rc\n\nd\n").collect();
        assert_eq!(lines, [(1, "a"), (2, "b"), (3, "c"), (4, ""), (5, "d")]);
    }

    #[test]
    fn the_separator_is_the_most_frequent_outside_quotes() {
        assert_eq!(separator_of("x1\tx2\tlabel"), '\t');
        assert_eq!(separator_of("1,5;2,5;red"), ';');
        assert_eq!(separator_of("1,2,\"a;b;c\""), ',');
        assert_eq!(separator_of("x1"), ',');
    }

    #[test]
    fn quoted_fields_keep_their_text() {
        let fields = split_fields(r#" 1.5 , "say ""hi"", then" ,  "" ,x"#, ',').unwrap();
        assert_eq!(fields, ["1.5", r#"say "hi", then"#, "", "x"]);
        assert_eq!(split_fields("1\t 2 \t", '\t').unwrap(), ["1", "2", ""]);
        assert_eq!(split_fields(r#"1,"red"#, ',').unwrap_err().0, 1);
        assert_eq!(split_fields(r#""a"b,1"#, ',').unwrap_err().0, 0);
    }

    #[test]
    fn numbers_are_decimals_only() {
        assert_eq!(number("-1.5", false), Some(-1.5));
        assert_eq!(number("2e-3", false), Some(0.002));
        assert_eq!(number(".5", false), Some(0.5));
        assert_eq!(number("+1", false), Some(1.0));
        assert_eq!(number("1,5", true), Some(1.5));
        assert_eq!(number("−2", false), Some(-2.0));
        assert_eq!(number("1.", false), Some(1.0));
        assert_eq!(number("1e+2", false), Some(100.0));
        assert_eq!(number("0000000000000000000001.5", false), Some(1.5));
        assert_eq!(number("1e-400", false), Some(0.0));
        let refused = [
            "NaN",
            "inf",
            "-infinity",
            "0x1A",
            "",
            "1,5",
            "1e999",
            "1 000",
            ".",
        ];
        let more = ["-", "+-1", "1e", "e5", "1.5.2", "1e5.5", "1e-", "٣", "1.5x"];
        for text in refused.into_iter().chain(more) {
            assert_eq!(number(text, false), None, "{text}");
        }
        assert_eq!(number("1,5.2", true), None);
    }

    /// Within 15 significant digits and 10^±22 the value is the one `parse` gives.
    #[test]
    fn numbers_equal_what_parse_gives() {
        let mut state = 12345u64;
        let mut next = |modulus: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % modulus
        };
        for _ in 0..200_000 {
            let (whole_digits, fraction_digits) = (1 + next(8) as u32, 1 + next(7) as u32);
            let whole = next(10u64.pow(whole_digits));
            let fraction = next(10u64.pow(fraction_digits));
            let sign = ["", "-", "+"][next(3) as usize];
            let power = next(25) as i64 - 12;
            let text = match next(3) {
                0 => format!("{sign}{whole}.{fraction}"),
                1 => format!("{sign}{whole}.{fraction}e{power}"),
                _ => format!("{sign}{whole}e{power}"),
            };
            assert_eq!(number(&text, false), text.parse::<f64>().ok(), "{text}");
        }
    }
}
