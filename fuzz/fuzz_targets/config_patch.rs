//! Fuzzes the door `doors::config_patch` (tests/doors/mod.rs): it must never panic.
#![no_main]

#[path = "../../tests/doors/mod.rs"]
mod doors;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // Only a panic fails: a refusal is as good as an acceptance.
    let _ = doors::config_patch(data);
});
