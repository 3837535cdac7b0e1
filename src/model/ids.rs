//! Small integer ids: interned once at read time, used as array indices by
//! the audit (no string keys on hot paths).

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident($int:ty)) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub $int);

        impl $name {
            /// The id as an index into the dataset's vector.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id_type!(
    /// A client: index into [`Dataset::clients`](crate::Dataset::clients).
    ClientId(u32)
);
id_type!(
    /// A worker: index into [`Dataset::workers`](crate::Dataset::workers).
    WorkerId(u32)
);
id_type!(
    /// A task code: index into the [`TaskCatalog`](crate::TaskCatalog).
    TaskId(u32)
);

/// A map from a text key (a worker's or client's id, a folded task code)
/// to its small id: looked up once or twice per timesheet row, so hashed
/// with foldhash (several times faster than the standard SipHash on short
/// ids). Its seed is random per process natively, so ids from an untrusted
/// file are hard to make collide without it; foldhash calls itself only
/// minimally resistant to such attacks, and in WebAssembly (no clock, fixed
/// addresses) its seed is fixed per build, as the standard hasher's keys
/// are there.
pub(crate) type IdMap<V> = std::collections::HashMap<String, V, foldhash::fast::RandomState>;
