//! One integration test binary (faster to link than many), one module per
//! concern.

mod accounts;
mod bad;
mod benchmarks;
mod browser;
mod cli;
mod common;
mod compare;
mod corpus;
mod exports;
mod finance;
mod formats;
mod front_end;
mod hostile;
mod law;
mod merger;
mod merger_trust;
mod printed;
mod public;
mod reach;
mod report;
mod synonyms;
mod template;
mod timesheet_alone;
mod values;
