//! Packs of own questions (content/FORMAT.md, "Packs"): they round-trip
//! through their file, encode exactly as the bank does, keep the format's
//! rules at the right lines, drop the bank's editorial limits, and never
//! panic on any input.

use opsdrill_bank_compiler::{
    compile_own, compile_sources, generate, read_pack, write_pack, Category, Difficulty, OwnMarkup,
    OwnProblem, OwnSource, PackRead, Section, SourceFile, Style, SECTION_SEPARATOR,
};
use proptest::prelude::*;

/// A question with only its text and category: the rest as a pack defaults it.
fn own(category: Category, question: &str) -> OwnSource {
    OwnSource {
        id: String::new(),
        category,
        question: question.to_string(),
        topics: Vec::new(),
        difficulty: Difficulty::Intermediate,
        style: category.allowed_styles()[0],
        asked: String::new(),
        sections: Default::default(),
    }
}

fn with_sections(mut source: OwnSource, sections: [&str; 7]) -> OwnSource {
    source.sections = sections.map(str::to_string);
    source
}

/// Writes the questions as a pack, reads it back, and checks that it gives
/// them back, each with the markup `compile_own` gives it.
fn assert_round_trip(questions: &[OwnSource]) -> PackRead {
    let pack = write_pack(questions);
    assert!(pack.starts_with("<!-- OpsDrill question pack: "), "{pack}");
    assert!(pack.ends_with('\n'));
    let read = read_pack("pack.md", &pack);
    assert_eq!(read.errors, [], "{pack}");
    assert_eq!(read.found, questions.len());
    let sources: Vec<&OwnSource> = read.questions.iter().map(|q| &q.source).collect();
    assert_eq!(sources, questions.iter().collect::<Vec<_>>(), "{pack}");
    for (question, source) in read.questions.iter().zip(questions) {
        assert_eq!(compile_own(source), Ok(question.markup.clone()));
    }
    read
}

fn full_technical() -> OwnSource {
    let mut source = with_sections(
        own(
            Category::Technical,
            "How does a readiness probe differ from a liveness probe?",
        ),
        [
            "The interviewer wants to know you keep traffic away from pods that are **not ready**.",
            "1. Say what each probe does.\n2. Give an *example*.",
            "- Readiness gates traffic {also: endpoints, load balancing}\n- Liveness restarts the container",
            "A failing readiness probe takes the pod out of the `Service` endpoints.\n\n\
             ```sh\nkubectl describe pod web-0\n```\n\n\
             - readiness: traffic\n- liveness: restarts",
            "Name the failure each probe prevents.",
            "- Using the same endpoint for both\n- Probing a dependency",
            "### What happens when a liveness probe is too aggressive?\n\
             The kubelet restarts pods that were only slow.\n\n\
             #### How would you notice?\nRestart counts climb while the logs show no crash.\n\n\
             ### Which probe would you add first?\nReadiness, because it only routes traffic.",
        ],
    );
    source.id = "probe-types".to_string();
    source.topics = vec!["kubernetes".to_string(), "observability".to_string()];
    source.difficulty = Difficulty::Advanced;
    source.style = Style::Design;
    source.asked = "Acme, 2026-11-30, onsite".to_string();
    source
}

#[test]
fn a_question_with_only_its_text_and_category_round_trips() {
    let source = own(
        Category::General,
        "What is the worst outage you have handled?",
    );
    let read = assert_round_trip(std::slice::from_ref(&source));
    assert_eq!(read.questions[0].markup, OwnMarkup::default());
    assert_eq!(read.questions[0].line, 3);
    let pack = write_pack(&[source]);
    assert_eq!(
        pack,
        "<!-- OpsDrill question pack: 1 question. The format: \
         https://github.com/opsdrill/opsdrill/blob/main/content/FORMAT.md#packs -->\n\
         \n---\ncategory: general\nquestion: What is the worst outage you have handled?\n\
         difficulty: intermediate\nstyle: story\n---\n"
    );
}

