//! The integration tests of vigie, in one binary: the data-driven corpus,
//! offset properties, JSON snapshots, fuzz regressions and API checks.

mod api;
mod corpus;
mod events;
mod fuzz_regressions;
mod properties;
mod snapshots;
