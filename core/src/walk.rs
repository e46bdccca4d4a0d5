//! The guided-path walker.
//!
//! The state is the path and the answers given so far (`choices`): where the user stands is
//! found by replaying them from the path's start, so the state is small, serialisable into a
//! route, and can never point at a node that does not exist. Replay stops at the first choice
//! that does not fit, so a mangled route degrades to an earlier step instead of failing.

use crate::knowledge::{self, GateStatus, LearnLink, NodeKind, PathInfo, Severity, Target, Text};
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
    /// "I already have its output": from a step before the path's first question, go on
    /// ("Next") to that question ([`WalkView::skip_to`] says when it is offered).
    SkipToQuestion,
}

impl WalkState {
    pub fn new(path: &'static PathInfo) -> WalkState {
        WalkState { path, choices: Vec::new() }
    }

    /// Rebuilds a state from a path id and a route segment in either form ([`Link::open`]),
    /// without saying whether the link was stale. Unknown paths give `None`.
    pub fn decode(path_id: &str, choices: &str) -> Option<WalkState> {
        Link::open(path_id, choices).map(|l| l.state)
    }

    /// The answers as a route segment in the current codec: `v2` and each answer's id, e.g.
    /// `v2.run-status.result:staging-mode` (empty at the start). See [`Link`].
    pub fn encode(&self) -> String {
        let mut out = String::from(CODEC_V2);
        for (at, choice) in self.trail() {
            let Some(id) = choice.and_then(|c| answer_id(at, c)) else { continue };
            out.push('.');
            out.push_str(&id);
        }
        if out == CODEC_V2 {
            out.clear();
        }
        out
    }

    /// The state transition. Impossible actions leave the state as it is.
    pub fn apply(&self, action: Action) -> WalkState {
        let mut next = self.clone();
        match action {
            Action::Choose(n) => {
                if self.choices.len() < MAX_CHOICES && n < options(self.at()).len() {
                    next.choices.push(n);
                }
            }
            Action::Back => {
                next.choices.pop();
            }
            Action::Restart => next.choices.clear(),
            Action::JumpTo(n) => next.choices.truncate(n),
            Action::SkipToQuestion => {
                if skip_to(self.at(), self.path).is_some() {
                    while kind(next.at()) == CurrentKind::Step && next.choices.len() < MAX_CHOICES {
                        next.choices.push(0);
                    }
                }
            }
        }
        next
    }

    /// The shortest walk that arrives at `reference` (`path/node`, `result:id` or
    /// `status:Name`), so that a finding can link to its place in the guided paths. A
    /// `path/node` is searched from its own path's start; a result or status from every path's
    /// start (the first path that reaches it with the fewest answers wins). `None` when no walk
    /// reaches it.
    pub fn leading_to(reference: &str) -> Option<WalkState> {
        let own = reference.split_once('/').filter(|_| !reference.contains(':')).and_then(|(p, _)| knowledge::path(p));
        let starts: Vec<&'static PathInfo> = match own {
            Some(p) => vec![p],
            None => knowledge::PATHS.iter().collect(),
        };
        starts.into_iter().filter_map(|p| shortest_walk(WalkState::new(p), reference)).min_by_key(|s| s.choices.len())
    }

    /// Every position visited, first to current, with the option chosen at each but the last.
    fn trail(&self) -> Vec<(At, Option<usize>)> {
        let mut at = At::start(self.path);
        let mut out = Vec::with_capacity(self.choices.len() + 1);
        for &c in &self.choices {
            let Some(next) = follow(at, c) else { break };
            out.push((at, Some(c)));
            at = next;
        }
        out.push((at, None));
        out
    }

    fn at(&self) -> At {
        self.trail().last().map(|(a, _)| *a).unwrap_or(At::start(self.path))
    }

    pub fn position(&self) -> Position {
        self.at().pos
    }

    /// What the UI and the CLI show.
    pub fn view(&self, version: Option<ConnectVersion>) -> WalkView {
        let trail = self.trail();
        let summary = trail
            .iter()
            .enumerate()
            .filter_map(|(i, (at, choice))| {
                let c = (*choice)?;
                let opts = options(*at);
                Some(SummaryItem {
                    index: i,
                    kind: kind(*at),
                    prompt: prompt(at.pos),
                    answer: if done_by_task(*at).is_some() { DONE_BY_TASK } else { opts.get(c).copied().unwrap_or("") },
                })
            })
            .collect();
        let at = trail.last().map(|(a, _)| *a).unwrap_or(At::start(self.path));
        WalkView {
            path_id: self.path.id,
            path_title: self.path.title,
            now_on: (at.path != self.path).then_some(at.path.title),
            intro: self.path.intro,
            path_gate: gate_notice(self.path.gate, version),
            retired: crate::version::retired(version),
            current: current_view(at, version),
            summary,
            step_number: trail.len(),
            progress: Progress {
                step: trail.len(),
                of_at_most: trail.len() + longest_rest(&trail.iter().map(|(a, _)| *a).collect::<Vec<_>>()),
            },
            skip_to: skip_to(at, self.path),
            can_go_back: !self.choices.is_empty(),
            encoded: self.encode(),
        }
    }
}

