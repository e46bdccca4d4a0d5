//! The guided-path walker.
//!
//! The state is the path and the answers given so far (`choices`): where the user stands is
//! found by replaying them from the path's start, so the state is small, serialisable into a
//! route, and can never point at a node that does not exist. Replay stops at the first choice
//! that does not fit, so a mangled route degrades to an earlier step instead of failing.

use crate::knowledge::{self, GateStatus, NodeKind, PathInfo, Severity, Target, Text};
use crate::script::ScriptKind;
use crate::version::ConnectVersion;

/// The most answers a walk keeps; paths can lead into each other, so a bound is needed.
pub const MAX_CHOICES: usize = 200;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WalkState {
    pub path: &'static PathInfo,
    pub choices: Vec<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Pick option `n` at the current position (a step's only option is "Next").
    Choose(usize),
    Back,
    Restart,
    /// Go back to the position at which `n` answers had been given (from the summary).
    JumpTo(usize),
}

impl WalkState {
    pub fn new(path: &'static PathInfo) -> WalkState {
        WalkState { path, choices: Vec::new() }
    }

    /// Rebuilds a state from a path id and encoded choices (as in a route). Unknown paths give
    /// `None`; choices are cut at the first that does not fit.
    pub fn decode(path_id: &str, choices: &str) -> Option<WalkState> {
        let path = knowledge::path(path_id)?;
        let mut state = WalkState::new(path);
        for part in choices.split(['.', '-']).filter(|p| !p.is_empty()).take(MAX_CHOICES) {
            let Ok(n) = part.parse::<usize>() else { break };
            let next = state.apply(Action::Choose(n));
            if next.choices.len() == state.choices.len() {
                break;
            }
            state = next;
        }
        Some(state)
    }

    /// The choices as a route segment, e.g. `0.0.2` (empty at the start).
    pub fn encode(&self) -> String {
        self.choices.iter().map(usize::to_string).collect::<Vec<_>>().join(".")
    }

    /// The state transition. Impossible actions leave the state as it is.
    pub fn apply(&self, action: Action) -> WalkState {
        let mut next = self.clone();
        match action {
            Action::Choose(n) => {
                if self.choices.len() < MAX_CHOICES && n < options(self.position()).len() {
                    next.choices.push(n);
                }
            }
            Action::Back => {
                next.choices.pop();
            }
            Action::Restart => next.choices.clear(),
            Action::JumpTo(n) => next.choices.truncate(n),
        }
        next
    }

    /// The shortest walk that arrives at `reference` (`path/node`, `result:id` or
    /// `status:Name`), so that a finding can link to its place in the guided paths. A
    /// `path/node` is searched from its own path's start; a result or status from every path's
    /// start (the first path that reaches it with the fewest answers wins). `None` when no walk
    /// reaches it.
    pub fn leading_to(reference: &str) -> Option<WalkState> {
        let own = reference
            .split_once('/')
            .filter(|_| !reference.contains(':'))
            .and_then(|(p, _)| knowledge::path(p));
        let starts: Vec<&'static PathInfo> = match own {
            Some(p) => vec![p],
            None => knowledge::PATHS.iter().collect(),
        };
        starts
            .into_iter()
            .filter_map(|p| shortest_walk(WalkState::new(p), reference))
            .min_by_key(|s| s.choices.len())
    }

    /// Every position visited, first to current, with the option chosen at each but the last.
    fn trail(&self) -> Vec<(Position, Option<usize>)> {
        let mut pos = start_of(self.path);
        let mut out = Vec::with_capacity(self.choices.len() + 1);
        for &c in &self.choices {
            let Some(next) = follow(pos, c) else { break };
            out.push((pos, Some(c)));
            pos = next;
        }
        out.push((pos, None));
        out
    }

    pub fn position(&self) -> Position {
        self.trail().last().map(|(p, _)| *p).unwrap_or(start_of(self.path))
    }

    /// What the UI and the CLI show.
    pub fn view(&self, version: Option<ConnectVersion>) -> WalkView {
        let trail = self.trail();
        let summary = trail
            .iter()
            .enumerate()
            .filter_map(|(i, (pos, choice))| {
                let c = (*choice)?;
                let opts = options(*pos);
                Some(SummaryItem {
                    index: i,
                    kind: kind(*pos),
                    prompt: prompt(*pos),
                    answer: opts.get(c).copied().unwrap_or(""),
                })
            })
            .collect();
        let pos = trail.last().map(|(p, _)| *p).unwrap_or(start_of(self.path));
        WalkView {
            path_id: self.path.id,
            path_title: self.path.title,
            intro: self.path.intro,
            path_gate: gate_notice(self.path.gate, version),
            current: current_view(pos, version),
            summary,
            step_number: trail.len(),
            can_go_back: !self.choices.is_empty(),
            encoded: self.encode(),
        }
    }
}

