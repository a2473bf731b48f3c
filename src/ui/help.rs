//! The help overlay: two pages, the keys (generated from the keymap, so it always says
//! what the keys do) and a glossary of the terms the data uses. Every line wraps to the
//! width it has, and the page scrolls to its last line.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use crate::app::keymap::{Binding, Keymap, SECTIONS, Scope};
use crate::app::{Action, HelpPage, HostChoice};

use super::format::{fit, width};
use super::text::{Plain, wrap_line};
use super::theme::Theme;
use super::timeline::FUTURE_MARK;

/// Narrowest column that keeps the descriptions readable.
const MIN_COLUMN: u16 = 44;

/// The narrowest a key's description may wrap to beside the keys; a column narrower
/// than the keys and this puts the description under its keys.
const MIN_TEXT: usize = 16;

/// "h/←" for a binding's keys.
pub fn keys_label(b: &Binding) -> String {
    b.keys
        .iter()
        .map(|k| k.to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// What the marks on the panes mean, after the keys, whichever host is shown; see
/// [`marks`] for those that depend on it.
const MARKS: [(&str, &str); 14] = [
    ("┏━┓ ▶", "the focused pane: its border and title"),
    (
        "›",
        "the selected row: in reverse video in the focused pane, underlined in another",
    ),
    (FUTURE_MARK, "an event after today: still to come"),
    ("●", "the pinned scenario, the one charted"),
    (COMPARED, "a scenario compared with it (x)"),
    ("▒ •", "projected"),
    ("░", "projected with a rule past its agreement"),
    ("* ^", "the agreement's cap bound that year"),
    ("†", "the rule extended past its agreement"),
    ("╎ ░", "the band between the low and high paths"),
    (
        "×",
        "a gap: a year the record holds without a figure, never drawn as zero",
    ),
    ("▼ ┊", "the year cursor"),
    (LEVEL, "the 28,500 level"),
    ("*", "beside an assumption: not the default"),
];

const COMPARED: &str = "◆";
const LEVEL: &str = "┄";

/// The marks as `host` shows them: with Japan, its series break and fiscal years; with
/// both hosts, `◆` is Japan's figures on the charts; the 28,500 level is Korea's alone.
fn marks(host: HostChoice) -> Vec<(&'static str, &'static str)> {
    let mut marks: Vec<(&str, &str)> = MARKS
        .into_iter()
        .filter(|(mark, _)| *mark != LEVEL || host == HostChoice::Korea)
        .map(|(mark, meaning)| match (mark, host) {
            (COMPARED, HostChoice::Both) => (
                mark,
                "Japan's figures beside Korea's (Costs, Troops); in Assumptions a scenario \
                 compared with the pinned one (x)",
            ),
            _ => (mark, meaning),
        })
        .collect();
    if host != HostChoice::Korea {
        marks.extend([
            (
                "╎",
                "a break in a series: from 2008 the count of US troops in Japan includes \
                 the 7th Fleet afloat",
            ),
            (
                "FY",
                "a Japanese fiscal year, April to March: FY2022 runs from April 2022 to \
                 March 2023",
            ),
            (
                "·",
                "under Japan's bars, a year the record does not hold at all: FY1979–95, \
                 not found in the sources",
            ),
        ]);
    }
    marks
}

/// The glossary: sections of terms and what they mean, for a reader new to the
/// subject. Checked against the fact sheets the dataset is built from.
const GLOSSARY: [(&str, &[(&str, &str)]); 4] = [
    (
        "The agreements",
        &[
            (
                "SMA",
                "Special Measures Agreement: the agreement, renewed every few years since 1991, \
                 under which South Korea pays part of the cost of stationing US forces in \
                 Korea: the pay of Korean workers on US bases, construction, and logistics. \
                 The 12th SMA covers 2026–2030.",
            ),
            (
                "USFK",
                "United States Forces Korea, the US command in South Korea.",
            ),
            (
                "ROK",
                "Republic of Korea: South Korea. MOFA is its Ministry of Foreign Affairs, \
                 which announces the agreements.",
            ),
            (
                "SCM",
                "Security Consultative Meeting: the yearly meeting of the US Secretary of \
                 Defense and the ROK Minister of National Defense. Under the 1st SMA the \
                 yearly amounts were fixed there; the 3rd and 5th SMAs were agreed at the \
                 27th (1995) and 33rd (2001) meetings.",
            ),
            (
                "WBC",
                "Won-based costs: what US Forces Korea spends in won to be stationed in \
                 Korea. The first SMAs set Korea's share of them: 16.4 % in 1991, about a \
                 third by 1995 (32.2 % that year).",
            ),
            (
                "round",
                "One session of talks between the two sides' negotiators; an agreement \
                 takes several (the 12th SMA eight, in 2024).",
            ),
            (
                "agreed",
                "The two sides settle the text (the 12th SMA: 2024-10-02); initialing and the \
                 signature follow.",
            ),
            (
                "initialed",
                "The chief negotiators put their initials on the agreed text, which fixes \
                 it before the formal signature (the 10th SMA: initialed 2019-02-10, signed \
                 2019-03-08).",
            ),
            (
                "signed",
                "Signed for each government, by the foreign minister (or a vice minister) \
                 and the US ambassador (or chargé d'affaires).",
            ),
            (
                "consent",
                "The ROK National Assembly's approval of a signed agreement (on the \
                 timeline: ratified), which it needs before it takes effect.",
            ),
            (
                "in force",
                "The day the agreement takes legal effect, after the Assembly's consent \
                 (the 12th SMA: 2024-11-29).",
            ),
            (
                "expiry, lapse",
                "The last day of an agreement's term; a lapse is a time with no agreement \
                 in force (2020 until the 11th SMA, which then covered 2020 too).",
            ),
            (
                "demand",
                "A US call for Korea to pay more: a reported $5 billion a year in 2019; \
                 $10 billion a year from Trump in 2024 and 2025. None became an agreement.",
            ),
            (
                "rule",
                "How an agreement sets each year's amount from the year before: the 12th \
                 SMA by Korean CPI inflation, the 11th by ROK defense-budget growth.",
            ),
            (
                "CPI lag",
                "The 8th, 9th and 12th SMAs raise each year's amount by Korean CPI \
                 inflation of two years earlier: 2027 by 2025's, which is recorded, so an \
                 assumed inflation rate moves 2028 and later only.",
            ),
            (
                "cap",
                "The most a year's amount may rise under a rule: 4 % under the 8th and 9th \
                 SMAs, 5 % under the 12th (from 2027). A capped year is marked * or ^.",
            ),
            (
                "rule extended",
                "A rule applied past the end of its agreement (the 12th SMA's after 2030, \
                 marked †): an assumption that the next agreement continues it.",
            ),
        ],
    ),
    (
        "Troops",
        &[
            (
                "DMDC",
                "Defense Manpower Data Center, the US Department of Defense office that \
                 publishes personnel counts. The Troops pane's count is its active-duty \
                 personnel in South Korea on 30 September of each year (30 June for \
                 1950–56); since December 2017 it counts those permanently assigned only.",
            ),
            (
                "headline level",
                "The troop figure politics and agreements use, such as \"about 28,500\" \
                 (the level frozen at Camp David in April 2008): a stated level, not a \
                 count, and above the DMDC count (23,642 in September 2025).",
            ),
            (
                "legal floor",
                "The level US law bars funds from going below: the National Defense \
                 Authorization Acts (NDAA) for FY2020 and FY2021 set 28,500, as does the \
                 FY2026 act (signed 2025-12-18); FY2019's set 22,000, and FY2022–25 set \
                 none. The ┄ line marks 28,500.",
            ),
            (
                "per service member",
                "Korea's contribution divided by the year's DMDC count, or (the metric's \
                 next step, c) by the headline level, which reaches projected years too.",
            ),
        ],
    ),
    (
        "The numbers",
        &[
            (
                "recorded",
                "As a source printed it. Amounts are kept as published: Korea's in units \
                 of 100 million won (억원), Japan's of 100 million yen (億円); the screen \
                 shows billions (bn won, bn yen).",
            ),
            (
                "converted",
                "The other currency's figure at that year's average won (or yen) per \
                 dollar, or at the assumed rate past the record.",
            ),
            (
                "derived",
                "Computed from sourced figures: real terms, a metric such as per service \
                 member, or a figure the dataset itself computed.",
            ),
            (
                "projected",
                "A year past the record, computed by a scenario's rule from the \
                 assumptions.",
            ),
            (
                "confidence",
                "Of a recorded figure: confirmed (two or more sources agree), single \
                 source, uncertain (sources conflict), or derived.",
            ),
            (
                "nominal, real",
                "Nominal: money of each year. Real: money of the base year, deflated by \
                 Korean CPI for won, Japanese CPI for yen and US CPI-U for dollars.",
            ),
            (
                "base year",
                "The year whose money real terms are counted in (an assumption): one for \
                 both hosts, so that they can be compared.",
            ),
            (
                "CPI, CPI-U",
                "Consumer price index, the measure of inflation: Korea's from Statistics \
                 Korea; the US index for all urban consumers.",
            ),
            (
                "scenario",
                "A way the future years could go: the 12th SMA's rule, the 11th SMA's \
                 rule, a $5 or $10 billion demand, or a custom growth rate. The pinned one \
                 is charted; others can be compared beside it.",
            ),
            ("horizon", "The last year projected."),
            (
                "band",
                "Each projection between a low and a high path: the assumed rates moved \
                 down and up by a spread.",
            ),
            (
                "citation",
                "What y copies and `sma-dash cite` prints: the figure or event in one \
                 line (value, unit and basis, status, span), then its sources, one a line, \
                 with title, publisher, date and URL.",
            ),
            (
                "OSC 52",
                "The terminal sequence y copies by: it reaches the clipboard of the \
                 terminal you sit at, over SSH too, and in tmux with set-clipboard on. \
                 Not on the Linux console, nor where [display] osc52 is false.",
            ),
            (
                "source",
                "A document a figure or event rests on, by its id (R01). S lists them \
                 all and what each supports.",
            ),
            (
                "search",
                "Every word anywhere in an event, in any order; words written together \
                 or in quotes as a phrase; numbers whole (round 1 is not round 10, 13% is \
                 13 percent); amounts however written ($10B = 10 billion).",
            ),
        ],
    ),
    (
        "Japan beside Korea (H)",
        &[
            (
                "HNS",
                "Host-nation support (在日米軍駐留経費負担, the \"omoiyari\" budget, since \
                 2021 the \"Alliance Resilience\" budget): Japan's defense-budget line for \
                 US forces in Japan, its SMA items plus the Facilities Improvement Program \
                 and workers' welfare costs. Its total is what Korea's SMA total is \
                 compared with.",
            ),
            (
                "Japan's SMA",
                "Japan's Special Measures Agreement lists cost categories and caps \
                 (workers, utilities, training relocation, from FY2022 training \
                 equipment); it fixes no total. Its portion of HNS is shown only where a \
                 source gives it, in the detail, never charted.",
            ),
            (
                "FY",
                "A Japanese fiscal year, 1 April to 31 March: FY2022 runs from April 2022 \
                 to March 2023. Japan's yen are by fiscal year, Korea's won by calendar \
                 year.",
            ),
            (
                "budget basis",
                "Which figure of a year's yen a source gives: the initial budget (the \
                 usual headline), the government draft, the contract basis or the settled \
                 outlay. They differ by a few percent; the detail names it.",
            ),
            (
                "measure",
                "With both hosts (c): each payment in dollars at the year's average rate, \
                 in real dollars (US CPI-U, base year), per US service member stationed \
                 there (DMDC, 30 September), as a share of the host's defense budget or of \
                 its GDP. Enter gives each definition and its sources.",
            ),
            (
                "share of cost",
                "What a host pays of the cost of stationing US forces there: published \
                 point estimates (A), each by its own definition (US military pay counted \
                 or not, indirect support counted or not), so never one series.",
            ),
        ],
    ),
];

/// Each block of a page as the rows it wraps to in `cols` columns; blocks are not
/// split between columns.
fn blocks(
    keymap: &Keymap,
    page: HelpPage,
    host: HostChoice,
    theme: &Theme,
    cols: u16,
) -> Vec<Vec<Line<'static>>> {
    match page {
        HelpPage::Keys => key_blocks(keymap, host, theme, cols),
        HelpPage::Glossary => glossary_blocks(theme, cols),
    }
}

/// One entry: `key` in a column `key_cols` wide and `text` wrapped beside it, its rows
/// under the first; where `cols` is too narrow for both, the text under the key.
fn entry(key: Span<'static>, text: &str, key_cols: usize, cols: u16) -> Vec<Line<'static>> {
    let cols = usize::from(cols);
    if cols >= key_cols + 1 + MIN_TEXT {
        let text_cols = (cols - key_cols - 1) as u16;
        let indent = " ".repeat(key_cols + 1);
        let key = Span::styled(format!("{} ", fit(&key.content, key_cols)), key.style);
        wrap_line(&Line::raw(text.to_string()), text_cols)
            .into_iter()
            .enumerate()
            .map(|(i, mut row)| {
                let lead = if i == 0 {
                    key.clone()
                } else {
                    Span::raw(indent.clone())
                };
                row.spans.insert(0, lead);
                row
            })
            .collect()
    } else {
        let mut rows = wrap_line(&Line::from(key), cols as u16);
        let text_cols = cols.saturating_sub(2).max(1) as u16;
        rows.extend(
            wrap_line(&Line::raw(text.to_string()), text_cols)
                .into_iter()
                .map(|mut row| {
                    if cols > 2 {
                        row.spans.insert(0, Span::raw("  "));
                    }
                    row
                }),
        );
        rows
    }
}

fn heading(name: &str, theme: &Theme, cols: u16) -> Vec<Line<'static>> {
    wrap_line(&Line::styled(name.to_string(), theme.header()), cols)
}

/// Each scope's keys as a block: its name, then one entry per binding; last, the marks.
fn key_blocks(
    keymap: &Keymap,
    host: HostChoice,
    theme: &Theme,
    cols: u16,
) -> Vec<Vec<Line<'static>>> {
    let key_cols = keymap
        .bindings
        .iter()
        .map(|b| width(&keys_label(b)))
        .chain(marks(host).iter().map(|(mark, _)| width(mark)))
        .max()
        .unwrap_or(8);
    let mut out: Vec<Vec<Line>> = SECTIONS
        .iter()
        .filter_map(|(scope, name)| {
            let bindings: Vec<&Binding> = keymap.in_scope(*scope).collect();
            if bindings.is_empty() {
                return None;
            }
            let mut lines = heading(name, theme, cols);
            for b in bindings {
                let key = Span::styled(keys_label(b), theme.key());
                lines.extend(entry(key, &host_worded(b, host), key_cols, cols));
            }
            lines.push(Line::raw(""));
            Some(lines)
        })
        .collect();
    let mut lines = heading("Marks", theme, cols);
    for (mark, meaning) in marks(host) {
        lines.extend(entry(
            Span::styled(mark.to_string(), theme.key()),
            meaning,
            key_cols,
            cols,
        ));
    }
    out.push(lines);
    out
}

