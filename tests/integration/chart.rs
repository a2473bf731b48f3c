//! Charts for publication: `sma-dash chart`, `i` in the dashboard, `render --svg`.
//! The images parse, hold their words, draw the numbers `project` and `export` give,
//! and bad paths and sizes fail cleanly.

use std::path::Path;
use std::process::Output;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use sma_dash::app::{App, ChartStyle, Pane};
use sma_dash::config::Config;
use sma_dash::data::Dataset;
use sma_dash::publish::{Figure, Size, Theme, layout, to_png, to_svg};
use sma_dash::runtime::{ScriptedEvents, run};

/// The binary with no config file of the user's in the way.
fn sma_dash(args: &[&str]) -> Output {
    super::cli::sma_dash_with(
        args,
        &[("XDG_DATA_HOME", Path::new("/nonexistent/sma-dash-tests"))],
    )
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The app as the command line starts it with the built-in config.
fn app() -> App {
    let config = Config::from_user_file(None).unwrap_or_else(|_| panic!("the defaults load"));
    let data = Dataset::embedded().expect("the embedded dataset loads");
    let assumptions = config
        .starting_assumptions(&data, &[])
        .unwrap_or_else(|_| panic!("the default assumptions hold"));
    config.app_with(data, |i| i.assumptions = assumptions)
}

/// Every text element's words, each element's spans joined as it reads.
fn texts(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            n.descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect::<String>()
        })
        .collect()
}

/// The markers of a series: (year, value, cx, cy).
fn markers(doc: &roxmltree::Document, series: &str) -> Vec<(i32, f64, f64, f64)> {
    doc.descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("data-series") == Some(series))
        .flat_map(|g| {
            g.children()
                .filter(|c| c.has_tag_name("circle") && c.has_attribute("data-year"))
        })
        .map(|c| {
            let num = |a: &str| c.attribute(a).unwrap().parse::<f64>().unwrap();
            (
                num("data-year") as i32,
                num("data-value"),
                num("cx"),
                num("cy"),
            )
        })
        .collect()
}

/// CSV rows as maps of column to cell.
fn csv_rows(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn one_decimal(v: f64) -> String {
    format!("{v:.1}")
}

#[test]
fn the_svg_parses_and_holds_title_axes_legend_source_and_stamp() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("costs.svg");
    let o = sma_dash(&["chart", "costs", "--svg", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&path).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("the SVG is XML");
    let root = doc.root_element();
    assert_eq!(root.attribute("width"), Some("1200"));
    assert_eq!(root.attribute("height"), Some("675"));
    let words = texts(&doc);
    let has = |needle: &str| words.iter().any(|w| w.contains(needle));
    assert!(has("Korea's SMA contribution"), "title: {words:?}");
    assert!(has("billion won, nominal"), "unit and basis: {words:?}");
    for year in ["1995", "2000", "2030", "2035"] {
        assert!(words.iter().any(|w| w == year), "x label {year}: {words:?}");
    }
    for tick in ["0", "500", "1,000", "2,000"] {
        assert!(words.iter().any(|w| w == tick), "y tick {tick}: {words:?}");
    }
    assert!(has("recorded 1991–"), "legend: {words:?}");
    assert!(
        has("12th SMA rule (CPI, cap 5 %), projected"),
        "legend: {words:?}"
    );
    assert!(
        has("projected"),
        "the projected years are marked: {words:?}"
    );
    assert!(has("† 12th SMA rule extended past 2030"), "{words:?}");
    assert!(has("Sources: "), "source line: {words:?}");
    // The stamp, as `export` writes it in its assumptions column.
    let export = stdout(&sma_dash(&["export", "projections"]));
    let stamp = &csv_rows(&export)[0]["assumptions"];
    let version = &csv_rows(&export)[0]["dataset_version"];
    assert!(
        has(&format!("assumptions: {stamp}")),
        "{stamp} in {words:?}"
    );
    assert!(has(&format!("dataset {version}")), "{words:?}");
    // Projected points hollow, capped or extended ones marked.
    let points = markers(&doc, "12th-sma");
    assert!(points.iter().any(|p| p.0 == 2035));
    let marks: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("mark"))
        .filter_map(|n| n.text())
        .collect();
    assert!(marks.contains(&"†"), "{marks:?}");
}

