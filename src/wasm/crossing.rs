//! What crosses the boundary, and how: Rust messages become JS errors, values become
//! plain JS data and back with messages in a person's words (no Rust type names), the
//! panic hook leaves a panic's text for the page, points leave as one flat array.

use crate::config::{Config, ConfigError};
use crate::given::Given;
use js_sys::{Float32Array, Object, Reflect};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// Where the panic hook leaves the panic text for the page to read.
const PANIC_GLOBAL: &str = "greymatterPanicMessage";

/// Installs (once) the hook that leaves a panic's text in [`PANIC_GLOBAL`], so that the
/// page can show why the core stopped.
pub(super) fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let text = info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| info.to_string());
            let message = JsValue::from_str(&text);
            let _ = Reflect::set(
                &js_sys::global(),
                &JsValue::from_str(PANIC_GLOBAL),
                &message,
            );
        }));
    });
}

/// A JS `Error` with `message`.
pub(super) fn js_error(message: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(message.as_ref()).into()
}

/// A config's refusal as a JS `Error`.
pub(super) fn config_error(error: ConfigError) -> JsValue {
    js_error(error.message)
}

/// Applies every own property of a JS object to `config`, field by field, so an error
/// names the field it comes from.
pub(super) fn apply_patch(config: &mut Config, patch: &JsValue) -> Result<(), JsValue> {
    if !patch.is_object() || js_sys::Array::is_array(patch) {
        return Err(js_error("a config must be an object of settings"));
    }
    for entry in Object::entries(patch.unchecked_ref()).iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let key = pair.get(0).as_string().unwrap_or_default();
        let value = serde_wasm_bindgen::Deserializer::from(pair.get(1));
        config.set_field(&key, value).map_err(config_error)?;
    }
    Ok(())
}

/// `value` as a plain JS value (objects, not maps).
pub(super) fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| js_error(plain_serde_error(error)))
}

/// A JS value as plain data, to read with messages that name the field (`what` names
/// the whole value when it is no plain data at all).
pub(super) fn given_of(value: JsValue, what: &str) -> Result<Given, JsValue> {
    Given::deserialize(serde_wasm_bindgen::Deserializer::from(value))
        .map_err(|error| js_error(format!("{what}: {}", plain_serde_error(error))))
}

/// A JS value as a message names it: `null`, `undefined`, `an array`, `the text "…"`, `5`.
pub(super) fn describe_js(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_string()
    } else if value.is_undefined() {
        "undefined".to_string()
    } else if js_sys::Array::is_array(value) {
        "an array".to_string()
    } else if let Some(text) = value.as_string() {
        let short: String = text.chars().take(40).collect();
        format!("the text {short:?}")
    } else if let Some(number) = value.as_f64() {
        number.to_string()
    } else {
        format!("a {}", value.js_typeof().as_string().unwrap_or_default())
    }
}

/// A serde-wasm-bindgen error in a person's words: its message only (no "Error: "), no
/// `JsValue(Object({…}))`, no "unit value", no Rust type names.
fn plain_serde_error(error: serde_wasm_bindgen::Error) -> String {
    let value: JsValue = error.into();
    let text = value
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .unwrap_or_else(|| format!("{value:?}"));
    let mut plain = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(start) = rest.find("JsValue(") {
        plain.push_str(&rest[..start]);
        let inner = &rest[start + "JsValue(".len()..];
        let mut depth = 1;
        let end = inner
            .char_indices()
            .find(|&(_, c)| {
                depth += match c {
                    '(' => 1,
                    ')' => -1,
                    _ => 0,
                };
                depth == 0
            })
            .map_or(inner.len(), |(at, _)| at + 1);
        plain.push_str(match inner {
            _ if inner.starts_with("Object") => "an object",
            _ if inner.starts_with("Array") => "an array",
            _ => "a value of another kind",
        });
        rest = &inner[end..];
    }
    plain.push_str(rest);
    plain
        .replace("unit value", "null")
        .replace("struct ModelFile", "a model file")
        .replace("struct ModelLayer", "a layer")
}

/// Points as one flat array of x1, x2, label per point.
pub(super) fn points_array(points: &[crate::data::dataset::Point]) -> Float32Array {
    let flat: Vec<f32> = points
        .iter()
        .flat_map(|p| [p.position[0], p.position[1], p.label])
        .collect();
    Float32Array::from(&flat[..])
}
