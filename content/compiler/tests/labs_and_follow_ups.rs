//! The rules of content/FORMAT.md's "Follow-ups with answers" and
//! "Troubleshooting labs": a valid lab compiles to its steps, and each broken
//! rule gives its `path:line: message`.

use opsdrill_bank_compiler::{compile_sources, generate, Diagnostic, Question, SourceFile, Style};

const TOPICS: &str = "# Topics\n\n- kubernetes: Kubernetes\n- troubleshooting: Troubleshooting\n";
const P: &str = "content/questions/labs/lab-dns-timeouts.md";

fn step(n: usize) -> String {
    format!(
        "## Step {n}
### Evidence
`kubectl get pods -n shop`, newest first:

```
NAME                        READY   STATUS    RESTARTS   AGE
checkout-7d9f8c6b5d-x2k4p   1/1     Running   0          3h
```

### Prompt
What does this rule out, and what do you run next?

### Expert read
The pods are up and not restarting. So the timeouts come from outside the container: check DNS next.
"
    )
}

fn valid_lab() -> String {
    format!(
        "---
id: lab-dns-timeouts
question: Checkout logs 5-second DNS timeouts since the upgrade. Work it.
topics: kubernetes, troubleshooting
difficulty: advanced
style: lab
---

## Why they ask
Break-fix rounds show method. They also show calm.

## Scenario
The checkout service pages at 09:12. The cluster was upgraded an hour earlier.

{}
{}
{}
## Root cause
Five search domains multiplied every lookup.

## Fix
1. Set `ndots: 2` in the pod's dnsConfig.
2. Roll the deployment.

## Prevention
- Alert on CoreDNS p99 latency
- Test DNS in the upgrade runbook

## Follow-ups

### Why five seconds?
The resolver's default timeout is five seconds. A lost UDP packet waits that long before a retry.

#### How would you prove a packet was lost?
Capture on the node with `tcpdump -i any port 53`. A query with no answer shows the loss.

### Would NodeLocal DNSCache help?
Yes, it answers from the node. It also avoids conntrack races for UDP.
",
        step(1),
        step(2),
        step(3)
    )
}

fn compile(text: &str) -> Result<Vec<Question>, Vec<String>> {
    let file = SourceFile {
        display_path: P.into(),
        category_dir: "labs".into(),
        stem: "lab-dns-timeouts".into(),
        text: text.to_string(),
    };
    compile_sources("content/topics.md", TOPICS, &[file])
        .map(|bank| bank.questions)
        .map_err(|errors| errors.iter().map(Diagnostic::to_string).collect())
}

fn line_of(text: &str, line: &str) -> usize {
    text.lines()
        .position(|l| l == line)
        .expect("the line is there")
        + 1
}

fn assert_error(text: &str, expected: &str) {
    let errors = compile(text).expect_err("the mutation must be rejected");
    assert!(
        errors.iter().any(|e| e == expected),
        "expected `{expected}`, got {errors:#?}"
    );
}

#[test]
fn a_valid_lab_compiles_to_its_steps_and_follow_ups() {
    let questions = compile(&valid_lab()).expect("valid");
    let q = &questions[0];
    assert_eq!(q.style, Style::Lab);
    let lab = q.lab.as_ref().expect("a lab");
    assert_eq!(lab.steps.len(), 3);
    assert_eq!(lab.steps[0].evidence.len(), 2, "a caption and a code block");
    assert_eq!(lab.prevention.len(), 2);
    assert!(q.talking_points.is_empty() && q.answer.is_empty());
    let depths: Vec<u8> = q.follow_ups.iter().map(|f| f.depth).collect();
    assert_eq!(depths, [1, 2, 1]);
    assert!(q.follow_ups.iter().all(|f| !f.answer.is_empty()));

    let bank = opsdrill_bank_compiler::Bank {
        topics: Vec::new(),
        questions: questions.clone(),
    };
    let rust = generate(&bank).rust;
    assert!(rust.contains("lab: Some(Lab { scenario: Prose(Text::Bank(0)), steps: LabSteps("));
    assert!(rust.contains("follow_ups: FollowUps("));
}

#[test]
fn labs_live_in_their_own_category() {
    let file = SourceFile {
        display_path: "content/questions/technical/lab-dns-timeouts.md".into(),
        category_dir: "technical".into(),
        stem: "lab-dns-timeouts".into(),
        text: valid_lab(),
    };
    let errors = compile_sources("content/topics.md", TOPICS, &[file]).unwrap_err();
    assert!(errors[0]
        .message
        .contains("style `lab` does not suit category `technical`"));
}

#[test]
fn steps_are_numbered_in_order_and_counted() {
    let text = valid_lab().replace("## Step 2\n", "## Step 4\n");
    let line = line_of(&text, "## Step 4");
    assert_error(
        &text,
        &format!(
            "{P}:{line}: `## Step 4` should be `## Step 2` (steps are numbered from 1, in order)"
        ),
    );

    let text = valid_lab().replace(&step(3), "");
    let line = line_of(&text, "## Step 1");
    assert_error(
        &text,
        &format!("{P}:{line}: a lab has 2 steps, expected 3 to 6"),
    );
}

