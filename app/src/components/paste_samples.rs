use yew::prelude::*;

use crate::strings;

/// A sample paste: a label and a fixture of `tests/fixtures/pastes/` (whose expected findings
/// the core's fixture test checks).
pub struct Sample {
    pub id: &'static str,
    pub label: &'static str,
    fixture: &'static str,
}

impl Sample {
    /// The paste: the fixture without its `# ` header lines.
    pub fn text(&self) -> &'static str {
        let mut rest = self.fixture;
        while rest.starts_with("# ") {
            rest = rest.split_once('\n').map_or("", |(_, r)| r);
        }
        rest
    }
}

pub const SAMPLES: [Sample; 4] = [
    Sample {
        id: "event-611",
        label: "Event 611 (RPC Error 8453)",
        fixture: include_str!("../../../tests/fixtures/pastes/event-details-611-8453.txt"),
    },
    Sample {
        id: "diagnostics",
        label: "Troubleshooter output",
        fixture: include_str!("../../../tests/fixtures/pastes/diag-no-heartbeat.txt"),
    },
    Sample {
        id: "event-table",
        label: "Event log with a heartbeat gap",
        fixture: include_str!("../../../tests/fixtures/pastes/event-table-getwinevent-gap.txt"),
    },
    Sample { id: "healthy", label: "A healthy server", fixture: include_str!("../../../tests/fixtures/pastes/healthy-mixed.txt") },
];

#[derive(Properties, PartialEq)]
pub struct PasteSamplesProps {
    pub on_pick: Callback<&'static str>,
}

/// Buttons that fill the paste box with a sample.
#[component]
pub fn PasteSamples(props: &PasteSamplesProps) -> Html {
    html! {
        <div class="samples" role="group" aria-labelledby="samples-label">
            <span id="samples-label" class="samples-label">{ strings::PASTE_SAMPLES }</span>
            { for SAMPLES.iter().map(|s| {
                let text = s.text();
                html! {
                    <button type="button" class="button button-small" id={format!("sample-{}", s.id)}
                        data-testid={format!("sample-{}", s.id)} onclick={props.on_pick.reform(move |_: MouseEvent| text)}>
                        { s.label }
                    </button>
                }
            }) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use phs_doctor_core::analysis::analyze;

    use super::*;

    #[test]
    fn samples_are_pastes_with_findings() {
        for s in &SAMPLES {
            let text = s.text();
            assert!(!text.starts_with('#'), "{}", s.id);
            assert!(!analyze(text).findings.is_empty(), "{}", s.id);
        }
        let a = analyze(SAMPLES[0].text());
        assert_eq!(a.findings[0].id.as_str(), "ad-permissions");
    }
}
