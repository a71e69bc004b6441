//! Every rule of content/FORMAT.md, checked against a valid question and
//! small mutations of it: each broken rule must give its `path:line: message`.

use opsdrill_bank_compiler::{
    compile_sources, generate, Block, Diagnostic, SourceFile, Style, SECTION_SEPARATOR,
};

const TOPICS: &str = "# Topics\n\n- observability: Observability\n- incidents: Incidents\n";

fn valid_answer() -> String {
    let sentence =
        "I measured pages per shift before and after the change and shared the numbers weekly. ";
    sentence.repeat(12)
}

fn valid_story() -> String {
    format!(
        "---
id: alert-fatigue
question: How do you keep on-call sane?
topics: observability, incidents
difficulty: intermediate
style: story
---

## Why they ask
They want judgement. They also want numbers.

## How to structure your answer
1. The symptom.
2. The rule.
3. The result.

## Talking points
- Page on symptoms
- Runbooks for every page
- Severity tiers
- Measure noise

## Model answer
{}

## Tip
Bring numbers.

## Pitfalls
- Only tools
- Raising thresholds

## Follow-ups

### How do you pick burn rates?
Start from the budget. A fast burn pages and a slow one opens a ticket.

#### Which windows?
An hour and five minutes for the page. Six hours and thirty minutes for the ticket.

### What about other teams?
Their alerts route to them. We review the noisy ones every month.
",
        valid_answer()
    )
}

fn compile_one(category: &str, stem: &str, text: &str) -> Result<Vec<String>, Vec<String>> {
    let file = SourceFile {
        display_path: format!("content/questions/{category}/{stem}.md"),
        category_dir: category.to_string(),
        stem: stem.to_string(),
        text: text.to_string(),
    };
    compile_sources("content/topics.md", TOPICS, &[file])
        .map(|bank| bank.questions.iter().map(|q| q.id.clone()).collect())
        .map_err(|errors| errors.iter().map(Diagnostic::to_string).collect())
}

/// Compiles a mutated story filed under `category` and returns its messages;
/// the mutation must fail.
fn errors_in(category: &str, text: &str) -> Vec<String> {
    compile_one(category, "alert-fatigue", text).expect_err("the mutation must be rejected")
}

/// `errors_in` the story's own category.
fn errors_for(text: &str) -> Vec<String> {
    errors_in("general", text)
}

/// Some message of a story filed under `category` must contain `part`.
fn assert_error_containing(category: &str, text: &str, part: &str) {
    let errors = errors_in(category, text);
    assert!(errors.iter().any(|e| e.contains(part)), "{errors:#?}");
}

fn assert_error(text: &str, expected: &str) {
    let errors = errors_for(text);
    assert!(
        errors.iter().any(|e| e == expected),
        "expected `{expected}`, got {errors:#?}"
    );
}

const P: &str = "content/questions/general/alert-fatigue.md";

#[test]
fn a_valid_question_compiles_to_typed_data() {
    let file = SourceFile {
        display_path: P.into(),
        category_dir: "general".into(),
        stem: "alert-fatigue".into(),
        text: valid_story(),
    };
    let bank = compile_sources("content/topics.md", TOPICS, &[file]).expect("valid");
    let q = &bank.questions[0];
    assert_eq!(q.id, "alert-fatigue");
    assert_eq!(q.style, Style::Story);
    assert_eq!(q.topics, vec!["observability", "incidents"]);
    assert_eq!(q.structure.len(), 3);
    assert_eq!(q.talking_points.len(), 4);
    assert!(matches!(q.answer[0], Block::Paragraph(_)));
    let generated = generate(&bank);
    let rust = &generated.rust;
    assert!(rust.contains("id: \"alert-fatigue\""));
    assert!(rust.contains("Category::General"));
    // Each section is one piece of the bank's text, in the app's compact
    // markup: the talking points are the third.
    assert!(rust.contains("talking_points: Items(Text::Bank(2))"));
    let sections: Vec<&str> = generated.text.split(SECTION_SEPARATOR).collect();
    assert_eq!(sections.len(), 8);
    assert_eq!(
        sections[2],
        "Page on symptoms\nRunbooks for every page\nSeverity tiers\nMeasure noise"
    );
    assert_eq!(
        sections[3],
        "pag symptom\nrunbook pag\nseverity tier\nmeasur nois"
    );
    // A bank this small is one chunk, whose file unpacks to exactly that.
    assert_eq!(generated.chunks.len(), 1);
    let mut decoded = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(&generated.chunks[0].file[..]),
        &mut decoded,
    )
    .expect("valid gzip");
    assert_eq!(decoded, generated.text);
}

