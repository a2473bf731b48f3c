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
    Delete,
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
            KeyCode::Delete => f.write_str("Delete"),
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
    /// `tab`, `backtab`, `backspace`, `delete`, `up`, `down`, `left`, `right`, `pageup`,
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
                "delete" => KeyCode::Delete,
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
            KeyCode::Delete => "delete".into(),
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
    /// Everywhere, also over an overlay; in a prompt or a question, the keys that are
    /// not plain characters.
    Always,
    /// Whenever no overlay, prompt or question is open.
    Dashboard,
    /// When this pane has focus.
    Pane(Pane),
    /// While the detail popup (an event's, a figure's) is open.
    Detail,
    /// While the help overlay is open.
    Help,
    /// While the kind picker is open.
    Kinds,
    /// While the sources list is open.
    Sources,
    /// While the list of share estimates is open.
    Shares,
    /// While a prompt is open on the status line: besides these keys, every plain
    /// character is text.
    Prompt,
    /// While a yes-or-no question is asked on the status line.
    Question,
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
            Scope::Kinds => "kinds",
            Scope::Sources => "sources",
            Scope::Shares => "shares",
            Scope::Prompt => "prompt",
            Scope::Question => "question",
        }
    }
}

/// One line of the keymap: these keys, in this scope, do this.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub scope: Scope,
    pub action: Action,
    /// The name a config file binds its keys by, unique within the scope (`down`).
    pub name: &'static str,
    /// What the help overlay says: the comment beside the binding in
    /// `config/default.toml`.
    pub help: String,
}

/// The keys: the bindings of the compiled-in `config/default.toml`, in its order, as the
/// user's file rebinds them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

/// Display names of the sections of the help overlay, in order.
pub const SECTIONS: [(Scope, &str); 13] = [
    (Scope::Always, "Anywhere"),
    (Scope::Help, "This help"),
    (Scope::Dashboard, "Dashboard"),
    (Scope::Pane(Pane::Timeline), "Timeline"),
    (Scope::Detail, "Detail (event or figure)"),
    (Scope::Kinds, "Kind picker"),
    (Scope::Sources, "Sources list (S)"),
    (Scope::Shares, "Share estimates (A)"),
    (Scope::Pane(Pane::Costs), "Costs"),
    (Scope::Pane(Pane::Troops), "Troops"),
    (Scope::Pane(Pane::Assumptions), "Assumptions"),
    (Scope::Prompt, "Prompts (/ : = s; a paste is text)"),
    (Scope::Question, "Questions (y/n)"),
];

impl Keymap {
    /// Adds the binding named `name` in `scope` (a line of the defaults), with what the
    /// help says of it.
    pub fn bind(
        &mut self,
        scope: Scope,
        name: &str,
        keys: Vec<Key>,
        help: String,
    ) -> Result<(), String> {
        let (name, action) = Action::named(scope, name).ok_or_else(|| {
            format!(
                "no action is named `{name}` in [keys.{}]",
                scope.config_name()
            )
        })?;
        self.bindings.push(Binding {
            keys,
            scope,
            action,
            name,
            help,
        });
        Ok(())
    }

    /// The action `key` asks for in `mode` with `focus`, if any.
    pub fn action(&self, key: Key, mode: Mode, focus: Pane) -> Option<Action> {
        let bound = |scope: Scope| {
            self.in_scope(scope)
                .find(|b| b.keys.contains(&key))
                .map(|b| b.action.clone())
        };
        // A prompt or a question takes its own keys; there a plain character is text
        // (or, to a question, no answer), never a command. Keys such as Ctrl-C still
        // work anywhere.
        let own = match mode {
            Mode::Prompt(_) => Some(Scope::Prompt),
            Mode::Confirm => Some(Scope::Question),
            _ => None,
        };
        if let Some(scope) = own {
            // A question leaves `?` to the help, above it.
            return bound(scope).or_else(|| match key.code {
                KeyCode::Char(c) if !key.ctrl && scope == Scope::Prompt => {
                    Some(Action::Edit(super::Edit::Insert(c)))
                }
                _ => bound(Scope::Always),
            });
        }
        let active = |scope: Scope| match (scope, mode) {
            (Scope::Always, _) => true,
            (Scope::Detail, Mode::Detail) => true,
            (Scope::Help, Mode::Help) => true,
            (Scope::Kinds, Mode::Kinds) => true,
            (Scope::Sources, Mode::Sources) => true,
            (Scope::Shares, Mode::Shares) => true,
            (Scope::Dashboard, Mode::Dashboard) => true,
            (Scope::Pane(p), Mode::Dashboard) => p == focus,
            _ => false,
        };
        // A pane's or the popup's own binding wins over a dashboard-wide one.
        let specific = |scope: Scope| {
            matches!(
                scope,
                Scope::Pane(_)
                    | Scope::Detail
                    | Scope::Help
                    | Scope::Kinds
                    | Scope::Sources
                    | Scope::Shares
            )
        };
        let mut found = self
            .bindings
            .iter()
            .filter(|b| active(b.scope) && b.keys.contains(&key));
        let first = found.clone().find(|b| specific(b.scope));
        first.or_else(|| found.next()).map(|b| b.action.clone())
    }

