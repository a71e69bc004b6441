//! The bank is kept in the wasm as compact markup strings and decoded at
//! render time. Every section of every question must decode to exactly the
//! blocks and styled spans the compiler parsed from the Markdown.

use opsdrill_bank_compiler as compiler;
use opsdrill_core::bank::{Block, Inline, Prose, QUESTIONS};
use opsdrill_text::markup;

fn spans(inline: Inline<'_>) -> Vec<compiler::Span> {
    inline
        .spans()
        .map(|span| compiler::Span {
            style: span.style,
            text: span.text.to_string(),
        })
        .collect()
}

fn items(items: impl Into<markup::Items<'static>>) -> Vec<Vec<compiler::Span>> {
    let items: markup::Items<'static> = items.into();
    items.iter().map(spans).collect()
}

fn blocks(prose: Prose) -> Vec<compiler::Block> {
    prose
        .blocks()
        .map(|block| match block {
            Block::Paragraph(inline) => compiler::Block::Paragraph(spans(inline)),
            Block::List {
                ordered,
                items: list,
            } => compiler::Block::List {
                ordered,
                items: items(list),
            },
            Block::Code(code) => compiler::Block::Code(code.to_string()),
        })
        .collect()
}

#[test]
fn every_section_decodes_to_what_the_compiler_parsed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let bank = compiler::load_dir(&dir).expect("the bank is valid");
    assert_eq!(bank.questions.len(), QUESTIONS.len());
    let mut styled = 0;
    for (parsed, q) in bank.questions.iter().zip(QUESTIONS) {
        assert_eq!(parsed.id, q.id);
        assert_eq!(blocks(q.why), parsed.why, "{}: why", q.id);
        assert_eq!(items(q.structure), parsed.structure, "{}: structure", q.id);
        assert_eq!(items(q.talking_points), parsed.talking_points, "{}", q.id);
        assert_eq!(blocks(q.answer), parsed.answer, "{}: answer", q.id);
        assert_eq!(blocks(q.tip), parsed.tip, "{}: tip", q.id);
        assert_eq!(items(q.pitfalls), parsed.pitfalls, "{}: pitfalls", q.id);
        assert_eq!(items(q.follow_ups), parsed.follow_ups, "{}", q.id);
        styled += blocks(q.answer)
            .iter()
            .filter(|b| !matches!(b, compiler::Block::Paragraph(s) if s.len() == 1))
            .count();
    }
    // The bank really exercises the markup: styled runs, lists and code.
    assert!(
        styled > 50,
        "{styled} answer blocks with styles, lists or code"
    );
}
