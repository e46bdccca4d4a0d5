//! The parsers: one module per input kind, each opening with a sample of what it reads. A
//! parser never fails and never names a finding: it builds records and states typed facts
//! (`fact.rs`, `content/facts.json`) for the judge (`judge.rs`). The driver
//! (`recognise.rs`) walks the lines and hands each to the parsers whose input it is; the
//! registry of input kinds (`inputs.rs`) says which parser reads each.
//!
//! - Events in every form Windows prints them: `event.rs` (what they share), `event_details.rs`,
//!   `event_list.rs`, `event_xml.rs`, `event_table.rs`, `event_csv.rs`; an event message's own
//!   wording, `event_message.rs`.
//! - One logical line (`line.rs` dispatches; `text.rs` is what a line gives): the status script
//!   and the cmdlets' settings (`status_script.rs`), the troubleshooter and the single-object run
//!   (`troubleshooter.rs`), log status values (`log_status.rs`), 656/657 password changes
//!   (`password_change.rs`), error numbers and messages in any language (`codes.rs`); a
//!   Markdown table row, whose cells are read as lines (`pipe_table.rs`), and a cmdlet's
//!   settings as a table, each value read as its `Name : Value` line (`prop_table.rs`); the sync service's
//!   state (`service.rs`); a Microsoft Entra sign-in log's error code (`signin.rs`); a run of
//!   the Operations tab (`run_history.rs`).
//! - Classes with a reader of their own: Connect Health alerts as text or JSON (`health.rs`),
//!   AdSyncConfig error records (`adsyncconfig.rs`), the ADSync module's (`cmdlet_error.rs`), the wizard's trace (`trace.rs`), other
//!   features' text (`adjacent.rs`), a code or an ID alone (`token.rs`).
//! - The collector's report block is read by `block.rs` (beside the parsers: it decodes and
//!   checks the block, then its facts are analysed like a paste).

pub(crate) mod adjacent;
pub(crate) mod adsyncconfig;
pub(crate) mod cmdlet_error;
pub(crate) mod codes;
pub(crate) mod event;
pub(crate) mod event_csv;
pub(crate) mod event_details;
pub(crate) mod event_list;
pub(crate) mod event_message;
pub(crate) mod event_table;
pub(crate) mod event_xml;
pub(crate) mod health;
pub(crate) mod line;
pub(crate) mod log_status;
pub(crate) mod password_change;
pub(crate) mod pipe_table;
pub(crate) mod prop_table;
pub(crate) mod run_history;
pub(crate) mod service;
pub(crate) mod signin;
pub(crate) mod status_script;
pub(crate) mod text;
pub(crate) mod token;
pub(crate) mod trace;
pub(crate) mod troubleshooter;
