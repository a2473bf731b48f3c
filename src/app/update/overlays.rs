//! The overlays: the help and its pages, the detail popup, the kind picker, and the
//! runtime's measure of an overlay (`Reply::OverlayViewport`).

use super::*;

/// The actions of this theme; `super::apply` sends only those here.
pub(super) fn apply(app: &mut App, action: Action) -> Effect {
    use Action::*;
    match action {
        ToggleHelp => {
            if app.overlay == Some(Mode::Help) {
                return close_help(app);
            }
            // Above the overlay open, which comes back when the help closes.
            app.beneath = app.overlay.map(|m| (m, app.overlay_scroll));
            app.overlay = Some(Mode::Help);
            app.help_page = HelpPage::Keys;
            app.overlay_scroll = 0;
            Effect::Redraw
        }
        TurnHelpPage(by) => {
            if app.mode() != Mode::Help {
                return Effect::None;
            }
            app.help_page = app.help_page.turned(by);
            app.overlay_scroll = 0;
            Effect::Redraw
        }
        CloseOverlay => match app.overlay {
            Some(Mode::Help) => close_help(app),
            Some(Mode::Sources) => sources::back(app),
            _ => app.overlay.take().is_some().into(),
        },
        OpenSources => sources::open(app),
        SortSources => sources::toggle_order(app),
        ToggleDetail => toggle_detail(app),
        StepDetail(delta) => step_detail(app, delta),
        OpenKinds => {
            let t = &mut app.timeline;
            // At the first kind chosen, if any.
            let first = t.filter.kinds().next();
            t.kind_cursor = first
                .and_then(|k| t.kinds.iter().position(|(x, _)| *x == k))
                .unwrap_or(0);
            app.overlay = Some(Mode::Kinds);
            Effect::Redraw
        }
        ToggleKind => match app.timeline.kinds.get(app.timeline.kind_cursor) {
            Some((kind, _)) => {
                let next = app.timeline.filter.toggled(*kind);
                set_filter(app, next)
            }
            None => Effect::None,
        },
        _ => Effect::None,
    }
}

/// The runtime's measure of the open overlay: it scrolls this far, a page this long.
pub(super) fn set_viewport(app: &mut App, max_scroll: u16, page: u16) -> Effect {
    app.overlay_max = max_scroll;
    app.overlay_page = page;
    app.overlay_scroll = app.overlay_scroll.min(max_scroll);
    Effect::None
}

/// Enter: in the timeline the selected row's detail; in Costs or Troops the detail of
/// the figure at the year cursor, with every source. Each opens at its top.
pub(super) fn toggle_detail(app: &mut App) -> Effect {
    if app.mode() == Mode::Sources {
        return sources::enter(app);
    }
    if app.overlay == Some(Mode::Detail) {
        app.overlay = None;
        return Effect::Redraw;
    }
    let of = match app.focus {
        pane @ (Pane::Costs | Pane::Troops) => DetailOf::Figure(pane),
        _ => DetailOf::Row,
    };
    if let DetailOf::Figure(pane) = of
        && !app.has_figure(pane)
    {
        app.status = Some(format!("no figure in {} for {}", pane.title(), app.year));
        return Effect::Redraw;
    }
    app.detail = of;
    app.overlay = Some(Mode::Detail);
    app.overlay_scroll = 0;
    Effect::Redraw
}

/// J / K in the detail: the next or previous event, or year, shown from its top.
pub(super) fn step_detail(app: &mut App, delta: i32) -> Effect {
    let effect = match app.detail {
        DetailOf::Row => select_row(app, app.timeline.selected as i64 + i64::from(delta)),
        DetailOf::Figure(_) => move_year(app, delta),
    };
    if effect == Effect::Redraw {
        app.overlay_scroll = 0;
    }
    effect
}

/// Closes the help, back to the overlay it was opened over, where it was.
fn close_help(app: &mut App) -> Effect {
    let (overlay, scroll) = match app.beneath.take() {
        Some((mode, scroll)) => (Some(mode), scroll),
        None => (None, 0),
    };
    app.overlay = overlay;
    app.overlay_scroll = scroll;
    Effect::Redraw
}

pub(super) fn scroll_overlay(app: &mut App, delta: i64) -> Effect {
    let next = (i64::from(app.overlay_scroll) + delta).clamp(0, i64::from(app.overlay_max)) as u16;
    set(&mut app.overlay_scroll, next)
}
