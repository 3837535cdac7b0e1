//! Timesheet rows (`Výkazy` sheet): one task performed, or one block of
//! non-client time.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::ids::{ClientId, TaskId, WorkerId};

/// Facts about how a row's times were written, noted at read time so that
/// the audit can report them as findings (reading computes no findings).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct VisitFlags {
    /// Start/end and minutes disagree by more than a minute (start/end won).
    pub minutes_mismatch: bool,
    /// Only one of start and end was given (minutes were used).
    pub incomplete_times: bool,
    /// End before start: read as passing midnight.
    pub passes_midnight: bool,
}

impl VisitFlags {
    /// True when no flag is set.
    pub fn is_clear(&self) -> bool {
        *self == VisitFlags::default()
    }
}

/// One timesheet row.
///
/// Time is whole seconds; money is [`Decimal`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Visit {
    /// Date of the task.
    pub date: NaiveDate,
    /// Who did it.
    pub worker: WorkerId,
    /// For whom (`None` for non-client time).
    pub client: Option<ClientId>,
    /// What (a code of the catalogue).
    pub task: TaskId,
    /// Start, in seconds after midnight (when written).
    pub start: Option<u32>,
    /// Duration in seconds.
    pub duration: u32,
    /// Travel in seconds written on the row (`Cesta min`).
    pub travel: u32,
    /// Quantity: acts, kg, portions (1 when not written).
    pub quantity: Decimal,
    /// Fee billed to the client for this row.
    pub fee: Option<Decimal>,
    /// The row in the input sheet (Excel numbering), 0 when built in code.
    pub row: u32,
    /// How the times were written.
    pub flags: VisitFlags,
}

impl Visit {
    /// A row of `duration` seconds with quantity 1 and no fee, start or
    /// travel.
    pub fn new(
        date: NaiveDate,
        worker: WorkerId,
        client: Option<ClientId>,
        task: TaskId,
        duration: u32,
    ) -> Visit {
        Visit {
            date,
            worker,
            client,
            task,
            start: None,
            duration,
            travel: 0,
            quantity: Decimal::ONE,
            fee: None,
            row: 0,
            flags: VisitFlags::default(),
        }
    }

    /// Sets the start (seconds after midnight).
    pub fn with_start(mut self, seconds: u32) -> Visit {
        self.start = Some(seconds);
        self
    }

    /// Sets travel seconds.
    pub fn with_travel(mut self, seconds: u32) -> Visit {
        self.travel = seconds;
        self
    }

    /// Sets the quantity.
    pub fn with_quantity(mut self, quantity: Decimal) -> Visit {
        self.quantity = quantity;
        self
    }

    /// Sets the fee charged.
    pub fn with_fee(mut self, fee: Decimal) -> Visit {
        self.fee = Some(fee);
        self
    }

    /// The end in seconds after the start day's midnight (may exceed 86 400
    /// when the row passes midnight), when the start is known. Saturates at
    /// `u32::MAX` (a row of some 49 700 days: only a hostile file has one;
    /// the sum would overflow).
    pub fn end(&self) -> Option<u32> {
        self.start.map(|s| s.saturating_add(self.duration))
    }
}
