//! One function per subcommand: each takes its parsed options, builds what it needs
//! through [`super::setup`], and prints or writes. The rules between options live in
//! `options.rs`, the clap definitions in `mod.rs`; nothing here draws on the terminal
//! but [`dashboard`], through the runtime.

use std::io::IsTerminal;
use std::path::Path;

use clap::CommandFactory;

use crate::app::command::CommandBase;
use crate::app::{App, ChartStyle, HostChoice};
use crate::config::{self, Config, Flag, SetupError};
use crate::data::{Dataset, Hosts, summary::Summary};
use crate::econ::compare::{Comparison, MeasureKind};
use crate::econ::{Assumptions, BandSpreads, CostView, Currency, ScenarioId};
use crate::publish::{self, Size, Theme};
use crate::render;
use crate::report::ProjectionReport;
use crate::report::export::{
    ExportOptions, Series, Table, export_each_host, export_hosts, sources_of_hosts,
};
use crate::runtime::{self, DebugFailure, FailingEvents};
use crate::store;

use super::options::{
    refuse_meaningless_chart_options, refuse_meaningless_export_options,
    refuse_other_hosts_options, refuse_spreads_without_band,
};
use super::{
    ChartArgs, Cli, ExportArgs, FileFormat, Format, HostArg, HostsSetup, InputArgs, ProjectArgs,
    RenderArgs, Setup, ThemeArg, ViewArgs, eprint_problems, load_hosts, present_hosts, setup,
    setup_every_host, setup_hosts, setup_on_korea, with_base_year,
};

/// No subcommand: the dashboard, on the terminal.
pub(super) fn dashboard(cli: &Cli) -> Result<(), SetupError> {
    let s = setup_every_host(
        &cli.input,
        &cli.assumptions.flags_for(cli.host),
        &cli.band.flags(),
        cli.host,
    )?;
    let base = command_base(&cli.input, &s.config, &s.hosts)?;
    let mut app = configured_app_on(s);
    show_host(&mut app, cli.host)?;
    show_measure(&mut app, cli.measure.as_deref());
    app.command_base = base;
    app.mouse |= cli.mouse;
    // Only the live screen reads the clock: `render` stays the same every day.
    app.today = Some(crate::clock::local_now().date_naive());
    load_saved(&mut app);
    if let Some(name) = &cli.scenario {
        app.start_on(name).map_err(|e| format!("--scenario: {e}"))?;
    }
    run_dashboard(app)?;
    Ok(())
}

/// Where a subcommand started beside the dashboard (or `render`) would start: the same
/// `--data` and `--config`, and the assumptions they give without options. The
/// commands the dashboard names (`y` without a clipboard) add what differs from it.
/// Of the hosts whose datasets are read: Japan's history is added where the app takes
/// it ([`App::take_japan`]), as in the app's own assumptions.
pub(super) fn command_base(
    input: &InputArgs,
    config: &Config,
    hosts: &Hosts,
) -> Result<CommandBase, SetupError> {
    let japan = hosts.japan_read().then(|| hosts.japan()).flatten();
    let present: Vec<&Dataset> = std::iter::once(&hosts.korea).chain(japan).collect();
    let assumptions = config.starting_assumptions_of(&present, &[])?;
    Ok(CommandBase::started(
        input.data.as_deref(),
        input.config.as_deref(),
        assumptions,
    ))
}

/// `render`: one frame as text, or as an SVG picture.
pub(super) fn render(input: &InputArgs, args: &RenderArgs) -> Result<(), SetupError> {
    let s = setup_every_host(
        input,
        &args.assumptions.flags_for(args.host),
        &args.band.flags(),
        args.host,
    )?;
    let base = command_base(input, &s.config, &s.hosts)?;
    let mut app = configured_app_on(s);
    show_host(&mut app, args.host)?;
    show_measure(&mut app, args.measure.as_deref());
    app.command_base = base;
    if let Some(name) = &args.scenario {
        start_on(&mut app, name)?;
    }
    app.color = (args.ansi || args.svg.is_some()) && app.color;
    // Text and pictures for documents: no OSC 8 sequences in them.
    app.hyperlinks = false;
    app.paths.no_writes = Some("`render` draws a frame and writes no file");
    let (width, height, keys) = (args.width, args.height, args.keys.clone());
    match &args.svg {
        Some(path) => {
            let text = render::frame_svg(&mut app, width, height, keys)
                .map_err(|e| format!("cannot render: {e}"))?;
            write_file(path, &text)?;
        }
        None => {
            let text = render::frame(&mut app, width, height, keys, args.ansi)
                .map_err(|e| format!("cannot render: {e}"))?;
            print_out(&text)?;
        }
    }
    Ok(())
}