/// The prefix of a route segment in the second codec. (`?v=` in the query is the Connect
/// version, so the codec's version is in the segment.)
const CODEC_V2: &str = "v2";

/// A walk opened from a route segment, and whether the link still matched the content.
///
/// Two forms are read:
/// - **v2** (what [`WalkState::encode`] writes): `v2.<id>.<id>…`, one id per answer, the id
///   being what the answer leads to (`run-status`, `result:staging-mode`, `status:Success`,
///   another path's node as `manual-object~status`; the step's own path is left out). An id
///   names the answer, not its place in the list, so reordering answers or adding one keeps
///   old links right.
/// - **v1** (the links made before): positions, `1.0.2` (`-` also separates).
///
/// Replaying stops at the first part that fits no answer at that step: the walk stays at the
/// nearest valid step, the one reached by the answers that still fit, and `stale` says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub state: WalkState,
    pub stale: Option<Stale>,
}

/// A link that no longer matches the content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stale {
    /// The answers of the link that still fit (the walk is after them).
    pub kept: usize,
    /// The answers the link gave.
    pub given: usize,
}

impl Link {
    /// Opens `segment` (either codec) on path `path_id`; `None` for an unknown path.
    pub fn open(path_id: &str, segment: &str) -> Option<Link> {
        let path = knowledge::path(path_id)?;
        let mut state = WalkState::new(path);
        let (v2, body) = match segment.strip_prefix(CODEC_V2) {
            Some(rest) if rest.is_empty() || rest.starts_with('.') => (true, rest),
            _ => (false, segment),
        };
        let parts: Vec<&str> = if v2 {
            body.split('.').filter(|p| !p.is_empty()).collect()
        } else {
            body.split(['.', '-']).filter(|p| !p.is_empty()).collect()
        };
        let given = parts.len();
        for part in parts.iter().take(MAX_CHOICES) {
            let at = state.at();
            let choice = if v2 {
                (0..options(at).len()).find(|&c| answer_id(at, c).as_deref() == Some(*part))
            } else {
                part.parse::<usize>().ok().filter(|&n| n < options(at).len())
            };
            let Some(choice) = choice else { break };
            let next = state.apply(Action::Choose(choice));
            if next.choices.len() == state.choices.len() {
                break;
            }
            state = next;
        }
        let kept = state.choices.len();
        // A link longer than a walk may be is cut, not stale: it never came from a walk.
        let stale = (kept < given.min(MAX_CHOICES)).then_some(Stale { kept, given });
        Some(Link { state, stale })
    }
}

/// The v2 id of option `choice` at `at`: the reference of where it leads, without the path
/// of that step when it leads within it, `/` written `~` (the segment is one route segment).
fn answer_id(at: At, choice: usize) -> Option<String> {
    let to = follow(at, choice)?;
    let reference = to.pos.reference();
    let own = format!("{}/", at.path.id);
    let id = reference.strip_prefix(&own).unwrap_or(&reference);
    Some(id.replace('/', "~"))
}

/// Breadth-first search from `start` for the first state whose position is `reference`.
fn shortest_walk(start: WalkState, reference: &str) -> Option<WalkState> {
    let mut seen = std::collections::HashSet::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(s) = queue.pop_front() {
        let at = s.at();
        let here = at.pos.reference();
        if here == reference {
            return Some(s);
        }
        if !seen.insert((here, at.path.id, at.checked)) || s.choices.len() >= MAX_CHOICES {
            continue;
        }
        for c in 0..options(at).len() {
            queue.push_back(s.apply(Action::Choose(c)));
        }
    }
    None
}

/// A place in the guided paths: a node, a result or a status value.
pub type Position = Target;

/// The answer shown in the summary for a check the troubleshooting task already made.
pub const DONE_BY_TASK: &str = "Done by the troubleshooting task";

/// A position with what the walk knows there: the path of the last node (a result's
/// continuation can depend on it) and whether the troubleshooting task's checks are done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct At {
    pos: Position,
    path: &'static PathInfo,
    checked: bool,
}