#[test]
fn missing_section() {
    let text = valid_story().replace("## Tip\nBring numbers.\n\n", "");
    let line = text.lines().position(|l| l == "## Pitfalls").unwrap() + 1;
    assert_error(&text, &format!("{P}:{line}: missing section `## Tip`"));
}

#[test]
fn empty_section() {
    let text = valid_story().replace("## Tip\nBring numbers.\n", "## Tip\n\n");
    let line = text.lines().position(|l| l == "## Tip").unwrap() + 1;
    assert_error(&text, &format!("{P}:{line}: section `## Tip` is empty"));
}

#[test]
fn unknown_category() {
    let errors = errors_in("misc", &valid_story());
    assert!(
        errors
            .iter()
            .any(|e| e
                .starts_with("content/questions/misc/alert-fatigue.md:1: unknown category `misc`")),
        "{errors:#?}"
    );
}

#[test]
fn unknown_topic() {
    let text = valid_story().replace(
        "topics: observability, incidents",
        "topics: observability, kitchens",
    );
    assert_error(
        &text,
        &format!("{P}:4: unknown topic `kitchens` (see content/topics.md)"),
    );
}

#[test]
fn unknown_style() {
    let text = valid_story().replace("style: story", "style: essay");
    assert_error(
        &text,
        &format!(
            "{P}:6: unknown style `essay` (expected story, design, explain, star, ask or lab)"
        ),
    );
}

#[test]
fn style_must_suit_category() {
    let errors = errors_in("behavioural", &valid_story());
    assert!(
        errors.iter().any(|e| e
            == "content/questions/behavioural/alert-fatigue.md:6: style `story` does not suit category `behavioural` (allowed: star)"),
        "{errors:#?}"
    );
}

#[test]
fn unknown_difficulty() {
    let text = valid_story().replace("difficulty: intermediate", "difficulty: nightmare");
    assert_error(
        &text,
        &format!("{P}:5: unknown difficulty `nightmare` (expected foundational, intermediate or advanced)"),
    );
}

#[test]
fn id_must_match_file_name() {
    let errors = compile_one("general", "noisy-pagers", &valid_story()).unwrap_err();
    assert_eq!(
        errors,
        vec!["content/questions/general/noisy-pagers.md:2: id `alert-fatigue` does not match the file name `noisy-pagers.md`"]
    );
}

#[test]
fn duplicate_ids_across_files() {
    let file = |category: &str| SourceFile {
        display_path: format!("content/questions/{category}/alert-fatigue.md"),
        category_dir: category.into(),
        stem: "alert-fatigue".into(),
        text: valid_story(),
    };
    let errors = compile_sources(
        "content/topics.md",
        TOPICS,
        &[file("general"), file("general")],
    )
    .unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        format!("{P}:2: duplicate id `alert-fatigue`: already used by {P}")
    );
}

#[test]
fn front_matter_problems() {
    assert_error(
        &valid_story().replacen("---\n", "", 1),
        &format!("{P}:1: a question file must start with front matter between `---` lines"),
    );
    assert_error(
        &valid_story().replace("question: How do you keep on-call sane?\n", ""),
        &format!("{P}:1: front matter is missing `question`"),
    );
    assert_error(
        &valid_story().replace("style: story", "style: story\nauthor: me"),
        &format!("{P}:7: unknown front matter key `author` (expected one of: id, question, topics, difficulty, style)"),
    );
}

