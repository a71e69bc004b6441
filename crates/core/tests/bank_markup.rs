//! The bank is kept in the wasm as compact markup strings and decoded at
//! render time. Every section of every question must decode to exactly the
//! blocks and styled spans the compiler parsed from the Markdown.

use opsdrill_bank_compiler as compiler;
use opsdrill_core::bank::{Block, Inline, QUESTIONS};
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

fn blocks(prose: impl Into<markup::Prose<'static>>) -> Vec<compiler::Block> {
    let prose: markup::Prose<'static> = prose.into();
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
        let follow_ups: Vec<_> = q
            .follow_ups
            .iter()
            .map(|f| (f.depth, spans(f.question), blocks(f.answer)))
            .collect();
        let expected: Vec<_> = parsed
            .follow_ups
            .iter()
            .map(|f| (f.depth, f.question.clone(), f.answer.clone()))
            .collect();
        assert_eq!(follow_ups, expected, "{}: follow-ups", q.id);
        assert_eq!(q.lab.is_some(), parsed.lab.is_some(), "{}: lab", q.id);
        if let (Some(lab), Some(expected)) = (q.lab, &parsed.lab) {
            assert_eq!(
                blocks(lab.scenario),
                expected.scenario,
                "{}: scenario",
                q.id
            );
            assert_eq!(blocks(lab.root_cause), expected.root_cause, "{}", q.id);
            assert_eq!(blocks(lab.fix), expected.fix, "{}: fix", q.id);
            assert_eq!(items(lab.prevention), expected.prevention, "{}", q.id);
            let steps: Vec<_> = lab
                .steps
                .iter()
                .map(|s| (blocks(s.evidence), blocks(s.prompt), blocks(s.read)))
                .collect();
            let want: Vec<_> = expected
                .steps
                .iter()
                .map(|s| (s.evidence.clone(), s.prompt.clone(), s.read.clone()))
                .collect();
            assert_eq!(steps, want, "{}: steps", q.id);
        }
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
