use phs_doctor_core::knowledge;
use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::components::rich_text::RichText;
use crate::components::severity_badge::SeverityBadge;
use crate::components::source_note::SourceNote;
use crate::route::Route;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct EventRowProps {
    pub id: u32,
}

/// One row of the event table.
#[component]
pub fn EventRow(props: &EventRowProps) -> Html {
    let Some(e) = knowledge::event(props.id) else {
        return html! {};
    };
    let connectivity = e.connectivity();
    html! {
        <tr id={format!("event-{}", e.id)} data-testid={format!("event-{}", e.id)}
            class={classes!(connectivity.then_some("connectivity"))}>
            <th scope="row" class="event-id">
                <NavLink to={Route::Event { id: e.id.to_string() }}>{ e.id }</NavLink>
            </th>
            <td>
                <p class="event-description">{ e.description }</p>
                if let Some(note) = e.note {
                    <RichText text={note} class="event-note" />
                    <SourceNote source={note.source} link={false} />
                }
                if connectivity {
                    <span class="badge badge-connectivity" data-testid="connectivity">{ strings::EVENTS_CONNECTIVITY }</span>
                }
            </td>
            <td class="event-category" data-label={strings::COL_CATEGORY}><span class="tag">{ strings::category_label(e.category) }</span></td>
            <td class="event-severity" data-label={strings::COL_SEVERITY}><SeverityBadge severity={e.severity} /></td>
        </tr>
    }
}