/// `chart`: a pane's chart as SVG and/or PNG.
pub(super) fn chart(input: &InputArgs, args: &ChartArgs) -> Result<(), SetupError> {
    let image = &args.image;
    if image.svg.is_none() && image.png.is_none() {
        return Err("chart: give --svg FILE, --png FILE or both"
            .to_string()
            .into());
    }
    super::options::refuse_one_file_for_two(image.svg.as_deref(), image.png.as_deref())?;
    refuse_meaningless_chart_options(
        args.chart,
        (&args.view, args.measure.as_deref()),
        &args.assumptions,
        &args.band_spreads,
    )?;
    let host = chart_host(args)?;
    refuse_other_hosts_options(host, &args.assumptions)?;
    // The hosts chart loads every host itself, and says where one is missing.
    let needed = if args.chart.pane().is_some() {
        host
    } else {
        HostArg::Kr
    };
    let (s, mut datasets) = setup_hosts(
        input,
        &with_base_year(&args.assumptions, args.view.real.as_ref(), host),
        &args.band_spreads.flags(),
        needed,
    )?;
    let figure = match args.chart.pane() {
        Some(pane) => {
            let dataset = datasets.pop().expect("one host asked for");
            let mut app = configured_app(dataset, &s.config, s.assumptions, s.band);
            show_as_asked(&mut app, &args.view)?;
            app.figure(pane).expect("a chart pane has a figure")
        }
        None => {
            let hosts = load_hosts(input.data.as_deref())?;
            let kind = args
                .measure
                .as_deref()
                .and_then(MeasureKind::from_name)
                .unwrap_or(MeasureKind::PerMember);
            publish::hosts_figure(&hosts, &Comparison::of(&hosts, &s.assumptions), kind)
        }
    };
    let size = Size {
        width: image.width,
        height: image.height,
    };
    let theme = match image.theme {
        ThemeArg::Light => Theme::Light,
        ThemeArg::Dark => Theme::Dark,
    };
    // Everything is drawn before anything is written.
    let svg = publish::to_svg(&figure, size, theme);
    let png = match &image.png {
        Some(_) => Some(publish::to_png(&svg, size)?),
        None => None,
    };
    if let Some(path) = &image.svg {
        write_file(path, &svg)?;
    }
    if let (Some(path), Some(png)) = (&image.png, &png) {
        write_file(path, png)?;
    }
    Ok(())
}

/// The hosts a chart shows: a pane's chart one (Korea unless `--host` says), the
/// hosts chart both.
fn chart_host(args: &ChartArgs) -> Result<HostArg, SetupError> {
    let name = args.chart.key();
    match (args.chart.pane(), args.host) {
        (Some(_), Some(HostArg::All)) => Err(format!(
            "chart {name}: --host all: this chart shows one host; `chart hosts` draws both side by side"
        )
        .into()),
        (Some(_), host) => Ok(host.unwrap_or(HostArg::Kr)),
        (None, None | Some(HostArg::All)) => Ok(HostArg::All),
        (None, Some(host)) => Err(format!(
            "chart hosts: --host {}: this chart shows both hosts (--host all or none)",
            host.key()
        )
        .into()),
    }
}

/// `completions SHELL`.
pub(super) fn completions(shell: clap_complete::Shell) -> Result<(), SetupError> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "sma-dash", &mut out);
    print_out(&String::from_utf8_lossy(&out))?;
    Ok(())
}

/// `man`: the manual page, roff.
pub(super) fn man() -> Result<(), SetupError> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|e| format!("cannot write the manual page: {e}"))?;
    print_out(&String::from_utf8_lossy(&out))?;
    Ok(())
}