#[test]
fn the_values_drawn_are_those_project_and_export_give() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("usd.svg");
    let options = ["--usd", "--cpi", "3", "--horizon", "2032"];
    let mut args = vec!["chart", "costs", "--compare", "demand-10bn", "--svg"];
    args.push(path.to_str().unwrap());
    args.extend(options);
    let o = sma_dash(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc_text = std::fs::read_to_string(&path).unwrap();
    let doc = roxmltree::Document::parse(&doc_text).unwrap();

    let mut project = vec!["project", "--format", "csv"];
    project.extend(options);
    let projected = csv_rows(&stdout(&sma_dash(&project)));
    let usd = |scenario: &str, year: i32| {
        projected
            .iter()
            .find(|r| r["scenario"] == scenario && r["year"] == year.to_string())
            .map(|r| r["usd_m"].clone())
            .unwrap_or_else(|| panic!("project has {scenario} {year}"))
    };
    let pinned = markers(&doc, "12th-sma");
    let compared = markers(&doc, "demand-10bn");
    let mut checked = 0;
    for (year, value, ..) in pinned.iter().filter(|p| p.0 >= 2027) {
        assert_eq!(
            one_decimal(*value),
            usd("12th-sma", *year),
            "12th-sma {year}"
        );
        checked += 1;
    }
    for (year, value, ..) in compared.iter().filter(|p| p.0 >= 2027) {
        assert_eq!(
            one_decimal(*value),
            usd("demand-10bn", *year),
            "demand-10bn {year}"
        );
        checked += 1;
    }
    assert_eq!(checked, 12, "2027–2032 for two scenarios");
    assert_eq!(pinned.last().map(|p| p.0), Some(2032));

    // The recorded years, against `export contributions`.
    let mut export = vec!["export", "contributions"];
    export.extend(options);
    let recorded = csv_rows(&stdout(&sma_dash(&export)));
    for year in [1991, 2014, 2019] {
        let row = recorded
            .iter()
            .find(|r| r["year"] == year.to_string())
            .unwrap();
        let drawn = pinned.iter().find(|p| p.0 == year).unwrap();
        assert_eq!(one_decimal(drawn.1), row["usd_m"], "{year}");
    }

    // Positions: the same value sits at the same height, a greater one higher, and
    // years step evenly to the right.
    let by_year = |y: i32| *pinned.iter().find(|p| p.0 == y).unwrap();
    let (a, b, c) = (by_year(2000), by_year(2010), by_year(2020));
    assert!(((b.2 - a.2) - (c.2 - b.2)).abs() < 0.2, "{a:?} {b:?} {c:?}");
    let per_unit = (a.3 - c.3) / (c.1 - a.1);
    assert!(per_unit > 0.0, "greater values are higher");
    assert!(((a.3 - b.3) - (b.1 - a.1) * per_unit).abs() < 0.3);
}

/// `chart costs` with `args`, as SVG text, written in `dir`.
fn costs_svg(dir: &std::path::Path, args: &[&str]) -> String {
    let path = dir.join("c.svg");
    let mut all = vec!["chart", "costs", "--svg", path.to_str().unwrap()];
    all.extend(args);
    let o = sma_dash(&all);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::read_to_string(&path).unwrap()
}

/// The years whose marker says `status`, of a series.
fn years_marked(doc: &roxmltree::Document, series: &str, status: &str) -> Vec<i32> {
    doc.descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("data-series") == Some(series))
        .flat_map(|g| g.children())
        .filter(|c| c.attribute("data-status") == Some(status))
        .map(|c| c.attribute("data-year").unwrap().parse().unwrap())
        .collect()
}

