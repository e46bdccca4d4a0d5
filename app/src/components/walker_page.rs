use phs_doctor_core::knowledge::{self, GateStatus};
use phs_doctor_core::walk::{Action, Link};
use phs_doctor_core::ConnectVersion;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::answer_summary::AnswerSummary;
use crate::components::copy_link::CopyLink;
use crate::components::gate_notice::GateNoticeView;
use crate::components::nav_link::{self, NavLink};
use crate::components::node_card::NodeCard;
use crate::components::rich_text::RichText;
use crate::components::source_note::SourceNote;
use crate::components::version_notices::VersionNotices;
use crate::components::walk_report::WalkReport;
use crate::components::walk_version::WalkVersion;
use crate::route::{self, version_from_query, Route};
use crate::state::{use_app, AppAction};
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct WalkerPageProps {
    pub id: AttrValue,
    /// `WalkState::encode()`, e.g. `v2.run-status` (or an old link's `0.0.2`); empty at the start.
    pub choices: AttrValue,
}

/// A guided path. The route is the walk's state: each action is `WalkState::apply` and a
/// navigation to the new state's route, so Back/Forward of the browser and shared links work.
#[component]
pub fn WalkerPage(props: &WalkerPageProps) -> Html {
    let navigator = use_navigator();
    let location = use_location();
    let heading = use_node_ref();
    let moved = use_mut_ref(|| false);
    {
        // After an action, focus the new step's heading (screen readers announce it, and the
        // page scrolls to it).
        let heading = heading.clone();
        let moved = moved.clone();
        use_effect_with(props.choices.clone(), move |_| {
            if std::mem::take(&mut *moved.borrow_mut()) {
                if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        });
    }
    let version = location.as_ref().and_then(|l| version_from_query(l.query_str()));
    {
        // A shared link carries the version and the path: the start page shows them after
        // "Change version or symptom".
        let app = use_app();
        let scope = knowledge::path(&props.id).map(|p| p.scope);
        use_effect_with((version, scope), move |(version, scope)| {
            if let Some(v) = version.filter(|v| app.version() != Some(*v)) {
                app.dispatch(AppAction::Version(v.to_string()));
            }
            if let Some(s) = scope.filter(|s| app.scope != *s) {
                app.dispatch(AppAction::Scope(s));
            }
        });
    }
    let Some(Link { state, stale }) = Link::open(&props.id, &props.choices) else {
        return html! {
            <div class="page" data-testid="page-walker">
                <h1>{ strings::NOT_FOUND_TITLE }</h1>
                <p data-testid="unknown-path">{ strings::WALK_UNKNOWN_PATH }</p>
                <p><NavLink to={Route::Home}>{ strings::GO_HOME }</NavLink></p>
            </div>
        };
    };
    let view = state.view(version);
    let on_action = {
        let state = state.clone();
        Callback::from(move |action: Action| {
            let next = state.apply(action);
            if next != state {
                *moved.borrow_mut() = true;
                if let Some(n) = &navigator {
                    route::push(n, &Route::walk(&next), version);
                }
            }
        })
    };
    let version_text = version.map(|v| AttrValue::from(v.to_string()));
    // A version entered on the walk: the same step, with the version in the route.
    let on_version = {
        let navigator = use_navigator();
        let route = Route::walk(&state);
        Callback::from(move |v: ConnectVersion| {
            if let Some(n) = &navigator {
                route::replace(n, &route, &route::version_query(Some(v)).unwrap_or_default());
            }
        })
    };
    let link = AttrValue::from(nav_link::href(&Route::walk(&state), route::version_query(version).as_ref()));
    let path_gate = view.path_gate.clone().filter(|g| g.status != GateStatus::Met);
    html! {
        <div class="page walker" data-testid="page-walker" data-path={view.path_id} data-position={view.current.reference.clone()}>
            <p class="crumb"><NavLink to={Route::Home} id={AttrValue::Static("change-start")}>{ strings::WALK_CHANGE }</NavLink></p>
            <h1 id="path-title" data-testid="path-title">{ view.path_title }</h1>
            if let Some(stale) = stale {
                // Said first: what follows is not where the link pointed.
                <div class="notice notice-warning" data-testid="stale-link" role="note">
                    <p class="notice-title">{ strings::WALK_STALE_TITLE }</p>
                    <p>{ strings::walk_stale(stale.kept, stale.given) }</p>
                </div>
            }
            if let Some(now) = view.now_on {
                <p class="now-on" data-testid="now-on"><strong>{ strings::WALK_NOW_ON }</strong>{ " " }{ now }</p>
            }
            <WalkVersion {version} on_apply={on_version} />
            if let Some(r) = view.retired {
                <div class="notice notice-warning" data-testid="retired">
                    <RichText text={r} />
                    <SourceNote source={r.source} />
                </div>
            }
            if let Some(g) = path_gate {
                <GateNoticeView notice={g} version={version_text.clone()} />
            }
            <VersionNotices {version} origin={AttrValue::Static(strings::ORIGIN_LINK)} skip_retired={true} compact={true} />
            <RichText text={view.intro} class="intro" />
            <SourceNote source={view.intro.source} />
            <div class="walk-grid">
                <div class="walk-main">
                    <NodeCard current={view.current.clone()} progress={view.progress}
                        version={version_text.clone()} heading={heading}
                        on_choose={on_action.reform(Action::Choose)} />
                    if let Some(skip) = view.skip_to {
                        <p class="skip-to">
                            <button type="button" class="button button-quiet" data-testid="skip-to-output"
                                onclick={on_action.reform(|_| Action::SkipToQuestion)}>
                                { strings::skip_to_output(skip.method) }
                            </button>
                        </p>
                    }
                    <div class="walk-controls">
                        <button type="button" class="button" id="back" data-testid="back"
                            disabled={!view.can_go_back} onclick={on_action.reform(|_| Action::Back)}>
                            { strings::WALK_BACK }
                        </button>
                        <button type="button" class="button" id="restart" data-testid="restart"
                            disabled={!view.can_go_back} onclick={on_action.reform(|_| Action::Restart)}>
                            { strings::WALK_RESTART }
                        </button>
                        <CopyLink hash={link} />
                        <WalkReport state={state.clone()} {version} />
                    </div>
                </div>
                <AnswerSummary items={view.summary.clone()} on_jump={on_action.reform(Action::JumpTo)} />
            </div>
        </div>
    }
}
