//! Our own reader of xlsx sheet data: a streaming scan of the worksheet XML
//! that types each cell as calamine would, several times faster than
//! calamine's event-by-event cell reader (see the README's Performance
//! section). calamine still opens the workbook (and so refuses what it
//! refuses) and reads xlsb, xls and ods.

mod package;
mod sheet;
mod styles;
mod text;
mod window;

pub(crate) use package::Workbook;
pub(crate) use sheet::for_each_cell;
pub(crate) use window::malformed;

#[cfg(test)]
mod agreement;