impl At {
    fn start(path: &'static PathInfo) -> At {
        let node = path.start_node().unwrap_or(&path.nodes[0]);
        At { pos: Target::Node { path, node }, path, checked: false }
    }
}

/// The answer the task established, when this node is a check it made and its checks are done.
fn done_by_task(at: At) -> Option<&'static str> {
    match at.pos {
        Target::Node { node, .. } if at.checked => node.task_checked,
        _ => None,
    }
}

fn options(at: At) -> Vec<&'static str> {
    if done_by_task(at).is_some() {
        return vec!["Next"];
    }
    match at.pos {
        Target::Node { node, .. } => match &node.kind {
            NodeKind::Step { .. } => vec!["Next"],
            NodeKind::Question { answers } => answers.iter().map(|a| a.label).collect(),
        },
        Target::Result(r) => r.continuation(at.path.id).iter().map(|c| c.label).collect(),
        Target::Status(_) => vec![knowledge::STATUS_CONTINUE.label],
    }
}

fn follow(at: At, choice: usize) -> Option<At> {
    let mut checked = at.checked;
    let (from, reference) = match at.pos {
        Target::Node { path, node } => match (done_by_task(at), &node.kind) {
            (Some(_), NodeKind::Step { next }) if choice == 0 => (path, *next),
            (Some(label), NodeKind::Question { answers }) if choice == 0 => (path, answers.iter().find(|a| a.label == label)?.next),
            (Some(_), _) => return None,
            (None, _) => (path, *node.nexts().get(choice)?),
        },
        Target::Result(r) => {
            let c = r.continuation(at.path.id).filter(|_| choice == 0)?;
            checked |= c.task_checked;
            (at.path, c.next)
        }
        Target::Status(_) => (at.path, knowledge::STATUS_CONTINUE.next),
    };
    if matches!(at.pos, Target::Status(_)) && choice != 0 {
        return None;
    }
    let pos = knowledge::resolve(from, reference).ok()?;
    let path = match pos {
        Target::Node { path, .. } => path,
        _ => at.path,
    };
    Some(At { pos, path, checked })
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
    /// When the walk has led into another path (a continuation, a jump), that path's title:
    /// the path the admin is on now.
    pub now_on: Option<&'static str>,
    pub intro: Text,
    /// For a retired build (every 1.x): said first, before the path.
    pub retired: Option<Text>,
    /// The version gate of the path's method (the task or the cmdlet), as it stands.
    pub path_gate: Option<GateNotice>,
    pub current: CurrentView,
    /// The answers so far, first to last.
    pub summary: Vec<SummaryItem>,
    /// 1-based position in the walk.
    pub step_number: usize,
    /// "Step n of at most m".
    pub progress: Progress,
    /// On a step before the path's first question (the steps that run the troubleshooting
    /// task or the cmdlet): that question, which [`Action::SkipToQuestion`] goes to.
    pub skip_to: Option<Skip>,
    pub can_go_back: bool,
    pub encoded: String,
}

/// Where the walk stands: step `step` of at most `of_at_most`.
///
/// `of_at_most` is the steps taken so far (this one included) plus the most steps from here to
/// the next result (a documented outcome, or a status value of the object's log), never coming
/// back to a step already taken: the walk reaches a result at or before it. Each answer keeps
/// it or lowers it (a shorter branch), never raises it; at a result it is `step`, and going on
/// from a result (its "continue with…") starts the count to the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub step: usize,
    pub of_at_most: usize,
}

/// The offer to skip the steps that produce an output the admin already has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Skip {
    /// The method whose output it is (the troubleshooting task's or the cmdlet's).
    pub method: knowledge::Method,
    /// The question the skip goes to ("What did the task report?").
    pub question: Text,
}

/// The skip offered at `at` on `path`: `at` is a step of `path` from which "Next" alone leads to
/// a question of `path` (the output's question), and the path is the task's or the cmdlet's.
fn skip_to(at: At, path: &'static PathInfo) -> Option<Skip> {
    if !matches!(path.method, knowledge::Method::Task | knowledge::Method::Cmdlet) || at.path != path {
        return None;
    }
    let mut here = at;
    for _ in 0..MAX_CHOICES {
        match (kind(here), here.pos) {
            (CurrentKind::Step, Target::Node { .. }) => here = follow(here, 0)?,
            (CurrentKind::Question, Target::Node { path: p, node }) if p == path && here != at => {
                return Some(Skip { method: path.method, question: node.text });
            }
            _ => return None,
        }
    }
    None
}

