//! Keys to actions: one table, from which the help overlay and the status line are
//! generated, so that neither can drift from what the keys really do.

use std::fmt;

use super::{Action, Mode, Pane};

/// A key as the app sees it, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Self {
        Self { code, ctrl: false }
    }

    pub const fn char(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        match self.code {
            KeyCode::Char(c) if self.ctrl => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
        }
    }
}

impl Key {
    /// Reads a key as a config file writes it: `q`, `G`, `?`, `space`, `enter`, `esc`,
    /// `tab`, `backtab`, `backspace`, `up`, `down`, `left`, `right`, `pageup`,
    /// `pagedown`, `home`, `end`, each optionally after `ctrl-`.
    pub fn parse(text: &str) -> Result<Key, String> {
        let (ctrl, name) = match text.strip_prefix("ctrl-") {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, text),
        };
        let mut chars = name.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => KeyCode::Char(c),
            _ => match name.to_ascii_lowercase().as_str() {
                "space" => KeyCode::Char(' '),
                "enter" => KeyCode::Enter,
                "esc" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" | "shift-tab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pageup" => KeyCode::PageUp,
                "pagedown" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                _ => {
                    return Err(format!(
                        "expected a key such as \"q\", \"ctrl-c\", \"enter\" or \"pagedown\", found \"{text}\""
                    ));
                }
            },
        };
        // Terminals report Ctrl with letters as lower case.
        let code = match code {
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        Ok(Key { code, ctrl })
    }

    /// The key as a config file writes it; `Key::parse` reads it back.
    pub fn config_string(self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "enter".into(),
            KeyCode::Esc => "esc".into(),
            KeyCode::Tab => "tab".into(),
            KeyCode::BackTab => "backtab".into(),
            KeyCode::Backspace => "backspace".into(),
            KeyCode::Up => "up".into(),
            KeyCode::Down => "down".into(),
            KeyCode::Left => "left".into(),
            KeyCode::Right => "right".into(),
            KeyCode::PageUp => "pageup".into(),
            KeyCode::PageDown => "pagedown".into(),
            KeyCode::Home => "home".into(),
            KeyCode::End => "end".into(),
        };
        if self.ctrl {
            format!("ctrl-{name}")
        } else {
            name
        }
    }
}

/// Where a binding works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere, also over an overlay.
    Always,
    /// Whenever no overlay or search prompt is open.
    Dashboard,
    /// When this pane has focus.
    Pane(Pane),
    /// While the event-detail popup is open.
    Detail,
    /// While the help overlay is open.
    Help,
}

impl Scope {
    /// Every scope, in the order of the help overlay.
    pub fn all() -> impl Iterator<Item = Scope> {
        SECTIONS.iter().map(|(scope, _)| *scope)
    }

    /// The table a config file rebinds this scope's keys in: `[keys.timeline]`.
    pub fn config_name(self) -> &'static str {
        match self {
            Scope::Always => "anywhere",
            Scope::Dashboard => "dashboard",
            Scope::Pane(Pane::Timeline) => "timeline",
            Scope::Pane(Pane::Costs) => "costs",
            Scope::Pane(Pane::Troops) => "troops",
            Scope::Pane(Pane::Assumptions) => "assumptions",
            Scope::Detail => "detail",
            Scope::Help => "help",
        }
    }
}

/// One line of the keymap: these keys, in this scope, do this.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub scope: Scope,
    pub action: Action,
    /// What the help overlay says.
    pub help: &'static str,
    /// The few words the status line says, where it lists this binding.
    pub short: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

/// Display names of the sections of the help overlay, in order.
pub const SECTIONS: [(Scope, &str); 8] = [
    (Scope::Always, "Anywhere"),
    (Scope::Help, "This help"),
    (Scope::Dashboard, "Dashboard"),
    (Scope::Pane(Pane::Timeline), "Timeline"),
    (Scope::Detail, "Event detail"),
    (Scope::Pane(Pane::Costs), "Costs"),
    (Scope::Pane(Pane::Troops), "Troops"),
    (Scope::Pane(Pane::Assumptions), "Assumptions"),
];

