//! The refusals of damaged share-link texts: headers, counts, runs, and what is left
//! over after the last field.

use super::bits::BitWriter;
use super::points::{zigzag, CLASS_BITS, VALUE_BITS};
use super::*;
use crate::data::own::Set;

/// A points payload's text: `P`, version, `problem` and no names, then `write`.
fn points_text(problem: u32, write: impl FnOnce(&mut BitWriter)) -> String {
    let mut writer = BitWriter::default();
    for (value, bits) in [(u32::from(b'P'), 8), (1, 8), (problem, 8)] {
        writer.bits(value, bits);
    }
    write(&mut writer);
    base64url::encode(&writer.finish())
}

/// The refusal of a payload of `count` points with plain fields after the count:
/// the x1 deltas as given (Rice parameter 0 escapes every one of them), x2 all 0,
/// one run per point with its label in `label_bits`, every point in training.
fn refused(problem: u32, count: u32, x1: &[u32], labels: &[u32], label_bits: u32) -> String {
    decode_points(&points_text(problem, |writer| {
        writer.bits(0, 8);
        writer.bits(count, 16);
        writer.bits(0, 4);
        x1.iter().for_each(|&delta| writer.rice(delta, 0));
        writer.bits(0, 4);
        (0..count).for_each(|_| writer.rice(0, 0));
        writer.bits(0, 4);
        for &label in labels {
            writer.rice(0, 0);
            writer.bits(label, label_bits);
        }
        writer.bits(0, count);
    }))
    .unwrap_err()
}

/// No names and two points, both at (0, 0), up to the labels' Rice parameter 0.
fn two_points_at_the_origin(writer: &mut BitWriter) {
    writer.bits(0, 8);
    writer.bits(2, 16);
    writer.bits(0, 4 + 2 + 4 + 2 + 4);
}

#[test]
fn damaged_headers_are_refused_with_what_is_wrong() {
    let header = |problem, write: &dyn Fn(&mut BitWriter)| {
        decode_points(&points_text(problem, write)).unwrap_err()
    };
    assert!(header(3, &|_| {}).contains("problem 3, which greymatter does not know"));
    assert_eq!(
        header(0, &|_| {}),
        "the link's points are cut short: no class names"
    );
    assert_eq!(
        header(0, &|w| w.bits(7, 8)),
        "the link's points name 7 classes; greymatter draws at most 6"
    );
    assert_eq!(
        header(0, &|w| w.bits(1 | 41 << 8, 16)),
        "the link's class name 1 is 41 bytes long; the most is 40"
    );
    assert_eq!(
        header(0, &|w| w.bits(1 | 3 << 8 | u32::from(b'a') << 16, 24)),
        "the link's points are cut short: in the class names"
    );
    assert_eq!(
        header(0, &|w| w.bits(1 | 1 << 8 | 0xff << 16, 24)),
        "the link's class name 1 is not UTF-8 text"
    );
    assert_eq!(
        header(0, &|w| w.bits(0, 8)),
        "the link's points are cut short: no number of points"
    );
    assert_eq!(
        header(0, &|w| w.bits(5001 << 8, 24)),
        "the link holds 5001 points; greymatter holds at most 5000, training and test together"
    );
    assert_eq!(
        header(0, &|w| w.bits(1000 << 8, 24)),
        "the link's points are cut short: x1 for 0 of 1000 points"
    );
}

#[test]
fn damaged_points_are_refused_with_what_is_wrong() {
    let message = refused(0, 1, &[zigzag(7000)], &[0], CLASS_BITS);
    assert_eq!(
        message,
        "the link's points: point 1 lies outside the plotted range [−6, 6]²"
    );
    assert_eq!(
        refused(0, 2, &[zigzag(30_000), zigzag(10_000)], &[0, 0], CLASS_BITS),
        "the link's point 2 lies outside the plotted range"
    );
    let message = refused(0, 3, &[0, 0, 0], &[1, 6, 0], CLASS_BITS);
    assert!(
        message.starts_with("the link's points: point 2: class 6"),
        "{message}"
    );
    let message = refused(1, 1, &[0], &[2001], VALUE_BITS);
    assert!(
        message.contains("point 1: the value 1.001 lies outside"),
        "{message}"
    );
    let two_of_four = points_text(0, |writer| {
        writer.bits(0, 8);
        writer.bits(4, 16);
        // With parameter 15 each value takes 16 bits: the padding cannot make a third.
        writer.bits(15, 4);
        writer.rice(0, 15);
        writer.rice(0, 15);
    });
    assert_eq!(
        decode_points(&two_of_four).unwrap_err(),
        "the link's points are cut short: x1 for 2 of 4 points"
    );
    // The sets' two bits read as a second run, whose 11-bit value is cut short.
    assert_eq!(
        refused(1, 2, &[0, 0], &[1000], VALUE_BITS),
        "the link's points are cut short: labels for 1 of 2 points"
    );
    let one_run_too_long = points_text(0, |writer| {
        two_points_at_the_origin(writer);
        writer.rice(2, 0);
        writer.bits(0, CLASS_BITS);
    });
    assert_eq!(
        decode_points(&one_run_too_long).unwrap_err(),
        "the link's points are damaged: a run of 3 labels from point 1 goes past the \
         last of 2 points"
    );
}

#[test]
fn a_payload_ends_where_its_sets_end() {
    let two_points = |sets: u32, set_bits: u32, extra_bits: u32| {
        decode_points(&points_text(1, |writer| {
            two_points_at_the_origin(writer);
            writer.rice(1, 0);
            writer.bits(1000, VALUE_BITS);
            writer.bits(sets, set_bits);
            writer.bits(1 << (extra_bits.max(1) - 1), extra_bits);
        }))
    };
    let data = two_points(0b10, 2, 0).unwrap();
    assert_eq!(data.points[0].set, Set::Train);
    assert_eq!(data.points[1].set, Set::Test);
    assert_eq!(data.points[1].label, 0);
    assert_eq!(
        two_points(0, 2, 1).unwrap_err(),
        "the link's points are damaged: stray bits after their end"
    );
    assert_eq!(
        two_points(0, 2, 17).unwrap_err(),
        "the link's points go on for 2 bytes after their end"
    );
}