#[test]
fn a_step_needs_its_three_parts_in_order() {
    let text = valid_lab().replacen("### Prompt\n", "### Question\n", 1);
    let line = line_of(&text, "## Step 1");
    assert_error(
        &text,
        &format!(
            "{P}:{line}: `## Step 1` must have `### Evidence`, `### Prompt` and `### Expert read`, \
             in that order (found: Evidence, Question, Expert read)"
        ),
    );
}

#[test]
fn evidence_is_code_blocks_of_bounded_size() {
    let wide = format!("```\n{}\nsecond line\n```", "x".repeat(111));
    let text = valid_lab().replacen(
        "```\nNAME                        READY   STATUS    RESTARTS   AGE\ncheckout-7d9f8c6b5d-x2k4p   1/1     Running   0          3h\n```",
        &wide,
        1,
    );
    let line = line_of(&text, "### Evidence");
    assert_error(
        &text,
        &format!("{P}:{line}: `## Step 1 › ### Evidence` code block 1 line 1 has 111 characters, at most 110"),
    );

    let text = valid_lab().replacen(
        "```\nNAME                        READY   STATUS    RESTARTS   AGE\ncheckout-7d9f8c6b5d-x2k4p   1/1     Running   0          3h\n```",
        "- a list instead",
        1,
    );
    let errors = compile(&text).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("code blocks: found 0, expected 1 to 3")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("holds code blocks and captions only")),
        "{errors:#?}"
    );
}

#[test]
fn lab_sections_are_checked_like_any_section() {
    let text = valid_lab().replace(
        "## Root cause\nFive search domains multiplied every lookup.\n",
        "",
    );
    let line = line_of(&text, "## Fix");
    assert_error(
        &text,
        &format!("{P}:{line}: missing section `## Root cause`"),
    );

    let text = valid_lab().replace("## Scenario\n", "## Background\n");
    let line = line_of(&text, "## Background");
    let errors = compile(&text).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&format!("{P}:{line}: unknown section `## Background`"))),
        "{errors:#?}"
    );

    let text = valid_lab().replace(
        "What does this rule out, and what do you run next?",
        "What does this rule out? What next? Why?",
    );
    let line = line_of(&text, "### Prompt");
    assert_error(
        &text,
        &format!("{P}:{line}: `## Step 1 › ### Prompt` sentences: found 3, expected 1 to 2"),
    );
}

#[test]
fn follow_ups_need_questions_with_answers() {
    let text = valid_lab().replace(
        "### Would NodeLocal DNSCache help?",
        "### NodeLocal DNSCache.",
    );
    let line = line_of(&text, "### NodeLocal DNSCache.");
    assert_error(
        &text,
        &format!("{P}:{line}: a follow-up is a question: end it with `?`"),
    );

    let text = valid_lab().replace(
        "Yes, it answers from the node. It also avoids conntrack races for UDP.\n",
        "Yes.\n",
    );
    let line = line_of(&text, "### Would NodeLocal DNSCache help?");
    assert_error(
        &text,
        &format!(
            "{P}:{line}: `### Would NodeLocal DNSCache help?` sentences: found 1, expected 2 to 6"
        ),
    );

    let deeper = "#### And then?\nOne more. And more.\n\n";
    let text = valid_lab().replace(
        "### Would NodeLocal DNSCache help?",
        &format!("{deeper}{deeper}### Would NodeLocal DNSCache help?"),
    );
    let errors = compile(&text).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.ends_with("at most 2 `#### ` follow-ups under one `### `")),
        "{errors:#?}"
    );

    let text = valid_lab().replace(
        "### Why five seconds?\nThe resolver's default timeout is five seconds. A lost UDP packet waits that long before a retry.\n\n#### How would you prove a packet was lost?\nCapture on the node with `tcpdump -i any port 53`. A query with no answer shows the loss.\n\n",
        "",
    );
    let line = line_of(&text, "## Follow-ups");
    assert_error(
        &text,
        &format!("{P}:{line}: `## Follow-ups` follow-ups (`### `): found 1, expected 2 to 4"),
    );
}

#[test]
fn follow_ups_without_answers_are_rejected() {
    let text = valid_lab();
    let start = text.find("## Follow-ups").unwrap();
    let bare = format!(
        "{}## Follow-ups\n- Why five seconds?\n- Would NodeLocal DNSCache help?\n",
        &text[..start]
    );
    let line = line_of(&bare, "## Follow-ups");
    assert_error(
        &bare,
        &format!("{P}:{line}: `## Follow-ups` must hold `### ` follow-up questions, each with its answer below it"),
    );
}
