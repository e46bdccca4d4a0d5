use phs_doctor_core::Text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RichTextProps {
    pub text: Text,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// Content text from the core. `Text::html` is rendered at build time from the markdown in
/// `content/` (trusted, never user input), so it is inserted as HTML. Nothing the user types
/// ever goes through here.
#[component]
pub fn RichText(props: &RichTextProps) -> Html {
    html! {
        <div class={classes!("rich", props.class.clone())} id={props.id.clone()}>
            { Html::from_html_unchecked(AttrValue::Static(props.text.html)) }
        </div>
    }
}
