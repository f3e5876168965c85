//! Setting one config field by its JSON name from any serde value, with a message that
//! says what the field accepts when the value is of the wrong kind.
//!
//! No key is named here: the config goes to a JSON value, the key's entry is replaced,
//! and the value comes back as a config, so whatever the struct and the schema hold is
//! settable.

use super::schema::{self, Setting};
use super::{Config, ConfigError};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

impl Config {
    /// Sets one field from any serde value (a JS value, a JSON value, …) without
    /// validating ranges; an unknown key or a value of the wrong kind is refused with
    /// a message naming the key. A number that is NaN or infinite is refused at once,
    /// with the message validation would give.
    pub fn set_field<'de, D: Deserializer<'de>>(
        &mut self,
        key: &str,
        value: D,
    ) -> Result<(), ConfigError> {
        let setting = schema::setting(key).ok_or_else(|| {
            let known: Vec<&str> = schema::keys().collect();
            ConfigError::new(
                key,
                format!(
                    "unknown setting {key:?}: known settings are {}",
                    known.join(", ")
                ),
            )
        })?;
        let wrong_kind = || wrong_kind(setting);
        let value = match Incoming::deserialize(value).map_err(|_| wrong_kind())? {
            Incoming::Value(value) => value,
            Incoming::NotFinite(number) => {
                return Err(match setting.range() {
                    Some(range) => ConfigError::new(key, range.refusal(key, number)),
                    None => wrong_kind(),
                })
            }
        };
        let mut fields = serde_json::to_value(&*self).expect("a config serialises");
        fields[key] = value;
        *self = Config::deserialize(fields).map_err(|_| wrong_kind())?;
        Ok(())
    }
}

fn wrong_kind(setting: &Setting) -> ConfigError {
    let key = setting.key;
    ConfigError::new(key, format!("{key} must be {}", setting.expectation()))
}

/// A value as it arrives: plain JSON data, or a number JSON cannot hold (NaN, ±∞).
enum Incoming {
    Value(Value),
    NotFinite(f64),
}

impl<'de> Deserialize<'de> for Incoming {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(IncomingVisitor)
    }
}

struct IncomingVisitor;

impl<'de> Visitor<'de> for IncomingVisitor {
    type Value = Incoming;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a plain value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Incoming, E> {
        Ok(Incoming::Value(Value::Bool(value)))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Incoming, E> {
        Ok(Incoming::Value(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Incoming, E> {
        Ok(Incoming::Value(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Incoming, E> {
        Ok(if value.is_finite() {
            Incoming::Value(value.into())
        } else {
            Incoming::NotFinite(value)
        })
    }

    fn visit_str<E>(self, value: &str) -> Result<Incoming, E> {
        Ok(Incoming::Value(Value::String(value.to_string())))
    }

    fn visit_string<E>(self, value: String) -> Result<Incoming, E> {
        Ok(Incoming::Value(Value::String(value)))
    }

    fn visit_unit<E>(self) -> Result<Incoming, E> {
        Ok(Incoming::Value(Value::Null))
    }

    fn visit_none<E>(self) -> Result<Incoming, E> {
        Ok(Incoming::Value(Value::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Incoming, D::Error> {
        Incoming::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Incoming, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Value>()? {
            items.push(item);
        }
        Ok(Incoming::Value(Value::Array(items)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Incoming, A::Error> {
        let mut entries = Map::new();
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            entries.insert(key, value);
        }
        Ok(Incoming::Value(Value::Object(entries)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de;

    #[test]
    fn every_key_of_the_schema_is_settable() {
        let defaults = serde_json::to_value(Config::default()).unwrap();
        for key in schema::keys() {
            let mut config = Config::default();
            config.set_field(key, defaults[key].clone()).unwrap();
            assert_eq!(config, Config::default(), "{key}");
        }
    }

    #[test]
    fn a_number_json_cannot_hold_gets_the_range_message() {
        let mut config = Config::default();
        let error = config
            .set_field(
                "noise",
                de::value::F64Deserializer::<de::value::Error>::new(f64::NAN),
            )
            .unwrap_err();
        assert_eq!(error.message, "noise must be between 0 and 50, got NaN");
        let error = config
            .set_field(
                "dataset",
                de::value::F64Deserializer::<de::value::Error>::new(f64::INFINITY),
            )
            .unwrap_err();
        assert!(error.message.starts_with("dataset must be one of circle"));
        assert_eq!(config, Config::default());
    }
}