impl Default for Keymap {
    fn default() -> Self {
        use Action::*;
        use KeyCode::*;
        use Scope::*;
        let c = Key::char;
        let k = Key::plain;
        let timeline = Pane(super::Pane::Timeline);
        let costs = Pane(super::Pane::Costs);
        let troops = Pane(super::Pane::Troops);
        let assumptions = Pane(super::Pane::Assumptions);
        let b = |keys: &[Key], scope, action, help, short| Binding {
            keys: keys.to_vec(),
            scope,
            action,
            help,
            short,
        };
        let bindings = vec![
            b(&[c('q'), Key::ctrl('c')], Always, Quit, "quit", "quit"),
            b(&[c('?')], Always, ToggleHelp, "help: every key", "help"),
            b(
                &[k(Esc)],
                Always,
                CloseOverlay,
                "close the overlay",
                "close",
            ),
            b(
                &[k(Tab)],
                Dashboard,
                FocusNext,
                "focus the next pane",
                "next pane",
            ),
            b(
                &[k(BackTab)],
                Dashboard,
                FocusPrev,
                "focus the previous pane",
                "",
            ),
            b(
                &[c('1')],
                Dashboard,
                Focus(super::Pane::Timeline),
                "focus Timeline",
                "",
            ),
            b(
                &[c('2')],
                Dashboard,
                Focus(super::Pane::Costs),
                "focus Costs",
                "",
            ),
            b(
                &[c('3')],
                Dashboard,
                Focus(super::Pane::Troops),
                "focus Troops",
                "",
            ),
            b(
                &[c('4')],
                Dashboard,
                Focus(super::Pane::Assumptions),
                "focus Assumptions",
                "",
            ),
            b(
                &[c('z')],
                Dashboard,
                ToggleZoom,
                "zoom the focused pane, again to return",
                "zoom",
            ),
            b(
                &[c('h'), k(Left)],
                Dashboard,
                MoveYear(-1),
                "year cursor: previous year",
                "year",
            ),
            b(
                &[c('l'), k(Right)],
                Dashboard,
                MoveYear(1),
                "year cursor: next year",
                "",
            ),
            b(
                &[c(':')],
                Dashboard,
                StartGoToYear,
                "go to a year: type it, Enter",
                "go to year",
            ),
            b(
                &[c('t')],
                Dashboard,
                ToggleTable,
                "the focused chart as a table, and back",
                "table",
            ),
            b(
                &[c('c')],
                Dashboard,
                CycleMetric,
                "metric: contribution, change, per member, sum",
                "metric",
            ),
            b(
                &[c('u')],
                Dashboard,
                ToggleCurrency,
                "currency: won / dollars",
                "currency",
            ),
            b(
                &[c('r')],
                Dashboard,
                ToggleReal,
                "nominal / real (money of the base year)",
                "real",
            ),
            b(
                &[c('m')],
                Dashboard,
                ToggleChartStyle,
                "chart: bars / line",
                "bars/line",
            ),
            b(
                &[c('p')],
                Dashboard,
                ToggleProjections,
                "projections on / off",
                "projections",
            ),
            b(
                &[c('b')],
                Dashboard,
                ToggleBand,
                "band of low and high paths, on / off",
                "band",
            ),
            b(
                &[c('X')],
                Dashboard,
                ClearCompare,
                "stop comparing: the pinned scenario alone",
                "",
            ),
            b(
                &[c('s')],
                Dashboard,
                StartSave,
                "save the assumptions as a scenario",
                "save",
            ),
            b(
                &[c('e')],
                Dashboard,
                Export,
                "export what the focused pane shows, as CSV",
                "export",
            ),
            b(
                &[c('i')],
                Dashboard,
                Publish,
                "write the focused chart as SVG and PNG images",
                "image",
            ),
            b(&[c('j'), k(Down)], Help, Move(1), "scroll down", "scroll"),
            b(&[c('k'), k(Up)], Help, Move(-1), "scroll up", ""),
            b(&[k(PageDown)], Help, Page(1), "scroll a page down", ""),
            b(&[k(PageUp)], Help, Page(-1), "scroll a page up", ""),
            b(&[c('g'), k(Home)], Help, First, "top", ""),
            b(&[c('G'), k(End)], Help, Last, "bottom", ""),
            // Detail popup: move through events without closing it.
            b(&[c('j'), k(Down)], Detail, Move(1), "next event", "event"),
            b(&[c('k'), k(Up)], Detail, Move(-1), "previous event", ""),
            b(
                &[k(PageDown)],
                Detail,
                Page(1),
                "scroll the detail down",
                "scroll",
            ),
            b(&[k(PageUp)], Detail, Page(-1), "scroll the detail up", ""),
            b(&[c('g'), k(Home)], Detail, First, "first event", ""),
            b(&[c('G'), k(End)], Detail, Last, "last event", ""),
            b(&[k(Enter)], Detail, CloseOverlay, "close the detail", ""),
            // Timeline.
            b(&[c('j'), k(Down)], timeline, Move(1), "next row", "move"),
            b(&[c('k'), k(Up)], timeline, Move(-1), "previous row", ""),
            b(
                &[k(PageDown), Key::ctrl('d')],
                timeline,
                Page(1),
                "next page",
                "",
            ),
            b(
                &[k(PageUp), Key::ctrl('u')],
                timeline,
                Page(-1),
                "previous page",
                "",
            ),
            b(&[c('g'), k(Home)], timeline, First, "first row", ""),
            b(&[c('G'), k(End)], timeline, Last, "last row", ""),
            b(
                &[c(']')],
                timeline,
                JumpAgreement(1),
                "next agreement",
                "agreement",
            ),
            b(
                &[c('[')],
                timeline,
                JumpAgreement(-1),
                "previous agreement",
                "",
            ),
            b(
                &[k(Enter)],
                timeline,
                ToggleDetail,
                "event detail with sources",
                "detail",
            ),
            b(
                &[c('/')],
                timeline,
                StartSearch,
                "search headlines, text and people",
                "search",
            ),
            b(&[c('n')], timeline, SearchAgain(1), "next match", ""),
            b(&[c('N')], timeline, SearchAgain(-1), "previous match", ""),
            b(
                &[c('f')],
                timeline,
                CycleFilter,
                "filter by event kind (cycle)",
                "filter",
            ),
            // Costs: the keys move through the years, in the chart or its table.
            b(
                &[c('j'), k(Down)],
                costs,
                Move(1),
                "next year (row)",
                "year",
            ),
            b(&[c('k'), k(Up)], costs, Move(-1), "previous year (row)", ""),
            b(&[k(PageDown)], costs, Page(1), "ten years on", ""),
            b(&[k(PageUp)], costs, Page(-1), "ten years back", ""),
            b(&[c('g'), k(Home)], costs, First, "first year", ""),
            b(&[c('G'), k(End)], costs, Last, "last year", ""),
            // Troops.
            b(
                &[c('j'), k(Down)],
                troops,
                Move(1),
                "next year (row)",
                "year",
            ),
            b(
                &[c('k'), k(Up)],
                troops,
                Move(-1),
                "previous year (row)",
                "",
            ),
            b(&[k(PageDown)], troops, Page(1), "ten years on", ""),
            b(&[k(PageUp)], troops, Page(-1), "ten years back", ""),
            b(&[c('g'), k(Home)], troops, First, "first year", ""),
            b(&[c('G'), k(End)], troops, Last, "last year", ""),
            b(
                &[c('a')],
                troops,
                ToggleTroopHistory,
                "troops since 1950 / since the 1st SMA",
                "all years",
            ),
            // Assumptions.
            b(
                &[c('j'), k(Down)],
                assumptions,
                Move(1),
                "next row (a year, in the table)",
                "select",
            ),
            b(&[c('k'), k(Up)], assumptions, Move(-1), "previous row", ""),
            b(&[c('g'), k(Home)], assumptions, First, "first row", ""),
            b(&[c('G'), k(End)], assumptions, Last, "last row", ""),
            b(
                &[k(Enter), c(' ')],
                assumptions,
                Activate,
                "type a value, pin a scenario, apply a saved",
                "type/pin",
            ),
            b(
                &[c('+')],
                assumptions,
                StepAssumption {
                    direction: 1,
                    big: false,
                },
                "raise the selected assumption",
                "step",
            ),
            b(
                &[c('-')],
                assumptions,
                StepAssumption {
                    direction: -1,
                    big: false,
                },
                "lower the selected assumption",
                "",
            ),
            // Terminals send '+' and '_' for Shift with '=' and '-'; PgUp/PgDn too.
            b(
                &[k(PageUp)],
                assumptions,
                StepAssumption {
                    direction: 1,
                    big: true,
                },
                "raise by a big step",
                "big step",
            ),
            b(
                &[k(PageDown), c('_')],
                assumptions,
                StepAssumption {
                    direction: -1,
                    big: true,
                },
                "lower by a big step (also Shift -)",
                "",
            ),
            b(
                &[c('=')],
                assumptions,
                StartInput,
                "type a value: 3, 3 %, 2.5,2028=3.5",
                "",
            ),
            b(
                &[c('x')],
                assumptions,
                ToggleCompare,
                "compare the selected scenario, or stop",
                "compare",
            ),
            b(
                &[c('0')],
                assumptions,
                ResetAssumption,
                "reset the selected assumption",
                "reset",
            ),
            b(
                &[c('R')],
                assumptions,
                ResetAllAssumptions,
                "reset every assumption",
                "",
            ),
        ];
        Self { bindings }
    }
}