#[test]
fn converted_figures_are_marked_apart_from_published_ones_as_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let svg = |args: &[&str]| costs_svg(dir.path(), args);
    // In won, the years agreed in dollars (1991–2001) are converted from their dollars,
    // and so in part are the 5th SMA's years split into dollars and won (2002, 2004);
    // `export contributions` writes each with the same status. The others are as
    // published.
    let won = svg(&[]);
    let doc = roxmltree::Document::parse(&won).unwrap();
    let export = csv_rows(&stdout(&sma_dash(&["export", "contributions"])));
    let expected: Vec<i32> = export
        .iter()
        .filter(|r| r["krw_status"] == "converted")
        .map(|r| r["year"].parse().unwrap())
        .collect();
    assert_eq!(
        expected,
        [
            1991, 1992, 1993, 1994, 1995, 1996, 1997, 1998, 1999, 2000, 2001, 2002, 2004
        ]
    );
    assert!(
        export.iter().all(|r| !r["krw_bn"].is_empty()),
        "every drawn year is written"
    );
    assert_eq!(years_marked(&doc, "12th-sma", "converted"), expected);
    let recorded = years_marked(&doc, "12th-sma", "recorded");
    assert!(
        recorded.contains(&2003) && recorded.contains(&2014) && !recorded.contains(&1995),
        "{recorded:?}"
    );
    assert!(
        texts(&doc)
            .concat()
            .contains("converted from the published dollars"),
        "the legend says what the ring with a dot means"
    );
    // In dollars, the won-only years are the converted ones.
    let dollars = svg(&["--usd"]);
    let doc = roxmltree::Document::parse(&dollars).unwrap();
    let export = csv_rows(&stdout(&sma_dash(&["export", "contributions", "--usd"])));
    let expected: Vec<i32> = export
        .iter()
        .filter(|r| ["converted", "combined"].contains(&r["usd_origin"].as_str()))
        .map(|r| r["year"].parse().unwrap())
        .collect();
    assert!(
        expected.contains(&2018) && expected.contains(&2014) && expected.contains(&2009),
        "{expected:?}"
    );
    assert_eq!(years_marked(&doc, "12th-sma", "converted"), expected);
    assert!(
        texts(&doc)
            .concat()
            .contains("converted from the published won; 2002 and 2004 combined")
    );
    // The 5th SMA's years say they combine a dollar and a won part, not only "converted".
    assert!(
        texts(&doc)
            .concat()
            .contains("2002 and 2004 agreed in dollars and won: the two parts combined"),
        "{:?}",
        texts(&doc)
    );
}

/// The bars of a series: (year, value, status, fill).
fn bars(doc: &roxmltree::Document, series: &str) -> Vec<(i32, f64, String, String)> {
    doc.descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("data-series") == Some(series))
        .flat_map(|g| {
            g.children()
                .filter(|c| c.has_tag_name("rect") && c.has_attribute("data-year"))
        })
        .map(|c| {
            let text = |a: &str| c.attribute(a).unwrap().to_string();
            (
                text("data-year").parse().unwrap(),
                text("data-value").parse().unwrap(),
                text("data-status"),
                text("fill"),
            )
        })
        .collect()
}