#[test]
fn list_sections_must_be_lists_of_the_right_size() {
    let text = valid_story().replace("- Only tools\n- Raising thresholds\n", "Only tools.\n");
    let line = text.lines().position(|l| l == "## Pitfalls").unwrap() + 1;
    assert_error(
        &text,
        &format!("{P}:{line}: `## Pitfalls` must be a bullet list (`-`) and nothing else"),
    );

    let text = valid_story().replace("- Measure noise\n", "");
    let line = text.lines().position(|l| l == "## Talking points").unwrap() + 1;
    assert_error(
        &text,
        &format!("{P}:{line}: `## Talking points` bullets: found 3, expected 4 to 8"),
    );

    let text = valid_story().replace("3. The result.\n", "");
    let line = text
        .lines()
        .position(|l| l == "## How to structure your answer")
        .unwrap()
        + 1;
    assert_error(
        &text,
        &format!("{P}:{line}: `## How to structure your answer` steps: found 2, expected 3 to 7"),
    );
}

#[test]
fn length_limits() {
    let text = valid_story().replace(&valid_answer(), "Too short to be useful.");
    let line = text.lines().position(|l| l == "## Model answer").unwrap() + 1;
    assert_error(
        &text,
        &format!("{P}:{line}: `## Model answer` words: found 5, expected 150 to 400"),
    );

    let text = valid_story().replace(
        "They want judgement. They also want numbers.",
        "One sentence only",
    );
    assert_error(
        &text,
        &format!("{P}:9: `## Why they ask` sentences: found 1, expected 2 to 4"),
    );

    let long_point = "word ".repeat(26);
    let text = valid_story().replace("- Severity tiers\n", &format!("- {long_point}\n"));
    let line = text.lines().position(|l| l == "## Talking points").unwrap() + 1;
    assert_error(
        &text,
        &format!("{P}:{line}: `## Talking points` bullet 3 has 26 words, at most 25"),
    );
}

#[test]
fn sections_unknown_duplicated_or_out_of_order() {
    let text = valid_story().replace("## Tip\n", "## Hint\n");
    let line = text.lines().position(|l| l == "## Hint").unwrap() + 1;
    assert!(errors_for(&text)
        .iter()
        .any(|e| e.starts_with(&format!("{P}:{line}: unknown section `## Hint`"))));

    let text = format!("{}\n## Tip\nAgain.\n", valid_story());
    let line = text
        .lines()
        .collect::<Vec<_>>()
        .iter()
        .rposition(|l| *l == "## Tip")
        .unwrap()
        + 1;
    assert_error(
        &text,
        &format!("{P}:{line}: section `## Tip` appears twice"),
    );

    let text = valid_story().replace(
        "## Why they ask\nThey want judgement. They also want numbers.\n\n",
        "",
    ) + "\n## Why they ask\nThey want judgement. They also want numbers.\n";
    let line = text.lines().position(|l| l == "## Why they ask").unwrap() + 1;
    assert!(errors_for(&text).iter().any(|e| e.starts_with(&format!(
        "{P}:{line}: section `## Why they ask` is out of order"
    ))));
}

#[test]
fn markdown_that_cannot_render_is_rejected_with_its_line() {
    let text = valid_story().replace(
        "Bring numbers.",
        "Bring numbers from [here](https://example.com).",
    );
    let line = text
        .lines()
        .position(|l| l.contains("example.com"))
        .unwrap()
        + 1;
    assert_error(
        &text,
        &format!("{P}:{line}: in `## Tip`: a link is not allowed here"),
    );

    let text = valid_story().replace("Bring numbers.", "Bring <b>numbers</b>.");
    let line = text.lines().position(|l| l.contains("<b>")).unwrap() + 1;
    assert_error(
        &text,
        &format!("{P}:{line}: in `## Tip`: HTML is not allowed here"),
    );
}

#[test]
fn star_structure_needs_the_four_labels_in_order() {
    let star = valid_story()
        .replace("style: story", "style: star")
        .replace(
            "1. The symptom.\n2. The rule.\n3. The result.\n",
            "1. **Situation:** where.\n2. **Task:** what.\n3. **Action:** how.\n4. **Result:** numbers.\n",
        );
    let ok = compile_one("behavioural", "alert-fatigue", &star);
    assert!(ok.is_ok(), "{ok:?}");

    let swapped = star.replace("**Task:** what.", "**Goal:** what.");
    assert_error_containing(
        "behavioural",
        &swapped,
        "STAR step must start with `**Task:**`",
    );
}