/// A key's description as the host shown reads it: the currency toggle names the
/// host's currency (`currency: yen / dollars` on Japan; both hosts stay in dollars);
/// with both hosts, the keys the status line leaves out or words otherwise
/// (`ui::hosts::hint_hidden`) say what they do there.
fn host_worded(b: &Binding, host: HostChoice) -> String {
    let both = host.is_both();
    let note = match b.action {
        Action::ToggleReal if both => {
            " (both hosts: dollars / real dollars of the measure, not on a ratio; on Assumptions, Korea's totals)"
        }
        Action::ToggleChartStyle if both => " (one host only: both hosts draw a line and marks)",
        Action::ToggleProjections if both => {
            " (one host only: both hosts show the payments recorded)"
        }
        Action::ToggleCurrency if both => " (both hosts: dollars only)",
        _ => "",
    };
    if b.action != Action::ToggleCurrency {
        return format!("{}{note}", b.help);
    }
    let currency = match host {
        HostChoice::Both => "won or yen",
        one => one.primary().currency(),
    };
    let text = b.help.replacen("won", currency, 1);
    format!("{text}{note}")
}

/// Each term as a block: the term, then its meaning, wrapped with the rows after the
/// first indented under it, and a blank row; a section's name before its first term.
fn glossary_blocks(theme: &Theme, cols: u16) -> Vec<Vec<Line<'static>>> {
    let indent = if cols > 20 { 2 } else { 0 };
    let mut out = Vec::new();
    for (section, terms) in GLOSSARY {
        for (i, (term, meaning)) in terms.iter().enumerate() {
            let mut lines = if i == 0 {
                heading(section, theme, cols)
            } else {
                Vec::new()
            };
            let text = Line::from(vec![
                Span::styled(term.to_string(), theme.bold()),
                Span::raw(format!("  {meaning}")),
            ]);
            let rows = wrap_line(&text, cols - indent);
            lines.extend(rows.into_iter().enumerate().map(|(k, mut row)| {
                if k > 0 && indent > 0 {
                    row.spans.insert(0, Span::raw(" ".repeat(indent.into())));
                }
                row
            }));
            lines.push(Line::raw(""));
            out.push(lines);
        }
    }
    // Nothing under the last term.
    if let Some(last) = out.last_mut() {
        last.pop();
    }
    out
}

