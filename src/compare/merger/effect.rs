//! An effect of the merger: worked out, or not available with its reason.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::i18n::Text;

/// An effect worked out from the audited records, or the reason the records
/// cannot carry it (never a zero in its place).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergerEffect<T> {
    /// The effect, worked out.
    Worked(T),
    /// Why it is not available.
    NotAvailable(Text),
}

impl<T> MergerEffect<T> {
    /// The effect, when worked out.
    pub fn worked(&self) -> Option<&T> {
        match self {
            MergerEffect::Worked(t) => Some(t),
            MergerEffect::NotAvailable(_) => None,
        }
    }

    /// The reason, when not available.
    pub fn reason(&self) -> Option<&Text> {
        match self {
            MergerEffect::Worked(_) => None,
            MergerEffect::NotAvailable(r) => Some(r),
        }
    }
}

/// In JSON the effect's own object, or `{"not_available": "<reason>"}`.
impl<T: Serialize> Serialize for MergerEffect<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            MergerEffect::Worked(t) => t.serialize(s),
            MergerEffect::NotAvailable(reason) => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("not_available", &reason.en)?;
                m.serialize_entry("not_available_cs", &reason.cs)?;
                m.end()
            }
        }
    }
}
