//! One small component per file. Pages end in `_page`; the rest are their parts.

pub mod answer_summary;
pub mod app;
pub mod event_page;
pub mod event_row;
pub mod events_page;
pub mod gate_notice;
pub mod home_page;
pub mod layout;
pub mod nav;
pub mod nav_link;
pub mod node_card;
pub mod not_found_page;
pub mod recommendation;
pub mod rich_text;
pub mod scope_field;
pub mod script_field;
pub mod script_output;
pub mod scripts_page;
pub mod severity_badge;
pub mod status_card;
pub mod statuses_page;
pub mod version_field;
pub mod walker_page;