/// Where the help overlay goes in `area`: most of a wide screen, all of a narrow one.
fn popup(area: Rect) -> Rect {
    if area.width >= 100 {
        super::centered(area, 90, 94)
    } else {
        area
    }
}

/// The border, its title naming the page shown among the pages (in brackets, so it
/// shows without colour) and the keys that turn them.
fn block<'a>(keymap: &Keymap, page: HelpPage, theme: &Theme) -> Block<'a> {
    let mut title = vec![Span::styled(" Help: ", theme.pane_title(false))];
    for (i, p) in HelpPage::ALL.into_iter().enumerate() {
        if i > 0 {
            title.push(Span::styled(" · ", theme.label()));
        }
        title.push(if p == page {
            Span::styled(format!("[{}]", p.title()), theme.pane_title(true))
        } else {
            Span::styled(p.title(), theme.label())
        });
    }
    let turn = keymap
        .in_scope(Scope::Help)
        .find(|b| b.action == Action::TurnHelpPage(1))
        .map(keys_label);
    if let Some(keys) = turn {
        title.push(Span::styled(format!("  {keys}: next page "), theme.dim()));
    }
    Block::bordered()
        .border_set(ratatui::symbols::border::THICK)
        .border_style(theme.border(true))
        .title(Line::from(title))
}

