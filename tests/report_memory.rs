//! The report workbook is written in bounded memory: its detail sheets are
//! aggregates (per worker, client, month) streamed to temporary files, so
//! writing the report of a million visits needs a few megabytes beyond the
//! audit itself. Measured with a counting allocator (bytes, not time).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use homecare_audit::Audit;
use homecare_audit::synth::Synth;
use homecare_audit::workbook::ReportWorkbook;

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: delegates to the system allocator and only counts sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Peak bytes allocated while writing the report of `visits` generated
/// visits, above what was allocated before; and the report's size.
fn report_peak(visits: usize) -> (usize, u64) {
    let ds = Synth::new(11, visits).dataset();
    let report = Audit::new(&ds).run();
    let path = std::env::temp_dir().join(format!(
        "homecare-report-memory-{visits}-{}.xlsx",
        std::process::id()
    ));
    let before = CURRENT.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    ReportWorkbook::new(&report, &ds).save(&path).unwrap();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let size = std::fs::metadata(&path).unwrap().len();
    let _ = std::fs::remove_file(&path);
    (peak, size)
}

#[test]
fn writing_the_report_of_a_million_visits_needs_bounded_memory() {
    let (small_peak, small_size) = report_peak(100_000);
    let (big_peak, big_size) = report_peak(1_048_575);
    eprintln!(
        "report of 100k visits: peak {:.1} MiB, file {:.2} MiB; \
         of 1,048,575 visits: peak {:.1} MiB, file {:.2} MiB",
        small_peak as f64 / 1048576.0,
        small_size as f64 / 1048576.0,
        big_peak as f64 / 1048576.0,
        big_size as f64 / 1048576.0
    );
    // The bound the README states.
    assert!(big_peak < 16 << 20, "{big_peak} bytes");
    // The visits grew 10.5×; the writer's memory must not follow them.
    assert!(
        big_peak < 4 * small_peak.max(1 << 20),
        "{small_peak} → {big_peak}"
    );
}