#[test]
fn a_question_with_every_section_round_trips() {
    let source = full_technical();
    let read = assert_round_trip(std::slice::from_ref(&source));
    let markup = &read.questions[0].markup;
    assert_eq!(
        markup.structure,
        "Say what each probe does.\nGive an \u{11}example\u{10}."
    );
    assert_eq!(
        markup.talking_points,
        "Readiness gates traffic\nLiveness restarts the container"
    );
    // The synonyms' stems follow the `+`.
    assert_eq!(
        markup.keywords,
        "readines gat traffic+endpoint load balanc\nlivenes restart container"
    );
    assert!(markup.answer.contains("\u{c}kubectl describe pod web-0"));
    assert!(markup.why.contains("\u{12}not ready"));
    assert!(markup.follow_ups.contains('\u{2}'), "a second level");
    let pack = write_pack(&[source]);
    assert!(pack.contains(
        "---\nid: probe-types\ncategory: technical\nquestion: How does a readiness probe \
         differ from a liveness probe?\ntopics: kubernetes, observability\ndifficulty: \
         advanced\nstyle: design\nasked: Acme, 2026-11-30, onsite\n---\n\n## Why they ask\n"
    ));
}

#[test]
fn a_star_question_round_trips() {
    let mut source = with_sections(
        own(
            Category::Behavioural,
            "Tell me about a time you disagreed with your manager.",
        ),
        [
            "",
            "1. **Situation:** the release.\n2. **Task:** my part.\n3. **Action:** what I did.\n4. **Result:** the number.",
            "- Disagree with data",
            "We shipped late by a day and lost nothing.",
            "",
            "",
            "",
        ],
    );
    source.difficulty = Difficulty::Foundational;
    assert_eq!(source.style, Style::Star);
    let read = assert_round_trip(std::slice::from_ref(&source));
    assert!(read.questions[0]
        .markup
        .structure
        .starts_with("\u{12}Situation:"));
}

#[test]
fn an_ask_question_round_trips() {
    let source = with_sections(
        own(Category::Ask, "What does on-call look like on this team?"),
        [
            "It shows how the team treats its own time.",
            "1. Ask it after they describe the stack.",
            "- A rotation size and a page count",
            "A team that knows its pages per week measures its on-call load.",
            "Ask for numbers, not adjectives.",
            "- Asking it first",
            "### How often were you paged last month?\nListen for a number.",
        ],
    );
    let read = assert_round_trip(std::slice::from_ref(&source));
    let pack = write_pack(&[source]);
    for heading in [
        "## Why it is worth asking",
        "## How to ask it",
        "## Listen for",
        "## What the answer reveals",
    ] {
        assert!(pack.contains(&format!("\n{heading}\n")), "{heading}");
    }
    assert_eq!(read.questions[0].source.style, Style::Ask);
}

#[test]
fn several_questions_round_trip_in_one_pack() {
    let questions = [
        full_technical(),
        own(Category::General, "What would you automate first?"),
        with_sections(
            own(Category::Ask, "Who owns the pager?"),
            ["", "", "- A named owner", "", "", "", ""],
        ),
    ];
    let read = assert_round_trip(&questions);
    let pack = write_pack(&questions);
    assert!(pack.starts_with("<!-- OpsDrill question pack: 3 questions."));
    // Each question's line is its opening `---`.
    let lines: Vec<&str> = pack.lines().collect();
    for question in &read.questions {
        assert_eq!(lines[question.line - 1], "---");
        assert!(
            lines[question.line].starts_with("id: ")
                || lines[question.line].starts_with("category: ")
        );
    }
}

#[test]
fn unicode_text_round_trips() {
    let mut source = with_sections(
        own(
            Category::General,
            "Comment gérez-vous une panne à 3 h du matin ? 🚨",
        ),
        [
            "Ils veulent du calme — et des chiffres : « p99 » à 250 ms.",
            "",
            "- Communiquer tôt {also: prévenir, 服务器重启}\n- Rétablir d'abord",
            "J'ai basculé le trafic vers eu-west-1 en 4 min ; 日本語のテキスト。",
            "",
            "",
            "### Et après ?\nUn post-mortem sans reproche, sous 48 h.",
        ],
    );
    source.asked = "Zürich, 2026-01-05, téléphone".to_string();
    source.topics = vec!["incidents".to_string()];
    let read = assert_round_trip(std::slice::from_ref(&source));
    assert!(read.questions[0].markup.why.contains("« p99 »"));
}

/// A bank file's front matter fields and its sections' headings and bodies.
struct BankFile {
    front: Vec<(String, String)>,
    sections: Vec<(String, String)>,
}