/// The page's blocks laid out in as many columns as fit `inner`, each block's rows
/// wrapped to its column; blocks are not split.
fn columns(
    keymap: &Keymap,
    page: HelpPage,
    host: HostChoice,
    theme: &Theme,
    inner: Rect,
) -> Vec<Vec<Line<'static>>> {
    let count = (inner.width / MIN_COLUMN).clamp(1, 3);
    let col_width = inner.width / count;
    // A space between columns.
    let text_width = if count > 1 {
        col_width.saturating_sub(2)
    } else {
        col_width
    };
    let blocks = blocks(keymap, page, host, theme, text_width);
    let total: usize = blocks.iter().map(Vec::len).sum();
    let per_column = total.div_ceil(count as usize);
    let mut filled: Vec<Vec<Line>> = vec![Vec::new(); count as usize];
    let mut column = 0;
    for block in blocks {
        if !filled[column].is_empty()
            && filled[column].len() + block.len() > per_column
            && column + 1 < filled.len()
        {
            column += 1;
        }
        filled[column].extend(block);
    }
    filled
}

/// How far the help's page in `area` can scroll, and how many lines a page is.
pub fn limits(keymap: &Keymap, page: HelpPage, host: HostChoice, area: Rect) -> (u16, u16) {
    let theme = Theme::new(false, Default::default());
    let inner = block(keymap, page, &theme).inner(popup(area));
    let longest = columns(keymap, page, host, &theme, inner)
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    let max = longest.saturating_sub(inner.height as usize);
    (max.min(u16::MAX as usize) as u16, inner.height.max(1))
}