    /// The binding of `key` in a pane other than `focus`, for a key that does nothing
    /// where it was pressed.
    pub fn elsewhere(&self, key: Key, focus: Pane) -> Option<(Pane, &Binding)> {
        Pane::ALL.into_iter().filter(|p| *p != focus).find_map(|p| {
            self.in_scope(Scope::Pane(p))
                .find(|b| b.keys.contains(&key))
                .map(|b| (p, b))
        })
    }

    /// Gives the binding named `name` in `scope` these keys instead of its own.
    pub fn rebind(&mut self, scope: Scope, name: &str, keys: Vec<Key>) -> Result<(), String> {
        let names: Vec<&str> = self.in_scope(scope).map(|b| b.name).collect();
        if !names.contains(&name) {
            return Err(format!(
                "expected one of {} in [keys.{}], found `{name}`",
                names.join(", "),
                scope.config_name()
            ));
        }
        for b in &mut self.bindings {
            if b.scope == scope && b.name == name {
                b.keys = keys;
                break;
            }
        }
        Ok(())
    }

    /// A key that two bindings of one scope claim, or that a scope claims from the
    /// bindings that work everywhere (which would make Ctrl-C's quit or help
    /// unreachable).
    pub fn conflict(&self) -> Option<String> {
        for (i, a) in self.bindings.iter().enumerate() {
            for b in &self.bindings[i + 1..] {
                let clash =
                    a.scope == b.scope || a.scope == Scope::Always || b.scope == Scope::Always;
                if let Some(key) = a.keys.iter().find(|k| clash && b.keys.contains(k)) {
                    return Some(format!(
                        "key \"{}\" is bound to both {} ([keys.{}]) and {} ([keys.{}])",
                        key.config_string(),
                        a.name,
                        a.scope.config_name(),
                        b.name,
                        b.scope.config_name()
                    ));
                }
            }
        }
        None
    }

    /// Whether some key still quits: without one the dashboard could only be killed
    /// from outside.
    pub fn can_quit(&self) -> bool {
        self.bindings
            .iter()
            .any(|b| b.action == Action::Quit && !b.keys.is_empty())
    }