/// Splits a bank file at its front matter and `## ` headings (outside code).
fn split_bank_file(text: &str) -> BankFile {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("---"));
    let mut front = Vec::new();
    for line in lines.by_ref() {
        if line == "---" {
            break;
        }
        let (key, value) = line.split_once(':').expect("key: value");
        front.push((key.trim().to_string(), value.trim().to_string()));
    }
    let mut sections: Vec<(String, String)> = Vec::new();
    let mut in_fence = false;
    for line in lines {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        match line.strip_prefix("## ") {
            Some(heading) if !in_fence => sections.push((heading.to_string(), String::new())),
            _ => {
                if let Some((_, body)) = sections.last_mut() {
                    body.push_str(line);
                    body.push('\n');
                }
            }
        }
    }
    BankFile { front, sections }
}

#[test]
fn own_markup_is_what_the_bank_encodes_for_every_bank_question() {
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let topics = std::fs::read_to_string(content.join("topics.md")).expect("topics");
    let mut compared = 0;
    for category in Category::ALL.into_iter().filter(|&c| c != Category::Labs) {
        let dir = content.join("questions").join(category.slug());
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("category folder")
            .map(|e| e.expect("entry").path())
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("question file");
            let stem = path.file_stem().and_then(|s| s.to_str()).expect("name");
            let file = split_bank_file(&text);
            let field = |key: &str| {
                file.front
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.clone())
                    .expect("the bank gives every key")
            };
            let style = Style::from_slug(&field("style")).expect("style");
            let source = OwnSource {
                id: field("id"),
                category,
                question: field("question"),
                topics: field("topics")
                    .split(',')
                    .map(|t| t.trim().to_string())
                    .collect(),
                difficulty: Difficulty::from_slug(&field("difficulty")).expect("difficulty"),
                style,
                asked: String::new(),
                sections: Section::ALL.map(|kind| {
                    file.sections
                        .iter()
                        .find(|(heading, _)| heading == style.heading(kind))
                        .map(|(_, body)| body.clone())
                        .expect("the bank gives every section")
                }),
            };
            let own = compile_own(&source)
                .unwrap_or_else(|problems| panic!("{}: {problems:#?}", path.display()));

            let bank_file = SourceFile {
                display_path: path.display().to_string(),
                category_dir: category.slug().to_string(),
                stem: stem.to_string(),
                text: text.clone(),
            };
            let bank = compile_sources("topics.md", &topics, &[bank_file]).expect("valid bank");
            let generated = generate(&bank);
            let sections: Vec<&str> = generated.text.split(SECTION_SEPARATOR).collect();
            let own_sections = [
                &own.why,
                &own.structure,
                &own.talking_points,
                &own.keywords,
                &own.answer,
                &own.tip,
                &own.pitfalls,
                &own.follow_ups,
            ];
            assert_eq!(sections, own_sections, "{}", path.display());
            compared += 1;
        }
    }
    assert!(compared > 100, "{compared} bank questions compared");
}

/// A valid question, relaxed in many ways the bank is not (one sentence of
/// why, two steps, two talking points, a one-sentence answer, one pitfall,
/// one follow-up with one-sentence answers).
const VALID: &str = "---
category: technical
question: How does a readiness probe differ from a liveness probe?
topics: kubernetes
difficulty: intermediate
style: explain
---

## Why they ask
They want to know you keep traffic away from pods that are not ready.

## How to structure your answer
1. Say what each probe does.
2. Give an example.

## Talking points
- Readiness gates traffic {also: endpoints}
- Liveness restarts the container

## Model answer
A readiness probe removes the pod from the **Service endpoints** while it fails.

```sh
kubectl describe pod web-0
```

## Tip
Name the failure each probe prevents.

## Pitfalls
- Using the same endpoint for both

## Follow-ups

### What happens when a liveness probe is too aggressive?
The kubelet restarts pods that were only slow.

#### How would you notice?
Restart counts climb.
";

/// A pack of `VALID` then `second`: the second question's lines are counted
/// after the first's.
fn pack_with(second: &str) -> String {
    format!("<!-- a pack -->\n\n{VALID}\n{second}")
}

/// The pack line of the last line holding `marker` (in the second question).
fn line_of(pack: &str, marker: &str) -> usize {
    pack.lines()
        .enumerate()
        .filter(|(_, line)| line.contains(marker))
        .map(|(index, _)| index + 1)
        .last()
        .unwrap_or_else(|| panic!("`{marker}` is not in the pack"))
}

/// The line of the second question's opening `---`.
fn second_start() -> usize {
    VALID.lines().count() + 4
}

fn replaced(from: &str, to: &str) -> String {
    assert!(VALID.contains(from), "{from}");
    VALID.replacen(from, to, 1)
}

