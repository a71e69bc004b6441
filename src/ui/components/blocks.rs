//! Renders the bank's typed Markdown blocks, decoded from the bank's compact
//! markup as they render (a question's sections convert `into` the decoded
//! form). Text is always inserted as text, never as HTML.

use leptos::prelude::*;

use opsdrill_core::bank::markup::{Items, Prose};

use opsdrill_core::bank::{Block, Inline, SpanStyle};

#[component]
pub fn InlineText(inline: Inline<'static>) -> impl IntoView {
    inline
        .spans()
        .map(|span| match span.style {
            SpanStyle::Plain => span.text.into_any(),
            SpanStyle::Emphasis => view! { <em>{span.text}</em> }.into_any(),
            SpanStyle::Strong => view! { <strong>{span.text}</strong> }.into_any(),
            SpanStyle::Code => view! { <code>{span.text}</code> }.into_any(),
        })
        .collect_view()
}

#[component]
pub fn InlineList(
    #[prop(into)] items: Items<'static>,
    #[prop(optional)] ordered: bool,
) -> impl IntoView {
    let items = items
        .iter()
        .map(|inline| view! { <li><InlineText inline/></li> })
        .collect_view();
    if ordered {
        view! { <ol>{items}</ol> }.into_any()
    } else {
        view! { <ul>{items}</ul> }.into_any()
    }
}

#[component]
pub fn Blocks(#[prop(into)] blocks: Prose<'static>) -> impl IntoView {
    blocks
        .blocks()
        .map(|block| match block {
            Block::Paragraph(inline) => view! { <p><InlineText inline/></p> }.into_any(),
            Block::List { ordered, items } => view! { <InlineList items ordered/> }.into_any(),
            Block::Code(code) => view! { <pre><code>{code}</code></pre> }.into_any(),
        })
        .collect_view()
}
