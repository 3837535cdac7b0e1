//! Reading a provider's workbook and writing the report
//! (`cargo bench --bench read_write`). Reading is measured beside two
//! baselines in the same run, on the same bytes: calamine loading the
//! timesheet with `worksheet_range`, and calamine's streaming cell reader
//! merely walking its cells (what the library used before its own sheet
//! scanner). The ratios are what to read, not the absolute times of a
//! shared machine.

use std::hint::black_box;
use std::io::Cursor;

use calamine::{DataType, Ods, Reader, Xlsx};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use homecare_audit::Audit;
use homecare_audit::synth::Synth;
use homecare_audit::workbook::{InputWorkbook, ReadOptions, ReportWorkbook, read_bytes};

fn read(c: &mut Criterion) {
    let mut group = c.benchmark_group("read");
    group.sample_size(10);
    for rows in [10_000usize, 100_000] {
        let ds = Synth::new(1, rows).dataset();
        let bytes = InputWorkbook::new(&ds).to_buffer().unwrap();
        group.throughput(Throughput::Elements(ds.visits.len() as u64));
        group.bench_function(format!("calamine_worksheet_range_{rows}"), |b| {
            b.iter(|| {
                let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(black_box(&bytes[..]))).unwrap();
                black_box(wb.worksheet_range("Výkazy").unwrap().height())
            })
        });
        group.bench_function(format!("calamine_cells_reader_{rows}"), |b| {
            b.iter(|| {
                let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(black_box(&bytes[..]))).unwrap();
                let mut cells = wb.worksheet_cells_reader("Výkazy").unwrap();
                let mut n = 0usize;
                while let Some(c) = cells.next_cell().unwrap() {
                    n += usize::from(!c.get_value().is_empty());
                }
                black_box(n)
            })
        });
        group.bench_function(format!("read_bytes_{rows}"), |b| {
            b.iter(|| {
                let (ds, _) = read_bytes(black_box(&bytes), None, &ReadOptions::default()).unwrap();
                black_box(ds.visits.len())
            })
        });
    }
    group.finish();
}

fn write(c: &mut Criterion) {
    let mut group = c.benchmark_group("write_report");
    group.sample_size(10);
    for rows in [10_000usize, 100_000] {
        let ds = Synth::new(1, rows).dataset();
        let report = Audit::new(&ds).run();
        group.throughput(Throughput::Elements(ds.visits.len() as u64));
        group.bench_function(format!("{rows}_visits"), |b| {
            b.iter(|| black_box(ReportWorkbook::new(&report, &ds).to_buffer().unwrap().len()))
        });
    }
    group.finish();
}

/// The same timesheet as .xlsx and as LibreOffice saved it as .ods:
/// `benches/end_to_end.sh 100000` makes both (the .ods with LibreOffice)
/// and keeps them. Beside them, calamine loading the .ods timesheet.
fn read_ods(c: &mut Criterion) {
    let dir = std::env::temp_dir().join("homecare-e2e");
    let (xlsx, ods) = (
        dir.join("visits-100000.xlsx"),
        dir.join("visits-100000.ods"),
    );
    let (Ok(xlsx), Ok(ods)) = (std::fs::read(&xlsx), std::fs::read(&ods)) else {
        eprintln!(
            "SKIPPED read_ods: {} not found (run benches/end_to_end.sh 100000 first)",
            ods.display()
        );
        return;
    };
    let mut group = c.benchmark_group("read_ods");
    group.sample_size(10);
    group.bench_function("calamine_worksheet_range_ods_100000", |b| {
        b.iter(|| {
            let mut wb: Ods<_> = Ods::new(Cursor::new(black_box(&ods[..]))).unwrap();
            black_box(wb.worksheet_range("Výkazy").unwrap().height())
        })
    });
    for (name, bytes) in [("ods", &ods), ("xlsx", &xlsx)] {
        group.bench_function(format!("read_bytes_{name}_100000"), |b| {
            b.iter(|| {
                let (ds, _) = read_bytes(black_box(bytes), None, &ReadOptions::default()).unwrap();
                black_box(ds.visits.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, read, read_ods, write);
criterion_main!(benches);