#[test]
fn the_valid_question_passes_twice_in_a_pack() {
    let read = read_pack("pack.md", &pack_with(VALID));
    assert_eq!(read.errors, []);
    assert_eq!(read.found, 2);
    assert_eq!(read.questions[0].line, 3);
    assert_eq!(read.questions[1].line, second_start());
}

#[test]
fn kept_rules_fail_at_their_pack_line() {
    let cases: Vec<(String, Option<&str>, &str)> = vec![
        // (the second question, the marker on the expected line or None for
        // its opening `---`, a part of the message)
        (replaced("## Tip", "## Tips"), Some("## Tips"), "unknown section `## Tips`"),
        (
            replaced(
                "## Tip\nName the failure each probe prevents.\n\n## Pitfalls\n- Using the same endpoint for both\n",
                "## Pitfalls\n- Using the same endpoint for both\n\n## Tip\nName the failure each probe prevents.\n",
            ),
            Some("## Tip"),
            "section `## Tip` is out of order",
        ),
        (
            replaced("They want to know you keep", "- They want to know you keep"),
            Some("## Why they ask"),
            "`## Why they ask` must be paragraphs only",
        ),
        (
            replaced("1. Say what each probe does.\n2. Give an example.", "Say what each probe does."),
            Some("## How to structure your answer"),
            "must be an ordered list (`1.`) and nothing else",
        ),
        (
            replaced("- Using the same endpoint for both", "Using the same endpoint for both."),
            Some("## Pitfalls"),
            "must be a bullet list (`-`) and nothing else",
        ),
        (replaced("category: technical\n", ""), None, "front matter is missing `category`"),
        (replaced("question: How does", "question:\nx: How does"), Some("x: How does"), "unknown front matter key `x`"),
        (replaced("category: technical", "category: labs"), Some("category: labs"), "labs are not supported in packs"),
        (replaced("category: technical", "category: devops"), Some("category: devops"), "unknown category `devops` (expected general, technical, behavioural or ask)"),
        (
            replaced("style: explain", "style: star"),
            Some("style: star"),
            "style `star` does not suit category `technical` (allowed: explain, design)",
        ),
        (
            replaced("style: explain", "level: hard\nstyle: explain"),
            Some("level: hard"),
            "unknown front matter key `level`",
        ),
        (replaced("style: explain", "style: explain\nstyle: design"), Some("style: design"), "`style` is given twice"),
        (
            replaced("Name the failure each", "Name the failure\u{7} each"),
            Some("Name the failure"),
            "a control character (U+0007) is not allowed",
        ),
        (
            replaced("difficulty: intermediate", "difficulty: intermediate\u{1}"),
            Some("difficulty: intermediate"),
            "a control character (U+0001) is not allowed",
        ),
        (
            replaced("too aggressive?", "too aggressive"),
            Some("too aggressive"),
            "a follow-up is a question: end it with `?`",
        ),
        (
            replaced("Restart counts climb.", ""),
            Some("#### How would you notice?"),
            "has no text under it",
        ),
        (
            replaced("### What happens", "#### Before?\nText.\n\n### What happens"),
            Some("#### Before?"),
            "a `#### ` follow-up must come under a `### ` one",
        ),
        (
            replaced("Name the failure each probe prevents.", "Name it.\n\n```text\ncode\n```"),
            Some("```text"),
            "in `## Tip`: a code block is not allowed here",
        ),
        (
            replaced("{also: endpoints}", "{also: }"),
            Some("{also: }"),
            "`{also:}` lists no words",
        ),
        (
            replaced("gates traffic {also: endpoints}", "gates {traffic} {also: endpoints}"),
            Some("gates {traffic}"),
            "braces are only allowed in a trailing",
        ),
        (replaced("topics: kubernetes", "topics: Kubernetes"), Some("topics: Kubernetes"), "topic `Kubernetes` must be lowercase"),
        (replaced("topics: kubernetes", "topics: a, b, a"), Some("topics: a, b, a"), "topic `a` is listed twice"),
        (replaced("topics: kubernetes", "topics: a, b, c, d, e"), Some("topics: a, b, c, d, e"), "at most 4 topics"),
        (replaced("category: technical", "id: Probe_Types\ncategory: technical"), Some("id: Probe_Types"), "id `Probe_Types` must be lowercase"),
        (replaced("difficulty: intermediate", "difficulty: hard"), Some("difficulty: hard"), "unknown difficulty `hard`"),
        (replaced("## Pitfalls", "## Tip"), Some("## Tip"), "section `## Tip` appears twice"),
        (replaced("## Pitfalls", "# Pitfalls"), Some("# Pitfalls"), "use `## ` for section headings"),
        (replaced("A readiness probe removes", "See [docs](https://k8s.io). A readiness probe removes"), Some("See [docs]"), "a link is not allowed here"),
        (replaced("kubectl describe pod web-0\n```\n", "kubectl describe pod web-0\n"), Some("```sh"), "this code block is never closed"),
        (replaced("---\n\n## Why", "\n## Why"), None, "the front matter has no closing `---` line"),
        (replaced("\n## Why they ask", "Stray text.\n## Why they ask"), Some("Stray text."), "text before the first `## ` section"),
    ];
    for (second, marker, message) in cases {
        let pack = pack_with(&second);
        let read = read_pack("pack.md", &pack);
        let line = marker.map_or_else(second_start, |m| line_of(&pack, m));
        assert!(
            read.errors
                .iter()
                .any(|e| e.line == line && e.message.contains(message) && e.path == "pack.md"),
            "expected `{message}` at line {line}, got {:#?}\n{pack}",
            read.errors
        );
        assert!(
            read.errors.iter().all(|e| e.line >= second_start()),
            "the first question is valid: {:#?}",
            read.errors
        );
        assert_eq!(read.found, 2, "{pack}");
        assert_eq!(read.questions.len(), 1, "only the first passes: {pack}");
        assert_eq!(read.questions[0].line, 3);
    }
}

