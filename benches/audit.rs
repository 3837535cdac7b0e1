//! The audit core on in-memory visits: throughput in visits per second
//! (`cargo bench --bench audit`). The dataset is generated once, outside
//! the measurement; only `Audit::run` is timed.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use homecare_audit::audit::Audit;
use homecare_audit::synth::Synth;

fn audit(c: &mut Criterion) {
    let mut group = c.benchmark_group("audit");
    group.sample_size(10);
    for rows in [100_000usize, 1_000_000] {
        let ds = Synth::new(1, rows).dataset();
        group.throughput(Throughput::Elements(ds.visits.len() as u64));
        group.bench_function(format!("{rows}_visits"), |b| {
            b.iter(|| black_box(Audit::new(black_box(&ds)).run()))
        });
    }
    group.finish();
}

criterion_group!(benches, audit);
criterion_main!(benches);