/// Breadth-first search from `start` for the first state whose position is `reference`.
fn shortest_walk(start: WalkState, reference: &str) -> Option<WalkState> {
    let mut seen = std::collections::HashSet::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(s) = queue.pop_front() {
        let pos = s.position();
        let here = pos.reference();
        if here == reference {
            return Some(s);
        }
        if !seen.insert(here) || s.choices.len() >= MAX_CHOICES {
            continue;
        }
        for c in 0..options(pos).len() {
            queue.push_back(s.apply(Action::Choose(c)));
        }
    }
    None
}

/// A place in the guided paths: a node, a result or a status value.
pub type Position = Target;

fn start_of(path: &'static PathInfo) -> Position {
    let node = path.start_node().unwrap_or(&path.nodes[0]);
    Target::Node { path, node }
}

fn options(pos: Position) -> Vec<&'static str> {
    match pos {
        Target::Node { node, .. } => match &node.kind {
            NodeKind::Step { .. } => vec!["Next"],
            NodeKind::Question { answers } => answers.iter().map(|a| a.label).collect(),
        },
        Target::Result(r) => r.cont.iter().map(|c| c.label).collect(),
        Target::Status(_) => vec![],
    }
}

fn follow(pos: Position, choice: usize) -> Option<Position> {
    let (from, reference) = match pos {
        Target::Node { path, node } => (path, *node.nexts().get(choice)?),
        Target::Result(r) => (knowledge::PATHS.first()?, r.cont.as_ref().filter(|_| choice == 0)?.next),
        Target::Status(_) => return None,
    };
    knowledge::resolve(from, reference).ok()
}