/// `config`: where the configuration comes from, or (`--print`) all of it.
pub(super) fn config(input: &InputArgs, print: bool) -> Result<(), SetupError> {
    let Setup { config, .. } = setup(input, &[], &[])?;
    if print {
        print_out(&config.to_toml())?;
        return Ok(());
    }
    let user = match config::user_file(input.config.as_deref(), |v| std::env::var_os(v)) {
        Some(f) if f.path.exists() => format!("{} (read)", f.path.display()),
        Some(f) => format!("{} (none there)", f.path.display()),
        None => "none: set HOME, XDG_CONFIG_HOME or SMA_DASH_CONFIG".into(),
    };
    print_out(&format!(
        "defaults: {} (built in)\nuser file: {user}\nprecedence: options over the user file over the defaults\n`sma-dash config --print` prints the configuration in effect.\n",
        "config/default.toml"
    ))?;
    Ok(())
}

/// `check`: every host's dataset validated and summarised, Korea's first, then the
/// share estimates.
pub(super) fn check(input: &InputArgs) -> Result<(), SetupError> {
    // Every host's problems are reported together, before the config's.
    let hosts = load_hosts(input.data.as_deref())?;
    // The config, checked against Korea's dataset as `setup` checks it, not read again.
    setup_on_korea(input, hosts.korea.clone(), &[], &[])?;
    let summaries: Vec<String> = hosts
        .iter()
        .map(|d| format!("{}\n", Summary::of(d)))
        .collect();
    let mut text = summaries.join("\n");
    if !hosts.shares().estimates.is_empty() {
        text.push_str(&format!("\nshares.toml: {}\n", hosts.shares().summary()));
    }
    print_out(&text)?;
    Ok(())
}

/// `project`: every scenario of each host asked for by year, as a table, CSV or JSON.
pub(super) fn project(input: &InputArgs, args: &ProjectArgs) -> Result<(), SetupError> {
    refuse_spreads_without_band(args.band, &args.band_spreads)?;
    refuse_other_hosts_options(args.host, &args.assumptions)?;
    let flags = with_base_year(&args.assumptions, args.real.as_ref(), args.host);
    let (s, datasets) = setup_hosts(input, &flags, &args.band_spreads.flags(), args.host)?;
    let s = with_saved_scenario(s, &datasets, args.scenario.as_deref(), &flags, "project")?;
    let reports: Vec<ProjectionReport> = datasets
        .iter()
        .map(|d| {
            ProjectionReport::with_band(
                d,
                &s.assumptions,
                args.real.is_some(),
                args.usd,
                args.band.then_some(&s.band),
            )
        })
        .collect();
    let text = match (args.format, reports.as_slice()) {
        (Format::Table, _) => reports
            .iter()
            .map(ProjectionReport::to_table)
            .collect::<Vec<_>>()
            .join("\n"),
        (Format::Csv, [one]) => one.to_csv(),
        (Format::Csv, _) => {
            Table::stacked(reports.iter().map(|r| (r.host, r.to_cells())).collect()).to_csv()
        }
        (Format::Json, [one]) => one.to_json(),
        (Format::Json, _) => ProjectionReport::to_json_of_hosts(&reports),
    };
    print_out(&text)?;
    Ok(())
}

/// `export SERIES`: one series as CSV or JSON, on standard output or to a file.
pub(super) fn export_series(input: &InputArgs, args: &ExportArgs) -> Result<(), SetupError> {
    refuse_meaningless_export_options(
        args.series,
        &[
            ("--real", args.real.is_some()),
            ("--usd", args.usd),
            ("--scenario", args.scenario.is_some()),
        ],
        &args.assumptions,
        args.band,
        &args.band_spreads,
    )?;
    refuse_other_hosts_options(args.host, &args.assumptions)?;
    let flags = with_base_year(&args.assumptions, args.real.as_ref(), args.host);
    let (s, datasets) = setup_hosts(input, &flags, &args.band_spreads.flags(), args.host)?;
    let s = with_saved_scenario(s, &datasets, args.scenario.as_deref(), &flags, "export")?;
    let options = ExportOptions {
        real: args.real.is_some(),
        usd: args.usd,
        band: args.band.then_some(s.band),
    };
    let table = match args.series {
        // Of the hosts together, whatever --host says.
        Series::Shares | Series::Measures => {
            let hosts = load_hosts(input.data.as_deref())?;
            export_hosts(&hosts, &s.assumptions, args.series, options)
        }
        // Each host's sources, with what they support among every host shown.
        Series::Sources => {
            let hosts = load_hosts(input.data.as_deref())?;
            sources_of_hosts(&hosts, args.host.hosts())
        }
        _ => export_each_host(&datasets, &s.assumptions, args.series, options),
    };
    let text = match args.format {
        FileFormat::Csv => table.to_csv(),
        FileFormat::Json => table.to_json(),
    };
    match &args.output {
        Some(path) => write_file(path, &text)?,
        None => print_out(&text)?,
    }
    Ok(())
}