impl Keymap {
    /// The action `key` asks for in `mode` with `focus`, if any.
    pub fn action(&self, key: Key, mode: Mode, focus: Pane) -> Option<Action> {
        if matches!(mode, Mode::Search | Mode::Prompt(_)) {
            return prompt_action(key, mode);
        }
        let active = |scope: Scope| match (scope, mode) {
            (Scope::Always, _) => true,
            (Scope::Detail, Mode::Detail) => true,
            (Scope::Help, Mode::Help) => true,
            (Scope::Dashboard, Mode::Dashboard) => true,
            (Scope::Pane(p), Mode::Dashboard) => p == focus,
            _ => false,
        };
        // A pane's or the popup's own binding wins over a dashboard-wide one.
        let specific = |scope: Scope| matches!(scope, Scope::Pane(_) | Scope::Detail | Scope::Help);
        let mut found = self
            .bindings
            .iter()
            .filter(|b| active(b.scope) && b.keys.contains(&key));
        let first = found.clone().find(|b| specific(b.scope));
        first.or_else(|| found.next()).map(|b| b.action.clone())
    }

    /// Gives the binding named `name` in `scope` these keys instead of its own.
    pub fn rebind(&mut self, scope: Scope, name: &str, keys: Vec<Key>) -> Result<(), String> {
        let names: Vec<&str> = self
            .in_scope(scope)
            .filter_map(|b| b.action.config_name())
            .collect();
        if !names.contains(&name) {
            return Err(format!(
                "expected one of {} in [keys.{}], found `{name}`",
                names.join(", "),
                scope.config_name()
            ));
        }
        for b in &mut self.bindings {
            if b.scope == scope && b.action.config_name() == Some(name) {
                b.keys = keys;
                break;
            }
        }
        Ok(())
    }

