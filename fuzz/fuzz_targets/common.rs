//! Shared by the targets: read the bytes as a provider's workbook and, if
//! they read, audit them. Reading must end in a dataset or an error; the
//! audit must not panic.

use homecare_audit::audit::Audit;
use homecare_audit::workbook::{ReadLimits, ReadOptions, read_bytes};

/// libFuzzer's panic hook aborts at once, before `read_bytes` can catch a
/// panic inside calamine and turn it into `ReaderPanicked`. Restore the
/// default hook so that such a panic is caught as in production; a panic
/// the library does not catch (in our own code) still reaches libFuzzer's
/// own catch and is reported as a crash.
pub fn init() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
    });
}

/// Limits small enough for the fuzzer's 2 GiB RSS budget, the same checks.
pub fn options() -> ReadOptions {
    ReadOptions {
        limits: ReadLimits::default()
            .max_file_bytes(8 << 20)
            .max_entry_bytes(64 << 20),
        ..ReadOptions::default()
    }
}

#[allow(dead_code)]
pub fn run(data: &[u8], name: &str) {
    init();
    if let Ok((dataset, problems)) = read_bytes(data, Some(name), &options()) {
        check(&dataset, &problems);
    }
}

/// Rows read = accepted + rejected, per sheet and per file, always; then
/// the audit and the report must not panic.
#[allow(dead_code)]
pub fn check(dataset: &homecare_audit::Dataset, problems: &homecare_audit::Problems) {
    for (sheet, c) in &problems.rows {
        assert_eq!(c.read, c.accepted + c.rejected, "{sheet}");
    }
    for (file, sheets) in &problems.rows_by_file {
        for (sheet, c) in sheets {
            assert_eq!(c.read, c.accepted + c.rejected, "{file}/{sheet}");
        }
    }
    let report = Audit::new(dataset).problems(problems).run();
    let _ = homecare_audit::workbook::ReportWorkbook::new(&report, dataset).to_buffer();
}