pub fn render(
    f: &mut Frame,
    keymap: &Keymap,
    page: HelpPage,
    host: HostChoice,
    scroll: u16,
    area: Rect,
    theme: &Theme,
) {
    let popup = popup(area);
    f.render_widget(Clear, popup);
    let block = block(keymap, page, theme);
    let inner = block.inner(popup);
    f.render_widget(block, popup);
    let filled = columns(keymap, page, host, theme, inner);
    // Scroll only as far as the longest column needs.
    let longest = filled.iter().map(Vec::len).max().unwrap_or(0);
    let scroll = scroll.min(longest.saturating_sub(inner.height as usize) as u16);
    let areas = Layout::horizontal(vec![
        Constraint::Ratio(1, u32::from(filled.len() as u16));
        filled.len()
    ])
    .split(inner);
    for (lines, area) in filled.into_iter().zip(areas.iter()) {
        f.render_widget(Plain::new(lines).scroll(scroll), *area);
    }
    if popup.height > 0 && longest > inner.height as usize + scroll as usize {
        super::more_below(f, popup, "j/↓", theme);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page's text in order, without its spaces: what must all be there, however
    /// it wraps.
    fn source(keymap: &Keymap, page: HelpPage) -> String {
        let mut text = String::new();
        match page {
            HelpPage::Keys => {
                for (scope, name) in SECTIONS {
                    let bindings: Vec<&Binding> = keymap.in_scope(scope).collect();
                    if !bindings.is_empty() {
                        text.push_str(name);
                    }
                    for b in bindings {
                        text.push_str(&keys_label(b));
                        text.push_str(&b.help);
                    }
                }
                text.push_str("Marks");
                for (mark, meaning) in marks(HostChoice::Korea) {
                    text.push_str(mark);
                    text.push_str(meaning);
                }
            }
            HelpPage::Glossary => {
                for (section, terms) in GLOSSARY {
                    text.push_str(section);
                    for (term, meaning) in terms {
                        text.push_str(term);
                        text.push_str(meaning);
                    }
                }
            }
        }
        text.split_whitespace().collect()
    }

    /// The keys page's text at a width, for a host.
    fn keys_text(host: HostChoice) -> String {
        let keymap = crate::config::Config::defaults().keymap;
        let theme = Theme::new(false, Default::default());
        blocks(&keymap, HelpPage::Keys, host, &theme, 200)
            .iter()
            .flatten()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
                    + "\n"
            })
            .collect()
    }

    #[test]
    fn the_currency_key_names_the_shown_host_s_currency() {
        let korea = keys_text(HostChoice::Korea);
        assert!(korea.contains("currency: won / dollars"), "{korea}");
        let japan = keys_text(HostChoice::Japan);
        assert!(japan.contains("currency: yen / dollars"), "{japan}");
        assert!(!japan.contains("won"), "{japan}");
        let both = keys_text(HostChoice::Both);
        assert!(
            both.contains("currency: won or yen / dollars (both hosts: dollars only)"),
            "{both}"
        );
    }

    #[test]
    fn with_both_hosts_the_help_says_what_r_m_p_do_there() {
        let korea = keys_text(HostChoice::Korea);
        assert!(!korea.contains("one host only"), "{korea}");
        assert!(!korea.contains("not on a ratio"), "{korea}");
        let both = keys_text(HostChoice::Both);
        for words in [
            "nominal / real (money of the base year) (both hosts: dollars / real dollars of the measure, not on a ratio; on Assumptions, Korea's totals)",
            "chart: bars / line (one host only: both hosts draw a line and marks)",
            "projections on / off (one host only: both hosts show the payments recorded)",
        ] {
            assert!(both.contains(words), "{words}: {both}");
        }
    }

    #[test]
    fn the_marks_are_those_of_the_host_shown() {
        let korea = keys_text(HostChoice::Korea);
        assert!(korea.contains("the 28,500 level"), "{korea}");
        assert!(korea.contains("a scenario compared with it (x)"), "{korea}");
        assert!(!korea.contains("Japanese fiscal year"), "{korea}");
        let japan = keys_text(HostChoice::Japan);
        assert!(!japan.contains("28,500"), "USFK's level: {japan}");
        for words in [
            "a Japanese fiscal year, April to March",
            "7th Fleet afloat",
            "FY1979–95, not found in the sources",
        ] {
            assert!(japan.contains(words), "{words}: {japan}");
        }
        let both = keys_text(HostChoice::Both);
        assert!(both.contains("Japan's figures beside Korea's"), "{both}");
        assert!(!both.contains("a scenario compared with it (x)"), "{both}");
        assert!(both.contains("Japanese fiscal year"), "{both}");
    }

    #[test]
    fn no_line_is_cut_at_any_width() {
        let keymap = crate::config::Config::defaults().keymap;
        let theme = Theme::new(false, Default::default());
        for page in HelpPage::ALL {
            let expected = source(&keymap, page);
            // From two columns, where a Korean syllable fits.
            for width in 2..=220 {
                let inner = Rect::new(0, 0, width, 30);
                let filled = columns(&keymap, page, HostChoice::Korea, &theme, inner);
                let column = width / filled.len() as u16;
                let mut drawn = String::new();
                for line in filled.iter().flatten() {
                    assert!(
                        line.width() <= usize::from(column),
                        "{page:?} at {width}: {line:?} is wider than {column}"
                    );
                    for span in &line.spans {
                        drawn.extend(span.content.chars().filter(|c| !c.is_whitespace()));
                    }
                }
                assert_eq!(drawn, expected, "{page:?} at {width}");
            }
        }
    }

    #[test]
    fn the_page_scrolls_to_its_last_line() {
        let keymap = crate::config::Config::defaults().keymap;
        let theme = Theme::new(false, Default::default());
        for page in HelpPage::ALL {
            for (width, height) in [(80, 22), (30, 10), (120, 38), (200, 58), (3, 3)] {
                let area = Rect::new(0, 0, width, height);
                let (max, _) = limits(&keymap, page, HostChoice::Korea, area);
                let inner = block(&keymap, page, &theme).inner(popup(area));
                let longest = columns(&keymap, page, HostChoice::Korea, &theme, inner)
                    .iter()
                    .map(Vec::len)
                    .max()
                    .unwrap_or(0);
                assert_eq!(
                    usize::from(max) + usize::from(inner.height),
                    longest.max(usize::from(inner.height)),
                    "{page:?} at {width}×{height}"
                );
            }
        }
    }
}