    /// A key that two bindings of one scope claim, or that a scope claims from the
    /// bindings that work everywhere (which would make quit or help unreachable).
    pub fn conflict(&self) -> Option<String> {
        for (i, a) in self.bindings.iter().enumerate() {
            for b in &self.bindings[i + 1..] {
                let clash =
                    a.scope == b.scope || a.scope == Scope::Always || b.scope == Scope::Always;
                if let Some(key) = a.keys.iter().find(|k| clash && b.keys.contains(k)) {
                    return Some(format!(
                        "key \"{}\" is bound to both {} ([keys.{}]) and {} ([keys.{}])",
                        key.config_string(),
                        a.action.config_name().unwrap_or("?"),
                        a.scope.config_name(),
                        b.action.config_name().unwrap_or("?"),
                        b.scope.config_name()
                    ));
                }
            }
        }
        None
    }

    /// The bindings of one scope, in table order.
    pub fn in_scope(&self, scope: Scope) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.scope == scope)
    }
}

/// While a prompt is open (search, a name, a value, a year), every printable key is
/// text; Backspace, Enter and Esc edit, keep and cancel; Ctrl-C still quits.
fn prompt_action(key: Key, mode: Mode) -> Option<Action> {
    use Action::*;
    let (input, backspace, confirm, cancel): (fn(char) -> Action, _, _, _) = match mode {
        Mode::Search => (SearchInput, SearchBackspace, SearchConfirm, SearchCancel),
        _ => (PromptInput, PromptBackspace, PromptConfirm, PromptCancel),
    };
    match (key.code, key.ctrl) {
        (KeyCode::Char('c'), true) => Some(Quit),
        (KeyCode::Char(c), false) => Some(input(c)),
        (KeyCode::Backspace, _) => Some(backspace),
        (KeyCode::Enter, _) => Some(confirm),
        (KeyCode::Esc, _) => Some(cancel),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::PromptKind;

    #[test]
    fn every_binding_has_a_config_name_unique_in_its_scope() {
        let km = Keymap::default();
        for scope in Scope::all() {
            let mut names: Vec<&str> = km
                .in_scope(scope)
                .map(|b| b.action.config_name().expect("a bound action has a name"))
                .collect();
            let count = names.len();
            names.sort_unstable();
            names.dedup();
            assert_eq!(
                names.len(),
                count,
                "a name repeats in {}",
                scope.config_name()
            );
        }
        assert_eq!(km.conflict(), None);
    }

    #[test]
    fn keys_parse_and_print_back() {
        for text in [
            "q", "G", "?", "space", "enter", "ctrl-c", "pagedown", "backtab", "+",
        ] {
            assert_eq!(Key::parse(text).unwrap().config_string(), text);
        }
        assert_eq!(Key::parse("ctrl-C"), Ok(Key::ctrl('c')));
        assert_eq!(Key::parse("Shift-Tab"), Ok(Key::plain(KeyCode::BackTab)));
        assert!(Key::parse("f13").unwrap_err().contains("found \"f13\""));
        assert!(Key::parse("").is_err());
    }

    #[test]
    fn rebinding_moves_an_action_and_finds_clashes() {
        let mut km = Keymap::default();
        let timeline = Scope::Pane(Pane::Timeline);
        km.rebind(timeline, "down", vec![Key::char('s')]).unwrap();
        assert_eq!(
            km.action(Key::char('s'), Mode::Dashboard, Pane::Timeline),
            Some(Action::Move(1))
        );
        assert_eq!(
            km.action(Key::char('j'), Mode::Dashboard, Pane::Timeline),
            None
        );
        let err = km.rebind(timeline, "sideways", vec![]).unwrap_err();
        assert!(err.starts_with("expected one of down, up,"), "{err}");
        assert!(
            err.ends_with("in [keys.timeline], found `sideways`"),
            "{err}"
        );
        km.rebind(timeline, "up", vec![Key::char('q')]).unwrap();
        assert_eq!(
            km.conflict().as_deref(),
            Some("key \"q\" is bound to both quit ([keys.anywhere]) and up ([keys.timeline])")
        );
    }

    #[test]
    fn pane_bindings_win_over_dashboard_ones() {
        let km = Keymap::default();
        let j = Key::char('j');
        assert_eq!(
            km.action(j, Mode::Dashboard, Pane::Timeline),
            Some(Action::Move(1))
        );
        assert_eq!(
            km.action(j, Mode::Dashboard, Pane::Assumptions),
            Some(Action::Move(1))
        );
        assert_eq!(
            km.action(j, Mode::Detail, Pane::Timeline),
            Some(Action::Move(1))
        );
        assert_eq!(
            km.action(Key::char('j'), Mode::Help, Pane::Timeline),
            Some(Action::Move(1))
        );
        assert_eq!(km.action(Key::char('c'), Mode::Help, Pane::Timeline), None);
    }

    #[test]
    fn quit_and_help_work_over_every_overlay() {
        let km = Keymap::default();
        for mode in [Mode::Dashboard, Mode::Help, Mode::Detail] {
            assert_eq!(
                km.action(Key::char('q'), mode, Pane::Costs),
                Some(Action::Quit)
            );
            assert_eq!(
                km.action(Key::ctrl('c'), mode, Pane::Costs),
                Some(Action::Quit)
            );
            assert_eq!(
                km.action(Key::char('?'), mode, Pane::Costs),
                Some(Action::ToggleHelp)
            );
        }
    }

    #[test]
    fn search_prompt_takes_text_but_ctrl_c_still_quits() {
        let km = Keymap::default();
        assert_eq!(
            km.action(Key::char('q'), Mode::Search, Pane::Timeline),
            Some(Action::SearchInput('q'))
        );
        assert_eq!(
            km.action(Key::ctrl('c'), Mode::Search, Pane::Timeline),
            Some(Action::Quit)
        );
    }

    #[test]
    fn the_save_prompt_takes_text_too() {
        let km = Keymap::default();
        assert_eq!(
            km.action(Key::char('s'), Mode::Dashboard, Pane::Costs),
            Some(Action::StartSave)
        );
        for (key, action) in [
            (Key::char('q'), Action::PromptInput('q')),
            (Key::plain(KeyCode::Backspace), Action::PromptBackspace),
            (Key::plain(KeyCode::Enter), Action::PromptConfirm),
            (Key::plain(KeyCode::Esc), Action::PromptCancel),
            (Key::ctrl('c'), Action::Quit),
        ] {
            assert_eq!(
                km.action(key, Mode::Prompt(PromptKind::SaveName), Pane::Costs),
                Some(action)
            );
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        let km = Keymap::default();
        for (scope, _) in SECTIONS {
            let keys: Vec<Key> = km.in_scope(scope).flat_map(|b| b.keys.clone()).collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[..i].contains(k), "{k} bound twice in {scope:?}");
            }
        }
    }
}
