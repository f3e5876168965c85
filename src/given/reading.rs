//! Reading a [`Given`] into the type it should be: a serde deserializer over the value
//! that keeps the path it has reached, so that a refusal is placed where it happens and
//! quotes the value there.

use super::refusal::one_of;
use super::{Given, Refusal, Step};
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;

/// A [`Given`] being read at `path`: the deserializer that places a refusal where it
/// happens and quotes the value there.
pub(super) struct At<'a> {
    pub(super) value: &'a Given,
    pub(super) path: Vec<Step>,
}

impl<'a> At<'a> {
    fn child(&self, value: &'a Given, step: Step) -> At<'a> {
        let mut path = self.path.clone();
        path.push(step);
        At { value, path }
    }

    /// Places a refusal that surfaced here (not deeper) at this path, quoting the value.
    fn place<T>(&self, result: Result<T, Refusal>) -> Result<T, Refusal> {
        result.map_err(|mut refusal| {
            if !refusal.placed {
                refusal.placed = true;
                refusal.path = self.path.clone();
                if refusal.expected.is_some() {
                    refusal.problem = self.value.describe();
                }
            }
            refusal
        })
    }
}

impl<'de> Deserializer<'de> for At<'de> {
    type Error = Refusal;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refusal> {
        let result = match self.value {
            Given::Null => visitor.visit_unit(),
            Given::Bool(value) => visitor.visit_bool(*value),
            Given::Integer(value) => visitor.visit_i64(*value),
            Given::Unsigned(value) => visitor.visit_u64(*value),
            Given::Number(value) => visitor.visit_f64(*value),
            Given::Text(text) => visitor.visit_borrowed_str(text),
            Given::List(items) => visitor.visit_seq(Items {
                at: &self,
                items: items.iter().enumerate(),
            }),
            Given::Object(entries) => visitor.visit_map(Entries {
                at: &self,
                entries: entries.iter(),
                value: None,
            }),
        };
        self.place(result)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refusal> {
        match self.value {
            Given::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refusal> {
        let result = match self.value {
            Given::Text(text) => visitor.visit_enum(text.as_str().into_deserializer()),
            _ => Err(Refusal {
                expected: Some(one_of(variants)),
                ..de::Error::custom("")
            }),
        };
        self.place(result)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

struct Items<'a, 'b, I> {
    at: &'b At<'a>,
    items: I,
}

impl<'de, I: Iterator<Item = (usize, &'de Given)>> SeqAccess<'de> for Items<'de, '_, I> {
    type Error = Refusal;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Refusal> {
        match self.items.next() {
            Some((index, item)) => seed
                .deserialize(self.at.child(item, Step::Index(index)))
                .map(Some),
            None => Ok(None),
        }
    }
}

struct Entries<'a, 'b, I> {
    at: &'b At<'a>,
    entries: I,
    value: Option<(&'a str, &'a Given)>,
}

impl<'de, I: Iterator<Item = &'de (String, Given)>> MapAccess<'de> for Entries<'de, '_, I> {
    type Error = Refusal;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Refusal> {
        match self.entries.next() {
            Some((key, value)) => {
                self.value = Some((key, value));
                let key: de::value::BorrowedStrDeserializer<'de, Refusal> =
                    de::value::BorrowedStrDeserializer::new(key);
                seed.deserialize(key).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Refusal> {
        let (key, value) = self.value.take().expect("a key before its value");
        seed.deserialize(self.at.child(value, Step::Field(key.to_string())))
    }
}