#[test]
fn the_banks_editorial_limits_do_not_apply() {
    let long_point = "- ".to_string() + &["word"; 40].join(" ");
    let three_deeper = "#### One?\nA.\n\n#### Two?\nB.\n\n#### Three?\nC.\n";
    let cases: Vec<String> = vec![
        replaced(
            "A readiness probe removes the pod from the **Service endpoints** while it fails.",
            "It depends.",
        ),
        replaced("- Liveness restarts the container\n", ""),
        replaced("topics: kubernetes", "topics: terraform-state"),
        replaced("topics: kubernetes", "topics: kubernetes, my-own-topic"),
        replaced("topics: kubernetes\n", ""),
        replaced("- Liveness restarts the container", &long_point),
        replaced("style: explain", "style: design"),
        replaced("difficulty: intermediate\nstyle: explain", "difficulty: foundational\nstyle: design"),
        replaced("difficulty: intermediate\nstyle: explain\n", ""),
        replaced("category: technical", "id: any-slug-at-all\ncategory: technical\nasked: Acme, onsite"),
        replaced("category: technical", "id:\ncategory: technical\nasked:"),
        replaced("Restart counts climb.\n", &format!("Restart counts climb.\n\n{three_deeper}")),
        replaced("## Tip\nName the failure each probe prevents.\n", "## Tip\n\n"),
        "---\ncategory: general\nquestion: Only the question?\n---\n".to_string(),
        "---\ncategory: technical\nquestion: Just a why?\n---\n\n## Why they ask\nOne sentence\n".to_string(),
        "---\ncategory: behavioural\nquestion: A conflict?\n---\n\n## How to structure your answer\n1. First.\n2. Then.\n".to_string(),
        "---\ncategory: ask\nquestion: Who is on call?\nstyle: ask\n---\n\n## Listen for\n- A name\n".to_string(),
    ];
    for second in cases {
        let pack = pack_with(&second);
        let read = read_pack("pack.md", &pack);
        assert_eq!(read.errors, [], "{pack}");
        assert_eq!(read.questions.len(), 2, "{pack}");
    }
    let topics = read_pack(
        "p",
        &pack_with(&replaced("topics: kubernetes", "topics: terraform-state")),
    );
    assert_eq!(topics.questions[1].source.topics, ["terraform-state"]);
    let defaults = read_pack(
        "p",
        &pack_with(&replaced("difficulty: intermediate\nstyle: explain\n", "")),
    );
    assert_eq!(
        defaults.questions[1].source.difficulty,
        Difficulty::Intermediate
    );
    assert_eq!(defaults.questions[1].source.style, Style::Explain);
    let empty_tip = read_pack(
        "p",
        &pack_with(&replaced(
            "## Tip\nName the failure each probe prevents.\n",
            "## Tip\n\n",
        )),
    );
    assert_eq!(empty_tip.questions[1].source.sections[4], "");
    assert_eq!(empty_tip.questions[1].markup.tip, "");
}