    /// The bindings of one scope, in table order.
    pub fn in_scope(&self, scope: Scope) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.scope == scope)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Edit, PromptKind};

    #[test]
    fn every_binding_has_a_config_name_unique_in_its_scope() {
        let km = crate::config::Config::defaults().keymap;
        for scope in Scope::all() {
            let mut names: Vec<&str> = km.in_scope(scope).map(|b| b.name).collect();
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
        let mut km = crate::config::Config::defaults().keymap;
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
        km.rebind(timeline, "up", vec![Key::ctrl('c')]).unwrap();
        assert_eq!(
            km.conflict().as_deref(),
            Some("key \"ctrl-c\" is bound to both quit ([keys.anywhere]) and up ([keys.timeline])")
        );
    }

    #[test]
    fn esc_clears_the_timeline_s_filter_and_closes_the_kind_picker() {
        let km = crate::config::Config::defaults().keymap;
        let esc = Key::plain(KeyCode::Esc);
        assert_eq!(
            km.action(esc, Mode::Dashboard, Pane::Timeline),
            Some(Action::ClearFilter)
        );
        for key in [esc, Key::char('q'), Key::plain(KeyCode::Enter)] {
            assert_eq!(
                km.action(key, Mode::Kinds, Pane::Timeline),
                Some(Action::CloseOverlay)
            );
        }
        assert_eq!(
            km.action(Key::char(' '), Mode::Kinds, Pane::Timeline),
            Some(Action::ToggleKind)
        );
    }

    #[test]
    fn pane_bindings_win_over_dashboard_ones() {
        let km = crate::config::Config::defaults().keymap;
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
    fn tab_and_the_arrows_turn_the_help_s_pages_and_tab_still_focuses_on_the_dashboard() {
        let km = crate::config::Config::defaults().keymap;
        let key = |code| Key::plain(code);
        for (k, by) in [
            (KeyCode::Tab, 1),
            (KeyCode::Right, 1),
            (KeyCode::Left, -1),
            (KeyCode::BackTab, -1),
        ] {
            assert_eq!(
                km.action(key(k), Mode::Help, Pane::Costs),
                Some(Action::TurnHelpPage(by))
            );
        }
        assert_eq!(
            km.action(key(KeyCode::Tab), Mode::Dashboard, Pane::Costs),
            Some(Action::FocusNext)
        );
        assert_eq!(
            km.action(key(KeyCode::Left), Mode::Dashboard, Pane::Costs),
            Some(Action::MoveYear(-1))
        );
    }

    #[test]
    fn q_quits_from_the_dashboard_and_closes_every_overlay() {
        let km = crate::config::Config::defaults().keymap;
        let q = Key::char('q');
        assert_eq!(
            km.action(q, Mode::Dashboard, Pane::Costs),
            Some(Action::Quit)
        );
        for mode in [Mode::Help, Mode::Detail] {
            assert_eq!(km.action(q, mode, Pane::Costs), Some(Action::CloseOverlay));
            assert_eq!(
                km.action(Key::plain(KeyCode::Esc), mode, Pane::Costs),
                Some(Action::CloseOverlay)
            );
        }
        assert_eq!(
            km.action(q, Mode::Confirm, Pane::Costs),
            Some(Action::Answer(false))
        );
        // Ctrl-C and Ctrl-Z work from anywhere, `?` wherever it is not text.
        for mode in [
            Mode::Dashboard,
            Mode::Help,
            Mode::Detail,
            Mode::Prompt(PromptKind::Search),
            Mode::Confirm,
        ] {
            assert_eq!(
                km.action(Key::ctrl('c'), mode, Pane::Costs),
                Some(Action::Quit)
            );
            assert_eq!(
                km.action(Key::ctrl('z'), mode, Pane::Costs),
                Some(Action::Suspend)
            );
        }
        for mode in [Mode::Dashboard, Mode::Help, Mode::Detail] {
            assert_eq!(
                km.action(Key::char('?'), mode, Pane::Costs),
                Some(Action::ToggleHelp)
            );
        }
    }

    #[test]
    fn a_prompt_takes_plain_characters_as_text_and_the_readline_keys() {
        let km = crate::config::Config::defaults().keymap;
        let insert = |c| Some(Action::Edit(Edit::Insert(c)));
        for kind in [
            PromptKind::Search,
            PromptKind::SaveName,
            PromptKind::GoToYear,
            PromptKind::Assumption(crate::econ::AssumptionId::Horizon),
        ] {
            let mode = Mode::Prompt(kind);
            for c in ['q', 's', 'e', '?', 'y', ' ', '방'] {
                assert_eq!(km.action(Key::char(c), mode, Pane::Timeline), insert(c));
            }
            for (key, action) in [
                (Key::plain(KeyCode::Enter), Action::PromptConfirm),
                (Key::plain(KeyCode::Esc), Action::PromptCancel),
                (
                    Key::plain(KeyCode::Backspace),
                    Action::Edit(Edit::Backspace),
                ),
                (Key::plain(KeyCode::Delete), Action::Edit(Edit::Delete)),
                (Key::plain(KeyCode::Left), Action::Edit(Edit::Left)),
                (Key::plain(KeyCode::Right), Action::Edit(Edit::Right)),
                (Key::plain(KeyCode::Home), Action::Edit(Edit::Home)),
                (Key::ctrl('a'), Action::Edit(Edit::Home)),
                (Key::plain(KeyCode::End), Action::Edit(Edit::End)),
                (Key::ctrl('e'), Action::Edit(Edit::End)),
                (Key::ctrl('u'), Action::Edit(Edit::KillToStart)),
                (Key::ctrl('k'), Action::Edit(Edit::KillToEnd)),
                (Key::ctrl('w'), Action::Edit(Edit::KillWordBack)),
            ] {
                assert_eq!(km.action(key, mode, Pane::Timeline), Some(action), "{key}");
            }
            // Keys of the panes do nothing there.
            assert_eq!(
                km.action(Key::plain(KeyCode::Tab), mode, Pane::Timeline),
                None
            );
            assert_eq!(
                km.action(Key::plain(KeyCode::PageDown), mode, Pane::Timeline),
                None
            );
        }
    }

    #[test]
    fn a_question_takes_y_or_n_and_the_help_and_nothing_else() {
        let km = crate::config::Config::defaults().keymap;
        assert_eq!(
            km.action(Key::char('y'), Mode::Confirm, Pane::Assumptions),
            Some(Action::Answer(true))
        );
        for key in [Key::char('n'), Key::plain(KeyCode::Esc), Key::char('q')] {
            assert_eq!(
                km.action(key, Mode::Confirm, Pane::Assumptions),
                Some(Action::Answer(false))
            );
        }
        // `?` opens the help above the question.
        assert_eq!(
            km.action(Key::char('?'), Mode::Confirm, Pane::Assumptions),
            Some(Action::ToggleHelp)
        );
        for key in [Key::char('d'), Key::plain(KeyCode::Enter)] {
            assert_eq!(km.action(key, Mode::Confirm, Pane::Assumptions), None);
        }
        assert_eq!(
            km.action(Key::char('d'), Mode::Dashboard, Pane::Assumptions),
            Some(Action::DeleteSaved)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        let km = crate::config::Config::defaults().keymap;
        for (scope, _) in SECTIONS {
            let keys: Vec<Key> = km.in_scope(scope).flat_map(|b| b.keys.clone()).collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[..i].contains(k), "{k} bound twice in {scope:?}");
            }
        }
    }
}
