//! base64url without padding (RFC 4648 §5): bytes as the characters `A–Z a–z 0–9 - _`,
//! which an address carries as they are. Three bytes make four characters; a last one
//! or two bytes make two or three.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The text of `bytes`.
pub fn encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk
            .iter()
            .enumerate()
            .fold(0u32, |group, (index, &byte)| {
                group | u32::from(byte) << (16 - 8 * index)
            });
        for index in 0..=chunk.len() {
            text.push(char::from(
                ALPHABET[(group >> (18 - 6 * index) & 63) as usize],
            ));
        }
    }
    text
}

/// Why a text is not base64url.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// This character (the position counts characters from 1) is not in the alphabet.
    Character(usize, char),
    /// The length leaves one character over, which holds no whole byte.
    Length,
    /// The last character sets bits past the last byte.
    Ending,
}

/// The bytes of `text`.
pub fn decode(text: &str) -> Result<Vec<u8>, Refusal> {
    let mut values = Vec::with_capacity(text.len());
    for (index, character) in text.chars().enumerate() {
        let value = match character {
            'A'..='Z' => character as u32 - 'A' as u32,
            'a'..='z' => character as u32 - 'a' as u32 + 26,
            '0'..='9' => character as u32 - '0' as u32 + 52,
            '-' => 62,
            '_' => 63,
            _ => return Err(Refusal::Character(index + 1, character)),
        };
        values.push(value);
    }
    if values.len() % 4 == 1 {
        return Err(Refusal::Length);
    }
    let mut bytes = Vec::with_capacity(values.len() / 4 * 3 + 2);
    for chunk in values.chunks(4) {
        let group = chunk
            .iter()
            .enumerate()
            .fold(0u32, |group, (index, &value)| {
                group | value << (18 - 6 * index)
            });
        let whole = chunk.len() - 1;
        if group & ((1 << (24 - 8 * whole)) - 1) != 0 {
            return Err(Refusal::Ending);
        }
        bytes.extend((0..whole).map(|index| (group >> (16 - 8 * index)) as u8));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_texts() {
        // RFC 4648 §10, without padding; 0xfb 0xff shows the two URL-safe characters.
        for (bytes, text) in [
            (&b""[..], ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"fooba", "Zm9vYmE"),
            (b"foobar", "Zm9vYmFy"),
            (b"\xfb\xff", "-_8"),
        ] {
            assert_eq!(encode(bytes), text);
            assert_eq!(decode(text).unwrap(), bytes);
        }
    }

    #[test]
    fn every_byte_value_round_trips() {
        let bytes: Vec<u8> = (0..=255).chain((0..=255).rev()).collect();
        for length in 0..bytes.len() {
            assert_eq!(decode(&encode(&bytes[..length])).unwrap(), &bytes[..length]);
        }
    }

    #[test]
    fn refusals() {
        assert_eq!(decode("Zm9v!"), Err(Refusal::Character(5, '!')));
        assert_eq!(decode("Zé"), Err(Refusal::Character(2, 'é')));
        assert_eq!(decode("Zm9v+"), Err(Refusal::Character(5, '+')));
        assert_eq!(decode("Zm9="), Err(Refusal::Character(4, '=')));
        assert_eq!(decode("Zm9vY"), Err(Refusal::Length));
        assert_eq!(decode("Zh"), Err(Refusal::Ending));
        assert_eq!(decode("Zm8"), Ok(b"fo".to_vec()));
        assert_eq!(decode("Zm9"), Err(Refusal::Ending));
        assert_eq!(decode("Zm-"), Err(Refusal::Ending));
    }
}