#[test]
fn a_broken_pack_keeps_its_valid_questions() {
    let valid = "---\ncategory: general\nquestion: What would you automate first?\n---\n\n## Tip\nStart with toil.\n";
    let unknown_key = "---\ncategory: general\nquestion: Second?\nlevel: hard\n---\n";
    let bad_sections = "---\ncategory: general\nquestion: Third?\n---\n\n## Talking points\nNot a list.\n\n## Why they ask\nOut of order.\n";
    let pack = format!("<!-- three -->\n\n{unknown_key}\n{valid}\n{bad_sections}");
    let read = read_pack("team.md", &pack);
    assert_eq!(read.found, 3);
    assert_eq!(read.questions.len(), 1);
    assert_eq!(
        read.questions[0].source.question,
        "What would you automate first?"
    );
    assert_eq!(read.questions[0].line, 9);
    assert_eq!(read.questions[0].markup.tip, "Start with toil.");
    let errors: Vec<(usize, &str)> = read
        .errors
        .iter()
        .map(|e| (e.line, e.message.as_str()))
        .collect();
    assert_eq!(
        errors,
        [
            (6, "unknown front matter key `level` (expected one of: id, category, question, topics, difficulty, style, asked)"),
            (22, "`## Talking points` must be a bullet list (`-`) and nothing else"),
            (25, "section `## Why they ask` is out of order (expected: Why they ask, How to structure your answer, Talking points, Model answer, Tip, Pitfalls, Follow-ups)"),
        ]
    );
    assert!(read.errors.iter().all(|e| e.path == "team.md"));
    assert_eq!(read.errors[0].to_string(), "team.md:6: unknown front matter key `level` (expected one of: id, category, question, topics, difficulty, style, asked)");
}

#[test]
fn what_is_not_a_pack_says_so() {
    let read = read_pack("notes.md", "# My notes\n\nSome text.\n");
    assert_eq!(read.found, 0);
    assert_eq!(read.errors.len(), 1);
    assert_eq!(read.errors[0].line, 1);
    assert!(read.errors[0]
        .message
        .contains("a pack starts with its first question"));
    let empty = read_pack("empty.md", "");
    assert_eq!(empty.found, 0);
    assert!(empty.errors[0].message.contains("holds no questions"));
    // A byte order mark and Windows line ends are a pack's too.
    let windows = format!("\u{feff}<!-- x -->\r\n{}", VALID.replace('\n', "\r\n"));
    let read = read_pack("windows.md", &windows);
    assert_eq!(read.errors, []);
    assert_eq!(read.questions.len(), 1);
}

#[test]
fn the_example_in_format_md_reads() {
    let format = include_str!("../../FORMAT.md");
    let packs = &format[format.find("\n## Packs\n").expect("a Packs section")..];
    let start = packs.find("```\n").expect("an example") + 4;
    let end = start + packs[start..].find("```\n").expect("its end");
    let read = read_pack("FORMAT.md", &packs[start..end]);
    assert_eq!(read.errors, []);
    assert_eq!(read.questions.len(), 2);
    assert_eq!(read.questions[0].source.style, Style::Explain);
    assert_eq!(
        read.questions[0].source.topics,
        ["kubernetes", "terraform-state"]
    );
    assert_eq!(read.questions[1].source.category, Category::Ask);
}

fn problems_of(source: &OwnSource) -> Vec<(Option<Section>, usize, String)> {
    compile_own(source)
        .expect_err("the question is broken")
        .into_iter()
        .map(
            |OwnProblem {
                 section,
                 line,
                 message,
             }| (section, line, message),
        )
        .collect()
}