#[test]
fn bars_draw_the_same_figures_as_the_line_published_filled_projected_outlined() {
    let dir = tempfile::tempdir().unwrap();
    let svg = |args: &[&str]| costs_svg(dir.path(), args);
    let line = svg(&["--usd"]);
    let line = roxmltree::Document::parse(&line).unwrap();
    let drawn = svg(&["--usd", "--bars"]);
    let doc = roxmltree::Document::parse(&drawn).unwrap();
    let bars = bars(&doc, "12th-sma");
    let points = markers(&line, "12th-sma");
    assert_eq!(bars.len(), points.len());
    for (bar, point) in bars.iter().zip(&points) {
        assert_eq!((bar.0, bar.1), (point.0, point.1));
    }
    assert!(markers(&doc, "12th-sma").is_empty(), "bars, not points");
    let fill = |year: i32| {
        let b = bars.iter().find(|b| b.0 == year).unwrap();
        (b.2.as_str(), b.3.clone())
    };
    let (status, published) = fill(1995);
    assert_eq!(status, "recorded");
    let (status, projected) = fill(2030);
    assert_eq!(status, "projected");
    assert_ne!(
        projected, published,
        "a projected bar is outlined, not filled"
    );
    assert_eq!(fill(2018).0, "converted");
    // Bars and a comparison do not go together, as on the dashboard.
    let o = sma_dash(&[
        "chart",
        "costs",
        "--bars",
        "--compare",
        "demand-5bn",
        "--svg",
        dir.path().join("x.svg").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("drawn as lines"), "{}", stderr(&o));
    let o = sma_dash(&["chart", "troops", "--bars", "--svg", "/tmp/x.svg"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn in_process_markers_sit_where_the_layout_puts_their_values() {
    let mut app = app();
    app.change(|i| {
        i.chart = ChartStyle::Line;
        i.show_band = true;
    });
    let figure = app.figure(Pane::Costs).unwrap();
    let size = Size::default();
    let svg = to_svg(&figure, size, Theme::Light);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let l = layout(&figure, size);
    let points = markers(&doc, "12th-sma");
    assert_eq!(
        points.len(),
        app.derived()
            .costs
            .iter()
            .filter(|p| p.value.is_some())
            .count()
    );
    for (year, value, cx, cy) in points {
        let series = app.derived().costs.iter().find(|p| p.year == year).unwrap();
        assert_eq!(Some(value), series.value, "{year}");
        assert!((cx - l.x(year)).abs() < 0.06 && (cy - l.y(value)).abs() < 0.06);
        assert!(cy >= l.top && cy <= l.bottom && cx >= l.left && cx <= l.right);
    }
    // The band is drawn, with the footer naming its spreads.
    assert!(svg.contains(r#"class="band" data-series="12th-sma""#));
    assert!(svg.contains(&format!("band: {}", app.inputs().band_spreads.stamp())));
}

#[test]
fn the_png_has_the_requested_size_and_a_drawn_plot() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.png");
    let o = sma_dash(&[
        "chart",
        "costs",
        "--png",
        path.to_str().unwrap(),
        "--width",
        "800",
        "--height",
        "450",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!((info.width, info.height), (800, 450));
    assert_eq!(info.color_type, png::ColorType::Rgba);
    let size = Size {
        width: 800,
        height: 450,
    };
    let l = layout(&app().figure(Pane::Costs).unwrap(), size);
    let at = |x: u32, y: u32| {
        let i = ((y * info.width + x) * 4) as usize;
        [pixels[i], pixels[i + 1], pixels[i + 2]]
    };
    let (mut inked, mut total) = (0, 0);
    for y in l.top as u32..l.bottom as u32 {
        for x in l.left as u32..l.right as u32 {
            total += 1;
            if at(x, y).iter().any(|c| *c < 200) {
                inked += 1;
            }
        }
    }
    assert!(
        inked * 100 > total,
        "{inked} of {total} pixels drawn in the plot"
    );
    // The title is set in the embedded font: dark pixels at its start.
    let title = (40..400).any(|x| (20..45).any(|y| at(x, y).iter().all(|c| *c < 80)));
    assert!(title, "the title is drawn");
}

#[test]
fn every_chart_draws_in_both_themes_and_at_600_px() {
    let app = app();
    for pane in [Pane::Costs, Pane::Troops, Pane::Assumptions] {
        let figure = app.figure(pane).unwrap();
        for theme in [Theme::Light, Theme::Dark] {
            let size = Size {
                width: 600,
                height: 400,
            };
            let svg = to_svg(&figure, size, theme);
            roxmltree::Document::parse(&svg).unwrap();
            let png = to_png(&svg, size).unwrap();
            assert!(png.starts_with(b"\x89PNG"));
            let l = layout(&figure, size);
            assert!(l.bottom - l.top > 100.0, "{pane:?}: a plot to read, {l:?}");
        }
    }
    assert!(app.figure(Pane::Timeline).is_none());
}

#[test]
fn troops_show_the_28500_level_and_their_sources() {
    let figure: Figure = app().figure(Pane::Troops).unwrap();
    let svg = to_svg(&figure, Size::default(), Theme::Light);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let words = texts(&doc);
    assert!(words.iter().any(|w| w == "28,500"), "{words:?}");
    assert!(svg.contains(r#"class="level""#));
    let counts = markers(&doc, "troops");
    let data = Dataset::embedded().unwrap();
    let t2008 = data.troop_count(2008).unwrap().troops.unwrap();
    assert!(
        counts
            .iter()
            .any(|p| p.0 == 2008 && p.1 == f64::from(t2008))
    );
    assert!(words.iter().any(|w| w.starts_with("Sources: ")));
    assert!(words.iter().any(|w| w.contains("no assumptions")));
}

#[test]
fn svg_snapshots() {
    let app = app();
    for (pane, name) in [
        (Pane::Costs, "chart_costs"),
        (Pane::Troops, "chart_troops"),
        (Pane::Assumptions, "chart_scenarios"),
    ] {
        let svg = to_svg(&app.figure(pane).unwrap(), Size::default(), Theme::Light);
        insta::assert_snapshot!(name, svg);
    }
    // The dashboard draws Costs as bars to start with; `m` (and `chart`) as a line.
    let mut app = app;
    app.change(|i| i.chart = ChartStyle::Line);
    let svg = to_svg(
        &app.figure(Pane::Costs).unwrap(),
        Size::default(),
        Theme::Light,
    );
    insta::assert_snapshot!("chart_costs_line", svg);
}

#[test]
fn bad_paths_and_sizes_fail_with_status_2_and_leave_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let inside = |name: &str| dir.path().join(name).display().to_string();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec!["--svg".into(), inside("missing/c.svg")],
            "cannot write",
        ),
        (
            vec!["--png".into(), format!("{}/", dir.path().display())],
            "names a directory",
        ),
        (
            vec![
                "--svg".into(),
                inside("c.svg"),
                "--width".into(),
                "0".into(),
            ],
            "expected a width in pixels",
        ),
        (
            vec![
                "--png".into(),
                inside("c.png"),
                "--height".into(),
                "0".into(),
            ],
            "expected a height in pixels",
        ),
        (vec![], "give --svg FILE, --png FILE or both"),
    ];
    for (extra, message) in cases {
        let mut args = vec!["chart".to_string(), "costs".into()];
        args.extend(extra);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = sma_dash(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.starts_with("sma-dash: ") && err.contains(message),
            "{args:?}: {err}"
        );
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);

    // A directory that cannot be written: nothing is left in it, not even a temp file.
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    let writable = std::fs::write(locked.join("probe"), "").is_ok();
    if !writable {
        let target = locked.join("c.svg");
        let o = sma_dash(&["chart", "costs", "--svg", target.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2));
        assert!(
            stderr(&o).starts_with("sma-dash: cannot write"),
            "{}",
            stderr(&o)
        );
        assert_eq!(std::fs::read_dir(&locked).unwrap().count(), 0);
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn options_that_do_not_apply_to_a_chart_are_refused() {
    let o = sma_dash(&["chart", "troops", "--usd", "--svg", "/tmp/x.svg"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("chart troops: --usd does not apply"));
    let o = sma_dash(&[
        "chart",
        "scenarios",
        "--compare",
        "custom",
        "--svg",
        "/tmp/x.svg",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("chart scenarios: --compare does not apply"));
    let o = sma_dash(&["chart", "costs", "--band-cpi", "2", "--svg", "/tmp/x.svg"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("add --band"), "{}", stderr(&o));
    let o = sma_dash(&["chart", "costs", "--compare", "nope", "--svg", "/tmp/x.svg"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--compare: expected one of 12th-sma"));
}

#[test]
fn the_i_key_writes_the_focused_chart_as_svg_and_png() {
    // A directory given relative to where the dashboard runs: the status line names
    // the files by absolute path, as it does an export's.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let cwd = std::env::current_dir().unwrap();
    let mut app = app();
    app.paths.export_dir = dir
        .path()
        .strip_prefix(&cwd)
        .expect("the target dir is under the package")
        .to_path_buf();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut keys = ScriptedEvents::parse("2ui").unwrap();
    run(&mut terminal, &mut app, &mut keys).unwrap();
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files[0].starts_with("sma-dash-costs-") && files[0].ends_with(".png"));
    assert!(files[1].starts_with("sma-dash-costs-") && files[1].ends_with(".svg"));
    let status = app.status.clone().unwrap_or_default();
    for file in &files {
        let path = dir.path().join(file);
        assert!(
            status.contains(&path.display().to_string()),
            "the status line names both by absolute path: {status}"
        );
    }
    // As the pane shows it: in dollars, as `u` switched it.
    let svg = std::fs::read_to_string(dir.path().join(&files[1])).unwrap();
    assert!(svg.contains("million $, nominal"), "{svg}");
    let png = std::fs::read(dir.path().join(&files[0])).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert!(!bars(&doc, "12th-sma").is_empty(), "the dashboard's bars");
    // As shown after m: a line.
    let svgs = || -> Vec<std::path::PathBuf> {
        std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "svg"))
            .collect()
    };
    let before = svgs();
    let mut keys = ScriptedEvents::parse("mi").unwrap();
    run(&mut terminal, &mut app, &mut keys).unwrap();
    // The new file (within one second its name takes a suffix, so not the greatest).
    let newest = svgs()
        .into_iter()
        .find(|p| !before.contains(p))
        .expect("a new SVG");
    let svg = std::fs::read_to_string(newest).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert!(
        bars(&doc, "12th-sma").is_empty(),
        "a line, as the pane shows"
    );
    assert!(!markers(&doc, "12th-sma").is_empty());
    let mut keys = ScriptedEvents::parse("m").unwrap();
    run(&mut terminal, &mut app, &mut keys).unwrap();
    // Again: new names, the first files kept.
    let mut keys = ScriptedEvents::parse("i").unwrap();
    run(&mut terminal, &mut app, &mut keys).unwrap();
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 6);
}

#[test]
fn render_svg_draws_the_dashboard_with_its_colours() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dash.svg");
    let o = sma_dash(&[
        "render",
        "--width",
        "80",
        "--height",
        "24",
        "--svg",
        path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let text = std::fs::read_to_string(&path).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let words = texts(&doc).concat();
    assert!(
        words.contains("Timeline") && words.contains("Costs"),
        "{words}"
    );
    let coloured = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect"))
        .filter(|n| n.attribute("fill") != Some("#1c1c1c"))
        .count();
    assert!(coloured > 0, "backgrounds are drawn");
    assert_eq!(doc.root_element().attribute("width"), Some("768"));
}

#[test]
fn completions_and_the_manual_page() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = sma_dash(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let out = stdout(&o);
        assert!(out.contains("sma-dash") && out.contains("chart"), "{shell}");
    }
    let o = sma_dash(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
    let o = sma_dash(&["man"]);
    assert_eq!(o.status.code(), Some(0));
    let man = stdout(&o);
    assert!(man.contains(".TH sma-dash 1"), "{man}");
    assert!(man.contains("chart") && man.contains("completions"));
}

#[test]
fn chart_help_groups_its_options() {
    let out = stdout(&sma_dash(&["chart", "--help"]));
    for heading in [
        "Image:",
        "What the chart shows (as the dashboard's keys):",
        "Assumptions (options over config over defaults):",
        "Band (options over config over defaults):",
    ] {
        assert!(out.contains(heading), "{heading} in {out}");
    }
    assert!(out.contains("--svg <FILE>") && out.contains("--theme <THEME>"));
    assert!(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/fonts/LICENSE-DejaVu.txt")
            .exists()
    );
}