/// Writes `contents` where the user named: a file is replaced whole (there complete, or
/// not changed), a device or FIFO written through, `-` is standard output.
fn write_file(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    let shown = path.display();
    if path.is_dir() || path.as_os_str().to_string_lossy().ends_with('/') {
        return Err(format!(
            "cannot write {shown}: it names a directory, not a file"
        ));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(format!(
            "cannot write {shown}: no such directory {}",
            dir.display()
        ));
    }
    store::write_named(path, contents).map_err(|e| format!("cannot write {shown}: {e}"))
}

/// Sets the app's view as the chart options ask, from the dashboard's defaults rather
/// than the config's [start], so that the same options draw the same chart anywhere.
pub(super) fn show_as_asked(app: &mut App, view: &ViewArgs) -> Result<(), SetupError> {
    let host = app.data.info.host;
    let (metric, troops) = view
        .metric
        .as_deref()
        .and_then(config::metric_named)
        .unwrap_or((CostView::default().metric, CostView::default().troops));
    app.change(|i| {
        i.view = CostView {
            metric,
            troops,
            currency: if view.usd {
                Currency::Usd
            } else {
                Currency::Local
            },
            real: view.real.is_some(),
        };
        i.show_projections = !view.no_projections;
        i.show_band = view.band;
        i.chart = if view.bars {
            ChartStyle::Bars
        } else {
            ChartStyle::Line
        };
        i.scenario = ScenarioId::of_host(host)[0];
    });
    if let Some(name) = &view.scenario {
        start_on(app, name)?;
    }
    let compare = view
        .compare
        .iter()
        .map(|name| {
            ScenarioId::from_key_of(host, name.trim()).ok_or_else(|| {
                let keys: Vec<&str> = ScenarioId::of_host(host).iter().map(|s| s.key()).collect();
                format!(
                    "--compare: expected one of {}, found \"{name}\"",
                    keys.join(", ")
                )
            })
        })
        .collect::<Result<_, _>>()?;
    app.change(|i| i.compare = compare);
    Ok(())
}

/// `--scenario NAME` as the dashboard, `render` and `chart` read it: a built-in
/// scenario's key pins that scenario; any other name is a saved scenario's, whose
/// assumptions apply (only then are the saved scenarios read).
fn start_on(app: &mut App, name: &str) -> Result<(), SetupError> {
    if ScenarioId::from_key(name).is_none() {
        load_saved(app);
    }
    app.start_on(name)
        .map_err(|e| format!("--scenario: {e}").into())
}

/// `--scenario NAME` on `project` and `export`, which give every built-in scenario
/// already: a saved scenario's assumptions replace the config's, read as [`start_on`]
/// reads them, and the command line's options apply over them, so a saved scenario
/// gives the same file every time.
fn with_saved_scenario(
    s: Setup,
    datasets: &[Dataset],
    name: Option<&str>,
    flags: &[Flag],
    command: &str,
) -> Result<Setup, SetupError> {
    let Some(name) = name else {
        return Ok(s);
    };
    if ScenarioId::from_key(name).is_some() {
        return Err(format!(
            "--scenario {name}: `{command}` gives every built-in scenario already; here --scenario names a saved scenario"
        )
        .into());
    }
    let Setup {
        dataset,
        config,
        assumptions,
        band,
    } = s;
    // A saved scenario of an earlier version holds Korea's assumptions alone: Japan's
    // then stay as given (`SavedScenario::applied_to`).
    let mut app = configured_app(dataset, &config, assumptions, band);
    start_on(&mut app, name)?;
    let mut assumptions = app.inputs().assumptions.clone();
    // Each flag against its own host's record: Korea's first, then the others asked for.
    let mut records = vec![&app.data];
    records.extend(
        datasets
            .iter()
            .filter(|d| d.info.host != app.data.info.host),
    );
    config::apply_flags(&mut assumptions, &records, flags)?;
    let band = app.inputs().band_spreads;
    Ok(Setup {
        dataset: app.data,
        config,
        assumptions,
        band,
    })
}