#[test]
fn compile_own_places_problems_in_their_sections() {
    let mut source = with_sections(
        own(Category::Technical, "What breaks first when etcd is slow?"),
        [
            "Leader elections.\n\n- a list here",
            "1. One.\n2. Two.",
            "- A point",
            "Writes stall.",
            "First line.\n\nSecond paragraph.\n\n```\ncode\n```",
            "",
            "### Is that a question?\nYes.\n\n### Not a question\nNo.",
        ],
    );
    source.style = Style::Star;
    let problems = problems_of(&source);
    let at: Vec<(Option<Section>, usize)> = problems.iter().map(|(s, l, _)| (*s, *l)).collect();
    assert_eq!(
        at,
        [
            (None, 1),
            (Some(Section::Why), 1),
            (Some(Section::Tip), 5),
            (Some(Section::FollowUps), 4),
        ],
        "{problems:#?}"
    );
    assert!(problems[0]
        .2
        .contains("style `star` does not suit category `technical`"));
    assert!(problems[1].2.contains("must be paragraphs only"));
    assert!(problems[2].2.contains("a code block is not allowed here"));
    assert!(problems[3].2.contains("end it with `?`"));

    // A section's first text line is 1, whatever precedes it in the pack.
    let mut source = own(Category::General, "Why?");
    source.sections[3] = "Fine.\n\nBad \u{1b} character.".to_string();
    source.sections[6] = "### Why?\n".to_string();
    assert_eq!(
        problems_of(&source),
        [
            (
                Some(Section::Answer),
                3,
                "a control character (U+001B) is not allowed".to_string()
            ),
            (
                Some(Section::FollowUps),
                1,
                "`### Why?` has no text under it".to_string()
            ),
        ]
    );

    let mut source = own(Category::Labs, "A lab?");
    source.style = Style::Lab;
    let problems = problems_of(&source);
    assert!(problems.iter().all(|(s, l, _)| s.is_none() && *l == 1));
    assert!(
        problems[0].2.contains("labs are not supported in packs"),
        "{problems:#?}"
    );

    let source = own(Category::Ask, "");
    assert_eq!(
        problems_of(&source),
        [(None, 1, "`question` is empty".to_string())]
    );
}

#[test]
fn compile_own_rejects_text_a_pack_would_read_as_structure() {
    let mut source = own(Category::General, "Two lines\nof question?");
    source.asked = "one\r\ntwo".to_string();
    source.topics = vec!["a,b".to_string()];
    source.sections[0] = "Before.\n---\nAfter.".to_string();
    source.sections[3] =
        "Text.\n```\n## Not a heading in code\n---\n```\n## Tip\nMore.".to_string();
    source.sections[4] = "```\nnever closed".to_string();
    let problems = problems_of(&source);
    let at: Vec<(Option<Section>, usize)> = problems.iter().map(|(s, l, _)| (*s, *l)).collect();
    assert_eq!(
        at,
        [
            (None, 1),
            (None, 1),
            (None, 1),
            (Some(Section::Why), 2),
            (Some(Section::Answer), 6),
            (Some(Section::Tip), 1),
        ],
        "{problems:#?}"
    );
    assert!(problems[0].2.contains("`question` must be one line"));
    assert!(problems[3].2.contains("would start a new question"));
    assert!(problems[4].2.contains("would start a new section"));
    assert!(problems[5].2.contains("never closed"));
}

/// Lines a pack is made of, for the generators below.
fn pack_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---".to_string()),
        Just("```".to_string()),
        Just("```sh".to_string()),
        Just(String::new()),
        Just("<!-- c -->".to_string()),
        Just("category: technical".to_string()),
        Just("category: labs".to_string()),
        Just("question: Why?".to_string()),
        Just("style: star".to_string()),
        Just("topics: a, b".to_string()),
        Just("id: x".to_string()),
        prop::sample::select(
            Style::ALL
                .iter()
                .flat_map(|&s| Section::ALL.map(|kind| s.heading(kind)))
                .collect::<Vec<_>>()
        )
        .prop_map(|h| format!("## {h}")),
        "## [A-Za-z ]{0,12}",
        "#{1,5} [a-z?]{0,8}",
        "[-*+] [a-z {}:,]{0,20}",
        "[0-9]{1,2}\\. [a-z*`]{0,12}",
        "[a-z .?*`{}\\[\\]()<>!-]{0,30}",
        "\\PC{0,20}",
        any::<String>(),
    ]
}

