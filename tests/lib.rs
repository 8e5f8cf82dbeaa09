//! The integration tests of vigie, in one binary: the data-driven corpus,
//! offset properties, JSON snapshots, fuzz regressions, API checks and the
//! command-line tool on archives.

mod api;
#[cfg(feature = "cli")]
mod cli;
mod corpus;
mod events;
mod fuzz_regressions;
mod properties;
mod snapshots;