/// The dashboard (or `render`) showing `host` (Korea where not given); a host without a
/// dataset is refused as on the other commands, before the screen is taken.
pub(super) fn show_host(app: &mut App, host: Option<HostArg>) -> Result<(), SetupError> {
    let Some(host) = host else {
        return Ok(());
    };
    present_hosts(&app.hosts, host)?;
    let choice = HostChoice::from_key(host.key()).unwrap_or_default();
    app.change(|i| i.host = choice);
    app.follow_year();
    Ok(())
}

/// `--measure NAME` (clap has checked the name): the measure of both hosts' Costs.
pub(super) fn show_measure(app: &mut App, name: Option<&str>) {
    if let Some(m) = name.and_then(MeasureKind::from_name) {
        app.change(|i| i.measure = m);
    }
}

/// The app on every host's dataset as the config sets it up, starting from the setup's
/// assumptions.
pub(super) fn configured_app_on(s: HostsSetup) -> App {
    let mut app = s.config.app_on(s.hosts, |i| {
        i.assumptions = s.assumptions;
        i.band_spreads = s.band;
    });
    no_color(&mut app);
    app
}

/// Colour off where NO_COLOR asks (<https://no-color.org>: any non-empty value).
fn no_color(app: &mut App) {
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
}

/// The app as the config sets it up, starting from `assumptions`.
pub(super) fn configured_app(
    dataset: Dataset,
    config: &Config,
    assumptions: Assumptions,
    band: BandSpreads,
) -> App {
    let mut app = config.app_with(dataset, |i| {
        i.assumptions = assumptions;
        i.band_spreads = band;
    });
    no_color(&mut app);
    app
}

/// The user's saved scenarios, from the data directory: the only place the environment's
/// directories are read (the rest takes paths). A file that does not read is moved
/// aside, with a warning on stderr and on the first frame's status line.
fn load_saved(app: &mut App) {
    app.paths.scenarios =
        store::scenarios_path(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"));
    if let Some(path) = &app.paths.scenarios {
        let loaded = store::load(path, chrono::Utc::now());
        if let Some(warning) = &loaded.warning {
            eprintln!("sma-dash: warning: {warning}");
        }
        // The warning names the first problem; the others follow it.
        if let Some(problems) = loaded.problems.as_ref().filter(|p| p.diagnostics.len() > 1) {
            eprint_problems(problems);
        }
        app.saved = loaded.scenarios;
        app.status = loaded.warning;
        if !app.saved.is_empty() {
            // The Assumptions pane marks the saved scenario in use by every assumption,
            // Japan's too.
            app.take_japan();
        }
    }
}

/// Runs the dashboard; everything that can fail is checked before the screen is taken.
fn run_dashboard(mut app: App) -> Result<(), String> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err("the dashboard needs a terminal; `sma-dash check` prints a summary".into());
    }
    let mouse = app.mouse;
    // What the terminal's terminfo entry says it shows; NO_COLOR has had its say.
    let term = std::env::var("TERM").ok();
    let can = crate::term::Capabilities::of(term.as_deref(), |v| std::env::var_os(v));
    app.color &= can.colours;
    app.hyperlinks &= can.hyperlinks;
    app.clipboard_off =
        runtime::clipboard_off(app.clipboard_off.is_none(), term.as_deref(), can.hyperlinks);
    let debug_failure = std::env::var("SMA_DASH_DEBUG_FAIL")
        .ok()
        .and_then(|v| DebugFailure::from_env_value(&v));
    let result = runtime::enter(mouse).and_then(|(mut terminal, mut events)| match debug_failure {
        Some(failure) => runtime::run(&mut terminal, &mut app, &mut FailingEvents(failure)),
        None => runtime::run(&mut terminal, &mut app, &mut events),
    });
    let restored = runtime::restore(mouse);
    result
        .and(restored)
        .map(|_| ())
        .map_err(|e| format!("terminal error: {e}"))
}

/// Writes to standard output; a reader that stops early (`| head`) is not an error.
pub(super) fn print_out(text: &str) -> Result<(), String> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write to standard output: {e}"))
        }
        _ => Ok(()),
    }
}
