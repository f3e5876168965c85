//! A bit stream, low bit of each byte first, and the Rice code for small whole numbers.
//!
//! Rice code with parameter k: a value v is its quotient q = v >> k in unary (q ones,
//! then a zero) followed by its k low bits. Values whose quotient reaches [`ESCAPE`]
//! are instead [`ESCAPE`] ones followed by the value in [`WIDE`] bits, so one large
//! jump costs 33 bits at most and a reader never counts far.

/// The quotient from which a value is written in full.
pub const ESCAPE: u32 = 16;
/// The bits of a value written in full: every zig-zag difference of two i16 fits.
pub const WIDE: u32 = 17;
/// The largest Rice parameter (it is written in 4 bits).
pub const MAX_PARAMETER: u32 = 15;

/// Bits in a growing byte buffer.
#[derive(Default)]
pub struct BitWriter {
    bytes: Vec<u8>,
    /// Bits not yet in a whole byte, the first in the lowest bit.
    pending: u64,
    /// How many bits `pending` holds (fewer than 8 between calls).
    pending_bits: u32,
}

impl BitWriter {
    /// The low `count` bits of `value` (at most 32), low bit first. Kept out of line
    /// (like [`BitReader::bits`]): a link is written once, so size beats speed here.
    #[inline(never)]
    pub fn bits(&mut self, value: u32, count: u32) {
        let low = u64::from(value) & ((1u64 << count) - 1);
        self.pending |= low << self.pending_bits;
        self.pending_bits += count;
        while self.pending_bits >= 8 {
            self.bytes.push(self.pending as u8);
            self.pending >>= 8;
            self.pending_bits -= 8;
        }
    }

    /// `value` in the Rice code with parameter `k` (at most [`MAX_PARAMETER`]), which
    /// must fit in [`WIDE`] bits.
    pub fn rice(&mut self, value: u32, k: u32) {
        let quotient = value >> k;
        if quotient < ESCAPE {
            self.bits((1 << quotient) - 1, quotient + 1);
            self.bits(value, k);
        } else {
            self.bits((1 << ESCAPE) - 1, ESCAPE);
            self.bits(value, WIDE);
        }
    }

    /// The bytes, the last one padded with zero bits.
    pub fn finish(mut self) -> Vec<u8> {
        if self.pending_bits > 0 {
            self.bytes.push(self.pending as u8);
        }
        self.bytes
    }
}

/// The bits `value` takes in the Rice code with parameter `k`.
pub fn rice_length(value: u32, k: u32) -> u32 {
    match value >> k {
        quotient if quotient < ESCAPE => quotient + 1 + k,
        _ => ESCAPE + WIDE,
    }
}

/// The Rice parameter that writes `values` in the fewest bits.
pub fn best_parameter(values: &[u32]) -> u32 {
    (0..=MAX_PARAMETER)
        .min_by_key(|&k| column_length(values, k))
        .unwrap_or(0)
}

/// The bits `values` take with Rice parameter `k`. Kept out of line: inlined into the
/// search over k, it was unrolled sixteen times (4 KB of wasm) for no speed that matters.
#[inline(never)]
fn column_length(values: &[u32], k: u32) -> u64 {
    values.iter().map(|&v| u64::from(rice_length(v, k))).sum()
}

/// Reads bits front to back, never past the end.
pub struct BitReader<'a> {
    bytes: &'a [u8],
    position: usize,
}

impl<'a> BitReader<'a> {
    /// A reader at the first bit of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        BitReader { bytes, position: 0 }
    }

    /// The bits not read yet.
    pub fn remaining(&self) -> usize {
        self.bytes.len() * 8 - self.position
    }

    /// The next `count` bits (at most 32) as a number, or `None` when fewer are left.
    #[inline(never)]
    pub fn bits(&mut self, count: u32) -> Option<u32> {
        if count as usize > self.remaining() {
            return None;
        }
        // The bits wanted lie in the five bytes from the current one (7 + 32 ≤ 40).
        let shift = self.position % 8;
        let window = (0..)
            .zip(self.bytes[self.position / 8..].iter().take(5))
            .fold(0u64, |window, (index, &byte)| {
                window | u64::from(byte) << (8 * index)
            });
        self.position += count as usize;
        Some((window >> shift & ((1 << count) - 1)) as u32)
    }

    /// The next byte-sized field.
    pub fn byte(&mut self) -> Option<u8> {
        self.bits(8).map(|value| value as u8)
    }

    /// `count` byte-sized fields.
    pub fn bytes(&mut self, count: usize) -> Option<Vec<u8>> {
        if count * 8 > self.remaining() {
            return None;
        }
        (0..count).map(|_| self.byte()).collect()
    }

    /// A value in the Rice code with parameter `k`.
    pub fn rice(&mut self, k: u32) -> Option<u32> {
        let mut quotient = 0;
        while quotient < ESCAPE {
            if self.bits(1)? == 0 {
                return Some((quotient << k) | self.bits(k)?);
            }
            quotient += 1;
        }
        self.bits(WIDE)
    }

    /// Whether what is left is only the zero bits that pad the last byte.
    pub fn at_end(&self) -> bool {
        self.remaining() < 8
            && self
                .bytes
                .last()
                .is_none_or(|&last| last >> (self.position % 8) == 0 || self.remaining() == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_in_every_code() {
        let values = [0, 1, 2, 15, 16, 255, 1000, 24_000, (1 << WIDE) - 1];
        let mut writer = BitWriter::default();
        for k in 0..=MAX_PARAMETER {
            for &value in &values {
                writer.rice(value, k);
            }
        }
        writer.bits(0b101, 3);
        let bytes = writer.finish();
        let mut reader = BitReader::new(&bytes);
        for k in 0..=MAX_PARAMETER {
            for &value in &values {
                assert_eq!(reader.rice(k), Some(value), "{value} with k = {k}");
            }
        }
        assert_eq!(reader.bits(3), Some(0b101));
        assert!(reader.at_end());
        assert_eq!(reader.bits(8), None);
    }

    #[test]
    fn lengths_match_what_is_written() {
        for k in [0, 3, 15] {
            for value in [0, 7, 100, 131_071] {
                let mut writer = BitWriter::default();
                writer.rice(value, k);
                writer.bits(1, 1);
                let written = (writer.finish().len() * 8) as u32;
                let length = rice_length(value, k) + 1;
                assert!(written >= length && written < length + 8);
            }
        }
        assert_eq!(best_parameter(&[0, 0, 1]), 0);
        assert_eq!(best_parameter(&[300, 200, 400, 250]), 8);
    }

    #[test]
    fn stray_bits_are_not_an_end() {
        let mut reader = BitReader::new(&[0b0000_0101]);
        assert_eq!(reader.bits(1), Some(1));
        assert!(!reader.at_end());
        assert_eq!(reader.bits(2), Some(0b10));
        assert!(reader.at_end());
        assert!(BitReader::new(&[]).at_end());
        assert!(!BitReader::new(&[0]).at_end());
    }
}