/// Packs of questions with valid front matter and the style's headings in
/// order, over bodies of often valid lines: many of them pass.
fn question_pack() -> impl Strategy<Value = String> {
    let body_line = prop_oneof![
        Just(String::new()),
        "[A-Za-z ]{1,20}[.?]",
        "- [a-z ]{1,12}( \\{also: [a-z]{3,8}\\})?",
        "1\\. [a-z ]{1,12}",
        "### [a-z ]{1,10}\\?",
        "#### [a-z ]{1,10}\\?",
        Just("```".to_string()),
        Just("---".to_string()),
        "[a-z*`]{0,12}",
    ];
    let question = (
        prop::sample::select(
            Category::ALL
                .into_iter()
                .filter(|&c| c != Category::Labs)
                .collect::<Vec<_>>(),
        ),
        prop::collection::vec((any::<bool>(), prop::collection::vec(body_line, 0..6)), 7),
    )
        .prop_map(|(category, sections)| {
            let style = category.allowed_styles()[0];
            let mut text = format!("---\ncategory: {}\nquestion: Why?\n---\n", category.slug());
            for (kind, (given, lines)) in Section::ALL.into_iter().zip(sections) {
                if given {
                    text.push_str(&format!(
                        "\n## {}\n{}\n",
                        style.heading(kind),
                        lines.join("\n")
                    ));
                }
            }
            text
        });
    prop::collection::vec(question, 1..4).prop_map(|questions| questions.join("\n"))
}

/// What passed writes and reads back as it is.
fn assert_passed_questions_round_trip(read: &PackRead) -> Result<(), TestCaseError> {
    let sources: Vec<OwnSource> = read.questions.iter().map(|q| q.source.clone()).collect();
    if sources.is_empty() {
        return Ok(());
    }
    let again = read_pack("p", &write_pack(&sources));
    prop_assert_eq!(again.errors, vec![]);
    prop_assert_eq!(
        again
            .questions
            .iter()
            .map(|q| &q.source)
            .collect::<Vec<_>>(),
        sources.iter().collect::<Vec<_>>()
    );
    for (first, second) in read.questions.iter().zip(&again.questions) {
        prop_assert_eq!(&first.markup, &second.markup);
        prop_assert_eq!(compile_own(&first.source), Ok(first.markup.clone()));
    }
    Ok(())
}

fn pack_text() -> impl Strategy<Value = String> {
    prop::collection::vec(pack_line(), 0..60).prop_map(|lines| lines.join("\n"))
}

fn own_source() -> impl Strategy<Value = OwnSource> {
    (
        prop::sample::select(Category::ALL.to_vec()),
        prop::sample::select(Style::ALL.to_vec()),
        prop::sample::select(Difficulty::ALL.to_vec()),
        "\\PC{0,20}",
        prop::collection::vec("[a-z,-]{0,8}", 0..6),
        prop::collection::vec(
            prop::collection::vec(pack_line(), 0..8).prop_map(|l| l.join("\n")),
            7,
        ),
    )
        .prop_map(
            |(category, style, difficulty, question, topics, sections)| {
                let mut source = own(category, &question);
                source.style = style;
                source.difficulty = difficulty;
                source.topics = topics;
                source.sections = sections.try_into().expect("7 sections");
                source
            },
        )
}

proptest! {
    // No regression files: a failure prints its minimal input.
    #![proptest_config(ProptestConfig {
        cases: 600,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_text_reads_without_panicking(text in any::<String>()) {
        let read = read_pack("p", &text);
        prop_assert!(read.questions.len() <= read.found);
        let lines = text.lines().count().max(1);
        prop_assert!(read.errors.iter().all(|e| e.line >= 1 && e.line <= lines));
    }

    #[test]
    fn pack_like_text_reads_without_panicking(text in pack_text()) {
        let read = read_pack("p", &text);
        prop_assert!(read.questions.len() <= read.found);
        let lines = text.lines().count().max(1);
        prop_assert!(read.errors.iter().all(|e| e.line >= 1 && e.line <= lines), "{:#?}", read.errors);
        assert_passed_questions_round_trip(&read)?;
    }

    #[test]
    fn question_shaped_packs_read_without_panicking(text in question_pack()) {
        let read = read_pack("p", &text);
        prop_assert!(read.found >= 1);
        assert_passed_questions_round_trip(&read)?;
    }

    #[test]
    fn compile_own_agrees_with_the_pack_it_writes(source in own_source()) {
        let read = read_pack("p", &write_pack(std::slice::from_ref(&source)));
        match compile_own(&source) {
            Ok(markup) => {
                prop_assert!(read.errors.is_empty());
                prop_assert_eq!(read.questions.len(), 1);
                prop_assert_eq!(&read.questions[0].markup, &markup);
            }
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                for problem in &problems {
                    let text_lines = problem
                        .section
                        .map_or(1, |s| source.sections[s as usize].trim_end().lines().count().max(1));
                    prop_assert!(problem.line >= 1 && problem.line <= text_lines, "{:?}", problem);
                }
            }
        }
    }
}
