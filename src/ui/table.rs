//! A chart pane's numbers as a table (`t`): the columns that fit, by priority, the
//! year cursor's row highlighted and kept in view, totals and notes below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{App, Pane};
use crate::report::tables::{PaneTable, TableColumn, TableRow};

use super::format::{fit, fit_right, truncate};
use super::text::Plain;
use super::theme::Theme;

/// Which columns fit in `room` columns, in the table's order, and each one's width:
/// the most important first, then the others that fit whole. The first column (the
/// year) always shows, cut if it must, and so does the second where anything can.
pub fn fitted(table: &PaneTable, room: usize) -> Vec<(usize, usize)> {
    let widths = &table.widths;
    // A column kept with the next (a band's low and high) counts as one with it.
    let second_of_pair = |i: usize| i > 0 && table.columns[i - 1].with_next;
    let mut order: Vec<usize> = (0..table.columns.len())
        .filter(|&i| !second_of_pair(i))
        .collect();
    order.sort_by_key(|&i| (table.columns[i].priority, i));
    let mut kept: Vec<(usize, usize)> = Vec::new();
    let mut used = 0;
    for i in order {
        let gap = usize::from(!kept.is_empty());
        let w = widths[i];
        let pair = table.columns[i].with_next && i + 1 < table.columns.len();
        if pair {
            let both = w + 1 + widths[i + 1];
            if used + gap + both <= room {
                used += gap + both;
                kept.push((i, w));
                kept.push((i + 1, widths[i + 1]));
            }
            continue;
        }
        if used + gap + w <= room {
            used += gap + w;
            kept.push((i, w));
        } else if kept.len() < 2 && used + gap < room {
            // The year and the value show whatever the width, cut to what is left.
            kept.push((i, room - used - gap));
            used = room;
        }
    }
    kept.sort_unstable();
    kept
}

fn cell_text(c: &TableColumn, shown: &str, w: usize) -> String {
    if c.numeric {
        fit_right(shown, w)
    } else {
        fit(shown, w)
    }
}

fn row_line<'a>(table: &PaneTable, row: &TableRow, columns: &[(usize, usize)]) -> Line<'a> {
    let text: Vec<String> = columns
        .iter()
        .map(|&(i, w)| {
            let shown = row.cells.get(i).map_or("", |(_, s)| s.as_str());
            cell_text(&table.columns[i], shown, w)
        })
        .collect();
    Line::raw(text.join(" "))
}

/// Draws the table of `pane` in `area`: caption, header, the rows around the year
/// cursor, totals, notes.
pub fn render(f: &mut Frame, app: &App, pane: Pane, table: &PaneTable, area: Rect, theme: &Theme) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let room = area.width as usize;
    let columns = fitted(table, room);
    let header: Vec<String> = columns
        .iter()
        .map(|&(i, w)| cell_text(&table.columns[i], &table.columns[i].header, w))
        .collect();
    let mut top: Vec<Line> = Vec::new();
    let mut bottom: Vec<Line> = Vec::new();
    let height = area.height as usize;
    if height >= 6 {
        let more = if columns.len() < table.columns.len() && !app.zoom {
            " · z: more columns"
        } else {
            ""
        };
        let caption = format!("{}{more}", table.caption);
        top.push(Line::styled(truncate(&caption, room), theme.dim()));
    }
    top.push(Line::styled(header.join(" "), theme.header()));
    // Totals and notes below the rows, as room allows: at least three rows stay.
    for row in &table.totals {
        if height > top.len() + bottom.len() + 3 {
            bottom.push(row_line(table, row, &columns).style(theme.bold()));
        }
    }
    for note in &table.notes {
        if height > top.len() + bottom.len() + 4 {
            bottom.push(Line::styled(truncate(note, room), theme.dim()));
        }
    }
    let rows_room = height.saturating_sub(top.len() + bottom.len());
    // Keep the cursor's row in view, a few rows from the edge where it can be; a year
    // the table has no row for brings the nearest into view.
    let cursor = table.row_of(app.year);
    let nearest = cursor.or_else(|| {
        (0..table.rows.len()).min_by_key(|&i| {
            table.rows[i]
                .year
                .map_or(i32::MAX, |y| (y - app.year).abs())
        })
    });
    let offset = match nearest {
        Some(c) if table.rows.len() > rows_room => {
            let margin = (rows_room / 3).min(3);
            let wanted = c.saturating_sub(rows_room.saturating_sub(1 + margin));
            wanted.min(table.rows.len() - rows_room)
        }
        _ => 0,
    };
    let mut lines = top;
    for (k, row) in table.rows.iter().enumerate().skip(offset).take(rows_room) {
        let line = row_line(table, row, &columns);
        lines.push(if Some(k) == cursor {
            line.style(theme.selected(app.focus == pane))
        } else {
            line
        });
    }
    while lines.len() < height - bottom.len() {
        lines.push(Line::raw(""));
    }
    lines.extend(bottom);
    if table.rows.is_empty() {
        lines.insert(
            lines.len().min(2),
            Line::from(Span::styled("no rows", theme.dim())),
        );
        lines.truncate(height);
    }
    f.render_widget(Plain::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(widths: &[(usize, u8)]) -> PaneTable {
        let columns = widths
            .iter()
            .map(|(w, p)| TableColumn {
                key: "k",
                header: "h".repeat(*w),
                numeric: true,
                priority: *p,
                with_next: false,
            })
            .collect();
        PaneTable {
            caption: String::new(),
            columns,
            rows: Vec::new(),
            totals: Vec::new(),
            notes: Vec::new(),
            widths: widths.iter().map(|(w, _)| *w).collect(),
        }
    }

    #[test]
    fn the_most_important_columns_fit_first_and_keep_their_order() {
        let t = table(&[(4, 0), (10, 3), (8, 0), (6, 1), (12, 2)]);
        // Everything: 4+10+8+6+12 and four gaps = 44.
        assert_eq!(fitted(&t, 44).len(), 5);
        // 30 columns: the two of priority 0 (4, 8), then priority 1 (6), then 2 (12 is
        // too wide: 4+8+6+12+3 = 33), then 3 (10: 4+8+6+10+3 = 31, too wide).
        let kept: Vec<usize> = fitted(&t, 30).iter().map(|(i, _)| *i).collect();
        assert_eq!(kept, vec![0, 2, 3]);
        // 31 columns take the one of priority 3 as well, in the table's order.
        let kept: Vec<usize> = fitted(&t, 31).iter().map(|(i, _)| *i).collect();
        assert_eq!(kept, vec![0, 1, 2, 3]);
        // Too narrow for both of those that must show: the second is cut to fit.
        let narrow = fitted(&t, 10);
        assert_eq!(narrow, vec![(0, 4), (2, 5)]);
    }
}
