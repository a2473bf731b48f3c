//! The overlays: the help and its pages, the detail popup, the kind picker, and the
//! runtime's measure of an overlay (`OverlayViewport`).

use super::*;

/// The actions of this theme; `super::apply` sends only those here.
pub(super) fn apply(app: &mut App, action: Action) -> Effect {
    use Action::*;
    match action {
        ToggleHelp => {
            app.overlay = match app.overlay {
                Some(Mode::Help) => None,
                _ => Some(Mode::Help),
            };
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
        CloseOverlay => app.overlay.take().is_some().into(),
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
        OverlayViewport { max_scroll, page } => {
            app.overlay_max = max_scroll;
            app.overlay_page = page;
            app.overlay_scroll = app.overlay_scroll.min(max_scroll);
            Effect::None
        }
        _ => Effect::None,
    }
}

/// Enter: in the timeline the selected row's detail; in Costs or Troops the detail of
/// the figure at the year cursor, with every source. Each opens at its top.
pub(super) fn toggle_detail(app: &mut App) -> Effect {
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

pub(super) fn scroll_overlay(app: &mut App, delta: i64) -> Effect {
    let next = (i64::from(app.overlay_scroll) + delta).clamp(0, i64::from(app.overlay_max)) as u16;
    set(&mut app.overlay_scroll, next)
}