fn prompt(pos: Position) -> String {
    match pos {
        Target::Node { node, .. } => node.text.plain_for_page(),
        Target::Result(r) => r.title.to_string(),
        Target::Status(s) => s.name.to_string(),
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WalkView {
    pub path_id: &'static str,
    pub path_title: &'static str,
    pub intro: Text,
    /// The version gate of the path's method (the task or the cmdlet), as it stands.
    pub path_gate: Option<GateNotice>,
    pub current: CurrentView,
    /// The answers so far, first to last.
    pub summary: Vec<SummaryItem>,
    /// 1-based position in the walk.
    pub step_number: usize,
    pub can_go_back: bool,
    pub encoded: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryItem {
    /// Pass to [`Action::JumpTo`] to return to this question.
    pub index: usize,
    /// A step's answer is only "Next"; a question's or a result's is a real choice.
    pub kind: CurrentKind,
    pub prompt: String,
    pub answer: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CurrentKind {
    Step,
    Question,
    Result,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrentView {
    pub kind: CurrentKind,
    pub reference: String,
    /// For a result: its title.
    pub title: Option<&'static str>,
    pub text: Text,
    pub help: Option<Text>,
    /// For a result: what to do, in order.
    pub fix: Vec<Text>,
    pub severity: Option<Severity>,
    pub options: Vec<&'static str>,
    pub script: Option<ScriptKind>,
    pub gate: Option<GateNotice>,
}

/// A version gate on the current node, as it stands for the user's version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GateNotice {
    pub status: GateStatus,
    pub min_version: String,
    pub text: Text,
}

fn gate_notice(id: Option<&str>, version: Option<ConnectVersion>) -> Option<GateNotice> {
    let g = knowledge::gate(id?)?;
    Some(GateNotice { status: g.status(version), min_version: g.min.to_string(), text: g.text })
}

fn kind(pos: Position) -> CurrentKind {
    match pos {
        Target::Node { node, .. } => match node.kind {
            NodeKind::Step { .. } => CurrentKind::Step,
            NodeKind::Question { .. } => CurrentKind::Question,
        },
        Target::Result(_) | Target::Status(_) => CurrentKind::Result,
    }
}

fn current_view(pos: Position, version: Option<ConnectVersion>) -> CurrentView {
    let reference = pos.reference();
    let options = options(pos);
    match pos {
        Target::Node { node, .. } => CurrentView {
            kind: kind(pos),
            reference,
            title: None,
            text: node.text,
            help: node.help,
            fix: vec![],
            severity: None,
            options,
            script: node.script,
            gate: gate_notice(node.gate, version),
        },
        Target::Result(r) => CurrentView {
            kind: CurrentKind::Result,
            reference,
            title: Some(r.title),
            text: r.meaning,
            help: None,
            fix: r.fix.to_vec(),
            severity: Some(r.severity),
            options,
            script: r.script,
            gate: gate_notice(r.gate, version),
        },
        Target::Status(s) => CurrentView {
            kind: CurrentKind::Result,
            reference,
            title: Some(s.name),
            text: s.description,
            help: None,
            fix: vec![s.next_step],
            severity: Some(s.severity),
            options,
            script: None,
            gate: gate_notice(s.gate, version),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::path;

    fn walk(path_id: &str, choices: &[usize]) -> WalkState {
        let mut s = WalkState::new(path(path_id).unwrap());
        for &c in choices {
            s = s.apply(Action::Choose(c));
        }
        s
    }

    #[test]
    fn steps_then_outcome_then_result() {
        let s = walk("task-all", &[0; 8]);
        let v = s.view(None);
        assert_eq!(v.current.kind, CurrentKind::Question);
        assert_eq!(v.current.reference, "task-all/outcome");
        let s = s.apply(Action::Choose(1));
        let v = s.view(None);
        assert_eq!(v.current.reference, "result:staging-mode");
        assert_eq!(v.current.severity, Some(Severity::Error));
        assert!(!v.current.fix.is_empty());
        assert_eq!(v.summary.len(), 9);
        assert_eq!(v.summary[8].answer, "Microsoft Entra Connect server is in staging mode");
        assert_eq!((v.summary[0].kind, v.summary[8].kind), (CurrentKind::Step, CurrentKind::Question));
        let gate = s.view(Some(ConnectVersion([1, 1, 524, 0]))).path_gate.unwrap();
        assert_eq!((gate.status, gate.min_version.as_str()), (GateStatus::NotMet, "1.1.614.0"));
        assert_eq!(walk("manual-all", &[]).view(None).path_gate, None);
    }

    #[test]
    fn back_restart_jump() {
        let s = walk("manual-all", &[1, 0, 0]);
        assert_eq!(s.view(None).current.reference, "manual-all/events");
        assert_eq!(s.apply(Action::Back).view(None).current.reference, "manual-all/feature");
        assert_eq!(s.apply(Action::Restart).view(None).current.reference, "manual-all/staging");
        assert_eq!(s.apply(Action::JumpTo(1)).view(None).current.reference, "manual-all/run-status");
        assert_eq!(WalkState::new(s.path).apply(Action::Back).choices.len(), 0);
    }

    #[test]
    fn impossible_choices_are_ignored() {
        let s = walk("manual-all", &[7]);
        assert!(s.choices.is_empty());
        let s = walk("manual-all", &[0]); // staging mode: a result without a continuation
        assert_eq!(s.view(None).current.reference, "result:staging-mode");
        assert_eq!(s.apply(Action::Choose(0)), s);
    }

    #[test]
    fn statuses_are_derived_answers() {
        // must-change: no -> follow -> found: yes -> log: another value -> status
        let s = walk("manual-object", &[1, 0, 0, 2]);
        let v = s.view(None);
        assert_eq!(v.current.reference, "manual-object/status");
        assert_eq!(v.current.options.len(), 10);
        let s = s.apply(Action::Choose(1));
        let v = s.view(Some(ConnectVersion([1, 6, 0, 0])));
        assert_eq!(v.current.reference, "status:FilteredByTarget");
        assert_eq!(v.current.gate.as_ref().unwrap().status, GateStatus::NotMet);
        assert_eq!(v.current.gate.as_ref().unwrap().min_version, "2.0.3.0");
    }

    #[test]
    fn paths_lead_into_each_other() {
        // task-object outcome "status value" jumps into the manual path's status question.
        let s = walk("task-object", &[0, 0, 0, 0, 0, 0, 0, 0, 3]);
        assert_eq!(s.view(None).current.reference, "manual-object/status");
        // log empty -> continue with the connectivity checks of the other manual path
        let s = walk("manual-object", &[1, 0, 0, 0, 0]);
        assert_eq!(s.view(None).current.reference, "manual-all/entra-connectivity");
    }

    #[test]
    fn encode_decode_round_trip() {
        let s = walk("manual-object", &[1, 0, 0, 2, 4]);
        assert_eq!(s.encode(), "1.0.0.2.4");
        assert_eq!(WalkState::decode("manual-object", &s.encode()), Some(s.clone()));
        // Garbage after valid choices is cut, not fatal.
        assert_eq!(WalkState::decode("manual-object", "1.0.x.9").unwrap().choices, vec![1, 0]);
        assert_eq!(WalkState::decode("manual-object", "99").unwrap().choices, Vec::<usize>::new());
        assert!(WalkState::decode("nope", "").is_none());
        let long = "0.".repeat(10_000);
        assert!(WalkState::decode("manual-all", &long).unwrap().choices.len() <= MAX_CHOICES);
    }

    #[test]
    fn leading_to_a_reference() {
        let check = |reference: &str, path: &str, choices: &str| {
            let s = WalkState::leading_to(reference).unwrap_or_else(|| panic!("{reference}"));
            assert_eq!((s.path.id, s.encode().as_str()), (path, choices), "{reference}");
            assert_eq!(s.view(None).current.reference, reference);
        };
        check("manual-all/staging", "manual-all", "");
        check("manual-all/events", "manual-all", "1.0.0");
        check("result:staging-mode", "manual-all", "0");
        check("status:MissingAttribute", "manual-object", "1.0.0.2.8");
        assert_eq!(WalkState::leading_to("manual-all/nope"), None);
        assert_eq!(WalkState::leading_to("nope/x"), None);
        assert_eq!(WalkState::leading_to("result:nope"), None);
        // Every node a finding names is reachable.
        for f in knowledge::FINDINGS {
            if let Some(n) = f.node {
                assert!(WalkState::leading_to(n).is_some(), "finding {}: {n}", f.id);
            }
        }
    }

    /// Every path can be walked to a result by always taking the first option that was not
    /// yet taken at a node; the walk never gets stuck on a node without options.
    #[test]
    fn every_path_reaches_a_result() {
        for p in knowledge::PATHS {
            let mut s = WalkState::new(p);
            for _ in 0..MAX_CHOICES {
                let v = s.view(None);
                if v.current.kind == CurrentKind::Result && v.current.options.is_empty() {
                    break;
                }
                assert!(!v.current.options.is_empty(), "{}: stuck at {}", p.id, v.current.reference);
                s = s.apply(Action::Choose(v.current.options.len() - 1));
            }
            assert_eq!(s.view(None).current.kind, CurrentKind::Result, "{}", p.id);
        }
    }
}