/// The most positions a walk can still go through after the last of `trail` up to the next
/// result (a documented outcome or a status value; 0 at one), never coming back to a position
/// it has been on (the trail's, or one on the way): the longest simple path to a result,
/// searched path by path (between two results the paths branch little: a test bounds the time).
fn longest_rest(trail: &[At]) -> usize {
    use std::collections::HashMap;
    type Key = (usize, usize, bool);
    /// A position by the addresses of its static data (comparing the data would be slow).
    fn key(at: At) -> Key {
        let pos = match at.pos {
            Target::Node { node, .. } => node as *const _ as usize,
            Target::Result(r) => r as *const _ as usize,
            Target::Status(s) => s as *const _ as usize,
        };
        (pos, at.path as *const _ as usize, at.checked)
    }
    /// The positions after each position, found once (`follow` resolves references).
    fn nexts(at: At, k: Key, cache: &mut HashMap<Key, Vec<(Key, At)>>) -> Vec<(Key, At)> {
        cache.entry(k).or_insert_with(|| (0..options(at).len()).filter_map(|c| follow(at, c)).map(|n| (key(n), n)).collect()).clone()
    }
    fn go(at: At, k: Key, way: &mut Vec<Key>, cache: &mut HashMap<Key, Vec<(Key, At)>>) -> usize {
        let mut best = 0;
        for (nk, next) in nexts(at, k, cache) {
            if way.contains(&nk) {
                continue;
            }
            // A result (or a status value) ends the stretch: it is one more step, and what
            // follows it is counted once the admin goes on.
            if kind(next) == CurrentKind::Result {
                best = best.max(1);
                continue;
            }
            way.push(nk);
            best = best.max(1 + go(next, nk, way, cache));
            way.pop();
        }
        best
    }
    let Some(&last) = trail.last() else { return 0 };
    if kind(last) == CurrentKind::Result {
        return 0;
    }
    go(last, key(last), &mut trail.iter().map(|a| key(*a)).collect(), &mut HashMap::new())
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
    /// For a check the troubleshooting task already made (after "All checks passed"): the
    /// answer it established. The node is then a step with one option, "Next".
    pub done_by_task: Option<&'static str>,
    /// The Learn section that explains this step or result.
    pub learn: Option<LearnLink>,
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

fn kind(at: At) -> CurrentKind {
    if done_by_task(at).is_some() {
        return CurrentKind::Step;
    }
    match at.pos {
        Target::Node { node, .. } => match node.kind {
            NodeKind::Step { .. } => CurrentKind::Step,
            NodeKind::Question { .. } => CurrentKind::Question,
        },
        Target::Result(_) | Target::Status(_) => CurrentKind::Result,
    }
}

fn current_view(at: At, version: Option<ConnectVersion>) -> CurrentView {
    let pos = at.pos;
    let reference = pos.reference();
    let options = options(at);
    let done_by_task = done_by_task(at);
    match pos {
        Target::Node { node, .. } => CurrentView {
            kind: kind(at),
            done_by_task,
            reference,
            title: None,
            text: node.text,
            help: node.help,
            fix: vec![],
            severity: None,
            options,
            script: node.script,
            gate: gate_notice(node.gate, version),
            learn: node.learn,
        },
        Target::Result(r) => CurrentView {
            done_by_task: None,
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
            learn: r.learn,
        },
        Target::Status(s) => CurrentView {
            done_by_task: None,
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
            learn: None,
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
        let s = walk("manual-object", &[1, 0, 1]); // not in the connector space: a result without a continuation
        assert_eq!(s.view(None).current.reference, "result:not-in-connector-space");
        assert_eq!(s.apply(Action::Choose(0)), s);
    }

    #[test]
    fn statuses_are_derived_answers() {
        // must-change: no -> follow -> found: yes -> log: another value -> status
        let s = walk("manual-object", &[1, 0, 0, 1]);
        let v = s.view(None);
        assert_eq!(v.current.reference, "manual-object/status");
        assert_eq!(v.current.options.len(), 10);
        let s = s.apply(Action::Choose(1));
        let v = s.view(Some(ConnectVersion([1, 6, 0, 0])));
        assert_eq!(v.current.reference, "status:FilteredByTarget");
        assert_eq!(v.current.gate.as_ref().unwrap().status, GateStatus::NotMet);
        assert_eq!(v.current.gate.as_ref().unwrap().min_version, "2.0.3.0");
    }

    /// Issue 9 §2: a status value shows its meaning and next step, then the article's
    /// remaining checks follow (lineage, metaverse, connectors, outbound rule); "Success" is
    /// offered once.
    #[test]
    fn a_status_value_continues_with_the_remaining_checks() {
        let log = walk("manual-object", &[1, 0, 0]);
        assert_eq!(log.view(None).current.reference, "manual-object/log");
        let at_status = log.apply(Action::Choose(1)).view(None);
        let mut offered: Vec<&str> = log.view(None).current.options.clone();
        offered.extend(at_status.current.options.iter());
        assert_eq!(offered.iter().filter(|o| o.contains("Success")).count(), 1, "{offered:?}");
        for (i, name) in at_status.current.options.iter().enumerate() {
            let s = log.apply(Action::Choose(1)).apply(Action::Choose(i));
            let v = s.view(None);
            assert_eq!(v.current.reference, format!("status:{name}"));
            assert_eq!(v.current.options, vec![knowledge::STATUS_CONTINUE.label], "{name}");
            assert!(!v.current.fix.is_empty(), "{name}: its next step");
            let on = s.apply(Action::Choose(0)).view(None);
            assert_eq!(on.current.reference, "manual-object/lineage", "{name}");
        }
        // From the lineage on, every check of the article in turn.
        let s = walk("manual-object", &[1, 0, 0, 1, 1, 0]);
        let refs: Vec<String> = (0..5)
            .scan(s, |s, _| {
                let r = s.view(None).current.reference;
                *s = s.apply(Action::Choose(0));
                Some(r)
            })
            .collect();
        assert_eq!(
            refs,
            [
                "manual-object/lineage",
                "manual-object/cloudfiltered",
                "manual-object/domain-attrs",
                "manual-object/connectors",
                "manual-object/outbound"
            ]
        );
    }

    /// Issue 9 §2: in the manual steps for all passwords, every result the article follows
    /// with another step offers to continue to it.
    #[test]
    fn manual_results_continue_where_the_article_does() {
        let expect = [
            ("result:phs-disabled-tenant", "manual-all/run-status"),
            ("result:phs-disabled-connector", "manual-all/run-status"),
            ("result:staging-mode", "manual-all/run-status"),
            ("result:no-entra-connectivity", "manual-all/find-account"),
            ("result:ad-permissions", "manual-all/dcs"),
            ("result:domain-unreachable", "manual-all/heartbeat"),
            ("result:no-heartbeat", "manual-all/one-object"),
        ];
        let manual = knowledge::path("manual-all").unwrap();
        for (result, next) in expect {
            let s = shortest_walk(WalkState::new(manual), result).unwrap_or_else(|| panic!("{result}"));
            let v = s.view(None);
            assert_eq!(v.current.options.len(), 1, "{result} offers to continue");
            assert_eq!(s.apply(Action::Choose(0)).view(None).current.reference, next, "{result}");
        }
        // The same result reached from the troubleshooting task does not send the admin into
        // the manual steps.
        let task = walk("task-all", &[0, 0, 0, 0, 0, 0, 0, 0, 5]);
        assert_eq!(task.view(None).current.reference, "result:ad-permissions");
        assert!(task.view(None).current.options.is_empty());
    }

    /// Issue 9 §2: "All checks passed" then the manual steps: the heading names the path the
    /// admin is on now, and a check the task already made is shown as done by it.
    #[test]
    fn after_the_task_its_checks_are_done() {
        let passed = walk("task-all", &[0, 0, 0, 0, 0, 0, 0, 0, 7]);
        assert_eq!(passed.view(None).current.reference, "result:checks-passed");
        assert_eq!(passed.view(None).now_on, None);
        let s = passed.apply(Action::Choose(0));
        let v = s.view(None);
        assert_eq!(v.current.reference, "manual-all/staging");
        assert_eq!(v.now_on, Some(knowledge::path("manual-all").unwrap().title));
        assert_eq!(v.current.done_by_task, Some("No"));
        assert_eq!((v.current.kind, v.current.options.clone()), (CurrentKind::Step, vec!["Next"]));
        // Next follows the answer the task established; the checks it did not make are asked.
        let mut s = s.apply(Action::Choose(0));
        let mut seen = Vec::new();
        for _ in 0..10 {
            let v = s.view(None);
            seen.push((v.current.reference.clone(), v.current.done_by_task.is_some()));
            if v.current.reference == "manual-all/events" {
                // No errors: straight to the heartbeat, which the task checked.
                s = s.apply(Action::Choose(1));
            } else if v.current.reference == "manual-all/still-failing" {
                break;
            } else {
                s = s.apply(Action::Choose(0));
            }
        }
        let at = |r: &str| seen.iter().find(|(x, _)| x == r).map(|(_, d)| *d);
        assert_eq!(at("manual-all/run-status"), Some(false));
        assert_eq!(at("manual-all/feature"), Some(true));
        assert_eq!(at("manual-all/events"), Some(false));
        assert_eq!(at("manual-all/heartbeat"), Some(true));
        assert_eq!(at("manual-all/still-failing"), Some(false));
        let summary = s.view(None).summary;
        assert!(summary.iter().any(|i| i.answer == DONE_BY_TASK), "{summary:?}");
        // The same manual path from its own start asks everything.
        assert_eq!(walk("manual-all", &[]).view(None).current.done_by_task, None);
    }

    /// Issue 9 §2: a temporary password is not a dead end: on 2.0.3.0 or later the walk goes
    /// on to ForcePasswordChangeOnLogOn, the command that enables it, and its caution.
    #[test]
    fn a_temporary_password_goes_on_to_force_password_change() {
        for (path, choices) in [("manual-object", vec![0]), ("task-object", vec![0, 0, 0, 0, 0, 0, 0, 0, 1])] {
            let s = walk(path, &choices);
            assert_eq!(s.view(None).current.reference, "result:temporary-password", "{path}");
            let v = s.apply(Action::Choose(0)).view(ConnectVersion::parse("2.4.129.0").ok());
            assert_eq!(v.current.reference, "manual-object/force-change", "{path}");
            assert_eq!(v.current.gate.as_ref().map(|g| g.status), Some(GateStatus::Met));
            let text = v.current.text.plain();
            assert!(
                text.contains("ForcePasswordChangeOnLogOn") && text.contains("UserForcePasswordChangeOnLogonEnabled = $true"),
                "{text}"
            );
            assert!(text.contains("Update-MgDirectoryOnPremiseSynchronization"), "{text}");
            let help = v.current.help.unwrap().plain();
            assert!(help.contains("only when self-service password reset (SSPR) and password writeback are enabled"), "{help}");
            assert!(!v.current.text.source.is_article(), "PHS Doctor's advice from the PHS article");
            assert_eq!(
                s.apply(Action::Choose(0)).view(ConnectVersion::parse("1.6.16.0").ok()).current.gate.map(|g| g.status),
                Some(GateStatus::NotMet)
            );
        }
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

    fn positional(s: &WalkState) -> String {
        s.choices.iter().map(usize::to_string).collect::<Vec<_>>().join(".")
    }

    #[test]
    fn encode_decode_round_trip() {
        let s = walk("manual-object", &[1, 0, 0, 1, 4]);
        assert_eq!(s.encode(), "v2.follow.found.log.status.status:TargetNotExportedToDirectory");
        assert_eq!(Link::open("manual-object", &s.encode()), Some(Link { state: s.clone(), stale: None }));
        assert_eq!(WalkState::new(s.path).encode(), "");
        assert_eq!(Link::open("manual-object", ""), Some(Link { state: WalkState::new(s.path), stale: None }));
        assert_eq!(Link::open("manual-object", "v2"), Some(Link { state: WalkState::new(s.path), stale: None }));
        // Another path's node and a result's continuation round-trip too.
        for (path, choices) in
            [("manual-all", &[1, 0, 0, 1, 1][..]), ("task-object", &[0, 0, 0, 0, 0, 0, 0, 0, 3]), ("manual-object", &[1, 0, 0, 0, 0])]
        {
            let s = walk(path, choices);
            assert_eq!(s.choices, choices, "{path}");
            assert_eq!(Link::open(path, &s.encode()), Some(Link { state: s.clone(), stale: None }), "{path} {}", s.encode());
        }
        assert!(walk("manual-object", &[1, 0, 0, 0, 0]).encode().contains("manual-all~"));
        assert!(WalkState::decode("nope", "").is_none());
        assert!(Link::open("nope", "v2.s2").is_none());
    }

    /// Every answer's id is unique among the answers of its step, so a v2 link names one answer.
    #[test]
    fn answer_ids_are_unique_where_they_are_chosen() {
        let mut seen = std::collections::HashSet::new();
        let mut states: Vec<WalkState> = knowledge::PATHS.iter().map(WalkState::new).collect();
        while let Some(s) = states.pop() {
            let at = s.at();
            if !seen.insert((at.pos.reference(), at.path.id, at.checked)) {
                continue;
            }
            let ids: Vec<String> = (0..options(at).len()).map(|c| answer_id(at, c).expect("an option leads somewhere")).collect();
            let unique: std::collections::HashSet<&String> = ids.iter().collect();
            assert_eq!(unique.len(), ids.len(), "{}: {ids:?}", at.pos.reference());
            for id in &ids {
                assert!(!id.is_empty() && !id.contains(['.', '/', '?', '#', '&']), "{id}");
            }
            states.extend((0..ids.len()).map(|c| s.apply(Action::Choose(c))));
        }
    }

    /// Links made before v2 (positions) still open where they did.
    #[test]
    fn old_positional_links_still_open() {
        let s = walk("manual-object", &[1, 0, 0, 1, 4]);
        assert_eq!(Link::open("manual-object", "1.0.0.1.4"), Some(Link { state: s.clone(), stale: None }));
        assert_eq!(Link::open("manual-object", "1-0-0-1-4").unwrap().state, s);
        for path in knowledge::PATHS {
            let s = WalkState::new(path).apply(Action::Choose(0)).apply(Action::Choose(0));
            assert_eq!(Link::open(path.id, &positional(&s)), Some(Link { state: s.clone(), stale: None }), "{}", path.id);
        }
    }

    /// A link that no longer fits the content opens at the nearest valid step and says so.
    #[test]
    fn stale_links_open_at_the_nearest_valid_step() {
        let at_start = |path: &str, segment: &str, given: usize| {
            let l = Link::open(path, segment).unwrap();
            assert_eq!(l.state.choices, Vec::<usize>::new(), "{segment}");
            assert_eq!(l.stale, Some(Stale { kept: 0, given }), "{segment}");
        };
        // Today's example: no step 1 has a tenth answer.
        at_start("task-all", "9.9.9", 3);
        at_start("manual-object", "99", 1);
        at_start("manual-object", "v2.no-such-node", 1);
        // The valid answers before the first that does not fit are kept.
        let l = Link::open("manual-object", "1.0.x.9").unwrap();
        assert_eq!((l.state.choices, l.stale), (vec![1, 0], Some(Stale { kept: 2, given: 4 })));
        let l = Link::open("manual-object", "v2.follow.found.log.renamed-node.status:Success").unwrap();
        assert_eq!((l.state.view(None).current.reference.as_str(), l.stale), ("manual-object/log", Some(Stale { kept: 3, given: 5 })));
        // An answer id of another step does not fit here.
        let l = Link::open("manual-object", "v2.follow.status").unwrap();
        assert_eq!(l.stale, Some(Stale { kept: 1, given: 2 }));
        // A v2 id read as a position, and a position read as a v2 id, are stale, not wrong.
        assert!(Link::open("manual-object", "v2.1.0").unwrap().stale.is_some());
        assert!(Link::open("manual-object", "follow.found").unwrap().stale.is_some());
        // Over-long input is cut without panicking.
        let long = "0.".repeat(10_000);
        assert!(Link::open("manual-all", &long).unwrap().state.choices.len() <= MAX_CHOICES);
        let long = format!("v2{}", ".s2".repeat(10_000));
        assert!(Link::open("task-all", &long).unwrap().state.choices.len() <= MAX_CHOICES);
    }

    #[test]
    fn leading_to_a_reference() {
        let check = |reference: &str, path: &str, choices: &str| {
            let s = WalkState::leading_to(reference).unwrap_or_else(|| panic!("{reference}"));
            assert_eq!((s.path.id, positional(&s).as_str()), (path, choices), "{reference}");
            assert_eq!(s.view(None).current.reference, reference);
        };
        check("manual-all/staging", "manual-all", "");
        check("manual-all/events", "manual-all", "1.0.0");
        check("result:staging-mode", "manual-all", "0");
        check("status:MissingAttribute", "manual-object", "1.0.0.1.8");
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

    /// Every state a walk can reach (one per position, path and "checks done").
    fn every_state() -> Vec<WalkState> {
        let mut seen = std::collections::HashSet::new();
        let mut states: Vec<WalkState> = knowledge::PATHS.iter().map(WalkState::new).collect();
        let mut all = Vec::new();
        while let Some(s) = states.pop() {
            let at = s.at();
            if !seen.insert((at.pos.reference(), at.path.id, at.checked)) {
                continue;
            }
            for c in 0..options(at).len() {
                states.push(s.apply(Action::Choose(c)));
            }
            all.push(s);
        }
        all
    }

    /// "Step n of at most m": at the start m is the longest walk, an answer never raises it,
    /// and at an end n is m.
    #[test]
    fn progress_is_step_of_at_most() {
        // Four steps, the question about the output, then its result.
        assert_eq!(walk("cmdlet-all", &[]).view(None).progress, Progress { step: 1, of_at_most: 6 });
        assert_eq!(walk("task-all", &[0; 8]).view(None).progress, Progress { step: 9, of_at_most: 10 });
        assert_eq!(walk("task-all", &[0; 8]).apply(Action::Choose(1)).view(None).progress, Progress { step: 10, of_at_most: 10 });
        let (mut spent, mut views) = (std::time::Duration::ZERO, 0u32);
        for s in every_state() {
            let started = std::time::Instant::now();
            let v = s.view(None);
            spent += started.elapsed();
            views += 1;
            let p = v.progress;
            assert_eq!(p.step, v.step_number);
            assert!(p.step <= p.of_at_most, "{}: {p:?}", v.current.reference);
            if v.current.options.is_empty() {
                assert_eq!(p.step, p.of_at_most, "{}", v.current.reference);
            }
            if v.current.kind == CurrentKind::Result {
                // A result ends the count; going on from it starts the next.
                assert_eq!(p.step, p.of_at_most, "{}", v.current.reference);
                continue;
            }
            let trail: Vec<At> = s.trail().iter().map(|(a, _)| *a).collect();
            for c in 0..v.current.options.len() {
                let next = s.apply(Action::Choose(c));
                // Going round a loop (back to a step already taken: run the script again) starts
                // a new count; any other answer keeps or lowers it.
                if trail.contains(&next.at()) {
                    continue;
                }
                let next = next.view(None).progress;
                assert!(next.of_at_most <= p.of_at_most, "{} answer {c}: {p:?} -> {next:?}", v.current.reference);
            }
        }
        // The search stays far below a frame, even unoptimised (a render computes it): about
        // 0.2 ms a view on average here, 1 ms for the slowest (an unloaded machine).
        let average = spent / views;
        assert!(average < std::time::Duration::from_millis(5), "{average:?}");
        eprintln!("walk view: {average:?} on average over {views} states");
    }

    /// "I already have the troubleshooter's output": from the steps that run the task or the
    /// cmdlet, straight to the question about its output; not offered on the manual paths or
    /// once there.
    #[test]
    fn skipping_to_the_outputs_question() {
        for (path, to) in [("task-all", "task-all/outcome"), ("task-object", "task-object/outcome"), ("cmdlet-all", "cmdlet-all/outcome")] {
            let s = walk(path, &[]);
            let skip = s.view(None).skip_to.unwrap_or_else(|| panic!("{path}"));
            assert!(skip.question.plain().contains("report"), "{path}");
            let done = s.apply(Action::SkipToQuestion);
            let v = done.view(None);
            assert_eq!(v.current.reference, to);
            assert_eq!(v.skip_to, None, "{path}: not offered at the question");
            // From a later step too, and the link round-trips.
            let later = walk(path, &[0, 0]).apply(Action::SkipToQuestion);
            assert_eq!(later, done);
            assert_eq!(Link::open(path, &done.encode()).unwrap().state, done);
        }
        assert_eq!(walk("cmdlet-object", &[0, 0, 0]).view(None).skip_to.map(|s| s.method), Some(knowledge::Method::Cmdlet));
        assert_eq!(walk("manual-all", &[]).view(None).skip_to, None);
        assert_eq!(walk("manual-all", &[1]).view(None).skip_to, None);
        // Past the question (a result, another path): no skip, and the action changes nothing.
        let s = walk("task-all", &[0, 0, 0, 0, 0, 0, 0, 0, 1]);
        assert_eq!(s.view(None).skip_to, None);
        assert_eq!(s.apply(Action::SkipToQuestion), s);
        assert_eq!(walk("manual-all", &[]).apply(Action::SkipToQuestion), walk("manual-all", &[]));
    }

    /// From every position a walk can reach, an end (a result without a way on) can still be
    /// reached, and no position but an end is without options: paths may loop back (run the
    /// script again to verify), never trap.
    #[test]
    fn every_path_reaches_a_result() {
        let all = every_state();
        for s in &all {
            let v = s.view(None);
            if v.current.options.is_empty() {
                assert_eq!(v.current.kind, CurrentKind::Result, "stuck at {}", v.current.reference);
            }
        }
        assert!(all.len() > 60, "{}", all.len());
        for s in all {
            let ends = (0..MAX_CHOICES).try_fold(vec![s.clone()], |frontier, _| {
                if frontier.iter().any(|f| f.view(None).current.options.is_empty()) {
                    return Err(());
                }
                let next: Vec<WalkState> =
                    frontier.iter().flat_map(|f| (0..options(f.at()).len()).map(move |c| f.apply(Action::Choose(c)))).take(400).collect();
                Ok(next)
            });
            assert!(ends.is_err(), "no end reachable from {}", s.view(None).current.reference);
        }
    }
}
