//! PHS Doctor's engine: everything the app and the CLI decide, as plain data.
//!
//! - [`knowledge`]: the event IDs, status values, version gates, results and guided paths,
//!   compiled in from `content/` by `build.rs`, with look-ups over them.
//! - [`version`]: parsing a Microsoft Entra Connect version and choosing a troubleshooting path.
//! - [`walk`]: the decision-tree walker (answers so far, back, restart, jump, summary).
//! - [`script`]: the PowerShell generators and the literal quoting and DN checks behind them.
//! - [`lookup`]: the look-up pages' view-models (events outside the table, errors by number,
//!   hex or name, the pages' filters); [`search`]: the ranked, typo-tolerant search over them.
//! - [`learn`]: the Learn pages (how PHS works, the article itself), sections with anchors.
//! - [`releases`]: the release list and the notices that apply to a known version on a given day.
//! - [`redact`]: stable placeholders for DNs, users, hosts, tenants, GUIDs, SIDs and addresses.
//!
//! The core does no IO and has no web dependency; nothing in it panics on user input.

pub mod analysis;
mod bytes;
mod connect_version;
pub mod input;
pub mod knowledge;
pub mod learn;
pub mod lookup;
mod lookup_tables;
mod markup;
pub mod number;
mod order;
pub mod redact;
pub mod releases;
pub mod report;
pub mod script;
pub mod search;
pub mod suggest;
mod text_keys;
pub mod version;
pub mod walk;

pub use knowledge::{Severity, Text};
pub use version::ConnectVersion;
