//! Throughput of the full pipeline, in bytes of input per second.
//!
//! Corpora: the seed article (always), and the first megabyte of the novels
//! in `../shared/bench/eltec-fra-50mb.txt` when that folder is beside the
//! project. Each bench checks the entity count first, so that a change that
//! makes extraction fast by making it wrong fails here.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use vigie::Extractor;

fn seed(c: &mut Criterion) {
    let text = include_str!("../examples/antalya-2017.txt");
    let extractor = Extractor::new();
    assert_eq!(extractor.extract(text).entities.len(), 61, "the seed's entity count changed");
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("seed-article", |b| b.iter(|| extractor.entities(std::hint::black_box(text))));
    g.finish();
}

fn novels(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/bench/eltec-fra-50mb.txt");
    let Ok(all) = std::fs::read_to_string(path) else {
        eprintln!("skipping the novels bench: {path} not found");
        return;
    };
    let mut end = 1 << 20;
    while !all.is_char_boundary(end) {
        end += 1;
    }
    let text = &all[..end];
    let extractor = Extractor::new();
    let n = extractor.entities(text).len();
    assert!(n > 1_000, "only {n} entities in 1 MB of novels");
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("eltec-1mb", |b| b.iter(|| extractor.entities(std::hint::black_box(text))));
    g.finish();
}

fn build(c: &mut Criterion) {
    c.bench_function("build-extractor", |b| b.iter(|| Extractor::builder().build().unwrap()));
}

criterion_group!(benches, seed, novels, build);
criterion_main!(benches);