#[test]
fn ask_style_uses_its_own_headings() {
    let ask = valid_story()
        .replace("style: story", "style: ask")
        .replace("## Why they ask", "## Why it is worth asking")
        .replace("## How to structure your answer", "## How to ask it")
        .replace("## Talking points", "## Listen for")
        .replace("## Model answer", "## What the answer reveals");
    assert!(compile_one("ask", "alert-fatigue", &ask).is_ok());
    // The story headings are not accepted for an ask question.
    assert_error_containing(
        "ask",
        &valid_story().replace("style: story", "style: ask"),
        "unknown section `## Why they ask`",
    );
}

#[test]
fn also_synonyms_become_keywords_and_leave_the_displayed_text() {
    let text = valid_story().replace(
        "- Runbooks for every page\n",
        "- Runbooks for every page {also: playbooks, standard operating procedure}\n",
    );
    let file = SourceFile {
        display_path: P.into(),
        category_dir: "general".into(),
        stem: "alert-fatigue".into(),
        text,
    };
    let bank = compile_sources("content/topics.md", TOPICS, &[file]).expect("valid");
    let q = &bank.questions[0];
    let point: String = q.talking_points[1]
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(point, "Runbooks for every page");
    assert_eq!(q.keywords[1].own, ["runbook", "pag"]);
    assert_eq!(
        q.keywords[1].also,
        ["playbook", "standard", "operat", "procedur"]
    );
    // The other points have only their own keywords.
    assert_eq!(q.keywords[0].own, ["pag", "symptom"]);
    assert!(q.keywords[0].also.is_empty());
    assert_eq!(q.keywords.len(), q.talking_points.len());
    let text = generate(&bank).text;
    assert!(!text.contains("also:"), "the suffix is not displayed");
    assert!(
        text.contains("\nrunbook pag+playbook standard operat procedur\n"),
        "the synonyms are kept after the point's own keywords"
    );
}

#[test]
fn also_problems_are_reported_with_their_line() {
    for (bullet, message) in [
        (
            "- Runbooks for every page {also: }",
            "`## Talking points`: `{also:}` lists no words",
        ),
        (
            "- Runbooks for every page {also: playbook,, sop}",
            "`## Talking points`: `{also:}` has an empty entry between commas",
        ),
        (
            "- Runbooks for every page {also: playbook",
            "`## Talking points`: unclosed `{` (synonyms read `{also: word, word}`)",
        ),
        (
            "- Runbooks {also: playbook} for every page",
            "`## Talking points`: braces are only allowed in a trailing `{also: word, word}`",
        ),
        (
            "- Runbooks for {every} page",
            "`## Talking points`: braces are only allowed in a trailing `{also: word, word}`",
        ),
        (
            "- Runbooks for every page }",
            "`## Talking points`: braces are only allowed in a trailing `{also: word, word}`",
        ),
        (
            "- Runbooks for every page {also: the, a}",
            "`## Talking points`: `{also:}` entry `the` has no keyword (only short or common words)",
        ),
        (
            "- Runbooks {also: playbook}\n  for every page",
            "`## Talking points`: `{also: word, word}` must end its bullet",
        ),
    ] {
        let text = valid_story().replace("- Runbooks for every page", bullet);
        let line = text
            .lines()
            .position(|l| l.starts_with("- Runbooks"))
            .unwrap()
            + 1;
        assert_error(&text, &format!("{P}:{line}: {message}"));
    }
    // Braces stay allowed where they are ordinary text, as in code.
    let text = valid_story().replace("Bring numbers.", "Bring `{p99}` numbers.");
    assert!(compile_one("general", "alert-fatigue", &text).is_ok());
}

#[test]
fn the_real_bank_is_valid() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    if let Err(errors) = opsdrill_bank_compiler::load_dir(&dir) {
        let list: Vec<String> = errors.iter().map(Diagnostic::to_string).collect();
        panic!("the bank has problems:\n{}", list.join("\n"));
    }
}

#[test]
fn a_design_question_is_never_foundational() {
    let text = valid_story()
        .replace("style: story", "style: design")
        .replace("difficulty: intermediate", "difficulty: foundational");
    assert_error(
        &text,
        &format!("{P}:5: a design question is never `foundational` (see Difficulty in content/FORMAT.md)"),
    );
}
